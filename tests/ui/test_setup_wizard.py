"""The first-start set-up wizard on an empty database: each page refuses what is wrong with the
message beside the field and stays; cancelling writes nothing; «Hoàn tất» writes the office, its
units, the procedures ticked and the first admin, who can then log in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from keys import type_text
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from pytestqt.qtbot import QtBot
from setup_support import (
    CANCEL,
    FINISH,
    NEXT,
    NOW,
    OFFICE,
    PASSWORD,
    click,
    fill_admin,
    fill_office,
    to_page,
    type_into,
    wait_written,
)
from sqlalchemy import func, select
from testdata import FIXTURES, NODE, PORTAL_DETAILS

from counter_app.db.database import Database
from counter_app.db.models import Agency, Event, Office, Procedure, User
from counter_app.domain.errors import ValidationError
from counter_app.services.login import login
from counter_app.services.office_catalog import disabled_codes
from counter_app.services.office_profile import current_profile
from counter_app.services.office_setup import choices_for_level, needs_setup, procedure_choices
from counter_app.ui import setup_wizard
from counter_app.ui.first_start import SetupWizard, run_setup_if_needed


@pytest.fixture(scope="module")
def catalogue() -> list:  # type: ignore[type-arg]
    """The bundled national catalogue as the wizard lists it (read once for the module)."""
    return procedure_choices()


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[Database]:
    """An empty data folder's database: migrated, no office, no user, no procedure."""
    db = Database.open(f"sqlite:///{tmp_path / 'counter.sqlite3'}", NODE)
    yield db
    db.close()


@pytest.fixture
def wizard(qtbot: QtBot, fresh_db: Database, catalogue: list) -> SetupWizard:  # type: ignore[type-arg]
    w = SetupWizard(fresh_db, clock=lambda: NOW, catalog=lambda: catalogue)
    qtbot.addWidget(w, before_close_func=lambda widget: widget.hide())  # hidden, closing asks nothing
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """QMessageBox.question answered No, then Yes; the questions asked."""
    asked: list[str] = []
    replies = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])

    def question(_parent: object, _title: str, text: str, _buttons: object, default: object) -> object:
        assert default == QMessageBox.StandardButton.No  # Enter by habit keeps the wizard
        asked.append(text)
        return next(replies)

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def shown_codes(w: SetupWizard) -> set[str]:
    return set(w.procedures_page.shown_codes())


# ------------------------------------------------------------------------------------------ start
def test_given_fresh_database_then_setup_needed_and_wizard_titled_thiet_lap_with_no_province_chosen(
    wizard: SetupWizard, fresh_db: Database
) -> None:
    assert needs_setup(fresh_db)
    assert wizard.windowTitle().startswith("Thiết lập")
    page = wizard.office_page
    assert page.province.count() == 34 and page.province.currentIndex() == -1
    assert page.level.currentIndex() == -1
    assert wizard.button(NEXT).text() == "Tiếp ›" and wizard.button(CANCEL).text() == "Hủy"


def test_given_seeded_database_then_no_wizard_and_true(qtbot: QtBot, sqlite_db: Database) -> None:
    assert run_setup_if_needed(sqlite_db, clock=lambda: NOW) is True
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, SetupWizard) and w.isVisible()]


# ----------------------------------------------------------------------------------- page 1: office
OFFICE_CASES = [
    ("name", {"name": ""}, "Tên đơn vị không được để trống."),
    (
        "identifier_code",
        {"identifier_code": "abc"},
        "Mã định danh «abc» không hợp lệ: chữ in hoa và số, các phần cách nhau bởi dấu chấm "
        "(ví dụ 000.17.22.H56).",
    ),
    ("province", {"province": None}, "Hãy chọn tỉnh, thành phố."),
    ("place", {"place": ""}, "Địa danh (ghi trước «, ngày … tháng … năm …») không được để trống."),
    ("email", {"email": "motcua@hacthanh"}, "Địa chỉ thư điện tử «motcua@hacthanh» không hợp lệ."),
    ("hotline", {"hotline": "gọi 1900"}, "Số điện thoại đường dây nóng «gọi 1900» không hợp lệ."),
]


@pytest.mark.parametrize(("field", "change", "message"), OFFICE_CASES, ids=[c[0] for c in OFFICE_CASES])
def test_given_one_wrong_office_field_when_enter_then_its_message_beside_it_and_page_stays(
    qtbot: QtBot, wizard: SetupWizard, field: str, change: dict[str, str | None], message: str
) -> None:
    fill_office(wizard, **change)
    page = wizard.office_page

    qtbot.keyClick(page.fields["address"], Qt.Key.Key_Return)  # Enter presses «Tiếp»: refused

    assert wizard.currentPage() is page
    assert page.errors.text(field) == message
    assert page.errors.labels[field].isVisible()
    assert [name for name in page.errors.labels if page.errors.text(name)] == [field]
    assert QApplication.focusWidget() is page.errors.widgets[field]


