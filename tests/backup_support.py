"""Shared by the backup tests (services, CLI, UI): a data folder with a seeded SQLite database."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from testdata import MONDAY_9AM, NODE

from counter_app.db.database import Database
from counter_app.db.models import Dossier
from counter_app.services.applicants import ApplicantInput
from counter_app.services.offices import find_actor
from counter_app.services.receiving import IntakeRequest, receive

REQUEST = IntakeRequest("2.001955", ApplicantInput(full_name="Trần Văn Bình", phone="0912345678"))


@dataclass
class DataDir:
    root: Path

    @property
    def db_file(self) -> Path:
        return self.root / "counter.sqlite3"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def url(self) -> str:
        return f"sqlite:///{self.db_file}"

    def open(self) -> Database:
        return Database.open(self.url, NODE, migrate=False)


def make_data_dir(root: Path, template: Path, dossiers: int = 3) -> DataDir:
    """``root`` with counter.sqlite3 copied from the seeded template and ``dossiers`` received."""
    root.mkdir(parents=True, exist_ok=True)
    data = DataDir(root)
    shutil.copy(template, data.db_file)
    receive_some(data, dossiers)
    return data


def receive_some(data: DataDir, n: int, start: datetime = MONDAY_9AM) -> list[str]:
    db = data.open()
    try:
        actor = find_actor(db, "canbo")
        return [receive(db, actor, REQUEST, now=start + timedelta(minutes=i)).code for i in range(n)]
    finally:
        db.close()


def dossier_count(file: Path) -> int:
    db = Database.open(f"sqlite:///{file}", NODE, migrate=False)
    try:
        with db.read() as session:
            return session.execute(select(func.count()).select_from(Dossier)).scalar_one()
    finally:
        db.engine.dispose()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def corrupt_page(file: Path, table: str = "dossiers") -> None:
    """Overwrite the cell pointers of ``table``'s root page: SQLite's integrity check reports that page."""
    with closing(sqlite3.connect(file)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with file.open("r+b") as f:
        f.seek((root - 1) * page_size + 8)
        f.write(b"\xff" * 64)


def set_revision(file: Path, revision: str) -> None:
    with closing(sqlite3.connect(file)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))


def backup_files(folder: Path) -> list[Path]:
    """The files of ``folder`` but the anchors kept beside the backups (``*.anchor.txt``)."""
    return sorted(p for p in folder.iterdir() if not p.name.endswith(".anchor.txt"))
