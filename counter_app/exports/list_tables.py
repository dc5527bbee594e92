"""Dossier lists (overdue, due soon), cancellations and satisfaction as ``Table``s.

The lists show the applicant's phone masked (``domain.masking``: ``0912****78``): these tables are the
overdue and due-soon lists and the day's lists in every format (PDF, XLSX, CSV), which are printed,
mailed and kept outside the database. The dossier detail and the citizen's own slips show it whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from counter_app.domain.lifecycle import STATUS_LABELS, Status
from counter_app.domain.masking import mask_phone
from counter_app.exports.tables import Column, Table, local, share
from counter_app.services.reports.common import LabelledCount
from counter_app.services.reports.dossier_lines import DossierLine
from counter_app.services.reports.end_of_day import Cancellation
from counter_app.services.reports.satisfaction import SatisfactionGroup, SatisfactionReport

OVERDUE_TITLE = "DANH SÁCH HỒ SƠ QUÁ HẠN"
DUE_SOON_TITLE = "DANH SÁCH HỒ SƠ SẮP ĐẾN HẠN"
SATISFACTION_TITLE = "KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG"
LEVELS = "Số lượt đánh giá theo mức độ"
LEVEL_NAMES = ("Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng")
UNANSWERED = "Không đánh giá"


def at_line(moment: datetime, tz: str) -> str:
    """'Tính đến 12 giờ 00 ngày 09/12/2026'; local midnight reads as 24 giờ 00 of the day before."""
    value = local(moment, tz)
    assert value is not None
    if (value.hour, value.minute) == (0, 0):
        return f"Tính đến 24 giờ 00 ngày {value - timedelta(days=1):%d/%m/%Y}"
    return f"Tính đến {value:%H} giờ {value:%M} ngày {value:%d/%m/%Y}"


def range_line(first: date, last: date) -> str:
    return f"Từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}"


# (header, kind, width in mm on A4 landscape, on A4 portrait (None: left out), value of a line)
_LINE_COLUMNS: tuple[tuple[str, str, float, float | None, Callable[[DossierLine, str], object]], ...] = (
    ("Mã hồ sơ", "text", 40, 40, lambda d, tz: d.code),  # 37 mm at 9 pt: never wraps
    ("Người nộp hồ sơ", "text", 30, 27, lambda d, tz: d.applicant_name),
    ("Điện thoại", "text", 20, None, lambda d, tz: mask_phone(d.applicant_phone)),  # masked: a list
    ("Thủ tục hành chính", "text", 44, 41, lambda d, tz: d.procedure_name),
    ("Lĩnh vực", "text", 22, None, lambda d, tz: d.field_name or ""),
    ("Đơn vị giải quyết", "text", 22, 22, lambda d, tz: d.unit_name or ""),
    ("Ngày tiếp nhận", "datetime", 18, None, lambda d, tz: local(d.received_at, tz)),
    ("Hạn giải quyết", "datetime", 18, 18, lambda d, tz: local(d.legal_due_at, tz)),
    ("Ngày hẹn trả", "datetime", 18, None, lambda d, tz: local(d.appointment_at, tz)),
)
_OVERDUE = ("Quá hạn (ngày làm việc)", "decimal", 14, 14, lambda d, tz: d.overdue_working_days)
_STATUS = ("Trạng thái", "text", 16, None, lambda d, tz: d.status_label)


def lines_table(
    lines: Sequence[DossierLine],
    tz: str,
    *,
    overdue: bool,
    title: str = "",
    subtitle: str = "",
    compact: bool = False,
) -> Table:
    """Overdue (with the working days late) or due-soon dossiers, by legal deadline; ``compact``: the
    columns that fit A4 portrait."""
    specs = [*_LINE_COLUMNS, *([_OVERDUE] if overdue else []), _STATUS]
    chosen = [s for s in specs if not compact or s[3] is not None]
    widths = [(s[3] if compact else s[2]) or 0.0 for s in chosen]
    spare = (170 if compact else 270) - 8 - sum(widths)
    widths[[s[0] for s in chosen].index("Thủ tục hành chính")] += spare  # the name takes what is left
    columns = (
        Column(("STT",), "seq", 8),
        *(Column((s[0],), s[1], w) for s, w in zip(chosen, widths, strict=True)),
    )
    rows = tuple((i, *(s[4](d, tz) for s in chosen)) for i, d in enumerate(lines, 1))
    return Table(
        name="Quá hạn" if overdue else "Sắp đến hạn",
        title=title or (OVERDUE_TITLE if overdue else DUE_SOON_TITLE),
        subtitle=subtitle,
        columns=columns,
        rows=rows,
        empty="(Không có hồ sơ quá hạn)" if overdue else "(Không có hồ sơ sắp đến hạn)",
    )


def cancellations_table(items: Sequence[Cancellation], tz: str) -> Table:
    def status(code: str) -> str:
        try:
            return STATUS_LABELS[Status(code)]
        except ValueError:
            return code

    return Table(
        name="Hồ sơ hủy",
        title="HỒ SƠ BỊ HỦY",
        columns=(
            Column(("STT",), "seq", 9),
            Column(("Mã hồ sơ",), "text", 42),
            Column(("Thời điểm hủy",), "datetime", 22),
            Column(("Người hủy",), "text", 20),
            Column(("Trạng thái trước khi hủy",), "text", 27),
            Column(("Lý do hủy",), "text", 50),
        ),
        rows=tuple(
            (i, c.code, local(c.cancelled_at, tz), c.actor, status(c.previous_status), c.reason)
            for i, c in enumerate(items, 1)
        ),
        empty="(Không có hồ sơ bị hủy)",
    )


def levels_table(levels: Sequence[LabelledCount], unanswered: int, title: str = "") -> Table:
    """Returns by satisfaction level, with each level's share of the answered ones."""
    answered = sum(x.count for x in levels)
    rows = tuple((x.label, x.count, share(x.count, answered)) for x in levels)
    return Table(
        name="Mức độ hài lòng",
        title=title or "MỨC ĐỘ HÀI LÒNG",
        columns=(
            Column(("Mức độ hài lòng",), "text", 60),
            Column(("Số lượt",), "int", 25),
            Column(("Tỷ lệ trên số lượt đánh giá",), "percent", 35),
        ),
        rows=(*rows, (UNANSWERED, unanswered, None)),
        total=("Tổng số lượt trả kết quả", answered + unanswered, None),
    )