def test_given_empty_office_page_when_next_then_every_required_field_says_why_at_once(
    qtbot: QtBot, wizard: SetupWizard
) -> None:
    click(qtbot, wizard, NEXT)
    page = wizard.office_page
    assert wizard.currentPage() is page
    assert {name for name in page.errors.labels if page.errors.text(name)} == {
        "province",
        "level",
        "name",
        "identifier_code",
        "place",
    }
    assert QApplication.focusWidget() is page.province  # the first one, top of the page
    type_text(page.fields["name"], "A")
    assert page.errors.text("name") == ""  # correcting a field takes its message away


def test_given_identifier_and_place_typed_then_live_dossier_code_and_date_line(wizard: SetupWizard) -> None:
    page = wizard.office_page
    assert "000.17.22.H56-261123-0001" in page.code_example.text()  # the sample, before typing
    type_into(page.fields["identifier_code"], "000.00.31.H56")
    assert page.code_example.text() == "Mã hồ sơ đầu tiên của một ngày sẽ là: 000.00.31.H56-261123-0001"
    type_into(page.fields["place"], "Hạc Thành")
    assert page.place_preview.text() == "Dòng ngày tháng trên phiếu: «Hạc Thành, ngày 23 tháng 11 năm 2026»"


# ------------------------------------------------------------------------------------ page 2: hours
def test_given_session_ending_before_it_starts_then_message_and_page_stays(
    qtbot: QtBot, wizard: SetupWizard
) -> None:
    to_page(qtbot, wizard, wizard.hours_page)
    page = wizard.hours_page
    morning = page.days[2][0]  # Wednesday
    morning.end.setTime(morning.start.time().addSecs(-30 * 60))

    click(qtbot, wizard, NEXT)

    assert wizard.currentPage() is page
    assert page.errors.text("sessions") == "Thứ Tư: buổi 07:30–07:00 phải bắt đầu trước khi kết thúc."
    assert QApplication.focusWidget() is morning.start


def test_given_no_session_at_all_then_refused(qtbot: QtBot, wizard: SetupWizard) -> None:
    to_page(qtbot, wizard, wizard.hours_page)
    for halves in wizard.hours_page.days:
        for half in halves:
            half.tick.setChecked(False)
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.hours_page
    assert wizard.hours_page.errors.text("sessions") == "Phải có ít nhất một buổi làm việc trong tuần."


def test_given_default_hours_then_monday_to_friday_and_saturday_morning_can_be_ticked(
    wizard: SetupWizard,
) -> None:
    page = wizard.hours_page
    assert dict(page.sessions()) == {day: (("07:30", "11:30"), ("13:30", "17:00")) for day in range(5)}
    assert page.time_policy() == "hours"
    page.days[5][0].tick.setChecked(True)
    page.policies["days"].setChecked(True)
    assert page.sessions()[5] == (("07:30", "11:30"),)
    assert 6 not in page.sessions()
    assert page.time_policy() == "days"


# ------------------------------------------------------------------------------------ page 3: units
def test_given_units_then_wrong_code_and_repeated_code_refused_and_empty_rows_skipped(
    qtbot: QtBot, wizard: SetupWizard
) -> None:
    to_page(qtbot, wizard, wizard.units_page)
    page = wizard.units_page
    page.add_row("SNV", "Sở Nội vụ")
    page.add_row("Sở Tư pháp", "Sở Tư pháp")  # a name typed as the code
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is page
    assert page.error.text() == (
        "Mã đơn vị «Sở Tư pháp» không hợp lệ (chữ, số, dấu chấm, gạch; không dấu cách)."
    )
    assert (page.table.currentRow(), page.table.currentColumn()) == (1, 0)

    page.table.item(1, 0).setText("snv")
    click(qtbot, wizard, NEXT)
    assert page.error.text() == "Mã đơn vị «snv» bị lặp lại (dòng 1 và dòng 2)."

    page.table.item(1, 0).setText("STP")
    page.add_row()  # left empty: skipped
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.procedures_page
    assert [(u.code, u.name) for u in page.units()] == [("SNV", "Sở Nội vụ"), ("STP", "Sở Tư pháp")]


