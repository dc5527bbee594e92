"""Quản trị → Đơn vị: the office's profile saved through update_profile (the changed lines shown,
a refused field's message beside it, nothing written), and the identifier code changed on its own."""

from __future__ import annotations

from dataclasses import replace

import pytest
from admin_support import Dialogs
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM

from counter_app.services.applicants import ApplicantInput
from counter_app.services.office_profile import current_profile, edit_profile
from counter_app.services.offices import find_actor
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.setup_spec import OfficeProfile
from counter_app.ui.admin.office_tab import OfficeTab
from counter_app.ui.session import UiSession


@pytest.fixture
def tab(qtbot: QtBot, session: UiSession) -> OfficeTab:
    widget = OfficeTab(session)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    return widget


def stored(session: UiSession) -> OfficeProfile:
    return current_profile(session.db)


def test_given_profile_then_every_field_shown(tab: OfficeTab, session: UiSession) -> None:
    profile = stored(session)
    assert tab.fields["name"].text() == profile.name == "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa"
    assert tab.fields["place"].text() == "Thanh Hóa" and tab.code.text() == "000.00.31.H56"
    assert tab.code.isReadOnly() and tab.sessions() == dict(profile.sessions)
    assert not tab.has_unsaved_input()


def test_given_changes_when_saved_then_written_and_changed_lines_shown(
    tab: OfficeTab, session: UiSession
) -> None:
    tab.province.setCurrentText("Thanh Hóa")
    tab.level.setCurrentIndex(tab.level.findData("province_centre"))
    tab.fields["hotline"].setText("0237 3 852 000")
    tab.fields["email"].setText("motcua@thanhhoa.gov.vn")
    saturday_morning = tab.days[5][0]
    saturday_morning.tick.setChecked(True)
    assert tab.has_unsaved_input()

    tab.save_button.click()

    profile = stored(session)
    assert (profile.province, profile.level) == ("Thanh Hóa", "province_centre")
    assert (profile.hotline, profile.email) == ("0237 3 852 000", "motcua@thanhhoa.gov.vn")
    assert profile.sessions[5] == (("07:30", "11:30"),)
    text = tab.message.text()
    assert "Đường dây nóng: «0237 3 999 888» → «0237 3 852 000»" in text
    assert "Thư điện tử: (trống) → «motcua@thanhhoa.gov.vn»" in text and "Giờ làm việc:" in text
    assert not tab.message.is_error and not tab.has_unsaved_input()


def test_given_nothing_changed_when_saved_then_said_and_nothing_written(
    tab: OfficeTab, session: UiSession
) -> None:
    before = stored(session)
    tab.save_button.click()
    assert tab.message.text() == "Không có gì thay đổi." and stored(session) == before


def test_given_bad_email_when_saved_then_message_beside_it_and_nothing_written(
    tab: OfficeTab, session: UiSession
) -> None:
    before = stored(session)
    tab.fields["address"].setText("Số 1 Lê Lợi")
    tab.fields["email"].setText("motcua@")
    tab.save_button.click()

    assert "Địa chỉ thư điện tử «motcua@» không hợp lệ" in tab.errors["email"].text()
    assert not tab.errors["email"].isHidden() and tab.errors["address"].isHidden()
    assert tab.message.is_error and stored(session) == before
    assert tab.has_unsaved_input()  # what was typed is still there to correct


def test_given_overlapping_sessions_when_saved_then_message_beside_them_and_nothing_written(
    tab: OfficeTab, session: UiSession
) -> None:
    before = stored(session)
    tab.days[0][1].start.setTime(QTime(10, 0))  # Monday afternoon from 10:00, inside the morning
    tab.save_button.click()

    assert "Thứ Hai" in tab.errors["sessions"].text() and not tab.errors["sessions"].isHidden()
    assert stored(session) == before


def test_given_new_code_when_confirmed_then_new_series_starts(
    tab: OfficeTab, session: UiSession, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch, db: object
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (" 000.17.22.H56 ", True))
    tab.code_button.click()

    (question,) = dialogs.questions
    assert "000.00.31.H56 sang 000.17.22.H56" in question and "dãy mới" in question
    assert "000.17.22.H56-261123-0001" in question  # the first code of the new series, today
    assert stored(session).identifier_code == "000.17.22.H56" == tab.code.text()
    officer = find_actor(session.db, "canbo")
    code = receive(
        session.db, officer, IntakeRequest("2.001955", ApplicantInput(full_name="Lê Văn Tám")), now=MONDAY_9AM
    ).code
    assert code.startswith("000.17.22.H56-")


def test_given_bad_code_then_refused_before_asking_and_nothing_written(
    tab: OfficeTab, session: UiSession, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("ma moi", True))
    tab.code_button.click()

    assert dialogs.questions == [] and "không hợp lệ" in tab.errors["identifier_code"].text()
    assert stored(session).identifier_code == "000.00.31.H56"


def test_given_no_when_asked_to_change_code_then_nothing_written(
    tab: OfficeTab, session: UiSession, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("000.17.22.H56", True))
    dialogs.answers.append(False)
    tab.code_button.click()
    assert len(dialogs.questions) == 1 and stored(session).identifier_code == "000.00.31.H56"


def test_given_unsaved_edit_when_code_changed_then_edit_kept(
    tab: OfficeTab, session: UiSession, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.fields["address"].setText("Số 1 Lê Lợi")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("000.17.22.H56", True))
    tab.code_button.click()

    assert tab.fields["address"].text() == "Số 1 Lê Lợi" and tab.has_unsaved_input()
    tab.save_button.click()
    assert stored(session) == replace(stored(session), address="Số 1 Lê Lợi", identifier_code="000.17.22.H56")


def test_given_another_admins_change_meanwhile_when_saved_then_it_is_kept(
    tab: OfficeTab, session: UiSession
) -> None:
    # The tab was read; the command line (another admin) changes the address; this admin then
    # changes the hotline only: saving must not put the old address back.
    edit_profile(session.db, session.actor, {"address": "Số 9 đường Mới"}, now=session.now())
    tab.fields["hotline"].setText("0237 3 852 000")
    tab.save_button.click()
    profile = stored(session)
    assert (profile.address, profile.hotline) == ("Số 9 đường Mới", "0237 3 852 000")
    assert "Địa chỉ" not in tab.message.text() and "Đường dây nóng" in tab.message.text()
