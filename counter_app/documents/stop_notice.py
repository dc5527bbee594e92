"""Form 05: Thông báo dừng giải quyết hồ sơ (TT 03/2025/TT-VPCP).

Tells the applicant that the dossier cannot be continued: which dossier, the reason and the legal
basis; signed by the head of the agency (the office's signatory). A missing legal basis leaves a
dotted line to be filled in by hand rather than an omitted item.
"""

from __future__ import annotations

from counter_app.documents.formkit import (
    A4,
    BLANK,
    finish,
    letter_opening,
    paragraph,
    signed_by_head,
    wording,
)
from counter_app.documents.layout import label_value, styles_for
from counter_app.documents.slip_data import StopNoticeData
from counter_app.documents.slip_layouts import A4Layout, check_layout
from counter_app.documents.vnformat import time_and_date, to_local

FORM_TEXTS: dict[str, dict[str, str]] = {
    "2025": {
        "title": "THÔNG BÁO",
        "subtitle": "Về việc dừng giải quyết hồ sơ",
        "received": "Ngày {date}, {unit} đã tiếp nhận hồ sơ của Ông/Bà; mã hồ sơ: {code}; nội dung: {content}.",
        "notice": "{unit} thông báo dừng giải quyết hồ sơ nêu trên kể từ {moment}.",
        "reason": "Lý do:",
        "basis": "Căn cứ pháp lý:",
        "next": "Xin thông báo để Ông/Bà được biết./.",
        "contact": "Mọi thắc mắc xin liên hệ: {hotline}.",
        "sign_head": "THỦ TRƯỞNG CƠ QUAN",
        "footer": "Thông báo dừng giải quyết hồ sơ · Mã hồ sơ {code}",
    },
}


def render_stop_notice(data: StopNoticeData, layout: A4Layout = "a4") -> bytes:
    """Render form 05 for ``data`` as PDF bytes."""
    check_layout("stop", layout, "stop notice")
    texts = wording(FORM_TEXTS, data.form_version, "stop notice", data.form_overrides)
    spec = A4
    st = styles_for(spec)
    tz = data.office.timezone
    unit = data.office.name_in_text
    footer = texts["footer"].format(code=data.dossier_code)
    story = letter_opening(
        data, spec, texts, footer=footer, moment=data.stopped_at, subtitle=texts["subtitle"]
    )
    moment = time_and_date(to_local(data.stopped_at, tz))
    story.append(paragraph(texts["notice"].format(unit=unit, moment=moment), spec, bold_parts=[moment]))
    tail = [
        label_value(texts["reason"], data.reason, st.body),
        label_value(texts["basis"], data.legal_basis or BLANK * 12, st.body),
        paragraph(texts["next"], spec),
    ]
    story += signed_by_head(data.office, spec, texts, tail)
    return finish(story, spec, texts, data.dossier_code)
