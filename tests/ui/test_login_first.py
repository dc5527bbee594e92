"""The log-in shows before the database opens (issue 11: the first window does not wait for the
database stack), and a log-in typed meanwhile goes through once the database is there.

Each start runs in a fresh interpreter (this test process has long since imported everything): a
driver installs an event filter on the QApplication that reports the first window shown, what was
imported at that moment, and can type into the dialog like an officer would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fresh_process import json_lines, make_demo_folder
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.services.users import find_actor
from counter_app.ui.login_dialog import LoginDialog

DRIVER = """
import json, os, sys
from PySide6 import QtCore, QtWidgets

def say(kind, **data):
    sys.stdout.write(json.dumps({"kind": kind, **data}) + "\\n"); sys.stdout.flush()

class Probe(QtCore.QObject):
    first = True
    def eventFilter(self, obj, event):
        if event.type() == QtCore.QEvent.Type.Show and isinstance(obj, QtWidgets.QWidget) and obj.isWindow():
            name = type(obj).__name__
            if Probe.first:
                Probe.first = False
                loaded = sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "alembic", "reportlab"})
                say("first", window=name, loaded=loaded)
                if ACTION == "stop":
                    os._exit(0)
                if ACTION == "login" and name == "LoginDialog":
                    obj.username.setText("canbo")
                    obj.password.setText("demo")
                    obj.ok_button.click()  # at once: the database is still opening
                    say("pressed", error=obj.error.text())
            elif name == "MainWindow":
                say("main", window=name)
                os._exit(0)
        return False

class App(QtWidgets.QApplication):
    def __init__(self, *args):
        super().__init__(*args)
        self.probe = Probe()
        self.installEventFilter(self.probe)

QtWidgets.QApplication = App
ACTION = sys.argv[1]
if ACTION == "fail":
    import counter_app.context
    from counter_app.domain.errors import UserError
    def refuse(*_args, **_kwargs):
        raise UserError("Máy chủ dữ liệu không trả lời (thử nghiệm).")
    counter_app.context.open_context = refuse
    QtWidgets.QMessageBox.critical = staticmethod(lambda _p, title, text: say("message", title=title, text=text))
from counter_app.app import main
code = main(["--data-dir", sys.argv[2]])
say("exit", code=code)
"""


def _start(action: str, folder: Path) -> list[dict[str, object]]:
    return json_lines(DRIVER, action, str(folder), timeout=120)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo_folder(tmp_path_factory.mktemp("office"))


def test_given_an_office_then_the_log_in_is_the_first_window_before_the_database_stack(office: Path) -> None:
    [first] = _start("stop", office)
    assert first == {"kind": "first", "window": "LoginDialog", "loaded": []}


def test_given_a_log_in_typed_before_the_database_opened_then_it_goes_through_to_the_window(
    office: Path,
) -> None:
    first, pressed, main = _start("login", office)
    assert first["window"] == "LoginDialog"
    assert pressed["kind"] == "pressed"  # whether it had to wait depends on the machine's speed
    assert main == {"kind": "main", "window": "MainWindow"}


def test_given_the_database_fails_to_open_behind_the_log_in_then_a_message_and_exit_1(office: Path) -> None:
    events = _start("fail", office)
    assert events[0]["window"] == "LoginDialog"
    assert {
        "kind": "message",
        "title": "Không mở được dữ liệu",
        "text": "Máy chủ dữ liệu không trả lời (thử nghiệm).",
    } in events
    assert events[-1] == {"kind": "exit", "code": 1}


def test_given_no_database_but_a_backup_folder_not_empty_then_the_ordinary_way_shows_the_set_up_wizard(
    tmp_path: Path,
) -> None:
    # Not a new office for the early start (a backup folder that is not empty: the ordinary way
    # decides), and nothing it can offer (a backup taken before a migration is not a verified one):
    # the wizard after the database stack. A new office's wizard comes first: test_wizard_first.py.
    folder = tmp_path / "moved"
    (folder / "backups").mkdir(parents=True)
    (folder / "backups" / "counter-before-migration-0010-20261123T020000Z.sqlite3").write_bytes(b"")
    [first] = _start("stop", folder)
    assert first["window"] == "SetupWizard"
    assert "sqlalchemy" in first["loaded"]  # the control: the probe sees the stack when it is loaded


def test_given_a_file_to_migrate_then_the_ordinary_way_migrates_before_the_log_in(
    office: Path, tmp_path: Path
) -> None:
    import shutil

    from alembic import command
    from sqlalchemy import create_engine

    from counter_app.db.migrate import alembic_config

    folder = tmp_path / "old"
    shutil.copytree(office, folder)
    engine = create_engine(f"sqlite:///{folder / 'counter.sqlite3'}")
    with engine.begin() as conn:  # one migration behind, as after installing a new version
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "-1")
    engine.dispose()
    [first] = _start("stop", folder)
    assert first["window"] == "LoginDialog"
    assert {"sqlalchemy", "alembic"} <= set(first["loaded"])  # opened (and checked) before the log-in


def test_given_no_database_yet_when_enter_pressed_twice_then_it_waits_and_logs_in_once_it_arrives(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    dialog = LoginDialog(None, clock=lambda: MONDAY_9AM)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "canbo")
    qtbot.keyClicks(dialog.password, "demo")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.error.text() == "Đang mở dữ liệu, xin chờ trong giây lát…"
    assert dialog.actor is None and dialog.result() == 0

    dialog.set_database(sqlite_db)

    assert dialog.actor == find_actor(sqlite_db, "canbo")
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.error.text() == ""


def test_given_no_database_yet_and_nothing_pressed_then_its_arrival_logs_no_one_in(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    dialog = LoginDialog(None, clock=lambda: MONDAY_9AM)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "canbo")

    dialog.set_database(sqlite_db)

    assert dialog.actor is None and dialog.result() == 0 and dialog.error.text() == ""
