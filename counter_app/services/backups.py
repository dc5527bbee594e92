"""Backups of the SQLite database: taken online, verified, rotated within a disk budget, listed.

Where
    ``<data dir>/backups/`` and, optionally, a second folder on another disk or a USB stick
    (``backup_mirror_dir`` in settings.json for the desktop's automatic backups;
    ``counter-cli backup --to DIR`` for one run). The second folder must exist (an unplugged stick
    is not silently replaced by a folder on the system disk).

How a backup is taken (``make_backup``)
    1. Every folder must keep ``Policy.reserve_bytes`` free after the copy (estimated as the size of
       the database and its WAL); otherwise the backup is refused with the figures, nothing is
       written and nothing is deleted — older backups are never removed to make room.
    2. SQLite's online backup API copies one consistent snapshot while counters keep writing
       (``counter_app.db.sqlite_copy``) into a hidden temporary file.
    3. The copy is verified, opened read-only: ``PRAGMA integrity_check``, ``PRAGMA
       foreign_key_check``, a schema revision this version knows, and every event chain
       (``integrity.verify_events``).
    4. Only then is it renamed to its final name, ``<db>-YYYYMMDD-HHMMSS-<last dossier code>.sqlite3``
       (the machine's local time; the code of the last dossier received, read from the copy).
       A file under such a name has therefore been verified; a copy that fails is deleted and the
       failure reported (the database itself is then suspect: ``counter-cli check``).
    5. The second folder gets a byte copy of the verified file, checked by SHA-256, same name.
    6. Rotation, in each folder on its own.

Rotation policy (``Policy``; counting only the backups named as above)
    Keep the newest backup of each of the last 7 days that have one (daily), of each of the last 4
    ISO weeks that have one (weekly) and of each of the last 12 months that have one (monthly); a
    backup kept by any rule stays, the others are deleted. At most 23 files per folder, usually
    fewer (today's backup is also this week's and this month's). Counting "days that have a backup"
    rather than calendar days means that weekends, holidays or a PC left off for a month never
    push good generations out. Several backups a day (one at each close, one a day while open, the
    CLI) keep only the day's newest. Never deleted: the start-up migration's backups
    (``…-before-migration-…``), files set aside by a restore (they stay in the data folder), and
    anything else in the folder.

Compression
    Kept generations older than 7 days are gzipped (level 6), checked by decompressing and
    comparing SHA-256 with the verified file before the plain file is removed. Measured on the
    10,000-dossier demo database (73.4 MB, 38,239 events; ``benchmarks/bench_backup.py``, one run):
    gzip 1.2–1.3 s → 14.4 MB (5.1× smaller; level 1: 17.3 MB in 0.55 s), gunzip 0.25 s, against
    0.11–0.13 s for the online copy and 1.4–1.5 s for its verification. With up to 16 of the 23
    generations older than a week, that is about 0.9 GB saved per folder for 1.3 s once per
    generation, in the background; restoring an old generation costs a quarter of a second more.
    It pays. Compression also needs room first (``reserve_bytes`` kept), else it waits for a later
    backup.

PostgreSQL is backed up by ``pg_dump`` (``counter_app.services.backups_pg``); its dumps
(``<db>-YYYYMMDD-HHMMSS[-code].dump``) are listed and rotated by the same rules, never gzipped
(pg_dump's custom format is already compressed).
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from counter_app.db.sqlite_copy import (
    Progress,
    StagedFile,
    has_sqlite_header,
    remove_stale_partials,
    snapshot,
)
from counter_app.domain.errors import Message, UserError, describe_os_error
from counter_app.services.anchor import anchor_file_of, write_anchor_file
from counter_app.services.backup_verify import Verification, verify_copy

log = logging.getLogger(__name__)

MB = 1_000_000
GZIP_LEVEL = 6
_CHUNK = 1 << 20

_NAME = re.compile(
    r"^(?P<stem>.+?)-(?P<day>\d{8})-(?P<time>\d{6})(?:-(?P<code>[0-9A-Za-z][0-9A-Za-z._\-]*?))?"
    r"(?P<ext>\.sqlite3|\.dump)(?P<gz>\.gz)?$"
)
_MIGRATION = re.compile(
    r"^(?P<stem>.+)-before-migration-(?P<rev>.+)-(?P<stamp>\d{8}T\d{6}Z)\.sqlite3(?P<gz>\.gz)?$"
)
_SAFE_CODE = re.compile(r"[^0-9A-Za-z.\-]+")

FreeSpace = Callable[[Path], int]


@dataclass(frozen=True)
class Policy:
    """Which generations to keep, when to compress, and the free space every backup must leave."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    compress_after: timedelta = timedelta(days=7)
    reserve_bytes: int = 256 * MB


