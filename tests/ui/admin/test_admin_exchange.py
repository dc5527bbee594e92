"""Quản trị → Trao đổi với tỉnh: the office's bundle written to a USB folder off the GUI thread, the
province's acknowledgement imported (its fingerprint asked the first time), and what the tab says."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from exchange_support import PROCEDURE, moment, node_of, open_office, province_chain, receive_day
from pytestqt.qtbot import QtBot

from counter_app.db.database import Database
from counter_app.services import calendar_baseline
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.catalog import export_records, import_catalog
from counter_app.services.exchange.downward import publish_baseline
from counter_app.services.exchange.office import public_key_text
from counter_app.services.exchange.province import acknowledge, enrol, import_events
from counter_app.services.exchange.upward import export_events
from counter_app.services.form_wording import set_text
from counter_app.services.users import find_actor
from counter_app.ui.admin.exchange_tab import ExchangeTab
from counter_app.ui.session import UiSession


@pytest.fixture
def office(office_templates: dict[int, Path], tmp_path: Path) -> Iterator[Database]:
    db = open_office(office_templates[1], tmp_path / "xa1", 1)
    receive_day(db, 1, 0)
    yield db
    db.close()


@pytest.fixture
def tab(qtbot: QtBot, office: Database) -> ExchangeTab:
    widget = ExchangeTab(UiSession(office, find_actor(office, "quantri1"), clock=lambda: moment(1)))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def wait_idle(qtbot: QtBot, tab: ExchangeTab) -> None:
    qtbot.waitUntil(lambda: tab.export_button.isEnabled() and tab._runner is None, timeout=30_000)


def test_given_a_usb_folder_then_the_bundle_is_written_and_the_acknowledgement_moves_the_count(
    qtbot: QtBot, tab: ExchangeTab, office: Database, sqlite_db: Database, tmp_path: Path
) -> None:
    assert tab.status is not None and tab.status.own_fingerprint is None
    unsent = tab.status.unsent
    assert unsent > 0 and f"Chưa gửi: {unsent} sự kiện." in tab.keys.text()
    usb = tmp_path / "usb"
    usb.mkdir()

    assert tab.export(usb)
    assert not tab.export_button.isEnabled()  # a second press waits for the first
    wait_idle(qtbot, tab)

    (bundle,) = usb.glob("gui-tinh-*.zip")
    fingerprint = public_key_text(office, now=moment(1))[1]
    assert tab.message.text() == (
        f"Đã ghi {bundle}: {unsent} sự kiện, ký bằng khóa {fingerprint}. Mang gói này đến trung tâm tỉnh."
    )
    # At the province: enrolled, imported, acknowledged.
    enrol(sqlite_db, SYSTEM_ACTOR, bundle, fingerprint, now=moment(1))
    result = import_events(sqlite_db, SYSTEM_ACTOR, bundle, now=moment(1))
    ack = acknowledge(
        sqlite_db, result.fingerprint, usb / "xacnhan.zip", acknowledges=result.bundle_id, now=moment(1)
    )
    assert province_chain(sqlite_db, node_of(1)) is not None

    assert tab.import_from_province(ack, fingerprint=public_key_text(sqlite_db, now=moment(1))[1])
    wait_idle(qtbot, tab)

    assert tab.message.text().startswith("Trung tâm tỉnh đã xác nhận: xa-1-quay-1 #")
    assert tab.status.unsent == 0 and tab.table.item(0, 3).text() == "0"
    assert tab.export(usb)
    wait_idle(qtbot, tab)
    assert tab.message.text() == "Tỉnh đã xác nhận mọi sự kiện: không có gì để gửi, không ghi gói."
    assert len(list(usb.glob("gui-tinh-*.zip"))) == 1


def test_given_a_wrong_file_then_its_reason_is_said_and_nothing_changes(
    qtbot: QtBot, tab: ExchangeTab, tmp_path: Path
) -> None:
    wrong = tmp_path / "anh.zip"
    wrong.write_bytes(b"not a zip")
    before = tab.status

    assert tab.import_from_province(wrong, fingerprint="1234")
    wait_idle(qtbot, tab)

    assert tab.message.is_error
    assert tab.message.text() == "Không nhận gói anh.zip: không đọc được như một tệp zip (bị cắt hoặc hỏng)."
    assert tab.status == before


def test_given_the_provinces_catalogue_and_calendar_then_applied_and_the_changes_listed(
    qtbot: QtBot, tab: ExchangeTab, office: Database, sqlite_db: Database, tmp_path: Path
) -> None:
    province = sqlite_db
    record = next(r for r in export_records(province) if r.code == PROCEDURE)
    record.name = "Đăng ký nội quy lao động (tên theo quyết định công bố của tỉnh)"
    import_catalog(province, SYSTEM_ACTOR, [record], now=moment(0))
    calendar_baseline.set_day(
        province, SYSTEM_ACTOR, date(2026, 12, 31), "off", "Nghỉ của tỉnh", now=moment(0)
    )
    set_text(
        province,
        SYSTEM_ACTOR,
        "receipt",
        "hotline",
        "Thắc mắc xin gọi {hotline} hoặc 1022 (tỉnh).",
        now=moment(0),
    )
    bundle = tmp_path / "usb" / "danh-muc.zip"
    publish_baseline(province, SYSTEM_ACTOR, bundle, now=moment(0))
    assert "Danh mục và lịch của tỉnh: chưa nhận." in tab.keys.text()
    assert not tab.changes.isVisible()

    assert tab.import_from_province(bundle, fingerprint=public_key_text(province, now=moment(1))[1])
    wait_idle(qtbot, tab)

    assert tab.message.text() == (
        "Đã áp dụng danh mục và lịch của tỉnh, gói số 1: 0 thủ tục mới, 1 thủ tục thay đổi, 1 ngày thay đổi."
    )
    assert tab.changes.isVisible()
    assert tab.changes.toPlainText().splitlines() == [
        f"Thủ tục thay đổi: {PROCEDURE} — Đăng ký nội quy lao động (tên theo quyết định công bố của tỉnh)",
        "Ngày 31/12/2026: theo lịch quốc gia → nghỉ (Nghỉ của tỉnh)",
        "Lời văn mẫu receipt/hotline: Thắc mắc xin gọi {hotline} hoặc 1022 (tỉnh).",
    ]
    assert "Danh mục và lịch của tỉnh: gói số 1." in tab.keys.text()

    assert tab.import_from_province(bundle)  # the same bundle again: said, nothing changed
    wait_idle(qtbot, tab)
    assert tab.message.text() == "Gói số 1 của tỉnh đã được áp dụng trước đây."


def test_given_an_offices_bundle_to_import_then_it_is_refused_as_not_the_provinces(
    qtbot: QtBot, tab: ExchangeTab, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    assert tab.export(usb)
    wait_idle(qtbot, tab)
    (own,) = usb.glob("gui-tinh-*.zip")

    assert tab.import_from_province(own, fingerprint="1234")
    wait_idle(qtbot, tab)

    assert tab.message.is_error
    assert tab.message.text() == (
        f"Không nhận gói {own.name}: đây là gói của một văn phòng (loại events), không phải gói của trung tâm "
        "tỉnh: gói này nhập ở trung tâm tỉnh."
    )


@pytest.mark.expect_log("database restored from")
def test_given_an_office_restored_from_an_old_backup_then_the_tab_says_what_came_back(
    qtbot: QtBot, office_templates: dict[int, Path], sqlite_db: Database, tmp_path: Path
) -> None:
    from counter_app.services.backups import make_backup
    from counter_app.services.recovery import apply_restore, prepare_restore

    province, usb = sqlite_db, tmp_path / "usb"
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    file = Path(str(office.url).removeprefix("sqlite:///"))
    receive_day(office, 1, 0)
    first = usb / "ngay0.zip"
    export_events(office, SYSTEM_ACTOR, first, now=moment(0))
    enrol(province, SYSTEM_ACTOR, first, public_key_text(office, now=moment(0))[1], now=moment(0))
    office.close()
    backup = make_backup(file, [tmp_path / "xa1" / "backups"], now=moment(0)).backups[0].path
    office = Database.open(f"sqlite:///{file}", node_of(1))
    lost = receive_day(office, 1, 1, n=2)
    export_events(office, SYSTEM_ACTOR, usb / "ngay1.zip", now=moment(1))
    import_events(province, SYSTEM_ACTOR, usb / "ngay1.zip", now=moment(1))
    office.close()
    apply_restore(prepare_restore(file, backup), now=moment(2))
    office = Database.open(f"sqlite:///{file}", node_of(1))
    export_events(office, SYSTEM_ACTOR, usb / "sau.zip", now=moment(2))
    result = import_events(province, SYSTEM_ACTOR, usb / "sau.zip", now=moment(2))
    ack = acknowledge(
        province, result.fingerprint, usb / "xacnhan.zip", acknowledges=result.bundle_id, now=moment(2)
    )
    widget = ExchangeTab(UiSession(office, find_actor(office, "quantri1"), clock=lambda: moment(2)))
    qtbot.addWidget(widget)
    widget.show()

    assert widget.import_from_province(ack, fingerprint=public_key_text(province, now=moment(0))[1])
    wait_idle(qtbot, widget)

    text = widget.message.text()
    assert "Trung tâm tỉnh gửi lại " in text and "bị mất khi khôi phục từ bản sao lưu cũ (2 hồ sơ: " in text
    assert all(code in text for code in lost)
    office.close()
