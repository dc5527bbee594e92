"""The province's end-of-day summary across the offices as a ``Table``: a line per office, the total."""

from __future__ import annotations

from counter_app.exports.day_tables import WEEKDAYS
from counter_app.exports.tables import Column, Table
from counter_app.services.exchange.province_day import DayFigures, ProvinceDayReport
from counter_app.services.exchange.province_reports import data_until_text

PROVINCE_DAY_TITLE = "TỔNG HỢP TÌNH HÌNH TIẾP NHẬN, TRẢ KẾT QUẢ TRONG NGÀY CỦA CÁC VĂN PHÒNG"
RECEIVED, SLIPS, ACTS, TERMS = "Tiếp nhận", "Phiếu đã phát hành", "Hoạt động trong ngày", "Theo dõi thời hạn"
SATISFIED = "Hài lòng"
# (header path, how the office's figures give it)
FIGURES = (
    ((RECEIVED, "Tổng số"), lambda f: f.received),
    ((RECEIVED, "Trực tiếp"), lambda f: f.received_by_channel.get("direct", 0)),
    ((RECEIVED, "Trực tuyến"), lambda f: f.received_by_channel.get("online", 0)),
    ((RECEIVED, "Bưu chính"), lambda f: f.received_by_channel.get("postal", 0)),
    ((SLIPS, "Yêu cầu bổ sung (mẫu 02)"), lambda f: f.supplement_slips),
    ((SLIPS, "Từ chối (mẫu 03)"), lambda f: f.refusals),
    ((ACTS, "Hướng dẫn"), lambda f: f.guidance),
    ((ACTS, "Chuyển xử lý"), lambda f: f.transferred),
    ((ACTS, "Có kết quả"), lambda f: f.resolved),
    ((ACTS, "Đã trả kết quả"), lambda f: f.returned),
    ((ACTS, "Hủy"), lambda f: f.cancelled),
    ((TERMS, "Đến hạn ngày làm việc tiếp theo"), lambda f: f.due_tomorrow),
    ((TERMS, "Quá hạn"), lambda f: f.overdue),
    ((SATISFIED, "Hài lòng trở lên"), lambda f: f.satisfaction.get(1, 0) + f.satisfaction.get(2, 0)),
    (
        (SATISFIED, "Bình thường trở xuống"),
        lambda f: sum(n for level, n in f.satisfaction.items() if level > 2),
    ),
    ((SATISFIED, "Không đánh giá"), lambda f: f.satisfaction_unanswered),
)


def _values(figures: DayFigures) -> tuple[int, ...]:
    return tuple(int(get(figures)) for _, get in FIGURES)


def province_day_table(report: ProvinceDayReport) -> Table:
    d = report.day
    return Table(
        name="Các văn phòng",
        title=PROVINCE_DAY_TITLE,
        subtitle=f"{WEEKDAYS[d.weekday()]}, ngày {d:%d/%m/%Y}",
        columns=(
            Column(("STT",), "seq", 8),
            Column(("Văn phòng tiếp nhận",), "text", 52),
            Column(("Dữ liệu đến",), "text", 24),
            *(Column(path, "int", 11.2) for path, _ in FIGURES),
        ),
        rows=tuple(
            (
                i,
                f"{o.office_name} ({o.office_code})",
                data_until_text(o.data_until).removeprefix("dữ liệu đến "),
                *_values(o.figures),
            )
            for i, o in enumerate(report.offices, 1)
        ),
        total=("", "Tổng cộng", "", *_values(report.total)),
        numbered=True,
        notes=(
            "Số liệu của mỗi văn phòng là số liệu nó đã gửi về trung tâm tỉnh. Hồ sơ quá hạn và đến hạn được "
            "xét tại cuối ngày hoặc tại thời điểm dữ liệu của văn phòng đó đến, nếu sớm hơn; ngày làm việc "
            "tiếp theo theo lịch làm việc của từng văn phòng.",
        ),
        empty="(Chưa đăng ký văn phòng nào)",
    )