DEFAULT_POLICY = Policy()


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # local wall-clock time of the backup (naive)
    size: int
    verified: bool  # verified when written (every regular backup); a migration's backup is not
    last_code: str | None
    kind: str  # "sqlite" | "dump" (pg_dump) | "migration" (before a start-up migration)

    @property
    def compressed(self) -> bool:
        return self.path.name.endswith(".gz")

    @property
    def rotated(self) -> bool:
        """Whether rotation may delete it (regular, verified backups only)."""
        return self.kind in ("sqlite", "dump") and self.verified


@dataclass
class BackupResult:
    backups: list[BackupInfo]  # the new backup, one per folder (the data folder's first)
    verification: Verification
    deleted: list[Path] = field(default_factory=list)
    compressed: list[Path] = field(default_factory=list)


# ---------------------------------------------------------------------------------------- helpers


def local_wall_time(now: datetime | None = None) -> datetime:
    """The machine's local wall-clock time, naive (names and rotation buckets use it).

    A naive ``now`` is taken as already local (tests drive dates that way)."""
    now = now or datetime.now(UTC)
    return now.astimezone().replace(tzinfo=None) if now.tzinfo is not None else now


def size_message(n: int) -> Message:
    """«73,4 MB» (in English «73.4 MB»)."""
    if n >= 1000 * MB:
        return Message("{number} GB", number=Message.decimal(n / (1000 * MB), places=1))
    return Message("{number} MB", number=Message.decimal(n / MB, places=1))


def size_text(n: int) -> str:
    """73,4 MB — Vietnamese decimal comma (the command line, the log)."""
    return size_message(n).render()


def free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def sha256_of(path: Path, *, gzipped: bool = False) -> str:
    """SHA-256 of a file's bytes (of the decompressed bytes for a .gz)."""
    digest = hashlib.sha256()
    with gzip.open(path, "rb") if gzipped else path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def backup_name(stem: str, taken_at: datetime, last_code: str | None, ext: str = ".sqlite3") -> str:
    code = _SAFE_CODE.sub("_", last_code).strip("._-") if last_code else ""
    return f"{stem}-{taken_at:%Y%m%d-%H%M%S}{'-' + code if code else ''}{ext}"


def ensure_room(
    folder: Path, need: int, policy: Policy, free_space: FreeSpace = free_bytes, purpose: str = "sao lưu"
) -> None:
    """Refuse (nothing written, nothing deleted) when ``need`` bytes would eat into the reserve."""
    free = free_space(folder)
    if free - need < policy.reserve_bytes:
        raise UserError(
            "Không đủ chỗ trống để {purpose} vào {folder}: còn trống {free}, bản sao cần khoảng {need} và phải chừa lại {reserve}. Chưa ghi gì; các bản sao lưu cũ vẫn được giữ nguyên. Hãy giải phóng chỗ trống trên ổ đĩa (hoặc chọn thư mục khác).",
            purpose=purpose,
            folder=folder,
            free=size_message(free),
            need=size_message(need),
            reserve=size_message(policy.reserve_bytes),
        )


def check_folders(folders: Sequence[Path]) -> None:
    """The data folder's backups folder is made; a second folder must already exist."""
    for i, folder in enumerate(folders):
        try:
            if i == 0:
                folder.mkdir(parents=True, exist_ok=True)
            elif not folder.is_dir():
                raise UserError(
                    "Thư mục sao lưu thứ hai {folder} không tồn tại (ổ đĩa hoặc USB chưa cắm?). Chưa ghi gì.",
                    folder=folder,
                )
        except OSError as exc:
            raise UserError(
                "Không dùng được thư mục sao lưu {folder}: {reason}.",
                folder=folder,
                reason=describe_os_error(exc),
            ) from exc


# ------------------------------------------------------------------------------------------ taking