# ------------------------------------------------------------------------------- page 4: procedures
def test_given_level_chosen_then_the_list_is_that_level_and_changing_it_changes_the_list(
    qtbot: QtBot,
    wizard: SetupWizard,
    catalogue: list,  # type: ignore[type-arg]
) -> None:
    to_page(qtbot, wizard, wizard.procedures_page, level="commune_centre")
    commune = {c.code for c in choices_for_level(catalogue, "commune_centre")}
    province = {c.code for c in choices_for_level(catalogue, "province_centre")}
    assert commune != province
    assert shown_codes(wizard) == commune
    assert (
        wizard.procedures_page.count.text()
        == f"Đã chọn {len(commune)} thủ tục (trong {len(commune)} thủ tục)"
    )

    while wizard.currentPage() is not wizard.office_page:
        click(qtbot, wizard, QWizard.WizardButton.BackButton)
    page = wizard.office_page
    page.level.setCurrentIndex(page.level.findData("province_centre"))
    for _ in range(3):
        click(qtbot, wizard, NEXT)

    assert wizard.currentPage() is wizard.procedures_page
    assert shown_codes(wizard) == province


def test_given_field_ticked_then_all_its_procedures_ticked_and_counted(
    qtbot: QtBot, wizard: SetupWizard
) -> None:
    to_page(qtbot, wizard, wizard.procedures_page)
    page = wizard.procedures_page
    qtbot.mouseClick(page.select_none, Qt.MouseButton.LeftButton)
    assert page.chosen_codes() == () and page.count.text().startswith("Đã chọn 0 thủ tục")

    group = page.field_item("G15-TP07", "Hộ tịch")
    group.setCheckState(0, Qt.CheckState.Checked)  # what a click on the field's box does

    children = {group.child(i).text(1) for i in range(group.childCount())}
    assert len(children) > 10
    assert set(page.chosen_codes()) == children
    assert page.count.text().startswith(f"Đã chọn {len(children)} thủ tục")
    assert group.text(1) == f"{len(children)}/{len(children)}"
    group.child(0).setCheckState(0, Qt.CheckState.Unchecked)
    assert group.checkState(0) == Qt.CheckState.PartiallyChecked
    assert len(page.chosen_codes()) == len(children) - 1


@pytest.mark.parametrize(
    "query", ["khai sinh", "đăng ký khai sinh", "DANG KY KHAI SINH", "Đăng Ký Khai Sinh"]
)
def test_given_search_with_or_without_tone_marks_then_the_same_birth_registrations(
    qtbot: QtBot, wizard: SetupWizard, query: str
) -> None:
    to_page(qtbot, wizard, wizard.procedures_page)
    page = wizard.procedures_page
    type_text(page.search, query, enter=True)  # Enter filters, it does not leave the page

    assert wizard.currentPage() is page
    shown = shown_codes(wizard)
    assert "1.001193" in shown  # Thủ tục đăng ký khai sinh
    names = {page.procedure_item(code).text(0).lower() for code in shown}
    assert all("khai sinh" in name for name in names) and len(shown) >= 5


def test_given_field_filter_then_only_that_field_shown(qtbot: QtBot, wizard: SetupWizard) -> None:
    to_page(qtbot, wizard, wizard.procedures_page)
    page = wizard.procedures_page
    labels = [page.field_filter.itemText(i) for i in range(page.field_filter.count())]
    assert labels[0] == "Mọi lĩnh vực"
    assert "Hộ tịch (G15-TP07)" in labels  # two fields named Hộ tịch: told apart by their codes
    page.field_filter.setCurrentIndex(labels.index("Hộ tịch (G15-TP07)"))
    group = page.field_item("G15-TP07", "Hộ tịch")
    assert shown_codes(wizard) == {group.child(i).text(1) for i in range(group.childCount())}


def test_given_nothing_ticked_then_refused_and_page_stays(qtbot: QtBot, wizard: SetupWizard) -> None:
    to_page(qtbot, wizard, wizard.procedures_page)
    page = wizard.procedures_page
    qtbot.mouseClick(page.select_none, Qt.MouseButton.LeftButton)
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is page
    assert page.error.isVisible() and page.error.text() == "Hãy chọn ít nhất một thủ tục đơn vị tiếp nhận."


