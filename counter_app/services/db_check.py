"""``counter-cli check``: everything that can be checked about the data, one line per problem.

SQLite: ``PRAGMA integrity_check`` (the whole file, page by page: a corrupted page is found),
``PRAGMA foreign_key_check``, the schema revision, every event chain, and the slips that events
say were issued but that are missing from the slip archive (``<data dir>/slips/YYYY/MM/…``).
The file is opened read-only; nothing is written.

PostgreSQL: the server enforces foreign keys and owns its pages (``pg_amcheck`` is the DBA's tool,
see docs/backups.md); the event chains and the slip archive are checked the same way.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from counter_app.db.database import Database
from counter_app.db.engine import sqlite_file_of
from counter_app.db.models import Event
from counter_app.db.sqlite_copy import has_sqlite_header, sqlite_uri
from counter_app.services.audit_trail import verify_audit
from counter_app.services.backup_verify import (
    foreign_key_lines,
    integrity_lines,
    read_only_database,
    read_revision,
    schema_problem,
)
from counter_app.services.dossier_replay import verify_tables
from counter_app.services.integrity import verify_events

SLIP_EVENT = "slip_issued"  # counter_app.services.slips.issue.EVENT_KIND
MAX_SLIP_LINES = 200  # a whole archive lost is one cause: the rest is counted, not listed


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)  # what was checked (the summary line)
    events_checked: int = 0
    slips_checked: int = 0


def check_database(db: Database, slips_dir: Path) -> CheckReport:
    report = CheckReport()
    file = sqlite_file_of(db.url)
    if db.dialect == "sqlite" and file is not None:
        if not _check_sqlite_file(file, report):
            return report  # nothing more can be read
        target = read_only_database(file)
    else:
        target = db
        report.checks.append("máy chủ PostgreSQL (toàn vẹn trang và khóa ngoại do máy chủ bảo đảm)")
    try:
        _check_chains(target, report)
        _check_slips(target, slips_dir, report)
    finally:
        if target is not db:
            target.engine.dispose()
    return report


def _check_sqlite_file(file: Path, report: CheckReport) -> bool:
    if not file.is_file():
        report.problems.append(f"Không có tệp cơ sở dữ liệu {file}.")
        return False
    if not has_sqlite_header(file):
        report.problems.append(f"Tệp {file} không phải là cơ sở dữ liệu SQLite hoặc đã hỏng phần đầu.")
        return False
    try:
        with closing(sqlite3.connect(sqlite_uri(file, "ro"), uri=True, timeout=30)) as conn:
            report.problems += map(str, integrity_lines(conn))  # the command line: Vietnamese
            report.checks.append("toàn vẹn SQLite")
            report.problems += map(str, foreign_key_lines(conn))
            report.checks.append("khóa ngoại")
            revision = read_revision(conn)
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"Tệp {file} không đọc được như cơ sở dữ liệu SQLite ({exc}).")
        return False
    problem = schema_problem(revision)
    if problem:
        report.problems.append(f"Cơ sở dữ liệu {problem}.")
        return False
    return True


def _check_chains(db: Database, report: CheckReport) -> None:
    try:
        chains = verify_events(db)
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        report.problems.append(f"Chuỗi sự kiện không đọc được: {' '.join(str(exc).split())[:300]}")
        return
    report.events_checked = chains.events_checked
    report.checks.append(f"{chains.events_checked} sự kiện ({chains.nodes} nút)")
    if chains.first_broken:
        report.problems.append(f"Chuỗi sự kiện bị phá vỡ — {chains.first_broken}")
        return  # the events themselves are in doubt: comparing the table with them says nothing more
    try:
        replayed = verify_tables(db)
    except (DBAPIError, sqlite3.DatabaseError) as exc:  # a damaged page of the dossiers table
        report.problems.append(f"Bảng hồ sơ không đọc được: {' '.join(str(exc).split())[:300]}")
        return
    report.checks.append(f"{replayed.dossiers_checked} hồ sơ và người nộp khớp với sự kiện")
    trail = verify_audit(db)
    report.checks.append(f"{trail.records_checked} bản ghi nhật ký truy cập")
    if trail.first_broken is not None:
        report.problems.append(str(trail.first_broken))
    report.problems += map(str, replayed.problems)
    if replayed.more:
        report.problems.append(f"… và {replayed.more} chỗ khác cũng khác với sự kiện.")


def _check_slips(db: Database, slips_dir: Path, report: CheckReport) -> None:
    """Every archived slip an event names must be in the archive (only names are read, not PDFs)."""
    stmt = select(
        Event.payload["path"].as_string(), Event.payload["slip"].as_string(), Event.payload["key"].as_string()
    ).where(Event.kind == SLIP_EVENT)
    referenced: dict[str, tuple[str, str]] = {}
    try:
        with db.read() as session:
            for path, kind, key in session.execute(stmt.execution_options(yield_per=5000)):
                if path:
                    referenced.setdefault(path, (kind or "?", key or "?"))
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        report.problems.append(
            f"Không đọc được danh sách phiếu đã phát hành: {' '.join(str(exc).split())[:300]}"
        )
        return
    present = {p.relative_to(slips_dir).as_posix() for p in slips_dir.rglob("*") if p.is_file()}
    missing = [rel for rel in sorted(referenced) if str(PurePosixPath(rel)) not in present]
    report.slips_checked = len(referenced)
    report.checks.append(f"{len(referenced)} phiếu trong kho lưu")
    for rel in missing[:MAX_SLIP_LINES]:
        kind, key = referenced[rel]
        report.problems.append(
            f"Phiếu đã phát hành nhưng không có trong kho lưu: {slips_dir / rel} ({kind} {key})."
        )
    if len(missing) > MAX_SLIP_LINES:
        report.problems.append(
            f"… và {len(missing) - MAX_SLIP_LINES} phiếu khác cũng không có trong kho lưu."
        )
