"""``counter-cli backup`` on PostgreSQL: ``pg_dump`` (custom format) when it is on the PATH.

The dump is written to a hidden temporary file, checked (pg_dump's ``PGDMP`` header, and
``pg_restore --list`` when pg_restore is there), then renamed ``<db>-YYYYMMDD-HHMMSS[-code].dump``
in the backups folder (and copied to the second folder), and rotated like the SQLite backups.
The password is handed over in the environment (PGPASSWORD), never on the command line. The
server's own backups (base backups, WAL archiving, point-in-time recovery) are the DBA's route:
docs/backups.md.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from counter_app.db.database import Database
from counter_app.db.sqlite_copy import StagedFile, remove_stale_partials
from counter_app.domain.errors import UserError
from counter_app.services.anchor import current_anchor, write_anchor_file
from counter_app.services.backups import (
    DEFAULT_POLICY,
    BackupInfo,
    FreeSpace,
    Policy,
    backup_name,
    check_folders,
    ensure_room,
    free_bytes,
    local_wall_time,
    mirror_copy,
    parse_backup,
    rotate,
)

log = logging.getLogger(__name__)
DUMP_HEADER = b"PGDMP"

Which = Callable[[str], str | None]
Run = Callable[..., subprocess.CompletedProcess[str]]


def pg_environment(url: str) -> dict[str, str]:
    """libpq's environment for the URL (host, port, user, password, database)."""
    parsed = make_url(url)
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", parsed.host),
        ("PGPORT", parsed.port),
        ("PGUSER", parsed.username),
        ("PGPASSWORD", parsed.password),
        ("PGDATABASE", parsed.database),
    ):
        if value is not None:
            env[key] = str(value)
    return env


def pg_dump_backup(
    db: Database,
    folders: Sequence[Path],
    *,
    now: datetime | None = None,
    policy: Policy = DEFAULT_POLICY,
    free_space: FreeSpace = free_bytes,
    which: Which | None = None,
    run: Run | None = None,
) -> list[BackupInfo]:
    which, run = which or shutil.which, run or subprocess.run
    exe = which("pg_dump")
    if exe is None:
        raise UserError(
            "Không tìm thấy chương trình pg_dump trên máy này (PATH): chưa sao lưu. Hãy cài gói PostgreSQL "
            "client (cùng phiên bản máy chủ), hoặc để quản trị CSDL sao lưu máy chủ (xem docs/backups.md)."
        )
    with db.read() as session:
        # Taken before the dump: the dump holds at least this history, which the anchor then proves.
        anchor = current_anchor(session)
        size = int(session.execute(text("SELECT pg_database_size(current_database())")).scalar_one())
        last_code = session.execute(
            text("SELECT code FROM dossiers ORDER BY received_at DESC, id DESC LIMIT 1")
        ).scalar_one_or_none()
    check_folders(folders)
    for folder in folders:
        ensure_room(folder, size // 2, policy, free_space)  # custom format is compressed
    taken_at = local_wall_time(now)
    database = make_url(db.url).database or "postgres"
    primary = folders[0]
    remove_stale_partials(primary)
    with StagedFile(primary, f"{database}.dump") as staged:
        done = run(
            [exe, "--format=custom", "--no-password", f"--file={staged.path}"],
            env=pg_environment(db.url),
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            reason = " ".join((done.stderr or "").split())[-300:] or f"mã thoát {done.returncode}"
            raise UserError(
                "pg_dump không sao lưu được {database}: {reason}", database=db.label, reason=reason
            )
        _check_dump(staged.path, which, run)
        first = staged.commit(primary / backup_name(database, taken_at, last_code, ".dump"))
    write_anchor_file(first, anchor, taken_at)
    made = [first] + [mirror_copy(first, folder) for folder in folders[1:]]
    for folder in folders:
        try:
            rotate(folder, now=taken_at, policy=policy, free_space=free_space)
        except OSError as exc:
            log.warning("rotation of %s failed: %s", folder, exc)
    return [info for path in made if (info := parse_backup(path)) is not None]


def _check_dump(path: Path, which: Which, run: Run) -> None:
    with path.open("rb") as f:
        if f.read(len(DUMP_HEADER)) != DUMP_HEADER:
            raise UserError("Tệp pg_dump vừa ghi không đúng định dạng: đã bỏ.")
    pg_restore = which("pg_restore")
    if pg_restore is None:
        return
    listed = run([pg_restore, "--list", str(path)], capture_output=True, text=True)
    if listed.returncode != 0:
        reason = " ".join((listed.stderr or "").split())[-300:]
        raise UserError(
            "Tệp pg_dump vừa ghi không đọc lại được (pg_restore --list: {reason}): đã bỏ.", reason=reason
        )