def test_given_catalogue_files_then_a_bad_one_changes_nothing_and_a_good_one_is_listed_ticked(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    to_page(qtbot, wizard, wizard.procedures_page)  # a commune: province procedures are not listed
    page = wizard.procedures_page
    qtbot.mouseClick(page.select_none, Qt.MouseButton.LeftButton)
    before = (shown_codes(wizard), page.chosen_codes())
    bad = tmp_path / "hong.json"
    bad.write_text('{"format": "khác"}', encoding="utf-8")

    assert page.add_catalog_files([str(bad)]) is False

    [warning] = warnings
    assert str(bad) in warning and "không hợp lệ" in warning
    assert (shown_codes(wizard), page.chosen_codes(), page.files) == (*before, [])

    record = PORTAL_DETAILS / "1.013216.json"  # province level
    assert "1.013216" not in before[0]
    assert page.add_catalog_files([str(record), str(FIXTURES / "test_catalog.json")]) is True
    assert "1.013216" in page.chosen_codes() and "2.001955" in page.chosen_codes()
    assert page.files == [str(record), str(FIXTURES / "test_catalog.json")]
    assert "1.013216" in wizard.spec().procedures  # type: ignore[operator]
    assert wizard.spec().catalog_files == (str(record), str(FIXTURES / "test_catalog.json"))


# ------------------------------------------------------------------------------------ page 5: admin
ADMIN_CASES = [
    (
        "username",
        {"username": "Nguyen Van A"},
        "Tên đăng nhập «nguyen van a» không hợp lệ: 2–60 ký tự gồm chữ thường không dấu, chữ số, dấu chấm, "
        "gạch dưới, gạch ngang, bắt đầu bằng chữ hoặc số (ví dụ: nguyenvana).",
    ),
    ("full_name", {"full_name": ""}, "Họ tên không được để trống."),
    ("password", {"password": "ngan", "again": "ngan"}, "Mật khẩu phải có ít nhất 10 ký tự."),
    (
        "password",
        {"password": "matkhau123", "again": "matkhau123"},
        "Mật khẩu này quá phổ biến, dễ bị đoán ra; hãy chọn mật khẩu khác.",
    ),
    ("password_again", {"again": PASSWORD + "x"}, "Hai lần nhập mật khẩu mới không giống nhau."),
]


@pytest.mark.parametrize(
    ("field", "change", "message"), ADMIN_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(ADMIN_CASES)]
)
def test_given_one_wrong_admin_field_then_its_message_and_page_stays(
    qtbot: QtBot, wizard: SetupWizard, field: str, change: dict[str, str], message: str
) -> None:
    to_page(qtbot, wizard, wizard.admin_page)
    page = wizard.admin_page
    fill_admin(wizard)
    for name, value in change.items():
        type_into(getattr(page, name), value)

    qtbot.keyClick(page.again, Qt.Key.Key_Return)

    assert wizard.currentPage() is page
    assert page.errors.text(field) == message
    assert [name for name in page.errors.labels if page.errors.text(name)] == [field]


# ------------------------------------------------------------------------------------------ cancel
def test_given_cancel_esc_or_close_then_asked_and_only_yes_ends_and_nothing_is_written(
    qtbot: QtBot, wizard: SetupWizard, fresh_db: Database, answers: list[str]
) -> None:
    to_page(qtbot, wizard, wizard.admin_page)
    fill_admin(wizard)

    qtbot.keyClick(wizard.admin_page.full_name, Qt.Key.Key_Escape)  # answered No: still there

    assert wizard.isVisible() and wizard.currentPage() is wizard.admin_page
    assert wizard.admin_page.username.text() == "quantri1"
    click(qtbot, wizard, CANCEL)  # answered Yes
    assert not wizard.isVisible() and wizard.result() == QWizard.DialogCode.Rejected
    assert (
        answers
        == [
            "Chưa có gì được lưu. Hủy thiết lập đơn vị và thoát chương trình? Lần mở sau, trình thiết lập "
            "lại hiện ra."
        ]
        * 2
    )
    assert needs_setup(fresh_db)
    assert (count(fresh_db, Office), count(fresh_db, User), count(fresh_db, Event)) == (0, 0, 0)


def test_given_window_closed_then_asked_first(qtbot: QtBot, wizard: SetupWizard, answers: list[str]) -> None:
    assert wizard.close() is False  # No
    assert wizard.isVisible()
    assert wizard.close() is True  # Yes
    assert len(answers) == 2


def test_given_modal_wizard_cancelled_then_run_setup_if_needed_is_false(
    qtbot: QtBot, fresh_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    seen: list[str] = []

    def cancel() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, SetupWizard):
            QTimer.singleShot(20, cancel)
            return
        seen.append(modal.windowTitle())
        modal.button(CANCEL).click()

    QTimer.singleShot(0, cancel)
    assert run_setup_if_needed(fresh_db, clock=lambda: NOW) is False
    assert seen == ["Thiết lập đơn vị — Bộ phận Một cửa"]
    assert needs_setup(fresh_db)