def _group_columns(first: tuple[Column, ...]) -> tuple[Column, ...]:
    return (
        *first,
        *(Column((LEVELS, name), "int", 15) for name in LEVEL_NAMES),
        Column((UNANSWERED,), "int", 15),
        Column(("Số lượt đánh giá",), "int", 15),
        Column(("Tỷ lệ hài lòng",), "percent", 16),
    )


def _group_values(g: SatisfactionGroup) -> tuple[object, ...]:
    return (*g.levels, g.unanswered, g.answered, g.satisfied_share)


def _total(report: SatisfactionReport, width: int) -> tuple[object, ...]:
    levels = tuple(x.count for x in report.by_level)
    return (
        "",
        "Tổng cộng",
        *([""] * (width - 2)),
        *levels,
        report.unanswered,
        report.answered,
        report.satisfied_share,
    )


def satisfaction_tables(report: SatisfactionReport) -> list[Table]:
    """Levels, reasons, by procedure (the main table: its total row is the levels), by officer."""
    period = range_line(report.date_from, report.date_to)
    by_procedure = Table(
        name="Theo thủ tục",
        title="ĐÁNH GIÁ THEO THỦ TỤC HÀNH CHÍNH",
        subtitle=period,
        columns=_group_columns(
            (
                Column(("STT",), "seq", 8),
                Column(("Mã thủ tục",), "text", 20),
                Column(("Tên thủ tục hành chính",), "text", 64),
            )
        ),
        rows=tuple((i, g.key, g.label, *_group_values(g)) for i, g in enumerate(report.by_procedure, 1)),
        total=_total(report, 3),
        empty="(Không có lượt trả kết quả nào)",
    )
    by_officer = Table(
        name="Theo cán bộ",
        title="ĐÁNH GIÁ THEO CÁN BỘ TRẢ KẾT QUẢ",
        subtitle=period,
        columns=_group_columns(
            (
                Column(("STT",), "seq", 8),
                Column(("Cán bộ",), "text", 50),
                Column(("Tên đăng nhập",), "text", 34),
            )
        ),
        rows=tuple((i, g.label, g.key, *_group_values(g)) for i, g in enumerate(report.by_officer, 1)),
        total=_total(report, 3),
        empty="(Không có lượt trả kết quả nào)",
    )
    reasons = Table(
        name="Lý do",
        title="LÝ DO ĐÁNH GIÁ",
        subtitle=period,
        columns=(Column(("Lý do",), "text", 80), Column(("Số lượt",), "int", 25)),
        rows=tuple((x.label, x.count) for x in report.by_reason),
        empty="(Không có lý do nào được nêu)",
    )
    levels = replace(levels_table(report.by_level, report.unanswered, SATISFACTION_TITLE), subtitle=period)
    return [by_procedure, levels, reasons, by_officer]
