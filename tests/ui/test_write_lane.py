"""The counter's writes run off the GUI thread on one write lane (counter_app/ui/operations.py):
in order, one at a time, a busy page refusing a second press, a bug reaching the crash dialog, a
closed page dropping its callbacks, and the long jobs on a lane of their own."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from receive_support import QR, key, shown_page, typed, wedge
from shiboken6 import isValid
from sqlalchemy import func, select
from testdata import MONDAY_9AM
from waiting import writes_done

from counter_app import app as app_module
from counter_app.db.database import Database
from counter_app.db.models import Dossier
from counter_app.domain.errors import ValidationError
from counter_app.paths import resolve_paths
from counter_app.services.offices import find_actor
from counter_app.ui.main_window import MainWindow
from counter_app.ui.operations import ServiceOp, is_busy, writes_idle
from counter_app.ui.pages import receive_actions
from counter_app.ui.pages.receive_page import ReceivePage
from counter_app.ui.session import UiSession
from counter_app.ui.worker import run_in_background, wait_for_detached

GUI_THREAD = threading.get_ident()


def dossiers(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Dossier)).scalar_one()


def fill(page: ReceivePage) -> None:
    """A scanned card and a chosen procedure: the form is ready for Ctrl+Enter."""
    page.focus_start()
    wedge(QR, enter=True)
    typed("noi quy", enter=True)
    assert page.record is not None


def ctrl_enter(page: ReceivePage) -> None:
    key(QApplication.focusWidget() or page, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.ControlModifier)


class Gate:
    """Holds a service call on the write lane until the test opens it."""

    def __init__(self, call: Callable[..., Any]) -> None:
        self.call = call
        self.entered = threading.Event()
        self.opened = threading.Event()
        self.thread = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.thread = threading.get_ident()
        self.entered.set()
        assert self.opened.wait(20), "the test never opened the gate"
        return self.call(*args, **kwargs)


@pytest.fixture
def widget(qtbot: QtBot) -> QWidget:
    page = QWidget()
    qtbot.addWidget(page)
    return page


# ------------------------------------------------------------------------------------- the page
def test_given_ctrl_enter_pressed_twice_quickly_then_one_dossier_is_received(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    page = shown_page(qtbot, sqlite_db)
    fill(page)
    ctrl_enter(page)
    # Saving: the page is busy and its buttons wait — the second press comes before it is saved.
    assert is_busy(page) and not page.accept_button.isEnabled()
    ctrl_enter(page)
    writes_done(qtbot)

    assert dossiers(sqlite_db) == 1
    assert page.last_result is not None and page.last_result.code.endswith("-261123-0001")
    assert not is_busy(page) and page.accept_button.isEnabled()
    assert page.banner.code == page.last_result.code


def test_given_an_accept_being_saved_then_the_gui_keeps_running_and_the_banner_comes_after(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(receive_actions.receive)
    monkeypatch.setattr(receive_actions, "receive", gate)
    page = shown_page(qtbot, sqlite_db)
    fill(page)
    ctrl_enter(page)
    # The press returned while the receive transaction is held on the lane: the GUI thread is free.
    assert gate.entered.wait(10) and gate.thread != GUI_THREAD
    ticks: list[int] = []
    timer = QTimer(page)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the event loop runs meanwhile
    timer.stop()
    assert is_busy(page) and page.last_result is None and page.banner.code is None  # no banner yet
    gate.opened.set()
    writes_done(qtbot)
    assert page.last_result is not None and page.banner.code == page.last_result.code


def test_given_a_page_closed_while_its_accept_is_saved_then_no_crash_and_the_dossier_stays(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(receive_actions.receive)
    monkeypatch.setattr(receive_actions, "receive", gate)
    page = shown_page(qtbot, sqlite_db)
    announced: list[object] = []
    page.received.connect(announced.append)
    fill(page)
    ctrl_enter(page)
    assert gate.entered.wait(10)
    page.close()
    page.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(page)

    gate.opened.set()
    writes_done(qtbot)  # delivered to a page that is gone: dropped, no exception
    assert dossiers(sqlite_db) == 1
    assert announced == []


@pytest.mark.expect_log("unhandled error")  # the crash hook logs it with its traceback
def test_given_a_bug_in_the_accept_then_the_crash_dialog_names_the_log_and_the_page_works_again(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("lỗi lập trình")

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text)))
    real = receive_actions.receive
    monkeypatch.setattr(receive_actions, "receive", broken)
    page = shown_page(qtbot, sqlite_db)
    fill(page)
    log_file = str(tmp_path / "counter_app.log")
    test_hook = sys.excepthook
    try:
        app_module._install_crash_hook(log_file)  # the application's crash path (app.py)
        ctrl_enter(page)
        writes_done(qtbot)
    finally:
        sys.excepthook = test_hook

    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Lỗi không mong muốn"
    assert "lỗi lập trình" in text and log_file in text
    assert dossiers(sqlite_db) == 0
    # Not stuck busy: the form is as typed, and the same press goes through once the bug is gone.
    assert not is_busy(page) and page.accept_button.isEnabled()
    assert page.applicant.full_name.text() == "Nguyễn Thị Ánh Hồng"
    monkeypatch.setattr(receive_actions, "receive", real)
    ctrl_enter(page)
    writes_done(qtbot)
    assert dossiers(sqlite_db) == 1


# ------------------------------------------------------------------------------------- the lane
def test_given_ops_submitted_back_to_back_then_they_run_in_order_one_at_a_time_off_the_gui(
    qtbot: QtBot,
) -> None:
    pages = [QWidget() for _ in range(4)]
    for page in pages:
        qtbot.addWidget(page)
    spans: list[tuple[str, float, float, int]] = []
    delivered: list[str] = []

    def op(name: str) -> Callable[[], str]:
        def run() -> str:
            start = time.perf_counter()
            time.sleep(0.03)
            spans.append((name, start, time.perf_counter(), threading.get_ident()))
            return name

        return run

    for name, page in zip("abcd", pages, strict=True):
        assert ServiceOp(page, op(name)).success(delivered.append).run_in_background()
    writes_done(qtbot)

    assert [name for name, *_ in spans] == ["a", "b", "c", "d"]
    assert delivered == ["a", "b", "c", "d"]
    for (_, _, end, _), (_, start, _, _) in zip(spans, spans[1:], strict=False):
        assert start >= end  # never two at once
    assert len({thread for *_, thread in spans}) == 1 and spans[0][3] != GUI_THREAD


def test_given_a_busy_page_then_a_second_op_is_refused_until_the_first_ended(
    qtbot: QtBot, widget: QWidget
) -> None:
    opened = threading.Event()
    ran: list[str] = []
    assert ServiceOp(widget, lambda: opened.wait(10) and ran.append("first")).run_in_background()
    assert is_busy(widget) and widget.cursor().shape() == Qt.CursorShape.BusyCursor
    assert not ServiceOp(widget, lambda: ran.append("second")).run_in_background()
    opened.set()
    writes_done(qtbot)
    assert ran == ["first"] and not is_busy(widget)
    assert widget.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert ServiceOp(widget, lambda: ran.append("third")).run_in_background()
    writes_done(qtbot)
    assert ran == ["first", "third"]


def test_given_a_user_error_then_failure_gets_it_and_success_does_not_run(
    qtbot: QtBot, widget: QWidget
) -> None:
    def refused() -> None:
        raise ValidationError("Vui lòng ghi rõ lý do.", field="reason")

    seen: list[object] = []
    op = ServiceOp(widget, refused).success(seen.append).failure(lambda exc: seen.append(exc.field))
    op.after(lambda: seen.append("after")).run_in_background()
    writes_done(qtbot)
    assert seen == ["after", "reason"]


def test_given_no_failure_callback_then_the_user_error_is_shown_in_a_message_box(
    qtbot: QtBot, widget: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append((title, text)))

    def refused() -> None:
        raise ValidationError("Hồ sơ đã được trả kết quả.")

    ServiceOp(widget, refused).run_in_background()
    writes_done(qtbot)
    assert shown == [("Không thực hiện được", "Hồ sơ đã được trả kết quả.")]


def test_given_a_bug_in_an_op_then_it_reaches_sys_excepthook_and_only_after_runs(
    qtbot: QtBot, widget: QWidget
) -> None:
    def bug() -> None:
        raise KeyError("no such column")

    seen: list[object] = []
    with qtbot.captureExceptions() as exceptions:
        op = ServiceOp(widget, bug).success(seen.append).failure(seen.append)
        op.after(lambda: seen.append("after")).run_in_background()
        writes_done(qtbot)
    assert [type(exc) for _, exc, _ in exceptions] == [KeyError]
    assert seen == ["after"] and not is_busy(widget)


def test_given_a_long_job_running_then_the_counters_writes_do_not_wait_for_it(
    qtbot: QtBot, widget: QWidget
) -> None:
    release = threading.Event()
    job_done: list[object] = []
    run_in_background(None, lambda: release.wait(20), job_done.append, job_done.append)
    written: list[str] = []
    ServiceOp(widget, lambda: "saved").success(written.append).run_in_background()
    qtbot.waitUntil(lambda: written == ["saved"], timeout=5_000)
    assert job_done == [] and writes_idle()  # the backup still runs; the write did not wait
    release.set()
    assert wait_for_detached()
    qtbot.waitUntil(lambda: job_done == [True])


def test_given_an_accept_being_saved_when_the_window_is_closed_then_it_closes_once_saved_and_shown(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Never a dossier received whose code nobody saw: the window waits for the write, shows the
    banner (its form then empty, so nothing is asked), and closes."""
    gate = Gate(receive_actions.receive)
    monkeypatch.setattr(receive_actions, "receive", gate)
    session = UiSession(
        sqlite_db, find_actor(sqlite_db, "canbo"), resolve_paths(tmp_path).ensure(), clock=lambda: MONDAY_9AM
    )
    printed: list[str] = []
    window = MainWindow(session, printer=CountingPrinter(printed))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.receive_page
    assert page is not None
    fill(page)
    ctrl_enter(page)
    assert gate.entered.wait(10)

    assert not window.close()  # being saved: the window stays
    assert window.isVisible()
    gate.opened.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
    assert page.last_result is not None and page.banner.code == page.last_result.code
    assert dossiers(sqlite_db) == 1 and printed == ["receipt"]


class CountingPrinter:
    def __init__(self, printed: list[str]) -> None:
        self.printed = printed

    def print_slip(self, kind: str, pdf_bytes: bytes, saved_path: object, *, preview: bool = False) -> str:
        self.printed.append(kind)
        return f"Đã in {kind}."
