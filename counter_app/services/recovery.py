"""Restoring a backup, and the cheap start-up check that offers one when the database does not open.

Restore (``prepare_restore`` then ``apply_restore``; ``restore`` runs both around a confirmation):

1. The chosen file (a backup from ``backups/``, a second folder, or any counter_app SQLite file;
   ``.gz`` decompressed) is copied beside the database into a hidden temporary file and verified
   there, read-only: SQLite integrity, foreign keys, every event chain, and a schema revision this
   version knows (an older one is migrated on the next start, after its own backup; a newer one is
   refused). Nothing else has been touched yet.
2. The plan says what would be lost: the dossiers (and events) in the current database that are not
   in the backup — counted, or "could not be counted" when the current file is unreadable.
3. On confirmation (the desktop's Yes, the CLI's ``--yes``): the current database must not be in
   use (switching it out of WAL mode needs every other connection closed — the desktop on this PC,
   another command), it is set aside as ``<db>-set-aside-YYYYMMDD-HHMMSS.sqlite3`` in the data
   folder (never deleted; its -wal/-shm follow it), and the verified copy takes its place in one
   atomic rename (the set-aside name is a hard link made first, so there is no moment without a
   database file; on file systems without hard links, two renames).

Start-up (``startup_problem``): header, open, schema revision — never a full integrity check.
"""

from __future__ import annotations

import contextlib
import gzip
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from counter_app.db.sqlite_copy import (
    SIDE_FILES,
    SQLITE_HEADER,
    StagedFile,
    fsync_dir,
    has_sqlite_header,
    snapshot,
    sqlite_uri,
)
from counter_app.domain.errors import Message, UserError, describe_os_error
from counter_app.services.anchor import read_anchor_file
from counter_app.services.backup_verify import (
    Verification,
    read_revision,
    schema_problem,
    verify_copy,
)
from counter_app.services.backups import (
    DEFAULT_POLICY,
    BackupInfo,
    FreeSpace,
    Policy,
    ensure_room,
    free_bytes,
    latest_verified,
    list_backups,
    local_wall_time,
)

log = logging.getLogger(__name__)

IN_USE_TIMEOUT_S = 2.0


@dataclass
class RestorePlan:
    source: Path
    db_file: Path
    staged: StagedFile  # the verified copy, beside the database, ready to take its place
    verification: Verification
    lost_dossiers: int | None  # None: the current database could not be read to count
    lost_events: int | None
    current_exists: bool

    def summary(self) -> Message:
        """What restoring would do (the confirmation's text)."""
        v = self.verification
        passed = (
            Message(
                "Bản sao lưu {name} đạt kiểm tra: {dossiers} hồ sơ, {events} sự kiện, hồ sơ cuối {code}.",
                name=self.source.name,
                dossiers=v.dossiers,
                events=v.events_checked,
                code=v.last_code,
            )
            if v.last_code
            else Message(
                "Bản sao lưu {name} đạt kiểm tra: {dossiers} hồ sơ, {events} sự kiện.",
                name=self.source.name,
                dossiers=v.dossiers,
                events=v.events_checked,
            )
        )
        if not self.current_exists:
            loss = Message("Chưa có cơ sở dữ liệu hiện tại: không mất gì.")
        elif self.lost_dossiers is None:
            loss = Message(
                "Không đọc được cơ sở dữ liệu hiện tại (có thể đã hỏng) nên không đếm được số hồ sơ "
                "mới hơn bản sao lưu; tệp hiện tại sẽ được để riêng, không bị xóa."
            )
        else:
            loss = Message(
                "Sẽ mất {dossiers} hồ sơ và {events} sự kiện mới hơn bản sao lưu "
                "(cơ sở dữ liệu hiện tại được để riêng, không bị xóa).",
                dossiers=self.lost_dossiers,
                events=self.lost_events,
            )
        return Message.joined(" ", [passed, loss])


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    set_aside: Path | None
    plan: RestorePlan


# ------------------------------------------------------------------------------------------ restore


def resolve_backup_file(text: str, backup_folders: Sequence[Path]) -> Path:
    """The file named on the command line: a path, or a bare name found in a backups folder."""
    path = Path(text).expanduser()
    if path.is_file():
        return path
    if path.name == text:
        for folder in backup_folders:
            if (folder / text).is_file():
                return folder / text
    if path.is_dir():
        raise UserError("«{text}» là một thư mục, không phải tệp sao lưu.", text=text)
    raise UserError("Không có tệp sao lưu «{text}». Xem danh sách bằng «counter-cli backup list».", text=text)


