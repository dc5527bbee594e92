"""An anchor of the event log outside the database file (issue 14).

The hash chains prove the events unchanged only against someone who cannot recompute hashes; a
forger with the program's own hash function can edit an event and rehash everything after it. The
anchor is what such a forger cannot reach: the chain heads, printed on the end-of-day report the
supervisor signs and written beside every backup. An office on PostgreSQL has one chain per
counter, so the anchor is one short digest over every head, followed by each node's sequence
number in small print::

    Dấu chuỗi sự kiện: 3FA2-91BC-7E01-44D2-0A9B · quay-1#1234, quay-2#567

``counter-cli events verify --anchor "…"`` takes the printed line back: for each node it reads the
hash of the event at the printed sequence number, recomputes the digest, and compares. History up
to the printed point that was edited — even with every hash recomputed — gives another digest.

Beside every backup ``<backup>.anchor.txt`` keeps the backup's own anchor (``write_anchor_file``):
a restore checks the copy against it, so a backup edited afterwards — even rehashed — is refused,
and ``events verify --anchor <that file>`` proves the live log still leads to it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import Event, NodeHead
from counter_app.domain.errors import Message, ValidationError
from counter_app.output_files import write_atomic

DIGEST_CHARS = 20  # 80 bits: out of reach of a forger searching for an edit that keeps it
_DIGEST = re.compile(r"\b([0-9A-F]{4}(?:-[0-9A-F]{4}){4})\b", re.IGNORECASE)
_HEAD = re.compile(r"(\S+?)#(\d+)")


@dataclass(frozen=True)
class Anchor:
    digest: str  # "3FA2-91BC-7E01-44D2-0A9B"
    heads: tuple[tuple[str, int], ...]  # (node, sequence number), by node

    @property
    def text(self) -> str:
        """The line to print or keep: the digest, then each node's sequence number."""
        nodes = ", ".join(f"{node}#{seq}" for node, seq in self.heads) or "chưa có sự kiện"
        return f"{self.digest} · {nodes}"


def digest_of(heads: list[tuple[str, int, str]]) -> str:
    """The digest over (node, sequence number, hash) of each node's head."""
    content = "\n".join(f"{node}:{seq}:{hash_}" for node, seq, hash_ in sorted(heads))
    hexed = hashlib.sha256(content.encode("utf-8")).hexdigest()[:DIGEST_CHARS].upper()
    return "-".join(hexed[i : i + 4] for i in range(0, DIGEST_CHARS, 4))


def current_anchor(session: Session) -> Anchor:
    """The anchor of the log as it stands (every node's chain head)."""
    heads = [(h.node_id, h.last_seq, h.last_hash) for h in session.execute(select(NodeHead)).scalars()]
    heads = [head for head in heads if head[1] > 0]
    return Anchor(digest_of(heads), tuple(sorted((node, seq) for node, seq, _ in heads)))


def anchor_now(db: Database) -> Anchor:
    with db.read() as session:
        return current_anchor(session)


def parse_anchor(text: str) -> Anchor:
    """A printed anchor line, read back (ValidationError when it is not one)."""
    digest = _DIGEST.search(text)
    if digest is None:
        raise ValidationError(
            "«{text}» không phải dấu chuỗi sự kiện (dạng: XXXX-XXXX-XXXX-XXXX-XXXX · nút#số, …).",
            text=text.strip()[:80],
            field="anchor",
        )
    heads = tuple(sorted((node.strip(",·"), int(seq)) for node, seq in _HEAD.findall(text[digest.end() :])))
    return Anchor(digest.group(1).upper(), heads)


def check_anchor(db: Database, printed: Anchor) -> Message | None:
    """None when the log still leads to ``printed``; else what differs."""
    with db.snapshot() as session:
        wanted = list(printed.heads)
        found = (
            {
                (node, seq): hash_
                for node, seq, hash_ in session.execute(
                    select(Event.node_id, Event.seq, Event.hash).where(
                        tuple_(Event.node_id, Event.seq).in_(wanted)
                    )
                )
            }
            if wanted
            else {}
        )
    missing = [f"{node}#{seq}" for node, seq in wanted if (node, seq) not in found]
    if missing:
        return Message(
            "Không còn sự kiện {missing} mà dấu chuỗi đã in ghi lại: lịch sử đến thời điểm in đã bị xóa bớt.",
            missing=", ".join(missing),
        )
    again = digest_of([(node, seq, found[(node, seq)]) for node, seq in wanted])
    if again != printed.digest:
        return Message(
            "Dấu chuỗi tính lại là {again}, khác dấu đã in {printed}: lịch sử đến thời điểm in đã bị sửa.",
            again=again,
            printed=printed.digest,
        )
    return None


ANCHOR_SUFFIX = ".anchor.txt"


def anchor_file_of(backup: Path) -> Path:
    """The anchor's file beside ``backup``; the same for its gzipped generation."""
    name = backup.name.removesuffix(".gz")
    return backup.with_name(name + ANCHOR_SUFFIX)


def write_anchor_file(backup: Path, anchor: Anchor, taken_at: datetime) -> Path:
    """Keep ``anchor`` beside ``backup`` (in Vietnamese, like the printed line: a person may read it)."""
    target = anchor_file_of(backup)
    content = (
        f"Dấu chuỗi sự kiện của bản sao lưu {backup.name.removesuffix('.gz')} "
        f"(lập lúc {taken_at:%d/%m/%Y %H:%M:%S}):\n{anchor.text}\n"
    )
    write_atomic(target, content.encode("utf-8"))
    return target


def read_anchor_file(backup: Path) -> Anchor | None:
    """The anchor kept beside ``backup``; None when there is none (a backup made before issue 14).
    ValidationError when the file is there but is not an anchor."""
    source = anchor_file_of(backup)
    try:
        content = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(
            "Không đọc được tệp dấu chuỗi {file}: {error}.", file=source.name, error=exc
        ) from exc
    return parse_anchor(content.splitlines()[-1] if content.strip() else "")


def anchor_given(value: str) -> Anchor:
    """An anchor typed or pasted, or the path of a backup's anchor file (or of the backup itself)."""
    path = Path(value.strip())
    if value.strip() and path.is_file():
        kept = path if path.name.endswith(ANCHOR_SUFFIX) else anchor_file_of(path)
        content = kept.read_text(encoding="utf-8") if kept.is_file() else ""
        return parse_anchor(content.strip().splitlines()[-1] if content.strip() else str(path))
    return parse_anchor(value)
