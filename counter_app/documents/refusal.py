"""Form 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ.

The applicant, what was asked, the specific reason for not receiving the dossier, and the
signatures of the applicant and the receiving officer. The dossier code of the refused intake is
printed when there is one (the refusal is recorded with its number so that every gap is explained).
"""

from __future__ import annotations

from counter_app.documents.formkit import (
    A4,
    applicant_lines,
    closing,
    fields,
    finish,
    opening,
    paragraph,
    wording,
)
from counter_app.documents.layout import Signer, footnote, para, styles_for
from counter_app.documents.slip_data import RefusalData
from counter_app.documents.slip_layouts import A4Layout, check_layout
from counter_app.documents.vnformat import time_and_date, to_local

FORM_TEXTS: dict[str, dict[str, str]] = {
    "2025": {
        "title": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "intro": "{unit} tiếp nhận hồ sơ của:",
        "when": "Thời điểm nộp hồ sơ:",
        "review": (
            "Qua nghiên cứu, xem xét, đối chiếu thành phần hồ sơ của Ông/Bà, {unit} thông báo "
            "không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"
        ),
        "end": "Xin thông báo để Ông/Bà được biết và thực hiện./.",
        "contact": "Mọi thắc mắc xin liên hệ: {hotline}.",
        "sign_applicant": "NGƯỜI NỘP HỒ SƠ",
        "sign_officer": "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "footer": "Phiếu từ chối tiếp nhận giải quyết hồ sơ · {ref}",
        "footer_code": "Mã hồ sơ {code}",
    },
}


def render_refusal(data: RefusalData, layout: A4Layout = "a4") -> bytes:
    """Render form 03 for ``data`` as PDF bytes."""
    check_layout("refusal", layout)
    texts = wording(FORM_TEXTS, data.form_version, "refusal", data.form_overrides)
    spec = A4
    st = styles_for(spec)
    unit = data.office.name_in_text
    moment = time_and_date(to_local(data.refused_at, data.office.timezone))
    ref = texts["footer_code"].format(code=data.dossier_code) if data.dossier_code else moment
    footer = texts["footer"].format(ref=ref)
    story = opening(data.office, spec, texts, footer=footer, number=data.slip_number, moment=data.refused_at)
    story.append(paragraph(texts["intro"].format(unit=unit), spec))
    story += applicant_lines(data.applicant, spec, texts)
    story += fields(
        [
            (texts["code"], data.dossier_code, True),
            (texts["content"], data.procedure_name, True),
            (texts["case"], data.case_name, False),
            (texts["when"], moment, False),
        ],
        spec,
    )
    story.append(paragraph(texts["review"].format(unit=unit), spec))
    tail = [para("- " + data.reason, st.bullet), paragraph(texts["end"], spec)]
    if data.office.hotline:
        tail.append(footnote(texts["contact"].format(hotline=data.office.hotline), spec))
    signers = [
        Signer(texts["sign_applicant"], data.applicant.full_name, texts["sign_note"]),
        Signer(texts["sign_officer"], data.officer, texts["sign_note"]),
    ]
    story += closing(signers, spec, tail)
    return finish(story, spec, texts, data.dossier_code or data.procedure_name)