def prepare_restore(
    db_file: Path,
    source: Path,
    *,
    policy: Policy = DEFAULT_POLICY,
    free_space: FreeSpace = free_bytes,
) -> RestorePlan:
    """Stage and verify ``source`` beside ``db_file``; count what restoring would lose.

    Raises UserError (and leaves nothing behind) when the file cannot be used. The caller
    either ``apply_restore``s the plan or ``plan.staged.discard()``s it."""
    if not source.is_file():
        raise UserError("Không có tệp sao lưu {source}.", source=source)
    if db_file.exists() and source.resolve() == db_file.resolve():
        raise UserError(
            "Tệp {source} chính là cơ sở dữ liệu đang dùng: hãy chọn một bản sao lưu.", source=source
        )
    gzipped = source.name.endswith(".gz")
    if not gzipped and not has_sqlite_header(source):
        raise UserError(
            "Tệp {source} không phải là cơ sở dữ liệu SQLite (hoặc đã hỏng): không khôi phục.", source=source
        )
    try:
        db_file.parent.mkdir(parents=True, exist_ok=True)
        ensure_room(db_file.parent, _unpacked_size(source), policy, free_space, purpose="khôi phục")
        staged = StagedFile(db_file.parent, f"{db_file.stem}-restore")
    except OSError as exc:
        raise UserError(
            "Không khôi phục được vào {folder}: {reason}.",
            folder=db_file.parent,
            reason=describe_os_error(exc),
        ) from exc
    try:
        _stage(source, staged.path, gzipped)
        verification = verify_copy(staged.path, tables=True, kept=read_anchor_file(source))
        if not verification.ok:
            raise UserError(
                "Không khôi phục từ {name}: {problem} Chưa thay đổi gì ({count} vấn đề).",
                name=source.name,
                problem=verification.problems[0],
                count=len(verification.problems),
            )
        lost = _count_lost(db_file, staged.path) if db_file.exists() else (0, 0)
    except BaseException:
        staged.discard()
        raise
    return RestorePlan(source, db_file, staged, verification, lost[0], lost[1], db_file.exists())


def apply_restore(plan: RestorePlan, *, now: datetime | None = None) -> RestoreResult:
    """Set the current database aside (never deleted) and put the verified copy in its place."""
    db_file = plan.db_file
    aside: Path | None = None
    moved = linked = False
    _start_epochs(plan.staged.path, plan.source, now, db_file)  # on the copy, before anything is replaced
    try:
        if db_file.exists() or any(Path(f"{db_file}{s}").exists() for s in SIDE_FILES):
            _release(db_file)
            if db_file.exists():
                shutil.copymode(db_file, plan.staged.path)  # the restored file keeps the current permissions
            aside = _aside_name(db_file, now)
            linked, moved = _set_aside(
                db_file, aside
            )  # an orphan -wal is never replayed into the restored file
        plan.staged.commit(db_file)
    except OSError as exc:
        with contextlib.suppress(OSError):  # put things back as they were
            if moved and aside is not None and not db_file.exists():
                os.replace(aside, db_file)
            elif linked and aside is not None:
                aside.unlink()
        raise UserError(
            "Không thay được cơ sở dữ liệu {db_file}: {reason}. Chưa thay đổi gì.",
            db_file=db_file,
            reason=describe_os_error(exc),
        ) from exc
    finally:
        plan.staged.discard()  # nothing left behind when it failed (no-op once committed)
    kept = aside if (linked or moved) else None
    log.warning("database restored from %s; the previous one set aside as %s", plan.source, kept)
    return RestoreResult(plan.source, kept, plan)


def _start_epochs(staged: Path, source: Path, now: datetime | None, current: Path) -> None:
    """Each workstation's chain goes on in a new epoch (services/epochs.py): the province may have
    events after the backup's, and the restored chains must not number new events like them. The
    numbers the current file issued keep their place too. Written into the verified copy before it
    takes the current file's place, so a restore either happens with its epochs or not at all."""
    from counter_app.db.database import Database
    from counter_app.services.epochs import start_after_restore

    # ``now`` (tests) may be a wall-clock time, as for the set-aside name: the machine's zone.
    moment = datetime.now(UTC) if now is None else now if now.tzinfo else now.astimezone()
    try:
        db = Database.open(f"sqlite:///{staged.as_posix()}", "restore", resolve_chain=False)
        try:
            started = start_after_restore(
                db, now=moment, restored_from=source.name, numbers=_issued_numbers(current)
            )
        finally:
            db.close()
    except UserError:
        raise
    except Exception as exc:  # the copy was verified: whatever fails here, nothing is replaced
        raise UserError(
            "Không chuẩn bị được bản sao lưu để khôi phục: {error}. Chưa thay đổi gì.", error=exc
        ) from exc
    log.info("restore: new epochs for %s", [e.base_node_id for e in started])


