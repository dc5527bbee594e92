"""Nhật ký truy cập (F5 → last tab, admins and auditors): the audit trail listed with its filters and
exported as XLSX and CSV; a dossier opened at a counter appears in it; officers and supervisors
have no such tab; a span that ends before it starts is said, not listed."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from lock_support import NOW, open_window
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter_app.db.database import Database
from counter_app.db.models import AuditRecord
from counter_app.services.applicants import ApplicantInput
from counter_app.services.audit_trail import audit
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.users import find_actor
from counter_app.ui.pages import audit_page as audit_page_module
from counter_app.ui.pages.audit_page import AuditPage
from counter_app.ui.session import UiSession


def a_viewed_dossier(db: Database) -> str:
    officer = find_actor(db, "canbo")
    code = receive(db, officer, IntakeRequest("2.001955", ApplicantInput("Lê Văn An")), now=NOW).code
    audit(db, officer, "dossier_viewed", subject=code, now=NOW)
    audit(db, find_actor(db, "quantri"), "search", subject="0381******45", details={"codes": [code]}, now=NOW)
    return code


def audit_page(qtbot: QtBot, db: Database) -> AuditPage:
    page = AuditPage(UiSession(db, find_actor(db, "quantri"), clock=lambda: NOW))
    qtbot.addWidget(page)
    page.show()
    return page


def cells(page: AuditPage) -> list[list[str]]:
    table = page.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_given_records_then_listed_newest_first_and_filtered_by_user_and_action(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    code = a_viewed_dossier(sqlite_db)
    page = audit_page(qtbot, sqlite_db)

    listed = [(row[1], row[2], row[3]) for row in cells(page)]
    assert listed[:2] == [
        ("quantri", "Tìm hồ sơ", "0381******45"),
        ("canbo", "Xem chi tiết hồ sơ", code),
    ]
    # Before them, the seeded office's accounts were made: the trail keeps that too.
    assert sorted(listed[2:]) == [
        ("system", "Tạo tài khoản", name) for name in ("canbo", "canbo2", "lanhdao", "quantri")
    ]
    assert cells(page)[0][4] == f"1 hồ sơ: {code}"  # what the search returned, never what was typed
    assert page.message.text() == "6 bản ghi."
    qtbot.keyClicks(page.user, "canbo")
    page.user.returnPressed.emit()
    assert [row[1] for row in cells(page)] == ["canbo"]
    page.user.clear()
    page.action.setCurrentIndex(page.action.findData("search"))
    assert [row[2] for row in cells(page)] == ["Tìm hồ sơ"]


def export(qtbot: QtBot, page: AuditPage, fmt: str, target: Path) -> None:
    """Export to ``target`` and wait for the long-job lane to end it (the message line says how)."""
    with qtbot.waitSignal(page.exported, timeout=20_000):
        assert page.export(fmt, target)


def test_given_an_export_then_the_xlsx_and_csv_hold_what_the_filters_show(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    code = a_viewed_dossier(sqlite_db)
    page = audit_page(qtbot, sqlite_db)

    export(qtbot, page, "xlsx", tmp_path / "trail.xlsx")
    export(qtbot, page, "csv", tmp_path / "trail.csv")

    sheet = openpyxl.load_workbook(tmp_path / "trail.xlsx").active
    values = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert code in values and "NHẬT KÝ TRUY CẬP DỮ LIỆU" in values
    rows = list(csv.reader(io.StringIO((tmp_path / "trail.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:4] == ["STT", "Thời điểm", "Người dùng", "Việc"]
    listed = [row[3] for row in cells(page)]  # the table shows what went into the file
    assert [r[4] for r in rows[1:]] == listed
    assert listed.index("0381******45") < listed.index(code)  # newest first
    assert [r[5] for r in rows[1:]] == [row[4] for row in cells(page)]  # the details read the same
    assert rows[1][5] == f"1 hồ sơ: {code}"
    assert page.message.text() == f"Đã lưu {len(listed)} bản ghi vào {tmp_path / 'trail.csv'}."


def test_given_an_export_then_it_runs_off_the_gui_thread_and_the_trail_records_it_before_the_file(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A year's trail is large: the export runs on the long-job lane (worker.py). The export is
    itself a read of the trail: its record («audit_exported», how many rows, which format) is
    written before the file."""
    a_viewed_dossier(sqlite_db)
    page = audit_page(qtbot, sqlite_db)
    target = tmp_path / "trail.csv"
    seen: list[tuple[bool, bool]] = []  # (on the GUI thread, the file already there) at the record
    real = audit_page_module.audit

    def audit_spy(*args: Any, **kwargs: Any) -> None:
        seen.append((threading.current_thread() is threading.main_thread(), target.exists()))
        real(*args, **kwargs)

    monkeypatch.setattr(audit_page_module, "audit", audit_spy)
    export(qtbot, page, "csv", target)

    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))[1:]
    assert rows and seen == [(False, False)]
    assert exported_records(sqlite_db) == [("quantri", {"rows": len(rows), "format": "csv"})]
    assert page.message.text() == f"Đã lưu {len(rows)} bản ghi vào {target}."
    assert page.xlsx_button.isEnabled() and page.csv_button.isEnabled()


def test_given_an_export_into_a_missing_folder_then_said_and_neither_file_nor_record(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    a_viewed_dossier(sqlite_db)
    page = audit_page(qtbot, sqlite_db)
    target = tmp_path / "missing" / "trail.xlsx"

    export(qtbot, page, "xlsx", target)

    assert page.message.is_error
    assert page.message.text() == f"Không ghi được tệp {target}: thư mục {target.parent} không tồn tại."
    assert not target.exists() and exported_records(sqlite_db) == []


def exported_records(db: Database) -> list[tuple[str, object]]:
    with db.read() as session:
        query = select(AuditRecord.actor, AuditRecord.details).where(AuditRecord.action == "audit_exported")
        return [(actor, details) for actor, details in session.execute(query.order_by(AuditRecord.seq))]


def test_given_a_span_that_ends_before_it_starts_then_said(qtbot: QtBot, sqlite_db: Database) -> None:
    a_viewed_dossier(sqlite_db)
    page = audit_page(qtbot, sqlite_db)
    page.date_from.setDate(QDate(2026, 12, 31))
    page.date_to.setDate(QDate(2026, 12, 1))
    page.show_button.click()
    assert page.message.is_error and page.message.text() == "Ngày bắt đầu phải trước ngày kết thúc."


def test_given_the_roles_then_admins_and_auditors_have_the_tab_and_supervisors_not(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    admin = open_window(qtbot, sqlite_db, "quantri")
    assert admin.audit_page is not None and admin.supervisor_page is not None
    assert admin.supervisor_page.tabText(admin.supervisor_page.count() - 1) == "Nhật ký truy cập"
    supervisor = open_window(qtbot, sqlite_db, "lanhdao")
    assert supervisor.audit_page is None
