"""A new office's set-up wizard shows before the database opens (issue 11: the first window does not
wait for the database stack); the database is created and migrated behind it, and a «Hoàn tất»
pressed meanwhile runs once it is there.

As in test_login_first.py, each start runs in a fresh interpreter with a driver: an event filter on
the QApplication reports the first window shown and what was imported then, and drives the wizard
through its real buttons. The driver holds the background opening back until «Hoàn tất» has been
pressed, so the wait is always exercised, whatever the machine's speed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from fresh_process import json_lines
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QMessageBox, QWizard
from pytestqt.qtbot import QtBot
from setup_support import FINISH, NOW, OFFICE, PASSWORD, click, to_page, wait_written
from testdata import NODE

from counter_app.config import DATABASE_URL_ENV, Settings, load_settings, save_settings
from counter_app.db.database import Database
from counter_app.db.engine import sqlite_file_of
from counter_app.db.schema_head import HEAD_REVISION
from counter_app.paths import AppPaths, resolve_paths
from counter_app.services.office_setup import needs_setup, procedure_choices
from counter_app.startup_probe import login_can_show_first, wizard_can_show_first
from counter_app.ui import setup_wizard
from counter_app.ui.setup_wizard import SetupWizard

WAITING = "Đang chuẩn bị dữ liệu, xin chờ trong giây lát…"
SETUP_MODULES = (
    "admin_page",
    "common",
    "hours_page",
    "office_page",
    "procedures_page",
    "summary_page",
    "units_page",
)

DRIVER = """
import json, os, sys, threading
from PySide6 import QtCore, QtTest, QtWidgets

def say(kind, **data):
    sys.stdout.write(json.dumps({"kind": kind, **data}) + "\\n"); sys.stdout.flush()

ACTION, FOLDER, OFFICE, PASSWORD = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4]
FINISH = QtWidgets.QWizard.WizardButton.FinishButton
NEXT = QtWidgets.QWizard.WizardButton.NextButton
CANCEL = QtWidgets.QWizard.WizardButton.CancelButton

class App(QtWidgets.QApplication):
    def __init__(self, *args):
        super().__init__(*args)
        self.probe = Probe()
        self.installEventFilter(self.probe)

QtWidgets.QApplication = App  # before counter_app.app binds the name
import counter_app.app
import counter_app.ui.setup_wizard as setup_wizard

# The database opens behind the wizard only once the driver says so (after «Hoàn tất»).
gate = threading.Event()
if ACTION != "finish":
    gate.set()
real_open = counter_app.app._Run._open_context
def held_open(self):
    gate.wait(60)
    if ACTION == "fail":
        from counter_app.domain.errors import UserError
        raise UserError("Không tạo được tệp dữ liệu (thử nghiệm).")
    return real_open(self)
counter_app.app._Run._open_context = held_open
if ACTION == "ordinary-cancel":  # the ordinary way, for comparison: the database first, then the wizard
    counter_app.app.wizard_can_show_first = lambda *_args: False

applied = []
real_apply = setup_wizard.apply_setup
def counted_apply(*args, **kwargs):
    applied.append(1)
    return real_apply(*args, **kwargs)
setup_wizard.apply_setup = counted_apply

QtWidgets.QMessageBox.critical = staticmethod(lambda _p, title, text: say("message", title=title, text=text))
if ACTION in ("cancel", "ordinary-cancel"):  # «Hủy thiết lập?» Yes
    QtWidgets.QMessageBox.question = staticmethod(lambda *_args: QtWidgets.QMessageBox.StandardButton.Yes)

def fill_and_finish(w):
    page = w.office_page
    page.province.setCurrentIndex(page.province.findText("Thanh Hóa"))
    page.level.setCurrentIndex(page.level.findData("commune_centre"))
    for name, value in OFFICE.items():
        page.fields[name].setText(value)
    while w.currentPage() is not w.summary_page:
        if w.currentPage() is w.admin_page:
            w.admin_page.full_name.setText("Nguyễn Văn Quản")
            w.admin_page.username.setText("quantri1")
            w.admin_page.password.setText(PASSWORD)
            w.admin_page.again.setText(PASSWORD)
        before = w.currentId()
        w.button(NEXT).click()
        if w.currentId() != before + 1:
            say("stuck", page=w.currentPage().title())
            os._exit(3)
    w.button(FINISH).click()  # «Hoàn tất»: the database is still opening
    QtTest.QTest.keyClick(w, QtCore.Qt.Key.Key_Return)  # and Enter, by habit
    say("pressed", message=w.summary_page.error.text(), finish_enabled=w.button(FINISH).isEnabled(),
        applied=len(applied), pages=sorted(m for m in sys.modules if m.startswith("counter_app.ui.setup.")),
        qt="Qt" in vars(QtCore))
    gate.set()

