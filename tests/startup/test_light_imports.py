"""Start-up loads only what the command at hand uses (issue 11).

Each check runs a fresh interpreter (the test process has long since imported everything) and
reads back which of the heavy stacks it loaded: the PDF stack (reportlab, python-barcode, Pillow),
the spreadsheet writer (openpyxl), Alembic, the ``holidays`` country modules, and SQLAlchemy's ORM
with our mapped classes (``due`` and ``lookup`` read Core tables). The positive controls show the
probe sees them when a command does need them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fresh_process import make_demo_folder, run_python

HEAVY = ("reportlab", "barcode", "PIL", "openpyxl", "alembic")
PROBE = """
import atexit, json, sys
def report():
    loaded = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
    countries = sorted(m for m in sys.modules if m.startswith("holidays.countries"))
    orm = sorted({"sqlalchemy.orm", "counter_app.db.models"} & set(sys.modules))
    sys.stderr.write("\\nPROBE " + json.dumps({"heavy": loaded, "countries": countries, "orm": orm}) + "\\n")
atexit.register(report)
HEAVY = @HEAVY@
@BODY@
"""


def _probe(body: str, tmp_path: Path) -> dict[str, list[str]]:
    done = run_python(PROBE.replace("@HEAVY@", repr(HEAVY)).replace("@BODY@", body), cwd=tmp_path)
    line = next((x for x in done.stderr.splitlines() if x.startswith("PROBE ")), None)
    assert line is not None, done.stderr
    return json.loads(line.removeprefix("PROBE "))


def _cli(*args: str) -> str:
    return f"from counter_app.cli import main\nraise SystemExit(main({list(args)!r}))"


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder at the current schema with a few dossiers (made in a child, like a real run)."""
    return make_demo_folder(tmp_path_factory.mktemp("light"))


def _first_code(folder: Path) -> str:
    import sqlite3

    with sqlite3.connect(folder / "counter.sqlite3") as conn:
        return conn.execute("SELECT code FROM dossiers ORDER BY code LIMIT 1").fetchone()[0]


def test_given_a_current_database_when_due_runs_then_no_pdf_sheet_or_migration_stack(
    office: Path, tmp_path: Path
) -> None:
    seen = _probe(
        _cli("due", "--data-dir", str(office), "--received", "2026-12-04 09:00", "--days", "5"), tmp_path
    )
    assert seen == {"heavy": [], "countries": [], "orm": []}


def test_given_a_current_database_when_lookup_runs_then_no_pdf_sheet_or_migration_stack(
    office: Path, tmp_path: Path
) -> None:
    seen = _probe(_cli("lookup", "--data-dir", str(office), _first_code(office)), tmp_path)
    assert seen == {"heavy": [], "countries": [], "orm": []}


def test_given_a_named_user_when_lookup_runs_then_still_no_orm(office: Path, tmp_path: Path) -> None:
    # ``--as`` reads the user with a Core statement too (services/acting_user.py).
    body = _cli("lookup", "--data-dir", str(office), _first_code(office), "--as", "canbo")
    assert _probe(body, tmp_path)["orm"] == []


def test_given_the_parser_alone_then_no_orm(tmp_path: Path) -> None:
    # Building the parser (every call does) imports each command module: none may map the classes.
    assert _probe(_cli("--help"), tmp_path)["orm"] == []


def test_given_the_gui_modules_up_to_the_first_window_then_no_heavy_stack(tmp_path: Path) -> None:
    body = "import counter_app.app, counter_app.ui.login_dialog, counter_app.ui.first_start"
    seen = _probe(body, tmp_path)
    # The ORM is loaded here (first_start → office_setup), behind the log-in window
    # (tests/ui/test_login_first.py): the GUI's start is measured whole by bench_startup.
    assert (seen["heavy"], seen["countries"]) == ([], [])


def test_given_a_new_office_up_to_its_wizard_then_neither_the_database_stack_nor_uuid6(
    tmp_path: Path,
) -> None:
    # What a new office's start imports before its first window (tests/ui/test_wizard_first.py runs
    # it whole): the settings as app.py first reads them (the new node id, which needs uuid6 and
    # its package metadata, is made when the database opens), the probe, the wizard and its pages.
    body = (
        "import json, sys\n"
        "from counter_app.config import load_settings\n"
        "from counter_app.paths import resolve_paths\n"
        "from counter_app.startup_probe import wizard_can_show_first\n"
        "import counter_app.app, counter_app.ui.setup_wizard\n"
        "paths = resolve_paths(sys.argv[1]).ensure()\n"
        "new = wizard_can_show_first(paths, load_settings(paths, make_node_id=False))\n"
        "stacks = {'sqlalchemy', 'alembic', 'uuid6', 'counter_app.db.models', 'counter_app.services.office_setup'}\n"
        "print(json.dumps({'new': new, 'loaded': sorted(stacks & set(sys.modules) | stacks & {m.split('.')[0] for m in sys.modules})}))\n"
    )
    done = run_python(body, str(tmp_path / "new"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"new": True, "loaded": []}


def test_given_a_print_command_then_the_pdf_stack_is_loaded(office: Path, tmp_path: Path) -> None:
    # The control: the probe does see a heavy stack when the command needs it.
    out = tmp_path / "receipt.pdf"
    body = _cli("print", "receipt", _first_code(office), "--out", str(out), "--data-dir", str(office))
    seen = _probe(body, tmp_path)
    assert out.exists()
    assert {"reportlab", "barcode"} <= set(seen["heavy"])
    assert seen["orm"] == ["counter_app.db.models", "sqlalchemy.orm"]  # the control for the ORM


def test_given_a_new_data_folder_then_alembic_runs_the_migrations(tmp_path: Path) -> None:
    # The control for the migration stack: a file not at the head is migrated by Alembic.
    folder = tmp_path / "new"
    seen = _probe(_cli("init", "--data-dir", str(folder)), tmp_path)
    assert "alembic" in seen["heavy"]
    assert (folder / "counter.sqlite3").exists()


def test_given_the_holidays_kept_by_an_earlier_run_when_due_runs_then_the_package_is_not_imported(
    office: Path, tmp_path: Path
) -> None:
    # The first run computes the year's holidays with the library and keeps them in the data folder
    # (domain/vietnam_holidays.py); the next one reads them from there.
    args = ["due", "--data-dir", str(office), "--received", "2026-12-04 09:00", "--days", "5"]
    body = (
        "import sys\nfrom counter_app.cli import main\n"
        f"code = main({args!r})\n"
        "print(code, 'holidays' in sys.modules)\n"
    )
    kept = office / "cache" / "vietnam-holidays.json"
    kept.unlink(missing_ok=True)  # kept by the other tests' runs on this folder
    runs = [run_python(body, cwd=tmp_path) for _ in range(2)]
    assert [r.stdout.splitlines()[-1] for r in runs] == ["0 True", "0 False"]
    assert kept.exists()
    assert runs[0].stdout.splitlines()[0] == runs[1].stdout.splitlines()[0] == "2026-12-11T09:00:00+07:00"
