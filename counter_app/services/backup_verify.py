"""Checking a database file without writing to it: SQLite integrity, foreign keys, the schema
revision and the event chains (used on every backup before it gets its name, on restore, and by
``counter-cli check``)."""

from __future__ import annotations

import contextlib
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from counter_app.db.database import Database
from counter_app.db.migrate import alembic_config
from counter_app.db.schema_head import HEAD_REVISION
from counter_app.db.sqlite_copy import sqlite_uri
from counter_app.domain.errors import Message
from counter_app.services.anchor import Anchor, check_anchor, current_anchor
from counter_app.services.dossier_replay import verify_tables
from counter_app.services.integrity import verify_events


@dataclass(frozen=True)
class Verification:
    problems: list[Message]  # translatable: the desktop shows them in its language, the CLI in Vietnamese
    last_code: str | None = None
    revision: str | None = None
    events_checked: int = 0
    dossiers: int = 0
    anchor: Anchor | None = None  # the copy's own anchor, when its chains verified

    @property
    def ok(self) -> bool:
        return not self.problems


def read_only_database(file: Path) -> Database:
    """A Database on ``file`` opened read-only (no pragma, no migration: nothing is written to it)."""
    uri = sqlite_uri(file, "ro")
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        poolclass=NullPool,
    )
    return Database(url=f"sqlite:///{file.as_posix()}", node_id="verify", engine=engine)


def schema_problem(revision: str | None) -> Message | None:
    """Why a file's schema revision cannot be used by this version (a fragment: "the file …"), or None."""
    if revision is None:
        return Message("không có phiên bản lược đồ: đây không phải dữ liệu của counter_app")
    if revision == HEAD_REVISION:
        return None  # this version's own schema: known without loading Alembic (every start-up)
    from alembic.script import ScriptDirectory  # only when a backup is checked (start-up stays light)

    script = ScriptDirectory.from_config(alembic_config())
    try:
        known = script.get_revision(revision) is not None
    except Exception:  # alembic raises various resolution errors for unknown ids
        known = False
    if not known:
        return Message(
            "được tạo bởi phiên bản counter_app mới hơn (lược đồ {revision}); hãy cập nhật phần mềm "
            "trước khi dùng dữ liệu này",
            revision=revision,
        )
    return None


def read_revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no such table
        return None
    return row[0] if row else None


def last_dossier_code(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT code FROM dossiers ORDER BY received_at DESC, id DESC LIMIT 1").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def foreign_key_lines(conn: sqlite3.Connection) -> list[Message]:
    try:
        rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [Message("Khóa ngoại: không kiểm tra được ({error}).", error=str(exc))]
    return [
        Message(
            "Khóa ngoại: bảng {table}, dòng {rowid} trỏ tới {parent} không tồn tại.",
            table=table,
            rowid=rowid,
            parent=parent,
        )
        for table, rowid, parent, _ in rows
    ]


def integrity_lines(conn: sqlite3.Connection) -> list[Message]:
    """``PRAGMA integrity_check`` (up to 100 findings), one line each; [] when the file is sound.

    A damaged page often stops the whole check ("database disk image is malformed") before it says
    where; the tables are then checked one by one, so that the lines name the damaged ones."""
    try:
        return _integrity_rows(conn, "PRAGMA integrity_check")
    except sqlite3.DatabaseError as exc:
        whole = Message("Toàn vẹn SQLite: {error}.", error=str(exc))
    lines: list[Message] = []
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    except sqlite3.DatabaseError:
        return [whole]
    for table in tables:
        quoted = table.replace('"', '""')
        try:
            lines += _integrity_rows(conn, f'PRAGMA integrity_check("{quoted}")')
        except sqlite3.DatabaseError as exc:
            lines.append(
                Message("Toàn vẹn SQLite: bảng {table} hỏng ({error}).", table=table, error=str(exc))
            )
    return lines or [whole]


def _integrity_rows(conn: sqlite3.Connection, pragma: str) -> list[Message]:
    rows = [str(row[0]) for row in conn.execute(pragma)]
    lines = [
        " ".join(line.split())
        for row in rows
        for line in row.splitlines()
        if line.strip() and not line.startswith("*** in database")
    ]
    # SQLite's own findings stay in its English; the lead-in is translated.
    return (
        []
        if lines == ["ok"]
        else [Message("Toàn vẹn SQLite: {finding}.", finding=line.rstrip(".")) for line in lines]
    )


def verify_copy(file: Path, tables: bool = False, kept: Anchor | None = None) -> Verification:
    """Check a database file opened read-only: integrity, foreign keys, schema revision, event chains;
    ``tables``: the dossiers and applicants replayed from the events too (before a restore, which
    must not bring back a file edited by hand; a daily backup skips it: about a minute at a million
    dossiers); ``kept``: the anchor written beside the backup when it was made, which the copy's
    history must still lead to (a backup edited later, even rehashed, differs)."""
    try:
        with closing(sqlite3.connect(sqlite_uri(file, "ro"), uri=True)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            problems = integrity_lines(conn) + foreign_key_lines(conn)
            revision, code, dossiers = None, None, 0
            with contextlib.suppress(sqlite3.DatabaseError):  # what a damaged file still says
                revision = read_revision(conn)
                code = last_dossier_code(conn)
                dossiers = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return Verification(
            [Message("Tệp không đọc được như một cơ sở dữ liệu SQLite ({error}).", error=str(exc))]
        )
    schema = schema_problem(revision)
    if schema and not problems:  # a damaged file's revision may just be unreadable
        problems.append(Message("Tệp {problem}.", problem=schema))
    if problems:
        return Verification(problems, code, revision, 0, dossiers)
    db = read_only_database(file)
    try:
        report = verify_events(db)
        anchor = None
        if report.first_broken:
            problems.append(Message("Chuỗi sự kiện bị phá vỡ — {where}", where=report.first_broken))
        else:
            with db.read() as session:
                anchor = current_anchor(session)
            if kept is not None and (differs := check_anchor(db, kept)) is not None:
                problems.append(Message("Không khớp dấu chuỗi ghi khi sao lưu — {why}", why=differs))
            if tables and not problems:
                problems += verify_tables(db).problems
    except Exception as exc:  # a page that reads as garbage: a problem to report, not a crash
        unreadable = Message("Chuỗi sự kiện không đọc được: {error}.", error=str(exc).rstrip("."))
        return Verification([unreadable], code, revision, 0, dossiers)
    finally:
        db.engine.dispose()
    return Verification(problems, code, revision, report.events_checked, dossiers, anchor)