def database_size(db_file: Path) -> int:
    wal = Path(f"{db_file}-wal")
    return db_file.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def make_backup(
    db_file: Path,
    folders: Sequence[Path],
    *,
    now: datetime | None = None,
    policy: Policy = DEFAULT_POLICY,
    free_space: FreeSpace = free_bytes,
    pages: int = -1,
    progress: Progress | None = None,
) -> BackupResult:
    """Back up ``db_file`` into ``folders[0]`` (made if needed) and copy it to the others; verify,
    then rotate. Raises UserError with nothing written when a folder or the free space is wanting,
    or when the copy fails its verification (the new copy deleted, older backups untouched)."""
    if not folders:
        raise ValueError("no backup folder")
    if not db_file.is_file():
        raise UserError("Chưa có cơ sở dữ liệu {db_file} để sao lưu.", db_file=db_file)
    if not has_sqlite_header(db_file):
        raise UserError(
            "Tệp {db_file} không phải là cơ sở dữ liệu SQLite (hoặc đã hỏng phần đầu): không sao lưu. Hãy chạy «counter-cli check» hoặc khôi phục từ một bản sao lưu.",
            db_file=db_file,
        )
    check_folders(folders)
    need = database_size(db_file)
    for folder in folders:
        ensure_room(folder, need, policy, free_space)
    taken_at = local_wall_time(now)
    primary = folders[0]
    try:
        first, verification = _take(db_file, primary, taken_at, pages, progress)
    except OSError as exc:
        raise UserError(
            "Không ghi được bản sao lưu vào {folder}: {reason}.",
            folder=primary,
            reason=describe_os_error(exc),
        ) from exc
    made = [_info(first)]
    log.info("backup %s verified (%d events)", first, verification.events_checked)
    for folder in folders[1:]:
        made.append(_info(mirror_copy(first, folder)))
    result = BackupResult(made, verification)
    for folder in folders:
        try:
            deleted, compressed = rotate(folder, now=taken_at, policy=policy, free_space=free_space)
        except OSError as exc:  # a backup was made; a failed clean-up is for the log
            log.warning("rotation of %s failed: %s", folder, exc)
            continue
        result.deleted += deleted
        result.compressed += compressed
    return result


def _take(
    db_file: Path, folder: Path, taken_at: datetime, pages: int, progress: Progress | None
) -> tuple[Path, Verification]:
    """Snapshot into a hidden file, verify it, rename it to its final name (else delete it)."""
    remove_stale_partials(folder)
    with StagedFile(folder, f"{db_file.stem}-{taken_at:%Y%m%d-%H%M%S}.sqlite3") as staged:
        try:
            snapshot(db_file, staged.path, pages=pages, progress=progress)
        except sqlite3.DatabaseError as exc:
            raise UserError(
                "Không sao lưu được {db_file}: {error}.", db_file=db_file, error=str(exc)
            ) from exc
        verification = verify_copy(staged.path)
        if not verification.ok:
            raise UserError(
                "Bản sao vừa tạo không đạt kiểm tra — {problem} Cơ sở dữ liệu có thể đã hỏng. Bản sao này đã bị bỏ, các bản sao lưu cũ vẫn giữ nguyên. Hãy chạy «counter-cli check».",
                problem=verification.problems[0],
            )
        name = backup_name(db_file.stem, taken_at, verification.last_code)
        made = staged.commit(folder / name)
    if verification.anchor is not None:  # the anchor beside it: a later edit of the copy is seen
        write_anchor_file(made, verification.anchor, taken_at)
    return made, verification


def mirror_copy(verified: Path, folder: Path) -> Path:
    """A byte copy of a verified backup in ``folder`` under the same name, checked by SHA-256, with
    the anchor kept beside it."""
    target = folder / verified.name
    try:
        remove_stale_partials(folder)
        with StagedFile(folder, verified.name) as staged:
            shutil.copyfile(verified, staged.path)
            if sha256_of(staged.path) != sha256_of(verified):
                raise UserError(
                    "Bản chép sang {folder} khác bản gốc (lỗi ghi đĩa?): đã bỏ bản chép.", folder=folder
                )
            copied = staged.commit(target)
        if (anchor := anchor_file_of(verified)).is_file():
            shutil.copyfile(anchor, anchor_file_of(copied))
        return copied
    except OSError as exc:
        raise UserError(
            "Đã sao lưu vào {done} nhưng không chép được sang {folder}: {reason}.",
            done=verified.parent,
            folder=folder,
            reason=describe_os_error(exc),
        ) from exc


# ----------------------------------------------------------------------------------------- listing


