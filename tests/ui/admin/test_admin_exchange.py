"""Quản trị → Trao đổi với tỉnh: the office's bundle written to a USB folder off the GUI thread, the
province's acknowledgement imported (its fingerprint asked the first time), and what the tab says."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from exchange_support import moment, node_of, open_office, province_chain, receive_day
from pytestqt.qtbot import QtBot

from counter_app.db.database import Database
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.exchange.office import public_key_text
from counter_app.services.exchange.province import acknowledge, enrol, import_events
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

    assert tab.import_ack(ack, fingerprint=public_key_text(sqlite_db, now=moment(1))[1])
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

    assert tab.import_ack(wrong, fingerprint="1234")
    wait_idle(qtbot, tab)

    assert tab.message.is_error
    assert tab.message.text() == "Không nhận gói anh.zip: không đọc được như một tệp zip (bị cắt hoặc hỏng)."
    assert tab.status == before
