"""Pathological slip data: every list and text of every slip kind far longer than any real one.

200 documents of every kind, a 6,000-character document name, a 2,000-character address, a
5,000-character fee description, a 1,000-character case name … Each text ends with a marker word
("…CUỐI-xxx") so that a test can check the whole text reached the PDF, across page breaks.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from slip_helpers import OFFICE, TZ, guidance_data, receipt_data
from slip_samples import (
    RECEIVED,
    apology_data,
    control_data,
    handover_data,
    refusal_data,
    register_data,
    register_rows,
    result_data,
    stop_data,
    supplement_data,
)

from counter_app.documents.slip_data import (
    ApplicantInfo,
    DocumentLine,
    FeeLine,
    HandoffRow,
    HandoverRow,
    ProcessingTime,
)

WORDS = (
    "Bản sao giấy tờ chứng minh chỗ ở hợp pháp có chứng thực của Ủy ban nhân dân cấp xã nơi cư trú, "
    "kèm theo bản chính để đối chiếu khi nộp hồ sơ trực tiếp tại Bộ phận Một cửa; "
)


def long_text(length: int, marker: str) -> str:
    """Vietnamese prose of exactly ``length`` characters ending with " CUỐI-<marker>"."""
    end = f" CUỐI-{marker}"
    return (WORDS * (length // len(WORDS) + 1))[: length - len(end)] + end


DOC_NAME = long_text(6000, "TENGIAYTO")
ADDRESS = long_text(2000, "DIACHI")
FEE = long_text(5000, "PHILEPHI")
CASE = long_text(1000, "TRUONGHOP")
PROCEDURE = long_text(1500, "THUTUC")
REASON = long_text(5000, "LYDO")
NOTE = long_text(3000, "GHICHU")
SHOWN = long_text(2500, "XUATTRINH")
NAME = long_text(300, "HOTEN")
UNIT = long_text(600, "DONVI")

APPLICANT = ApplicantInfo(NAME, "038186001234", ADDRESS, "0912 345 678", "")


def documents() -> tuple[DocumentLine, ...]:
    """200 documents handed in around one huge one, with headings, notes and shown documents."""
    docs: list[DocumentLine] = [DocumentLine("* Hồ sơ đăng ký tạm trú gồm:", 0, 0, kind="heading")]
    for i in range(1, 201):
        docs.append(DocumentLine(f"Giấy tờ số {i:03d} " + "kèm theo bản sao " * (i % 9), 1, i % 3))
        if i == 100:
            docs.append(DocumentLine(DOC_NAME, 1, 1))
        if i == 150:
            docs.append(DocumentLine(NOTE, 0, 0, kind="note"))
    docs += [
        DocumentLine("* Giấy tờ phải xuất trình:", 0, 0, kind="heading"),
        DocumentLine("Thẻ Căn cước công dân", 1, 0, kind="show"),
        DocumentLine(SHOWN, 1, 0, kind="show"),
    ]
    return tuple(docs)


DOCS = documents()
SUBMITTED = [d for d in DOCS if d.kind == "submit"]
OFFICE_LONG = replace(
    OFFICE, address=long_text(1000, "DIACHICOQUAN"), name="Trung tâm Phục vụ hành chính công"
)
FEES = (FeeLine(FEE, None), FeeLine("Lệ phí đăng ký cư trú", 20_000), FeeLine(long_text(400, "PHI2"), 0))


def receipt() -> object:
    return receipt_data(
        office=OFFICE_LONG,
        applicant=APPLICANT,
        procedure_name=PROCEDURE,
        case_name=CASE,
        documents=DOCS,
        legal_term_text=long_text(700, "THOIHAN"),
        return_method="Qua dịch vụ bưu chính công ích: " + ADDRESS,
        fees=FEES,
    )


def guide() -> object:
    return guidance_data(
        office=OFFICE_LONG,
        procedure_name=PROCEDURE,
        case_name=CASE,
        documents=DOCS,
        processing_times=(
            ProcessingTime("Trực tiếp", long_text(1200, "THOIGIAN")),
            ProcessingTime("Trực tuyến", "07 ngày làm việc"),
        ),
        fees=FEES,
        submit_at=ADDRESS,
        legal_bases=tuple(f"Văn bản pháp luật số {i}/2025/NĐ-CP " * 3 for i in range(60)) + (NOTE,),
        results=(REASON,),
        notes=(long_text(4000, "LUUY"),),
        guided_person=NAME,
    )


def handoffs() -> tuple[HandoffRow, ...]:
    rows = [
        HandoffRow(UNIT if i == 7 else "Bộ phận Một cửa", "Sở Nội vụ", RECEIVED + timedelta(hours=i), "early")
        for i in range(60)
    ]
    rows[30] = replace(rows[30], note=REASON)
    return tuple(rows)


def register_long() -> object:
    rows = list(register_rows(300))
    rows[100] = replace(rows[100], address_phone=ADDRESS, procedure_name=PROCEDURE)
    return register_data(rows=tuple(rows))


def handover_long() -> object:
    rows = [handover_data().rows[i % 2] for i in range(200)]
    rows[50] = HandoverRow("000.17.22.H56-261123-0050", NAME, PROCEDURE, RECEIVED, None)
    return handover_data(rows=tuple(rows), unit_name=UNIT)


# kind → (data, texts that must all be in the PDF, their markers only where the slip prints them)
def samples() -> dict[str, tuple[object, tuple[str, ...]]]:
    return {
        "receipt": (
            receipt(),
            ("CUỐI-TENGIAYTO", "CUỐI-DIACHI", "CUỐI-TRUONGHOP", "CUỐI-THUTUC", "CUỐI-HOTEN"),
        ),
        "guide": (
            guide(),
            (
                "CUỐI-TENGIAYTO",
                "CUỐI-PHILEPHI",
                "CUỐI-GHICHU",
                "CUỐI-XUATTRINH",
                "CUỐI-LUUY",
                "CUỐI-THOIGIAN",
            ),
        ),
        "supplement": (
            supplement_data(
                office=OFFICE_LONG,
                applicant=APPLICANT,
                procedure_name=PROCEDURE,
                case_name=CASE,
                missing=DOCS,
                reason=REASON,
            ),
            ("CUỐI-TENGIAYTO", "CUỐI-XUATTRINH", "CUỐI-LYDO", "CUỐI-DIACHI"),
        ),
        "refusal": (
            refusal_data(
                office=OFFICE_LONG,
                applicant=APPLICANT,
                procedure_name=PROCEDURE,
                case_name=CASE,
                reason=REASON,
            ),
            ("CUỐI-LYDO", "CUỐI-DIACHI", "CUỐI-THUTUC", "CUỐI-TRUONGHOP"),
        ),
        "apology": (
            apology_data(office=OFFICE_LONG, applicant=APPLICANT, procedure_name=PROCEDURE, reason=REASON),
            ("CUỐI-LYDO", "CUỐI-DIACHI", "CUỐI-THUTUC"),
        ),
        "stop": (
            stop_data(
                office=OFFICE_LONG,
                applicant=APPLICANT,
                procedure_name=PROCEDURE,
                reason=REASON,
                legal_basis=NOTE,
            ),
            ("CUỐI-LYDO", "CUỐI-GHICHU", "CUỐI-THUTUC"),
        ),
        "control": (
            control_data(office=OFFICE_LONG, applicant=APPLICANT, procedure_name=PROCEDURE, rows=handoffs()),
            ("CUỐI-LYDO", "CUỐI-DONVI", "CUỐI-THUTUC"),
        ),
        "register": (register_long(), ("CUỐI-DIACHI", "CUỐI-THUTUC")),
        "result": (
            result_data(
                office=OFFICE_LONG,
                applicant=APPLICANT,
                procedure_name=PROCEDURE,
                results=(REASON, *(f"Kết quả số {i}" for i in range(80))),
                method="post",
                postal_address=ADDRESS,
                tracking_number="EB123456789VN",
            ),
            ("CUỐI-LYDO", "CUỐI-DIACHI", "CUỐI-THUTUC"),
        ),
        "handover": (handover_long(), ("CUỐI-THUTUC", "CUỐI-HOTEN", "CUỐI-DONVI")),
    }


__all__ = ["TZ", "samples"]
