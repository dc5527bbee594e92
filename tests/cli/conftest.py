"""Shared by the CLI tests: the data dir alone decides where the database is, and ``cli(*args)``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from counter_app.cli import main

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def _no_environment_override(monkeypatch: pytest.MonkeyPatch) -> None:
    # The data dir alone must decide where the database is.
    monkeypatch.delenv("COUNTER_APP_DATABASE_URL", raising=False)
    monkeypatch.delenv("COUNTER_APP_DATA_DIR", raising=False)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """``cli(*args)`` runs counter-cli on the data dir ``tmp_path``: (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([*args, "--data-dir", str(tmp_path)])
        out, err = capsys.readouterr()
        return code, out, err

    return run
