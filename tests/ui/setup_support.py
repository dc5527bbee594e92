"""Shared by the set-up wizard's tests: an office's answers, and driving the wizard's pages."""

from __future__ import annotations

from keys import type_text
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM

from counter_app.ui.first_start import SetupWizard

NOW = MONDAY_9AM  # Monday 23/11/2026
PASSWORD = "Hoa sen no 2026"  # ASCII: QTest types nothing else
NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton
CANCEL = QWizard.WizardButton.CancelButton
OFFICE = {
    "name": "Trung tâm Phục vụ hành chính công phường Hạc Thành",
    "identifier_code": "000.17.22.H56",
    "governing_body": "UBND PHƯỜNG HẠC THÀNH",
    "place": "Hạc Thành",
    "address": "Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
    "hotline": "0237 3852 000",
    "email": "motcua@hacthanh.gov.vn",
    "signatory_name": "Lê Thị Bình",
    "signatory_title": "Giám đốc",
}


def type_into(widget: object, text: str) -> None:
    widget.clear()  # type: ignore[attr-defined]
    type_text(widget, text)  # type: ignore[arg-type]


def fill_office(w: SetupWizard, level: str = "commune_centre", **changes: str | None) -> None:
    page = w.office_page
    values = {**OFFICE, "province": "Thanh Hóa", **changes}
    province = values.pop("province")
    page.province.setCurrentIndex(-1 if province is None else page.province.findText(province))
    page.level.setCurrentIndex(page.level.findData(level))
    for name, value in values.items():
        type_into(page.fields[name], value or "")


def click(qtbot: QtBot, w: SetupWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(w.button(which), Qt.MouseButton.LeftButton)


def to_page(qtbot: QtBot, w: SetupWizard, page: object, level: str = "commune_centre") -> None:
    """Valid answers on every page before ``page``, then «Tiếp» up to it."""
    fill_office(w, level)
    while w.currentPage() is not page:
        if w.currentPage() is w.admin_page:
            fill_admin(w)
        before = w.currentId()
        click(qtbot, w, NEXT)
        assert w.currentId() == before + 1, w.currentPage().title()


def fill_admin(w: SetupWizard, full_name: str = "Nguyễn Văn Quản", username: str = "quantri1") -> None:
    page = w.admin_page
    type_into(page.full_name, full_name)
    type_into(page.username, username)
    type_into(page.password, PASSWORD)
    type_into(page.again, PASSWORD)


def wait_written(qtbot: QtBot, w: SetupWizard) -> None:
    qtbot.waitUntil(lambda: w.setup_result is not None, timeout=120_000)
    qtbot.waitUntil(lambda: not w.findChildren(QThread), timeout=10_000)
