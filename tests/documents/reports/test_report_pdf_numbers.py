"""Each report PDF shows the numbers of its report dataclass — the hand-computed ones of
report_fixture.py's history — in the official layout (SQLite and PostgreSQL: the ``db`` fixture)."""

from __future__ import annotations

from dataclasses import replace

from report_samples import (
    FIRST,
    LAST,
    PDF_LINES,
    WEDNESDAY_NOON,
    build_reports,
    head_for,
    lists,
    page_size_mm,
    page_texts,
    register_rows,
)

from counter_app.db.database import Database
from counter_app.documents.reports import (
    render_day_report,
    render_overdue_list,
    render_period_report,
    render_register_report,
    render_satisfaction_report,
)
from counter_app.documents.reports.page import fmt
from counter_app.exports.period_tables import PERIOD_COLUMNS
from counter_app.services.reports import period_report

HEADER = ("UBND TỈNH THANH HÓA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
SIGNED = "NGƯỜI LẬP BIỂU (Ký, ghi rõ họ tên) Lê Văn Minh GIÁM ĐỐC (Ký, ghi rõ họ tên, đóng dấu) Lê Văn Minh"


def test_period_pdf_has_every_column_of_the_hand_computed_rows(db: Database) -> None:
    r = build_reports(db)
    pdf = render_period_report(r.period, r.head, r.days)
    assert page_size_mm(pdf) == (297, 210)  # A4 landscape
    pages = page_texts(pdf)
    first = pages[0]
    for expected in (
        *HEADER,
        "Thanh Hóa, ngày 14 tháng 12 năm 2026",
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "Kỳ báo cáo: từ ngày 01/12/2026 đến ngày 11/12/2026 · Theo lĩnh vực giải quyết",
        "Số hồ sơ nhận giải quyết Số hồ sơ đã giải quyết Số hồ sơ đang giải quyết",
        " ".join(f"({i})" for i in range(1, 22)),
        *PDF_LINES,
        "Tỷ lệ giải quyết đúng hạn (trước hạn và đúng hạn): 66,7% (2/3 hồ sơ đã giải quyết).",
        "Thời gian giải quyết trung bình: 6,22 ngày làm việc",
        SIGNED,
        "Trang 1",
    ):
        assert expected in first, expected
    # The same line, from the dataclass: the PDF prints what the report computed.
    for n, (row, line) in enumerate(zip((*r.period.rows, r.period.total), PDF_LINES, strict=True), 1):
        cells = [fmt(getattr(row, attr), kind) for _, attr, kind in PERIOD_COLUMNS]
        prefix = f"{n} {row.label}" if row.id is not None else row.label
        assert " ".join([prefix, *cells]) == line
    charts = pages[1]
    assert charts.startswith("BIỂU ĐỒ Kỳ báo cáo: từ ngày 01/12/2026 đến ngày 11/12/2026")
    for expected in (
        "Tỷ lệ giải quyết đúng hạn theo lĩnh vực",
        "50,0%",
        "100,0%",
        "theo ngày",
        "01/12",
        "11/12",
    ):
        assert expected in charts, expected
    assert "Số hồ sơ tiếp nhận Số hồ sơ đã giải quyết" in charts  # the legend


def test_period_pdf_by_unit_and_without_rows(db: Database) -> None:
    r = build_reports(db)
    by_unit = period_report(db, r.history.supervisor, FIRST, LAST, by="unit")
    text = " ".join(page_texts(render_period_report(by_unit, r.head)))
    assert "Theo đơn vị giải quyết" in text and "Đơn vị giải quyết" in text
    assert "Sở Nội vụ" in text and "Chưa chuyển đơn vị giải quyết" in text
    assert PDF_LINES[2] in text  # the same totals
    assert "BIỂU ĐỒ" in text and "Tỷ lệ giải quyết đúng hạn theo đơn vị giải quyết" in text
    empty = period_report(db, r.history.supervisor, FIRST.replace(year=2025), LAST.replace(year=2025))
    pages = page_texts(render_period_report(empty, r.head))
    assert len(pages) == 1  # no chart page without data
    assert "(Không có hồ sơ nào trong kỳ báo cáo) Tổng cộng 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 - -" in pages[0]
    assert "chưa có hồ sơ nào được giải quyết trong kỳ" in pages[0]


def test_day_pdf(db: Database) -> None:
    r = build_reports(db)
    c = r.history.codes
    pdf = render_day_report(r.day, r.head)
    assert page_size_mm(pdf) == (210, 297)  # A4 portrait
    text = " ".join(page_texts(pdf))
    for expected in (
        *HEADER,
        "BÁO CÁO TÌNH HÌNH TIẾP NHẬN, TRẢ KẾT QUẢ TRONG NGÀY Thứ Năm, ngày 03/12/2026",
        "Tổng số hồ sơ tiếp nhận: 1 (không kể hồ sơ từ chối tiếp nhận, đã hủy).",
        "Kênh tiếp nhận Số hồ sơ Trực tiếp 0 Trực tuyến 0 Bưu chính 1 Tổng số 1",
        "Lĩnh vực Số hồ sơ Hộ tịch 1 Tổng số 1",
        "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02) 2 Trong đó: yêu cầu khi tiếp nhận 1 "
        "Trong đó: yêu cầu trong quá trình giải quyết 1 Phiếu từ chối tiếp nhận hồ sơ (mẫu 03) 1 "
        "Lượt hướng dẫn 2 Lượt chuyển hồ sơ đến đơn vị giải quyết 1 Hồ sơ đã có kết quả giải quyết 1 "
        "Hồ sơ đã trả kết quả 1 Hồ sơ bị hủy 1 Hồ sơ đến hạn ngày làm việc tiếp theo (04/12/2026) 1 "
        "Hồ sơ quá hạn (tính đến 24 giờ 00 ngày 03/12/2026) 1",
        "III. HỒ SƠ QUÁ HẠN (tính đến 24 giờ 00 ngày 03/12/2026): 1 hồ sơ",
        f"1 {c['D1']} Nguyễn Thị Ánh Hồng Đăng ký nội quy lao động của doanh nghiệp Sở Nội vụ 03/12/2026 09:00 0,80",
        "IV. HỒ SƠ ĐẾN HẠN NGÀY LÀM VIỆC TIẾP THEO (04/12/2026): 1 hồ sơ",
        f"1 {c['D2']} Trần Văn Bình",
        "04/12/2026 08:00",  # the legal deadline, not the apology's new appointment
        f"V. HỒ SƠ BỊ HỦY: 1 hồ sơ STT Mã hồ sơ Thời điểm hủy Người hủy Trạng thái trước khi hủy Lý do hủy "
        f"1 {c['D6']} 03/12/2026 14:10 lanhdao Đang giải quyết Nhập nhầm thủ tục",
        "1 Nguyễn Thị Lan canbo 0 1 1 2 Trần Văn Hùng canbo2 1 0 1 Tổng cộng 1 1 2",
        "Rất hài lòng 1 100,0% Hài lòng 0 0,0% Bình thường 0 0,0% Không hài lòng 0 0,0% "
        "Rất không hài lòng 0 0,0% Không đánh giá 0 - Tổng số lượt trả kết quả 1 -",
        SIGNED,
    ):
        assert expected in text, expected
    assert "Quầy của cán bộ" not in text
    scoped = render_day_report(r.day, replace(r.head, scope="Quầy của cán bộ: Trần Văn Hùng (canbo2)"))
    assert "Thứ Năm, ngày 03/12/2026 Quầy của cán bộ: Trần Văn Hùng (canbo2)" in page_texts(scoped)[0]


def test_overdue_and_due_soon_pdf(db: Database) -> None:
    r = build_reports(db)
    c = r.history.codes
    late, soon = lists(db, r.history)
    pdf = render_overdue_list(late, r.head, WEDNESDAY_NOON, soon, "trong 3 ngày làm việc tới")
    assert page_size_mm(pdf) == (297, 210)
    text = " ".join(page_texts(pdf))
    for expected in (
        "DANH SÁCH HỒ SƠ QUÁ HẠN Tính đến 12 giờ 00 ngày 09/12/2026 Số hồ sơ quá hạn: 2.",
        f"1 {c['D1']} Nguyễn Thị Ánh Hồng 0912****78 Đăng ký nội quy lao động của doanh nghiệp "
        "Lao động, tiền lương Sở Nội vụ 23/11/2026 09:00 03/12/2026 09:00 03/12/2026 09:00 4,33 Đang giải quyết",
        f"2 {c['D15']} Tạ Thị Quỳnh",
        "07/12/2026 09:00 07/12/2026 09:00 2,33",
        "DANH SÁCH HỒ SƠ SẮP ĐẾN HẠN (trong 3 ngày làm việc tới): 2 hồ sơ",
        f"1 {c['D3']} Lê Thị Cúc",
        f"2 {c['D5']} Vũ Thị Giang",
        SIGNED,
    ):
        assert expected in text, expected
    assert "0912345678" not in text  # a list: the phone masked (domain.masking)
    alone = " ".join(page_texts(render_overdue_list((), r.head, WEDNESDAY_NOON)))
    assert "Số hồ sơ quá hạn: 0. (Không có hồ sơ quá hạn)" in alone and "SẮP ĐẾN HẠN" not in alone


def test_satisfaction_pdf(db: Database) -> None:
    r = build_reports(db)
    pdf = render_satisfaction_report(r.satisfaction, r.head)
    text = " ".join(page_texts(pdf))
    for expected in (
        "KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG Từ ngày 01/12/2026 đến ngày 11/12/2026",
        "Số lượt trả kết quả: 3; có đánh giá: 2; không đánh giá: 1;",
        "(Rất hài lòng và Hài lòng trên số lượt có đánh giá): 50,0%.",
        "Rất hài lòng 1 50,0% Hài lòng 0 0,0% Bình thường 1 50,0% Không hài lòng 0 0,0% "
        "Rất không hài lòng 0 0,0% Không đánh giá 1 - Tổng số lượt trả kết quả 3 -",
        "Lý do Số lượt Thái độ 1 Thời gian 1",
        "1 2.001955 Đăng ký nội quy lao động của doanh nghiệp 1 0 1 0 0 1 2 50,0% Tổng cộng 1 0 1 0 0 1 2 50,0%",
        "1 Nguyễn Thị Lan canbo 1 0 0 0 0 1 1 100,0% 2 Trần Văn Hùng canbo2 0 0 1 0 0 0 1 0,0% "
        "Tổng cộng 1 0 1 0 0 1 2 50,0%",
        SIGNED,
    ):
        assert expected in text, expected


def test_register_pdf_reuses_form_07(db: Database) -> None:
    r = build_reports(db)
    c = r.history.codes
    rows = register_rows(db, r.history)
    pdf = render_register_report(rows, head_for(db, r.history), FIRST, rows[-1].received_at.date())
    assert page_size_mm(pdf) == (297, 210)
    text = " ".join(page_texts(pdf))
    line = {row.code: row.seq for row in rows}  # the register-book lines (the receipts' TT)
    assert line[c["D8"]] == 0 and c["D8"] in text  # refused at the counter: listed, with no line
    for expected in (
        "SỔ THEO DÕI HỒ SƠ Từ ngày 01/12/2026 đến ngày 03/12/2026",
        f"{line[c['D3']]} {c['D3']} Thủ tục đăng ký khai sinh",
        "01/12/2026 06 giờ 30",  # received 06:30 local on the first day (30/11 in UTC)
        f"{line[c['D4']]} {c['D4']} Đăng ký nội quy lao động của doanh nghiệp Hoàng Minh Dũng",
        "Trực tiếp tại quầy người nhận Hoàng Minh Dũng (Người nộp hồ sơ)",
        "Không hẹn Từ chối tiếp nhận: Hồ sơ không thuộc thẩm quyền",
        f"{line[c['D6']]} {c['D6']}",
        "Đã hủy: Nhập nhầm thủ tục",
        "Tổng số: 5 hồ sơ.",
    ):
        assert expected in text, expected