def _issued_numbers(current: Path) -> list[tuple[str, date, int]]:
    """The day counters of the file being replaced, read only; none when it cannot be read (a
    damaged file is often why one restores)."""
    if not has_sqlite_header(current):
        return []
    try:
        with closing(sqlite3.connect(sqlite_uri(current, "ro"), uri=True, timeout=IN_USE_TIMEOUT_S)) as conn:
            rows = conn.execute("SELECT unit_code, day, last_seq FROM daily_counters").fetchall()
        return [(str(unit), date.fromisoformat(str(day)), int(last)) for unit, day, last in rows]
    except (sqlite3.Error, ValueError, TypeError) as exc:
        log.info("restore: the current file's numbers could not be read (%s); the backup's are kept", exc)
        return []


def restore(
    db_file: Path,
    source: Path,
    *,
    confirm: Callable[[RestorePlan], bool],
    now: datetime | None = None,
) -> RestoreResult | None:
    """Verify, ask ``confirm(plan)``, restore; None (nothing changed) when not confirmed."""
    plan = prepare_restore(db_file, source)
    try:
        if not confirm(plan):
            return None
        return apply_restore(plan, now=now)
    finally:
        plan.staged.discard()


def _unpacked_size(source: Path) -> int:
    if not source.name.endswith(".gz"):
        return source.stat().st_size
    # gzip keeps the size modulo 4 GiB in its last four bytes; a larger file is at least that.
    with source.open("rb") as f:
        f.seek(-4, os.SEEK_END)
        return int.from_bytes(f.read(4), "little")


