"""The register book (Sổ theo dõi hồ sơ, mẫu 07) as a ``Table``: one row per entry of the book.

The rows are those ``print register`` draws (``services.slips.batch.build_register``: TT per book, as on
the receipts), with the book ("Quyển số" = year of receipt) as a column instead of a heading per book,
and without the PDF's signature column ("Ký nhận"). The status note of a cancelled, withdrawn or
stopped dossier is in "Ghi chú"; a dossier without an appointment reads "Không hẹn".

The phone in "Địa chỉ, số điện thoại" is masked here (``0912****78``, ``domain.masking``), while the
PDF of the book (``documents.register``, form 07) shows it whole: the printed book is the office's
official record, kept and signed in the office like the receipts it numbers, whereas the XLSX/CSV is a
list taken out of the application, which is what the masking rule is for. The row keeps the cell's
text as the book prints it ("address; phone", ``slips.batch._register_row``) — a separate phone field
would change the archived book's data and so its basis — so the phone is found as the cell's last
"; " part when that part is a number.
"""

from __future__ import annotations

import re

from counter_app.documents.slip_data import RegisterData, RegisterRow
from counter_app.domain.masking import mask_phone
from counter_app.exports.list_tables import range_line
from counter_app.exports.tables import Column, Table, local

REGISTER_TITLE = "SỔ THEO DÕI HỒ SƠ"
NO_APPOINTMENT = "Không hẹn"

REGISTER_COLUMNS = (
    Column(("Quyển số",), "seq", 14),
    Column(("TT",), "seq", 9),
    Column(("Mã hồ sơ",), "text", 40),
    Column(("Tên thủ tục hành chính",), "text", 40),
    Column(("Tên cá nhân, tổ chức",), "text", 27),
    Column(("Địa chỉ, số điện thoại",), "text", 34),
    Column(("Cơ quan giải quyết",), "text", 24),
    Column(("Ngày, giờ nhận hồ sơ",), "datetime", 17),
    Column(("Ngày, giờ hẹn trả kết quả",), "datetime", 17),
    Column(("Ngày, giờ trả kết quả",), "datetime", 17),
    Column(("Hình thức trả kết quả",), "text", 25),
    Column(("Ghi chú",), "text", 20),
)


_NUMBER = re.compile(r"\+?[0-9][0-9\s.\-()]{7,}")  # a phone number as stored or as typed


def masked_address_phone(text: str) -> str:
    """The register's "address; phone" cell with the phone masked (a cell without a phone unchanged)."""
    address, sep, last = text.rpartition("; ")
    if _NUMBER.fullmatch(last.strip()):
        return address + sep + mask_phone(last)
    return text


def _one_line(text: str) -> str:
    """The PDF cell's lines ("Bưu chính", then the tracking number) as one spreadsheet line."""
    return " ".join(text.split())


def _values(row: RegisterRow, tz: str) -> tuple[object, ...]:
    appointment = local(row.appointment_at, tz) if row.appointment_at is not None else NO_APPOINTMENT
    return (
        row.book,
        row.seq or None,  # 0: not entered in the book
        row.dossier_code,
        row.procedure_name,
        row.applicant_name,
        masked_address_phone(row.address_phone),  # the PDF book shows it whole (module doc)
        row.unit_name,
        local(row.received_at, tz),
        appointment,
        local(row.returned_at, tz),
        _one_line(row.return_method),
        row.note,
    )


def register_table(data: RegisterData) -> Table:
    """The register's entries in the order of the book, office-local dates and times."""
    tz = data.office.timezone
    return Table(
        name="Sổ theo dõi hồ sơ",
        title=REGISTER_TITLE,
        subtitle=range_line(data.date_from, data.date_to),
        columns=REGISTER_COLUMNS,
        rows=tuple(_values(row, tz) for row in data.rows),
        notes=(f"Tổng số: {len(data.rows)} hồ sơ.",),
        empty="(Không có hồ sơ nào được tiếp nhận trong thời gian này)",
    )
