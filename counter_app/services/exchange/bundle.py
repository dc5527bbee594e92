"""The bundle file: a zip holding a signed manifest and its parts.

::

    manifest.json   what the bundle is (format, kind, id, sender's key, schema and app versions,
                    the chains it carries, the SHA-256 of each part), canonical JSON
    manifest.sig    the sender's Ed25519 signature over the manifest's exact bytes
    events.jsonl    (``events`` bundles) one event a line, ``event_json``
    catalog.jsonl   (``baseline`` bundles) one procedure a line, the catalogue's own format
    calendar.jsonl  (``baseline`` bundles) one day of the province's calendar a line

The signature covers the manifest, the manifest covers each part by its hash: a part changed,
cut short or swapped is seen before anything is applied. The same file can later travel over HTTPS
unchanged (docs/exchange.md). Reading is bounded: only the names above, and no part larger than
``MAX_PART_BYTES`` once unpacked, so a zip bomb is refused before it is unpacked.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from counter_app.db.event_log import canonical_json
from counter_app.domain.errors import Message, UserError
from counter_app.services.exchange.keys import decode_key, encode_key, public_bytes, verify_signature

FORMAT = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
EVENTS = "events.jsonl"
CATALOG = "catalog.jsonl"
CALENDAR = "calendar.jsonl"
FORMS = "forms.jsonl"  # the province's wording of the slips' forms (a baseline from 0022 on)
KNOWN_PARTS = (EVENTS, CATALOG, CALENDAR, FORMS)
MAX_MANIFEST_BYTES = 4 << 20
MAX_PART_BYTES = 8 << 30
MAX_LINE_BYTES = 1 << 20  # one event: its longest texts are limited to a few thousand characters


@dataclass(frozen=True)
class ReadBundle:
    path: Path
    manifest: dict[str, object]
    signer: bytes  # the raw public key the manifest names and whose signature it carries

    @property
    def kind(self) -> str:
        return str(self.manifest.get("kind"))

    def lines(self, part: str) -> Iterator[dict[str, object]]:
        """The part's JSON lines, read once its SHA-256 matched the manifest's (a part damaged on
        the stick, cut short or changed is refused before anything in it is parsed)."""
        expected = dict(self.manifest.get("parts") or {}).get(part)  # type: ignore[call-overload]
        digest = hashlib.sha256()
        for chunk in self._raw(part, size=1 << 20):
            digest.update(chunk)
        if digest.hexdigest() != expected:
            raise refused(
                self.path,
                Message("phần {part} không khớp mã băm trong bản kê (gói bị sửa hoặc bị cắt)", part=part),
            )
        for raw in self._raw(part, line=MAX_LINE_BYTES + 1):
            if len(raw) > MAX_LINE_BYTES:
                raise refused(self.path, Message("phần {part} có một dòng quá dài", part=part))
            try:
                yield json.loads(raw)
            except (ValueError, RecursionError) as exc:
                raise refused(self.path, Message("phần {part} có dòng không đọc được", part=part)) from exc

    def _raw(self, part: str, *, size: int = 0, line: int = 0) -> Iterator[bytes]:
        """The part's bytes in chunks of ``size``, or its lines of at most ``line`` bytes; a part
        that cannot be unpacked is refused."""
        try:
            with zipfile.ZipFile(self.path) as archive, archive.open(part) as stream:
                while chunk := (stream.read(size) if size else stream.readline(line)):
                    yield chunk
        except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise refused(self.path, Message("phần {part} hỏng, không giải nén được", part=part)) from exc


def write_bundle(
    path: Path, manifest: dict[str, object], parts: dict[str, Iterable[bytes]], key: Ed25519PrivateKey
) -> int:
    """Write the bundle at ``path`` (atomically: a temporary file renamed); its size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(handle)
    try:
        hashes: dict[str, str] = {}
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for name, chunks in parts.items():
                digest = hashlib.sha256()
                with archive.open(name, "w", force_zip64=True) as stream:
                    for chunk in chunks:
                        digest.update(chunk)
                        stream.write(chunk)
                hashes[name] = digest.hexdigest()
            full = {
                **manifest,
                "format": FORMAT,
                "signer": encode_key(public_bytes(key)),
                "parts": hashes,
            }
            content = canonical_json(full).encode("utf-8")
            archive.writestr(MANIFEST, content)
            archive.writestr(SIGNATURE, key.sign(content))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path.stat().st_size


def read_bundle(path: Path) -> ReadBundle:
    """Open a bundle and check its signature (by the key its manifest names) and its shape; the
    caller then checks that key is one it knows. UserError with the reason otherwise."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            infos = {info.filename: info for info in entries}
            unknown = sorted(set(infos) - {MANIFEST, SIGNATURE, *KNOWN_PARTS})
            if len(infos) != len(entries):  # zipfile would read the last of two entries of one name
                raise refused(path, Message("có hai tệp cùng tên trong gói"))
            if MANIFEST not in infos or SIGNATURE not in infos or unknown:
                raise refused(
                    path,
                    Message("thiếu bản kê hoặc chữ ký, hoặc có tệp lạ ({names})", names=", ".join(unknown)),
                )
            if infos[MANIFEST].file_size > MAX_MANIFEST_BYTES or any(
                info.file_size > MAX_PART_BYTES for info in infos.values()
            ):
                raise refused(path, Message("một phần quá lớn"))
            content = archive.read(MANIFEST)
            signature = archive.read(SIGNATURE)
    except FileNotFoundError as exc:
        raise UserError("Không có tệp {path}.", path=path) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, EOFError) and exc.errno is not None:
            raise UserError("Không đọc được {path}: {error}.", path=path, error=exc.strerror or exc) from exc
        raise refused(path, Message("không đọc được như một tệp zip (bị cắt hoặc hỏng)")) from exc
    try:
        manifest = json.loads(content)
        signer = decode_key(str(manifest["signer"]), "khóa ký trong bản kê")
    except (ValueError, KeyError, TypeError, UserError) as exc:
        raise refused(path, Message("bản kê không đọc được")) from exc
    if not isinstance(manifest, dict) or not verify_signature(signer, signature, content):
        raise refused(path, Message("chữ ký không hợp lệ: bản kê đã bị sửa sau khi ký"))
    if manifest.get("format") != FORMAT:
        raise refused(path, Message("định dạng gói {format} chưa được hỗ trợ", format=manifest.get("format")))
    parts = manifest.get("parts")
    if not isinstance(parts, dict) or set(parts) - set(KNOWN_PARTS):
        raise refused(path, Message("bản kê không đọc được"))
    if set(parts) != set(infos) - {MANIFEST, SIGNATURE}:
        raise refused(path, Message("các phần trong gói khác bản kê (thiếu hoặc thừa)"))
    return ReadBundle(path, manifest, signer)


def refused(path: Path, reason: Message) -> UserError:
    """The one sentence a refused bundle gets: its file name and the reason."""
    return UserError("Không nhận gói {name}: {reason}.", name=path.name, reason=reason)
