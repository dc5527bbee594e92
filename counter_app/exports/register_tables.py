"""The register book (Sổ theo dõi hồ sơ, mẫu 07) as a ``Table``: one row per entry of the book.

The rows are those ``print register`` draws (``services.slips_batch.build_register``: TT per book, as on
the receipts), with the book ("Quyển số" = year of receipt) as a column instead of a heading per book,
and without the PDF's signature column ("Ký nhận"). The status note of a cancelled, withdrawn or
stopped dossier is in "Ghi chú"; a dossier without an appointment reads "Không hẹn".
"""

from __future__ import annotations

from counter_app.documents.slip_model import RegisterData, RegisterRow
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
        row.address_phone,
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