class Probe(QtCore.QObject):
    first = True
    def eventFilter(self, obj, event):
        if event.type() == QtCore.QEvent.Type.Show and isinstance(obj, QtWidgets.QWidget) and obj.isWindow():
            name = type(obj).__name__
            if Probe.first:
                Probe.first = False
                loaded = sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "alembic", "reportlab"})
                models = "counter_app.db.models" in sys.modules
                pages = sorted(m for m in sys.modules if m.startswith("counter_app.ui.setup."))
                # PySide6 makes a namespace's Python enums on its first use (Qt's: ~90, ~25 ms).
                qt = "Qt" in vars(QtCore)
                say("first", window=name, title=obj.windowTitle(), loaded=loaded, models=models,
                    pages=pages, qt=qt)
                if ACTION == "stop":
                    os._exit(0)
                if name == "SetupWizard" and ACTION == "finish":
                    QtCore.QTimer.singleShot(0, lambda: fill_and_finish(obj))
                if name == "SetupWizard" and ACTION in ("cancel", "ordinary-cancel"):
                    # Posted twice: pressed once the app's own start-up call (the wizard's exec) has run.
                    cancel = lambda: obj.button(CANCEL).click()
                    QtCore.QTimer.singleShot(0, lambda: QtCore.QTimer.singleShot(0, cancel))
            elif name == "LoginDialog":
                say("login", applied=len(applied))
                QtCore.QTimer.singleShot(0, obj.reject)  # «Thoát»: the run ends, its database closed
        return False