# ------------------------------------------------------------------------------------------ finish
def test_given_every_page_filled_when_finish_pressed_twice_then_written_once_and_admin_logs_in(
    qtbot: QtBot, wizard: SetupWizard, fresh_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    real_apply = setup_wizard.apply_setup

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args[2])
        return real_apply(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(setup_wizard, "apply_setup", counted)
    to_page(qtbot, wizard, wizard.hours_page)
    wizard.hours_page.days[5][0].tick.setChecked(True)  # Saturday morning
    wizard.hours_page.policies["days"].setChecked(True)
    click(qtbot, wizard, NEXT)
    wizard.units_page.add_row("SNV", "Sở Nội vụ")
    wizard.units_page.add_row("STP", "Sở Tư pháp")
    click(qtbot, wizard, NEXT)
    page = wizard.procedures_page
    qtbot.mouseClick(page.select_none, Qt.MouseButton.LeftButton)
    type_text(page.search, "đăng ký khai sinh")
    qtbot.mouseClick(page.select_all, Qt.MouseButton.LeftButton)  # the procedures shown only
    ticked = set(page.chosen_codes())
    assert "1.001193" in ticked and 5 <= len(ticked) < 30
    click(qtbot, wizard, NEXT)
    fill_admin(wizard)
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.summary_page
    summary = wizard.summary_page.text.toPlainText()
    for text in (
        OFFICE["name"],
        "000.17.22.H56",
        "Hạc Thành, ngày 23 tháng 11 năm 2026",
        "Sở Tư pháp",
        "quantri1",
    ):
        assert text in summary
    assert PASSWORD not in summary
    assert count(fresh_db, Office) == 0  # nothing written before «Hoàn tất»

    click(qtbot, wizard, FINISH)
    wizard.accept()  # a second «Hoàn tất» (Enter) while the first runs: ignored
    assert wizard.busy and not wizard.button(FINISH).isEnabled()
    wizard.reject()  # and no cancelling half-way
    assert wizard.isVisible()
    wait_written(qtbot, wizard)

    assert len(calls) == 1
    assert wizard.result() == QWizard.DialogCode.Accepted and not wizard.isVisible()
    assert not needs_setup(fresh_db)
    profile = current_profile(fresh_db)
    for name, value in {**OFFICE, "province": "Thanh Hóa", "level": "commune_centre"}.items():
        assert getattr(profile, name) == value, name
    assert profile.time_policy == "days"
    assert dict(profile.sessions)[5] == (("07:30", "11:30"),)
    with fresh_db.read() as session:
        units = {(a.code, a.name) for a in session.execute(select(Agency)).scalars()}
        office_id = session.execute(select(Office.id)).scalar_one()
        admin = session.execute(select(User)).scalar_one()
    assert units == {("SNV", "Sở Nội vụ"), ("STP", "Sở Tư pháp")}
    with fresh_db.read() as session:
        every = set(session.execute(select(Procedure.code)).scalars())
    assert len(every) == 402
    assert every - disabled_codes(fresh_db, office_id) == ticked  # only the ticked ones are received
    assert (admin.username, admin.full_name, admin.role) == ("quantri1", "Nguyễn Văn Quản", "admin")
    result = login(fresh_db, "quantri1", PASSWORD, now=NOW + timedelta(minutes=1))
    assert result.actor.username == "quantri1"
    # The administrator typed this password twice for themselves: no forced change at the first
    # log-in (a password written in a setup file by IT is a one-time password instead).
    assert not result.must_change_password and not admin.must_change_password


def test_given_apply_setup_refuses_a_field_then_its_page_shows_it_and_nothing_is_written(
    qtbot: QtBot, wizard: SetupWizard, fresh_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    message = "Đã có đơn vị mã định danh «000.17.22.H56»."

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise ValidationError(message, field="identifier_code")

    monkeypatch.setattr(setup_wizard, "apply_setup", refuse)
    to_page(qtbot, wizard, wizard.summary_page)
    click(qtbot, wizard, FINISH)
    qtbot.waitUntil(lambda: not wizard.busy, timeout=10_000)
    qtbot.waitUntil(lambda: not wizard.findChildren(QThread), timeout=10_000)

    assert wizard.isVisible() and wizard.currentPage() is wizard.office_page
    assert wizard.office_page.errors.text("identifier_code") == message
    assert wizard.button(NEXT).isEnabled() and wizard.setup_result is None
    assert (count(fresh_db, Office), count(fresh_db, Event)) == (0, 0)
