"""Quản trị → Các văn phòng (tỉnh): the provincial centre enrols an office, imports its bundles off
the GUI thread (acknowledgements written beside them), and keeps one branch of a fork alarm — and
what each mistake gets. The offices' dossiers are on the page Các văn phòng (test_offices_page.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from exchange_support import moment, node_of, open_office, province_chain, receive_day
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter_app.db.database import Database
from counter_app.db.models import ExchangeFork
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.exchange.office import public_key_text
from counter_app.services.exchange.upward import export_events
from counter_app.services.users import find_actor
from counter_app.ui.admin.province_tab import ProvinceTab
from counter_app.ui.session import UiSession


@pytest.fixture
def office(office_templates: dict[int, Path], tmp_path: Path) -> Iterator[Database]:
    db = open_office(office_templates[1], tmp_path / "xa1", 1)
    receive_day(db, 1, 0)
    yield db
    db.close()


@pytest.fixture
def tab(qtbot: QtBot, sqlite_db: Database) -> ProvinceTab:
    widget = ProvinceTab(UiSession(sqlite_db, find_actor(sqlite_db, "quantri"), clock=lambda: moment(1)))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def bundle_of(office: Database, tmp_path: Path, name: str, day: int = 0) -> Path:
    out = tmp_path / "usb" / f"{name}.zip"
    assert export_events(office, SYSTEM_ACTOR, out, now=moment(day)) is not None
    return out


def wait_idle(qtbot: QtBot, tab: ProvinceTab) -> None:
    qtbot.waitUntil(lambda: tab.import_button.isEnabled() and tab._runner is None, timeout=30_000)


def test_given_an_office_enrolled_and_its_bundle_imported_then_listed(
    qtbot: QtBot, tab: ProvinceTab, office: Database, sqlite_db: Database, tmp_path: Path
) -> None:
    assert tab.offices.rowCount() == 0 and "Chưa có văn phòng nào đăng ký" in tab.note.text()
    assert not tab.fork_table.isVisible()
    bundle = bundle_of(office, tmp_path, "ngay0")
    fingerprint = public_key_text(office, now=moment(0))[1]

    assert not tab.enrol(bundle, "0000-0000-0000-0000-0000")
    assert tab.message.is_error and "không khớp" in tab.message.text()
    assert tab.enrol(bundle, fingerprint.lower())
    assert tab.message.text() == (
        f"Đã đăng ký khóa {fingerprint} của Trung tâm Phục vụ hành chính công xã số 1 (000.31.23.H56)."
    )
    assert tab.import_bundles([bundle])
    wait_idle(qtbot, tab)

    (ack,) = bundle.parent.glob("xacnhan-000.31.23.H56-*.zip")
    assert tab.message.text().startswith("ngay0.zip: văn phòng 000.31.23.H56, áp dụng ")
    assert tab.message.text().endswith(f"gói xác nhận: {ack.name}.")
    assert tab.offices.rowCount() == 1
    assert [tab.offices.item(0, c).text() for c in (0, 4)] == ["000.31.23.H56", "2"]
    assert province_chain(sqlite_db, node_of(1)) is not None


def test_given_a_wrong_file_and_a_good_one_then_each_said_and_the_good_one_imported(
    qtbot: QtBot, tab: ProvinceTab, office: Database, tmp_path: Path
) -> None:
    bundle = bundle_of(office, tmp_path, "ngay0")
    assert tab.enrol(bundle, public_key_text(office, now=moment(0))[1])
    wrong = tmp_path / "anh.zip"
    wrong.write_bytes(b"not a zip")

    assert tab.import_bundles([wrong, bundle])
    wait_idle(qtbot, tab)

    first, second = tab.message.text().splitlines()
    assert tab.message.is_error
    assert first == "Không nhận gói anh.zip: không đọc được như một tệp zip (bị cắt hoặc hỏng)."
    assert second.startswith("ngay0.zip: văn phòng 000.31.23.H56, áp dụng ")


def test_given_a_fork_alarm_then_shown_and_the_chosen_branch_kept(
    qtbot: QtBot, tab: ProvinceTab, office: Database, sqlite_db: Database, tmp_path: Path
) -> None:
    public_key_text(office, now=moment(0))
    copy = open_office(Path(str(office.url).removeprefix("sqlite:///")), tmp_path / "copy", 1)
    receive_day(office, 1, 1)
    receive_day(copy, 1, 1, n=3)
    original, branch = bundle_of(office, tmp_path, "original", 1), bundle_of(copy, tmp_path, "copy", 1)
    assert tab.enrol(original, public_key_text(office, now=moment(0))[1])
    assert tab.import_bundles([original, branch])
    wait_idle(qtbot, tab)

    assert tab.message.is_error and "CẢNH BÁO RẼ NHÁNH" in tab.message.text()
    assert tab.fork_table.isVisible() and tab.fork_table.rowCount() == 1
    assert "3 hồ sơ" in tab.fork_table.item(0, 4).text()
    assert not tab.keep("applied", confirmed=True)  # no row selected
    assert tab.message.text() == "Chọn một cảnh báo rẽ nhánh trong bảng."

    tab.fork_table.selectRow(0)
    assert tab.keep("applied", confirmed=True)

    assert tab.message.text().startswith("Đã giữ nhánh đã áp dụng: ")
    assert tab.fork_table.rowCount() == 0 and not tab.fork_table.isVisible()
    with sqlite_db.read() as session:
        assert session.execute(select(ExchangeFork.resolution)).scalar_one() == "applied"
    copy.close()
