"""A real office from its first start, end to end on real widgets and a fresh data folder, no demo:
the set-up wizard → the administrator logs in and creates an officer on F7 → the officer logs in with
the one-time password and must change it → receives a dossier → the receipt carries what the wizard
was told (office name, place, address, hotline, signatory) and the code starts with its identifier."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from keys import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from setup_support import FINISH, NEXT, NOW, OFFICE, PASSWORD, click, fill_admin, fill_office, wait_written
from test_counter_flow import QR, Clock, FakePrinter, receipt_done, text_of
from waiting import writes_done

from counter_app.context import AppContext, open_context
from counter_app.domain.text import normalize
from counter_app.services.actor import Role
from counter_app.services.lookup import lookup
from counter_app.services.office_catalog import disabled_codes
from counter_app.services.offices import get_office
from counter_app.services.processing import apologise
from counter_app.services.slips.issue import issue_slip
from counter_app.ui.first_start import SetupWizard
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import UiSession
from counter_app.ui.worker import wait_for_detached

OFFICER_PASSWORD = "Cay bang xanh 2026"  # ASCII: QTest types nothing else
BIRTH = "1.001193"  # Đăng ký khai sinh: a commune-level procedure of the national catalogue


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[AppContext]:
    """What the desktop opens on a new PC: an empty data folder, migrated, nothing in it."""
    ctx = open_context(tmp_path / "data")
    yield ctx
    wait_for_detached()
    ctx.close()


def log_in(qtbot: QtBot, ctx: AppContext, username: str, password: str) -> LoginDialog:
    dialog = LoginDialog(ctx.db, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.username, username)
    type_text(dialog.password, password, enter=True)
    return dialog


def open_window(qtbot: QtBot, ctx: AppContext, dialog: LoginDialog) -> MainWindow:
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.actor is not None
    session = UiSession(ctx.db, dialog.actor, ctx.paths, clock=Clock(NOW + timedelta(minutes=30)))
    window = MainWindow(session, printer=FakePrinter(), idle_ms=0)
    qtbot.addWidget(window, before_close_func=lambda w: w.hide())
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_given_a_fresh_data_folder_then_wizard_admin_officer_and_a_receipt_with_the_wizards_office(
    qtbot: QtBot, fresh: AppContext
) -> None:
    # 1. The set-up wizard: a commune centre, default hours, every commune-level procedure ticked.
    wizard = SetupWizard(fresh.db, clock=lambda: NOW)
    qtbot.addWidget(wizard, before_close_func=lambda w: w.hide())
    wizard.show()
    assert wizard.windowTitle().startswith("Thiết lập")
    fill_office(wizard)
    while wizard.currentPage() is not wizard.summary_page:
        if wizard.currentPage() is wizard.admin_page:
            fill_admin(wizard, "Nguyễn Văn Quản", "quantri1")
        click(qtbot, wizard, NEXT)
    click(qtbot, wizard, FINISH)
    wait_written(qtbot, wizard)
    with fresh.db.read() as session:
        office_id = get_office(session).id
    assert BIRTH not in disabled_codes(fresh.db, office_id)

    # 2. The administrator logs in with the password they chose (no change asked) and adds an officer.
    admin_login = log_in(qtbot, fresh, "quantri1", PASSWORD)
    admin_window = open_window(qtbot, fresh, admin_login)
    assert admin_window.admin_page is not None
    qtbot.keyClick(admin_window, Qt.Key.Key_F7)
    assert admin_window.tabs.currentWidget() is admin_window.admin_page
    users = admin_window.admin_page.users_tab
    admin_window.admin_page.setCurrentWidget(users)
    dialog = users.add_user()
    dialog.username.setText("canbo.lan")
    dialog.full_name.setText("Trần Thị Lan")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.OFFICER))
    dialog.ok_button.click()
    assert users.password_dialog is not None
    one_time = users.password_dialog.password.text()
    users.password_dialog.accept()
    admin_window.close()

    # 3. The officer logs in with the one-time password and must choose a new one first.
    officer_login = log_in(qtbot, fresh, "canbo.lan", one_time)
    assert officer_login.must_change_password() and officer_login.actor is None
    type_text(officer_login.change_form.new, OFFICER_PASSWORD)
    type_text(officer_login.change_form.again, OFFICER_PASSWORD, enter=True)
    window = open_window(qtbot, fresh, officer_login)
    assert window.session.actor.username == "canbo.lan" and window.admin_page is None
    qtbot.keyClick(window, Qt.Key.Key_F7)  # no administration for an officer
    assert window.tabs.currentWidget() is window.receive_page

    # 4. A birth registration: scan the card, a procedure code, Ctrl+Enter.
    page = window.receive_page
    assert page is not None
    type_text(page.applicant.id_number, QR)
    type_text(page.picker.search, BIRTH, enter=True)
    assert page.record is not None and page.record.code == BIRTH
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    writes_done(qtbot)
    assert page.last_result is not None, page.message.text()
    code = page.last_result.code
    assert code.startswith(OFFICE["identifier_code"] + "-")
    receipt_done(qtbot, page)
    kind, pdf, path = window.desk.printer.jobs[-1]  # type: ignore[attr-defined]
    assert kind == "receipt" and path is not None and path.is_relative_to(fresh.paths.data_dir)

    # 5. The receipt says who received it, where, and how to reach the office; the officer who
    # received it signs it (Mẫu 01: «Người tiếp nhận»).
    text = normalize(text_of(pdf))
    assert code in text
    for wanted in (
        OFFICE["name"].upper(),
        OFFICE["governing_body"],
        "Hạc Thành, ngày 23 tháng 11 năm 2026",
        OFFICE["address"],
        OFFICE["hotline"],
        "Trần Thị Lan",
    ):
        assert normalize(wanted) in text, wanted

    # 6. The wizard's signatory signs what the head of the office signs: the apology letter.
    officer = window.session.actor
    view = lookup(fresh.db, officer, code)
    assert view.status == "received" and view.appointment_at is not None
    later = view.appointment_at + timedelta(days=7)
    apologise(fresh.db, officer, code, later, "Cần xác minh thêm", now=view.appointment_at)
    letter = issue_slip(
        fresh.db, officer, "apology", code, now=view.appointment_at, archive_dir=fresh.paths.slips_dir
    )
    letter_text = normalize(text_of(letter.pdf_bytes))
    for wanted in (OFFICE["signatory_name"], OFFICE["signatory_title"].upper(), OFFICE["name"].upper()):
        assert normalize(wanted) in letter_text, wanted