def _stage(source: Path, dest: Path, gzipped: bool) -> None:
    try:
        if gzipped:
            with gzip.open(source, "rb") as src, dest.open("wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
            if not has_sqlite_header(dest):
                raise UserError(
                    "Tệp {source} không chứa một cơ sở dữ liệu SQLite: không khôi phục.", source=source
                )
            with closing(sqlite3.connect(dest)) as conn:  # a foreign file may be in WAL mode
                conn.execute("PRAGMA journal_mode=DELETE")
        else:
            snapshot(source, dest, read_only=True)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        reason = describe_os_error(exc) if isinstance(exc, OSError) and exc.errno else str(exc)
        raise UserError(
            "Không đọc được tệp sao lưu {source}: {reason}. Chưa thay đổi gì.", source=source, reason=reason
        ) from exc
    except sqlite3.DatabaseError as exc:
        raise UserError(
            "Tệp {source} không đọc được như cơ sở dữ liệu ({error}): không khôi phục.",
            source=source,
            error=str(exc),
        ) from exc


def _count_lost(db_file: Path, staged: Path) -> tuple[int | None, int | None]:
    """Dossiers and events in the current database that the backup does not have."""
    if not has_sqlite_header(db_file):
        return None, None  # not opened at all: SQLite could drop the side files of a file it cannot read
    try:
        # Read only, but opened read-write: closing it tidies the live database's WAL as the app would.
        with closing(sqlite3.connect(sqlite_uri(db_file, "rw"), uri=True, timeout=5)) as conn:
            conn.execute("ATTACH DATABASE ? AS bak", (sqlite_uri(staged, "ro"),))
            dossiers = conn.execute(
                "SELECT count(*) FROM main.dossiers WHERE id NOT IN (SELECT id FROM bak.dossiers)"
            ).fetchone()[0]
            events = conn.execute(
                "SELECT count(*) FROM main.events WHERE id NOT IN (SELECT id FROM bak.events)"
            ).fetchone()[0]
            return int(dossiers), int(events)
    except sqlite3.DatabaseError as exc:
        log.warning("could not count what restoring would lose: %s", exc)
        return None, None


def _release(db_file: Path) -> None:
    """Fold the WAL into the file and make sure nothing else has it open (refused otherwise)."""
    if not has_sqlite_header(db_file):
        return  # not a database (any more): set aside as it is, with its side files untouched
    try:
        with closing(sqlite3.connect(sqlite_uri(db_file, "rw"), uri=True, timeout=IN_USE_TIMEOUT_S)) as conn:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            mode = "wal"
        else:  # a file SQLite cannot read: set aside as it is, with its side files
            log.warning("current database unreadable before restore: %s", exc)
            return
    except sqlite3.DatabaseError as exc:
        log.warning("current database unreadable before restore: %s", exc)
        return
    if str(mode).lower() == "wal":
        raise UserError(
            "Cơ sở dữ liệu {db_file} đang được dùng (phần mềm counter_app đang mở trên máy này, hoặc một lệnh khác đang chạy). Hãy đóng chúng rồi khôi phục lại. Chưa thay đổi gì.",
            db_file=db_file,
        )


def _aside_name(db_file: Path, now: datetime | None) -> Path:
    stamp = f"{local_wall_time(now):%Y%m%d-%H%M%S}"
    for n in range(1, 100):
        name = f"{db_file.stem}-set-aside-{stamp}{'' if n == 1 else f'-{n}'}{db_file.suffix}"
        if not (db_file.parent / name).exists():
            return db_file.parent / name
    raise UserError("Quá nhiều tệp để riêng trùng tên trong {folder}.", folder=db_file.parent)


def _set_aside(db_file: Path, aside: Path) -> tuple[bool, bool]:
    """Give the current file (and its side files) the set-aside name; (hard-linked, moved)."""
    linked = moved = False
    if db_file.exists():
        try:
            os.link(db_file, aside)  # the database keeps its name until the restored copy replaces it
            linked = True
        except OSError:
            os.replace(db_file, aside)
            moved = True
    for side in SIDE_FILES:
        if Path(f"{db_file}{side}").exists():
            os.replace(f"{db_file}{side}", f"{aside}{side}")
    fsync_dir(db_file.parent)
    return linked, moved


# ------------------------------------------------------------------------------------------ start-up


@dataclass(frozen=True)
class StartupProblem:
    message: Message  # what is wrong with the database file
    backup: BackupInfo | None  # the latest verified backup to offer (None: nothing to offer)


def startup_problem(db_file: Path, backup_folders: Sequence[Path]) -> StartupProblem | None:
    """Cheap start-up check of the SQLite file — header, open, schema revision, nothing more.

    A problem names the latest verified backup to offer, when there is one and restoring makes
    sense (a database made by a newer version is not damaged: the software needs updating)."""
    reason = _cheap_check(db_file, bool(list_backups(backup_folders)))
    if reason is None:
        return None
    message, offer = reason
    return StartupProblem(message, latest_verified(backup_folders) if offer else None)


def _cheap_check(db_file: Path, has_backups: bool) -> tuple[Message, bool] | None:
    if not db_file.exists():
        if has_backups:  # a data folder with backups but no database: it was deleted or moved
            return Message("Không thấy tệp dữ liệu {file} (đã bị xóa hoặc di chuyển?).", file=db_file), True
        return None  # a first start
    try:
        size = db_file.stat().st_size
    except OSError as exc:
        return Message(
            "Không đọc được tệp dữ liệu {file}: {reason}.", file=db_file, reason=describe_os_error(exc)
        ), True
    if size == 0:
        return (Message("Tệp dữ liệu {file} rỗng (0 byte).", file=db_file), True) if has_backups else None
    if size < len(SQLITE_HEADER) or not has_sqlite_header(db_file):
        return Message(
            "Tệp dữ liệu {file} không phải là cơ sở dữ liệu SQLite hoặc đã hỏng phần đầu.", file=db_file
        ), True
    try:
        with closing(sqlite3.connect(sqlite_uri(db_file, "rw"), uri=True, timeout=5)) as conn:
            tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            revision = read_revision(conn) if "alembic_version" in tables else None
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return None  # in use by another program: not damage (the normal opening waits or says so)
        return Message("Không mở được tệp dữ liệu {file} ({error}).", file=db_file, error=str(exc)), True
    except sqlite3.DatabaseError as exc:
        return Message("Không mở được tệp dữ liệu {file} ({error}).", file=db_file, error=str(exc)), True
    if not tables:
        return None  # an empty file made by SQLite: the start-up migration fills it
    problem = schema_problem(revision)
    if problem and revision is not None:
        return Message("Tệp dữ liệu {file} {problem}.", file=db_file, problem=problem), False
    if problem:
        return Message(
            "Tệp dữ liệu {file} {problem} (bảng phiên bản lược đồ bị mất).", file=db_file, problem=problem
        ), True
    return None


def latest_backup_text(info: BackupInfo) -> Message:
    if info.last_code:
        return Message(
            "{name} (lúc {taken:%H:%M} ngày {taken:%d/%m/%Y}, hồ sơ cuối {code})",
            name=info.path.name,
            taken=info.taken_at,
            code=info.last_code,
        )
    return Message(
        "{name} (lúc {taken:%H:%M} ngày {taken:%d/%m/%Y})", name=info.path.name, taken=info.taken_at
    )
