"""Form 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (TT 03/2025/TT-VPCP).

Addressed to the applicant: when the dossier was received, its code and content, the appointment
that was missed, the reason for the delay, the apology and the new appointment; signed by the head
of the agency (the office's signatory). Version "2018" is the older Phiếu xin lỗi và hẹn lại ngày
trả kết quả (TT 01/2018/TT-VPCP), kept so that letters issued under it re-print as they were.
"""

from __future__ import annotations

from counter_app.documents.fonts import BOLD, REGULAR
from counter_app.documents.formkit import (
    A4,
    finish,
    letter_opening,
    paragraph,
    signed_by_head,
    wording,
)
from counter_app.documents.layout import rich, styles_for
from counter_app.documents.slip_data import ApologyData
from counter_app.documents.slip_layouts import A4Layout, check_layout
from counter_app.documents.vnformat import time_and_date, time_and_weekday_date, to_local

_BODY = {
    "received": "Ngày {date}, {unit} đã tiếp nhận hồ sơ của Ông/Bà; mã hồ sơ: {code}; nội dung: {content}.",
    "old": "Thời gian hẹn trả kết quả giải quyết hồ sơ: {moment}.",
    "no_old": "Hồ sơ không có ngày hẹn trả kết quả.",
    "delay": "Tuy nhiên đến nay, {unit} chưa trả được kết quả giải quyết hồ sơ cho Ông/Bà. Lý do:",
    "contact": "Mọi thắc mắc xin liên hệ: {hotline}.",
    "sign_head": "THỦ TRƯỞNG CƠ QUAN",
    "footer": "{title_short} · Mã hồ sơ {code}",
    "addressee": "Kính gửi: Ông/Bà",
}

FORM_TEXTS: dict[str, dict[str, str]] = {
    "2025": {
        **_BODY,
        "title": "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
        "apology": (
            "Sự chậm trễ này đã gây phiền hà, tốn kém thời gian, chi phí đi lại của Ông/Bà. {unit} "
            "trân trọng xin lỗi Ông/Bà và đề nghị được gia hạn thời gian giải quyết hồ sơ; "
            "kết quả giải quyết hồ sơ sẽ được trả cho Ông/Bà vào:"
        ),
        "sorry": "Mong nhận được sự thông cảm của Ông/Bà vì sự chậm trễ này./.",
        "title_short": "Văn bản xin lỗi và đề nghị gia hạn",
    },
    "2018": {
        **_BODY,
        "title": "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        "apology": (
            "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà. {unit} xin lỗi Ông/Bà "
            "và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào:"
        ),
        "sorry": "Mong nhận được sự thông cảm của Ông/Bà vì sự chậm trễ này./.",
        "title_short": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    },
}


def render_apology(data: ApologyData, layout: A4Layout = "a4") -> bytes:
    """Render form 04 for ``data`` as PDF bytes."""
    check_layout("apology", layout)
    texts = wording(FORM_TEXTS, data.form_version, "apology", data.form_overrides)
    spec = A4
    st = styles_for(spec)
    tz = data.office.timezone
    unit = data.office.name_in_text
    footer = texts["footer"].format(title_short=texts["title_short"], code=data.dossier_code)
    story = letter_opening(data, spec, texts, footer=footer, moment=data.issued_at)
    if data.old_appointment_at is not None:
        old = time_and_date(to_local(data.old_appointment_at, tz))
        story.append(paragraph(texts["old"].format(moment=old), spec, bold_parts=[old]))
    else:
        story.append(paragraph(texts["no_old"], spec))
    story.append(paragraph(texts["delay"].format(unit=unit), spec))
    story.append(rich([("- " + data.reason, REGULAR)], st.bullet))
    new = time_and_weekday_date(to_local(data.new_appointment_at, tz))
    tail = [
        paragraph(texts["apology"].format(unit=unit), spec),
        rich([(new, BOLD)], st.center),
        paragraph(texts["sorry"], spec),
    ]
    story += signed_by_head(data.office, spec, texts, tail)
    return finish(story, spec, texts, data.dossier_code)