def parse_backup(path: Path) -> BackupInfo | None:
    """What a backup file's name says (None for any other file)."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if m := _NAME.match(name):
        taken_at = datetime.strptime(m["day"] + m["time"], "%Y%m%d%H%M%S")
        kind = "dump" if m["ext"] == ".dump" else "sqlite"
        return BackupInfo(path, taken_at, size, True, m["code"], kind)
    if m := _MIGRATION.match(name):
        stamp = datetime.strptime(m["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        return BackupInfo(path, local_wall_time(stamp), size, False, None, "migration")
    return None


def list_backups(folders: Iterable[Path]) -> list[BackupInfo]:
    """Every backup in ``folders``, newest first: time, size, verified or not, last dossier code."""
    found: list[BackupInfo] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.name.startswith(".") or not path.is_file():
                continue  # hidden: a copy being written (or killed while written)
            info = parse_backup(path)
            if info is not None:
                found.append(info)
    return sorted(found, key=lambda i: (i.taken_at, i.path.name), reverse=True)


def latest_verified(folders: Iterable[Path], kind: str = "sqlite") -> BackupInfo | None:
    return next((i for i in list_backups(folders) if i.verified and i.kind == kind), None)


def backup_due(folder: Path, now: datetime | None = None, every: timedelta = timedelta(hours=24)) -> bool:
    """Whether the newest verified backup in ``folder`` is older than ``every`` (or there is none)."""
    latest = latest_verified([folder])
    return latest is None or latest.taken_at <= local_wall_time(now) - every


# ---------------------------------------------------------------------------------------- rotation


def generations_to_keep(backups: Iterable[BackupInfo], policy: Policy = DEFAULT_POLICY) -> set[Path]:
    """The newest backup of each of the last ``daily`` days, ``weekly`` ISO weeks and ``monthly``
    months that have a backup (see the module's docstring)."""
    newest_first = sorted((b for b in backups if b.rotated), key=lambda b: b.taken_at, reverse=True)
    rules: list[tuple[int, Callable[[datetime], object]]] = [
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: t.isocalendar()[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    ]
    keep: set[Path] = set()
    for count, bucket in rules:
        seen: set[object] = set()
        for backup in newest_first:
            key = bucket(backup.taken_at)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            keep.add(backup.path)
    return keep


def rotate(
    folder: Path,
    *,
    now: datetime | None = None,
    policy: Policy = DEFAULT_POLICY,
    free_space: FreeSpace = free_bytes,
) -> tuple[list[Path], list[Path]]:
    """Delete the generations the policy does not keep; gzip kept SQLite ones older than
    ``compress_after``. Returns (deleted, compressed)."""
    backups = [b for b in list_backups([folder]) if b.rotated]
    keep = generations_to_keep(backups, policy)
    deleted: list[Path] = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            anchor_file_of(backup.path).unlink(missing_ok=True)
            deleted.append(backup.path)
            log.info("backup rotated out: %s", backup.path)
    compressed: list[Path] = []
    limit = local_wall_time(now) - policy.compress_after
    for backup in backups:
        if (
            backup.path in keep
            and backup.kind == "sqlite"
            and not backup.compressed
            and backup.taken_at < limit
        ):
            try:
                ensure_room(folder, backup.size, policy, free_space)
            except UserError:
                log.warning("not enough room to compress %s; left as is", backup.path)
                break
            compressed.append(compress(backup.path))
    return deleted, compressed


def compress(path: Path) -> Path:
    """``path`` → ``path.gz`` (checked by decompressing it), then ``path`` removed."""
    target = path.with_name(path.name + ".gz")
    with StagedFile(path.parent, target.name) as staged:
        with (
            path.open("rb") as src,
            staged.path.open("wb") as raw,
            gzip.GzipFile(filename=path.name, mode="wb", fileobj=raw, compresslevel=GZIP_LEVEL) as gz,
        ):
            shutil.copyfileobj(src, gz, _CHUNK)
        if sha256_of(staged.path, gzipped=True) != sha256_of(path):
            raise OSError(f"compressed copy of {path} does not match")
        staged.commit(target)
    path.unlink()
    log.info("backup compressed: %s", target)
    return target


# ------------------------------------------------------------------------------- desktop's backups


def folders_for(backup_dir: Path, mirror: str | Path | None) -> list[Path]:
    """The data folder's backups, then the second folder when one is set (and is another folder)."""
    folders = [backup_dir]
    if mirror and Path(mirror).expanduser().resolve() != backup_dir.resolve():
        folders.append(Path(mirror).expanduser())
    return folders


def automatic_backup(
    db_file: Path, backup_dir: Path, mirror: str | Path | None, now: datetime | None = None
) -> BackupResult:
    """The desktop's backup: the second folder is skipped (logged) when it is not there today."""
    folders = folders_for(backup_dir, mirror)
    if len(folders) > 1 and not folders[1].is_dir():
        log.warning("second backup folder %s is not available: backing up to %s only", folders[1], backup_dir)
        folders = folders[:1]
    result = make_backup(db_file, folders, now=now)
    log.info(
        "automatic backup %s (%s), %d deleted, %d compressed",
        result.backups[0].path.name,
        size_text(result.backups[0].size),
        len(result.deleted),
        len(result.compressed),
    )
    return result


def _info(path: Path) -> BackupInfo:
    info = parse_backup(path)
    assert info is not None, path
    return info
