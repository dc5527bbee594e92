"""The headless core never imports Qt (docs/architecture.md §3).

``domain``, ``services``, ``db``, ``documents``, ``exports`` and the command line run without
PySide6: in scheduled jobs, on a server, in the benchmarks. Each check runs a fresh interpreter (the
test process has long since imported PySide6 for the UI tests) and reads back which Qt modules it
loaded: none, whether a command runs whole, only shows its help, or every module is imported.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from fresh_process import make_demo_folder, run_python

REPO = Path(__file__).resolve().parents[2]
QT = ("PySide6", "shiboken6")
# Reports the Qt modules loaded when the interpreter ends (after a command's SystemExit too).
PROBE = """
import atexit, json, sys
def report():
    qt = sorted(m for m in sys.modules if m.split(".")[0] in @QT@)
    sys.stderr.write("\\nPROBE " + json.dumps(qt) + "\\n")
atexit.register(report)
@BODY@
"""
CORE = ("domain", "services", "db", "documents", "exports", "cli")
# Files of the core that are not modules to import: Alembic's environment script (run by
# db/migrate.py inside a migration) and the body of ``python -m counter_app.cli``.
NOT_IMPORTED = {"counter_app.db.migrations.env", "counter_app.cli.__main__"}


def _qt_loaded(body: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run ``body`` in a fresh interpreter: how it ended, and the Qt modules it loaded."""
    done = run_python(PROBE.replace("@QT@", repr(QT)).replace("@BODY@", body), cwd=tmp_path)
    line = next((x for x in done.stderr.splitlines() if x.startswith("PROBE ")), None)
    assert line is not None, done.stderr
    return done, json.loads(line.removeprefix("PROBE "))


def _cli(*args: str) -> str:
    return f"from counter_app.cli import main\nraise SystemExit(main({list(args)!r}))"


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder at the current schema with a few dossiers (made in a child, like a real run)."""
    return make_demo_folder(tmp_path_factory.mktemp("headless"))


def _first_code(folder: Path) -> str:
    import sqlite3

    with sqlite3.connect(folder / "counter.sqlite3") as conn:
        return conn.execute("SELECT code FROM dossiers ORDER BY code LIMIT 1").fetchone()[0]


@pytest.mark.parametrize(
    "command",
    [
        ["--help"],
        ["report", "day", "--help"],
        ["print", "receipt", "--help"],
        ["due", "--received", "2026-12-04 09:00", "--days", "5"],
        ["lookup", "@CODE@"],
        ["search", "Nguyễn"],
        ["catalog", "list", "--search", "hộ tịch"],
        ["print", "receipt", "@CODE@", "--out", "@OUT@.pdf"],
        ["report", "day", "--out", "@OUT@.xlsx"],
        ["check"],
    ],
    ids=" ".join,
)
def test_given_a_cli_command_in_a_fresh_process_then_pyside6_is_never_imported(
    command: list[str], office: Path, tmp_path: Path
) -> None:
    code, out = _first_code(office), str(tmp_path / "out")
    args = [a.replace("@CODE@", code).replace("@OUT@", out) for a in command]
    if "--help" not in args:
        args += ["--data-dir", str(office)]
    done, qt = _qt_loaded(_cli(*args), tmp_path)
    assert done.returncode == 0, done.stderr  # it ran whole (or showed its help): the probe saw it all
    assert qt == []


def _core_modules_on_disk() -> set[str]:
    """Every module of the core packages, from their files (a folder without ``__init__.py``, such
    as db/migrations/versions, holds scripts, not modules)."""
    names = set()
    for package in CORE:
        root = REPO / "counter_app" / package
        for path in root.rglob("*.py"):
            folders = [path.parent, *(p for p in path.parent.parents if p.is_relative_to(root))]
            if all((folder / "__init__.py").is_file() for folder in folders):
                names.add(".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__"))
    return names - NOT_IMPORTED


def test_given_every_module_of_the_headless_core_imported_then_no_pyside6_module_is_loaded(
    tmp_path: Path,
) -> None:
    body = f"""
import importlib, pkgutil
imported = []
for package in {[f"counter_app.{p}" for p in CORE]!r}:
    imported.append(importlib.import_module(package).__name__)
    for module in pkgutil.walk_packages(sys.modules[package].__path__, package + "."):
        if module.name not in {sorted(NOT_IMPORTED)!r}:
            imported.append(importlib.import_module(module.name).__name__)
print(json.dumps(imported))
"""
    done, qt = _qt_loaded(body, tmp_path)
    assert done.returncode == 0, done.stderr
    imported = json.loads(done.stdout)
    assert set(imported) == _core_modules_on_disk()  # every module, so none can hide an import
    assert qt == []
