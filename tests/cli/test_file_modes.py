"""Files only the office can read (issue 14, POSIX): after init, receive, backup, print, a report, a
settings save and the log, every folder of the data folder is 0700 and every file 0600 — the
database and its WAL, backups, slips, reports, the log, settings.json (which may hold a database
password); the catalogue export (no personal data) stays 0644. An older install's folders are
tightened at the next start; the machine-wide shared folder keeps group access (0770 / 0660)."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from testdata import TEST_PROCEDURES

from counter_app.cli.run import main
from counter_app.config import load_settings, save_settings
from counter_app.paths import AppPaths, resolve_paths

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions (Windows: the installer's ACL)")

TEST_CATALOG = Path(__file__).resolve().parents[1] / "fixtures" / "test_catalog.json"
HONG = {"full_name": "Nguyễn Thị Ánh Hồng", "id_number": "038190012345"}


@pytest.fixture(autouse=True)
def _umask_restored() -> object:
    mask = os.umask(0o022)  # as a fresh login shell would leave it: the product must not rely on it
    yield
    os.umask(mask)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def run(data: Path, *args: str) -> None:
    assert main([*args, "--data-dir", str(data)]) == 0, args


def test_given_a_day_of_work_then_every_file_the_owners_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run(data, "init", "--office-code", "000.00.31.H56", "--office-name", "Trung tâm Phục vụ hành chính công")
    run(data, "catalog", "import", str(TEST_CATALOG))
    intake = tmp_path / "hong.json"
    intake.write_text(json.dumps({"procedure": TEST_PROCEDURES[0], "applicant": HONG}), encoding="utf-8")
    run(data, "receive", "--json", str(intake))
    run(data, "print", "receipt", _last_code(data), "--out", str(tmp_path / "receipt.pdf"))
    run(data, "report", "day", "--out", str(tmp_path / "day.pdf"))
    run(data, "backup")
    paths = resolve_paths(data)
    save_settings(paths, load_settings(paths))
    run(data, "catalog", "export", "--out", str(tmp_path / "catalog.json"))

    folders = [data, *(p for p in data.rglob("*") if p.is_dir())]
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"counter.sqlite3", "settings.json"}
    assert any(p.suffix == ".pdf" for p in files), "the receipt is archived"
    assert any("backups" in p.parts for p in files) and any("logs" in p.parts for p in files)
    assert {str(p.relative_to(data)): oct(mode(p)) for p in folders if mode(p) != 0o700} == {}
    assert {str(p.relative_to(data)): oct(mode(p)) for p in files if mode(p) != 0o600} == {}
    assert (mode(tmp_path / "receipt.pdf"), mode(tmp_path / "day.pdf")) == (0o600, 0o600)
    assert mode(tmp_path / "catalog.json") == 0o644


def _last_code(data: Path) -> str:
    with closing(sqlite3.connect(data / "counter.sqlite3")) as conn:
        return str(conn.execute("SELECT code FROM dossiers ORDER BY received_at DESC LIMIT 1").fetchone()[0])


def test_given_an_older_install_readable_by_all_then_its_folders_are_tightened_at_start(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    run(data, "init", "--office-code", "000.00.31.H56", "--office-name", "Trung tâm")
    for folder in (data, data / "config", data / "logs", data / "backups"):
        folder.chmod(0o755)
    (data / "counter.sqlite3").chmod(0o644)

    run(data, "events", "verify")

    assert [mode(f) for f in (data, data / "config", data / "logs", data / "backups")] == [0o700] * 4
    # The file inside keeps its old mode, but no one else can reach it through a 0700 folder.
    assert mode(data / "counter.sqlite3") == 0o644


def test_given_the_machine_wide_shared_folder_then_the_group_keeps_access(tmp_path: Path) -> None:
    paths = AppPaths(
        tmp_path / "shared",
        tmp_path / "own" / "config",
        tmp_path / "own" / "logs",
        tmp_path / "shared" / "backups",
        shared=True,
    ).ensure()
    new = paths.data_dir / "slip.pdf"
    new.write_bytes(b"%PDF")

    assert (mode(paths.data_dir), mode(paths.backup_dir), mode(new)) == (0o770, 0o770, 0o660)
    assert (mode(paths.config_dir), mode(paths.log_dir)) == (0o700, 0o700)  # each account's own
