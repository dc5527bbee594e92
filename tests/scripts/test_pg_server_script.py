"""scripts/pg_server.sh: a stopped test server is started again with its data, never re-initialised."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "pg_server.sh"

pytestmark = pytest.mark.skipif(
    not glob.glob("/usr/lib/postgresql/*/bin/initdb"), reason="PostgreSQL server binaries not installed"
)


def psql(root: Path, port: int, sql: str) -> str:
    binary = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))[-1]
    done = subprocess.run(
        [binary, "-h", str(root), "-p", str(port), "-U", "postgres", "-At", "-c", sql],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def test_given_a_stopped_server_then_start_keeps_its_databases() -> None:
    root = Path("/tmp") / f"counter_app_pg_test_{os.getpid()}"  # short: a Unix socket path has a limit
    port = 55400 + os.getpid() % 30
    env = {**os.environ, "COUNTER_APP_PG_ROOT": str(root), "COUNTER_APP_PG_PORT": str(port)}

    def script(action: str) -> str:
        return subprocess.run(
            ["bash", str(SCRIPT), action], env=env, capture_output=True, text=True, check=True
        ).stdout

    try:
        url = script("start")
        assert url.strip() == f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        psql(root, port, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')")
        script("stop")
        assert not (root / "data" / "postmaster.pid").exists()
        script("start")
        assert psql(root, port, "SELECT note FROM kept") == "still here"
        script("start")  # already running: nothing happens
        assert psql(root, port, "SELECT count(*) FROM kept") == "1"
    finally:
        script("stop")
        shutil.rmtree(root, ignore_errors=True)