code = counter_app.app.main(["--data-dir", FOLDER])
say("exit", code=code)
"""


def _start(action: str, folder: Path) -> list[dict[str, object]]:
    return json_lines(DRIVER, action, str(folder), json.dumps(OFFICE), PASSWORD)


def _rows(file: Path) -> dict[str, int]:
    """Every table of the file and its number of rows (sqlite_stat tables aside)."""
    with closing(sqlite3.connect(file)) as conn:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_")
        ]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}


def _revision(file: Path) -> list[tuple[str]]:
    with closing(sqlite3.connect(file)) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchall()


# ----------------------------------------------------------------------------- the whole start-up


def test_given_a_new_data_folder_then_the_wizard_is_the_first_window_before_the_database_stack(
    tmp_path: Path,
) -> None:
    [first] = _start("stop", tmp_path / "new")
    assert first["window"] == "SetupWizard"
    assert first["title"] == "Thiết lập đơn vị — Bộ phận Một cửa"
    assert first["loaded"] == [] and first["models"] is False
    # Only the office page is made before the window shows: the later pages' modules load with them
    # (test_setup_wizard_lazy.py), and nothing has used PySide6's Qt namespace yet.
    assert first["pages"] == ["counter_app.ui.setup.common", "counter_app.ui.setup.office_page"]
    assert first["qt"] is False


def test_given_hoan_tat_pressed_twice_before_the_database_then_it_waits_sets_up_once_and_the_log_in_shows(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "new"
    events = _start("finish", folder)

    first, pressed, login, end = events
    assert first["window"] == "SetupWizard"
    assert pressed == {
        "kind": "pressed",
        "message": WAITING,
        "finish_enabled": False,
        "applied": 0,
        "pages": [f"counter_app.ui.setup.{name}" for name in SETUP_MODULES],  # made on the way
        "qt": True,  # the control: the probe sees the Qt namespace once a page has used it
    }
    assert login == {"kind": "login", "applied": 1}  # set up by itself, once, then the log-in
    assert end == {"kind": "exit", "code": 0}
    file = folder / "counter.sqlite3"
    assert _revision(file) == [(HEAD_REVISION,)]
    with closing(sqlite3.connect(file)) as conn:
        offices = conn.execute("SELECT name, identifier_code FROM offices").fetchall()
        users = conn.execute("SELECT username, role FROM users").fetchall()
    assert offices == [(OFFICE["name"], OFFICE["identifier_code"])]
    assert users == [("quantri1", "admin")]


def test_given_the_database_fails_to_open_behind_the_wizard_then_it_closes_a_message_and_exit_1(
    tmp_path: Path,
) -> None:
    events = _start("fail", tmp_path / "new")
    assert events[0]["window"] == "SetupWizard"
    assert events[1:] == [
        {
            "kind": "message",
            "title": "Không mở được dữ liệu",
            "text": "Không tạo được tệp dữ liệu (thử nghiệm).",
        },
        {"kind": "exit", "code": 1},
    ]


def test_given_the_wizard_cancelled_then_exit_0_and_what_the_ordinary_ways_cancel_leaves(
    tmp_path: Path,
) -> None:
    early, ordinary = tmp_path / "early", tmp_path / "ordinary"
    first, end = _start("cancel", early)
    assert first["window"] == "SetupWizard" and first["loaded"] == []
    assert end == {"kind": "exit", "code": 0}
    first, end = _start("ordinary-cancel", ordinary)
    assert first["window"] == "SetupWizard" and "sqlalchemy" in first["loaded"]  # the control
    assert end == {"kind": "exit", "code": 0}

    # Both leave the new database migrated and empty, and no backup.
    file = early / "counter.sqlite3"
    assert _revision(file) == _revision(ordinary / "counter.sqlite3") == [(HEAD_REVISION,)]
    rows = _rows(file)
    assert rows == _rows(ordinary / "counter.sqlite3")
    assert {name: count for name, count in rows.items() if count} == {"alembic_version": 1}
    assert list((early / "backups").iterdir()) == list((ordinary / "backups").iterdir()) == []


def test_given_backups_but_no_database_then_the_ordinary_way_offers_the_latest_backup_first(
    tmp_path: Path, sqlite_db: Database
) -> None:
    folder = tmp_path / "moved"
    (folder / "backups").mkdir(parents=True)
    office_file = sqlite_file_of(sqlite_db.url)
    assert office_file is not None
    backup = folder / "backups" / "counter-20261123-090000.sqlite3"
    with closing(sqlite3.connect(office_file)) as source, closing(sqlite3.connect(backup)) as target:
        source.backup(target)

    [first] = _start("stop", folder)

    assert first["window"] == "QMessageBox" and first["title"] == "Dữ liệu không mở được"
    assert "sqlalchemy" in first["loaded"]  # the ordinary way: the database stack before anything


# ------------------------------------------------------------------------- the wizard without a db


@pytest.fixture(scope="module")
def catalogue() -> list:  # type: ignore[type-arg]
    return procedure_choices()


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(f"sqlite:///{tmp_path / 'counter.sqlite3'}", NODE)
    yield db
    db.close()


@pytest.fixture
def early(qtbot: QtBot, catalogue: list) -> SetupWizard:  # type: ignore[type-arg]
    """The wizard as the app shows it on a new office: no database yet."""
    w = SetupWizard(None, clock=lambda: NOW, catalog=lambda: catalogue)
    qtbot.addWidget(w, before_close_func=lambda widget: widget.hide())
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def applied(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []
    real_apply = setup_wizard.apply_setup

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args[2])
        return real_apply(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(setup_wizard, "apply_setup", counted)
    return calls


def test_given_no_database_when_hoan_tat_pressed_twice_then_it_waits_and_writes_once_when_it_arrives(
    qtbot: QtBot,
    early: SetupWizard,
    fresh_db: Database,
    applied: list[object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args: asked.append(args[1]) or QMessageBox.StandardButton.No
    )
    to_page(qtbot, early, early.summary_page)
    click(qtbot, early, FINISH)
    qtbot.keyClick(early, Qt.Key.Key_Return)  # Enter by habit: not on «Hủy», which stays enabled
    early.accept()  # however it comes, a second «Hoàn tất» while waiting starts nothing

    assert early.summary_page.error.text() == WAITING and early.summary_page.error.isVisible()
    assert (
        not early.button(FINISH).isEnabled() and not early.button(QWizard.WizardButton.BackButton).isEnabled()
    )
    assert early.isVisible() and early.setup_result is None and applied == [] and asked == []

    early.set_database(fresh_db)
    wait_written(qtbot, early)

    assert len(applied) == 1
    assert early.result() == QWizard.DialogCode.Accepted and not early.isVisible()
    assert not needs_setup(fresh_db)


def test_given_no_database_and_nothing_pressed_then_its_arrival_writes_nothing(
    qtbot: QtBot, early: SetupWizard, fresh_db: Database, applied: list[object]
) -> None:
    to_page(qtbot, early, early.summary_page)

    early.set_database(fresh_db)

    assert early.isVisible() and not early.busy and not early.findChildren(QThread)
    assert applied == [] and needs_setup(fresh_db) and early.summary_page.error.isHidden()
    assert early.button(FINISH).isEnabled()


def test_given_waiting_for_the_database_when_cancelled_then_its_arrival_writes_nothing(
    qtbot: QtBot,
    early: SetupWizard,
    fresh_db: Database,
    applied: list[object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    to_page(qtbot, early, early.summary_page)
    click(qtbot, early, FINISH)
    assert early.button(QWizard.WizardButton.CancelButton).isEnabled()  # nothing written: may still leave

    click(qtbot, early, QWizard.WizardButton.CancelButton)
    early.set_database(fresh_db)

    assert early.result() == QWizard.DialogCode.Rejected and not early.isVisible()
    assert applied == [] and needs_setup(fresh_db) and not early.findChildren(QThread)


# ------------------------------------------------------------------------------------- the probe


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    return resolve_paths(str(tmp_path / "data")).ensure()


def _new(paths: AppPaths) -> bool:
    return wizard_can_show_first(paths, load_settings(paths))


def test_given_a_brand_new_folder_then_the_wizard_first(paths: AppPaths) -> None:
    assert _new(paths)
    assert not paths.database_file.exists()  # only looked at


def test_given_backups_anywhere_the_start_looks_then_not_the_wizard_first(
    paths: AppPaths, tmp_path: Path
) -> None:
    (paths.backup_dir / ".counter-20261123-090000.sqlite3.part").write_bytes(b"")
    assert _new(paths)  # a hidden copy being written is no backup (services/backups.list_backups)
    (paths.backup_dir / "counter-20261123-090000.sqlite3").write_bytes(b"")
    assert not _new(paths)

    (paths.backup_dir / "counter-20261123-090000.sqlite3").unlink()
    mirror = tmp_path / "usb"
    mirror.mkdir()
    (mirror / "counter-20261123-090000.sqlite3.gz").write_bytes(b"")
    settings = load_settings(paths)
    settings.backup_mirror_dir = str(mirror)
    save_settings(paths, settings)
    assert not _new(paths)


def test_given_a_side_file_without_its_database_then_not_the_wizard_first(paths: AppPaths) -> None:
    Path(f"{paths.database_file}-wal").write_bytes(b"")
    assert not _new(paths)


def test_given_an_empty_file_then_the_wizard_first_unless_backups(paths: AppPaths) -> None:
    paths.database_file.write_bytes(b"")  # 0 bytes: SQLite sees a database with no table
    assert _new(paths)
    (paths.backup_dir / "counter-20261123-090000.sqlite3").write_bytes(b"")
    assert not _new(paths)  # the ordinary way offers the backup for an empty file


def test_given_a_file_that_is_not_a_database_then_not_the_wizard_first(paths: AppPaths) -> None:
    paths.database_file.write_bytes(b"not a database at all, " * 100)
    assert not _new(paths)


def test_given_a_migrated_file_without_an_office_then_the_wizard_first(paths: AppPaths) -> None:
    # What a set-up cancelled before leaves: nothing to migrate or restore, the wizard is next.
    Database.open(f"sqlite:///{paths.database_file}", NODE).close()
    (paths.backup_dir / "counter-20261123-090000.sqlite3").write_bytes(b"")
    assert _new(paths)
    assert not login_can_show_first(paths, load_settings(paths))


def test_given_an_office_then_the_log_in_first_not_the_wizard(paths: AppPaths, sqlite_db: Database) -> None:
    office_file = sqlite_file_of(sqlite_db.url)
    assert office_file is not None
    with (
        closing(sqlite3.connect(office_file)) as source,
        closing(sqlite3.connect(paths.database_file)) as target,
    ):
        source.backup(target)
    assert not _new(paths)
    assert login_can_show_first(paths, load_settings(paths))


def test_given_another_database_in_the_settings_then_not_the_wizard_first(paths: AppPaths) -> None:
    settings = load_settings(paths)
    settings.database_url = "postgresql+psycopg://counter@db.example/counter"
    assert not wizard_can_show_first(paths, settings)
    assert not wizard_can_show_first(
        paths, Settings(database_url=f"sqlite:///{paths.data_dir / 'other.sqlite3'}")
    )
