"""Shared by the administration page's tests (import as ``from admin_support import …``)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


class Dialogs:
    """QMessageBox.question/information/critical as the tests see them: each text noted; questions
    answered from ``answers`` (Yes when it is empty)."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.informations: list[str] = []
        self.answers: list[bool] = []

    def question(self, _parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        self.questions.append(text)
        return YES if not self.answers or self.answers.pop(0) else NO

    def information(self, _parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        self.informations.append(text)
        return QMessageBox.StandardButton.Ok
