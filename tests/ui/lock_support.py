"""Shared by the lock-screen, change-of-user and auditor tests (import as ``from lock_support import …``):
a main window on a fixed clock, the events written, the questions answered, what can be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.services.offices import find_actor
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import UiSession

NOW = MONDAY_9AM  # 09:00 in the office: a log-in lock from now runs to 09:15
BAD = "Tên đăng nhập hoặc mật khẩu không đúng."
LOCKED = (
    "Đăng nhập sai 5 lần trong 15 phút: tài khoản tạm khóa đến 09:15. "
    "Hãy thử lại sau, hoặc nhờ quản trị viên mở khóa."
)
UNSAVED_SWITCH = (
    "Trang đang mở có thông tin đã nhập nhưng chưa lưu. Nếu người khác đăng nhập, "
    "thông tin này sẽ bị bỏ. Tiếp tục?"
)


class SilentPrinter:
    def print_slip(
        self, kind: str, pdf_bytes: bytes, saved_path: Path | None, *, preview: bool = False
    ) -> str:
        return f"printed {kind}"


def session_for(db: Database, username: str) -> UiSession:
    return UiSession(db, find_actor(db, username), clock=lambda: NOW)


def make_window(session: UiSession, *, idle_ms: int = 0) -> MainWindow:
    return MainWindow(session, printer=SilentPrinter(), idle_ms=idle_ms)


def show_window(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # window shortcuts (F1…, Ctrl+L) need the active window
    qtbot.waitUntil(window.isActiveWindow)
    return window


def open_window(qtbot: QtBot, db: Database, username: str = "canbo", *, idle_ms: int = 0) -> MainWindow:
    window = make_window(session_for(db, username), idle_ms=idle_ms)
    qtbot.addWidget(window)
    return show_window(qtbot, window)


def readable_texts(root: QWidget) -> list[str]:
    """What someone in front of the screen can read: visible labels, buttons and fields."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit) and widget.echoMode() == QLineEdit.EchoMode.Normal:
            texts += [widget.text(), widget.placeholderText()]
    return [text for text in texts if text]


class Answers:
    """QMessageBox.question answered from a script; each question's text and default noted."""

    def __init__(self) -> None:
        self.replies: list[QMessageBox.StandardButton] = []
        self.asked: list[tuple[str, object]] = []

    def question(self, _parent: object, _title: str, text: str, _buttons: object, default: object) -> object:
        self.asked.append((text, default))
        return self.replies.pop(0) if self.replies else QMessageBox.StandardButton.No


def script_answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """QMessageBox.question answered by the returned script (No when it runs out)."""
    scripted = Answers()
    monkeypatch.setattr(QMessageBox, "question", scripted.question)
    return scripted
