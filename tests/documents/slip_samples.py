"""Realistic input data of forms 02–07, the result receipt and the hand-over list (keyword args replace fields)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from slip_helpers import ADDRESS, CODE, DOCS, NAME, OFFICE, TZ

from counter_app.documents.slip_data import (
    ApologyData,
    ApplicantInfo,
    ControlData,
    DocumentLine,
    HandoffRow,
    HandoverData,
    HandoverRow,
    RefusalData,
    RegisterData,
    RegisterRow,
    ResultReceiptData,
    StopNoticeData,
    SupplementData,
)

PROCEDURE = "Đăng ký nội quy lao động của doanh nghiệp"
APPLICANT = ApplicantInfo(NAME, "038186001234", ADDRESS, "0912 345 678", "anhhong@example.vn")
RECEIVED = datetime(2026, 11, 23, 16, 10, tzinfo=TZ)
DUE = datetime(2026, 12, 3, 16, 10, tzinfo=TZ)
OFFICE_NAMED = replace(OFFICE, name="Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa")
MISSING = (
    DOCS[1],
    DOCS[3],
    DocumentLine("Giấy ủy quyền nộp hồ sơ (có chứng thực chữ ký)", 1, 0, certified_copy_qty=1),
)
REASON = "Nội quy lao động chưa có chữ ký của người đại diện theo pháp luật và chưa đóng dấu giáp lai."


def supplement_data(**changes: object) -> SupplementData:
    data = SupplementData(
        office=OFFICE_NAMED,
        applicant=APPLICANT,
        procedure_name=PROCEDURE,
        missing=MISSING,
        reason=REASON,
        officer="Trần Văn Đức",
        issued_at=datetime(2026, 11, 25, 10, 5, tzinfo=TZ),
        dossier_code=CODE,
        received_at=RECEIVED,
    )
    return replace(data, **changes)


def refusal_data(**changes: object) -> RefusalData:
    data = RefusalData(
        office=OFFICE_NAMED,
        applicant=APPLICANT,
        procedure_name=PROCEDURE,
        reason="Doanh nghiệp có dưới 10 người lao động, không thuộc trường hợp phải đăng ký nội quy lao động.",
        officer="Trần Văn Đức",
        refused_at=RECEIVED,
        dossier_code=CODE,
    )
    return replace(data, **changes)


def apology_data(**changes: object) -> ApologyData:
    data = ApologyData(
        office=OFFICE_NAMED,
        applicant=APPLICANT,
        dossier_code=CODE,
        procedure_name=PROCEDURE,
        received_at=RECEIVED,
        old_appointment_at=DUE,
        new_appointment_at=datetime(2026, 12, 10, 16, 0, tzinfo=TZ),
        reason="Cần xác minh thêm thông tin về người sử dụng lao động tại Sở Nội vụ.",
        issued_at=datetime(2026, 12, 2, 14, 0, tzinfo=TZ),
    )
    return replace(data, **changes)


def stop_data(**changes: object) -> StopNoticeData:
    data = StopNoticeData(
        office=OFFICE_NAMED,
        applicant=APPLICANT,
        dossier_code=CODE,
        procedure_name=PROCEDURE,
        received_at=RECEIVED,
        reason="Người nộp hồ sơ không bổ sung hồ sơ trong thời hạn đã thông báo.",
        legal_basis="Khoản 4 Điều 19 Nghị định số 118/2025/NĐ-CP",
        stopped_at=datetime(2026, 12, 15, 9, 30, tzinfo=TZ),
    )
    return replace(data, **changes)


HANDOFFS = (
    HandoffRow(
        "Bộ phận Một cửa", "Sở Nội vụ", datetime(2026, 11, 23, 16, 30, tzinfo=TZ), "early", "Chuyển xử lý"
    ),
    HandoffRow(
        "Sở Nội vụ", "Bộ phận Một cửa", datetime(2026, 12, 3, 15, 0, tzinfo=TZ), "on_time", "Có kết quả"
    ),
    HandoffRow("Bộ phận Một cửa", NAME, datetime(2026, 12, 4, 8, 0, tzinfo=TZ), "late", "Trả kết quả"),
)


def control_data(**changes: object) -> ControlData:
    data = ControlData(
        office=OFFICE_NAMED,
        dossier_code=CODE,
        applicant=APPLICANT,
        procedure_name=PROCEDURE,
        received_at=RECEIVED,
        due_at=DUE,
        rows=HANDOFFS,
        receiving_officer="Trần Văn Đức",
        printed_at=datetime(2026, 12, 4, 8, 5, tzinfo=TZ),
    )
    return replace(data, **changes)


def register_rows(n: int, start: datetime = RECEIVED, first_seq: int = 1) -> tuple[RegisterRow, ...]:
    rows = []
    for i in range(n):
        at = start + timedelta(hours=2 * i)
        returned = at + timedelta(days=9) if i % 3 else None
        rows.append(
            RegisterRow(
                book=at.year,
                seq=first_seq + i if at.year == start.year else i + 1,
                dossier_code=f"000.00.31.H56-{at:%y%m%d}-{i + 1:04d}",
                procedure_name=PROCEDURE if i % 2 else "Thủ tục đăng ký lại kết hôn có yếu tố nước ngoài",
                applicant_name=f"Nguyễn Thị Ánh Hồng {i + 1}",
                address_phone=f"Số {i + 1} đường Lê Lợi, phường Hạc Thành; 0912 345 {i:03d}",
                unit_name="Sở Nội vụ",
                received_at=at,
                appointment_at=at + timedelta(days=10),
                returned_at=returned,
                return_method=("Tại quầy" if i % 2 else "Bưu chính\nEB123456789VN") if returned else "",
            )
        )
    return tuple(rows)


def register_data(**changes: object) -> RegisterData:
    data = RegisterData(
        office=OFFICE_NAMED,
        date_from=date(2026, 11, 23),
        date_to=date(2026, 11, 27),
        rows=register_rows(5),
        printed_at=datetime(2026, 11, 30, 8, 0, tzinfo=TZ),
    )
    return replace(data, **changes)


def result_data(**changes: object) -> ResultReceiptData:
    data = ResultReceiptData(
        office=OFFICE_NAMED,
        dossier_code=CODE,
        applicant=APPLICANT,
        procedure_name=PROCEDURE,
        received_at=RECEIVED,
        returned_at=datetime(2026, 12, 4, 8, 0, tzinfo=TZ),
        receiver_name="Lê Thị Bảo Ngọc",
        receiver_id_number="038190054321",
        relation="Người được ủy quyền",
        method="counter",
        officer="Trần Văn Đức",
        results=("Thông báo về việc đăng ký nội quy lao động",),
    )
    return replace(data, **changes)


def handover_data(**changes: object) -> HandoverData:
    data = HandoverData(
        office=OFFICE_NAMED,
        unit_code="SNV",
        unit_name="Sở Nội vụ",
        rows=(
            HandoverRow(CODE, NAME, PROCEDURE, RECEIVED, DUE),
            HandoverRow(
                "000.17.22.H56-261123-0002",
                "Phạm Quốc Toàn",
                "Thủ tục đăng ký lại kết hôn có yếu tố nước ngoài",
                RECEIVED + timedelta(minutes=20),
                None,
            ),
        ),
        sender="Trần Văn Đức",
        handed_at=datetime(2026, 11, 23, 16, 45, tzinfo=TZ),
    )
    return replace(data, **changes)
