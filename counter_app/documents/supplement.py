"""Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ ("hướng dẫn một lần, đầy đủ").

Lists every missing item at once, with its counts, and the reason; the citizen is given the
office hotline to call, and the guiding officer signs. Printed at intake (no dossier code yet: the
pending intake) or during processing (with the dossier code and the day it was received).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlab.platypus import Flowable, Spacer

from counter_app.documents.formkit import (
    A4,
    PageProbe,
    applicant_lines,
    closing,
    fields,
    finish,
    keeping_rows,
    opening,
    paragraph,
    wording,
)
from counter_app.documents.layout import (
    DocumentColumns,
    Signer,
    documents_table,
    label_value,
    para,
    styles_for,
)
from counter_app.documents.slip_data import DocumentLine, SupplementData
from counter_app.documents.slip_layouts import A4Layout, check_layout
from counter_app.documents.vnformat import long_date, time_and_date, to_local

FORM_TEXTS: dict[str, dict[str, str]] = {
    "2025": {
        "title": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "applicant": "Hồ sơ của: Ông/Bà",
        "received": "Thời gian nhận hồ sơ:",
        "request": "Sau khi xem xét, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
        "col_number": "STT",
        "col_name": "Giấy tờ cần bổ sung, hoàn thiện",
        "col_original": "Bản chính",
        "col_copy": "Bản sao",
        "col_certified": "Bản sao chứng thực",
        "no_documents": "",
        "shown_suffix": "(xuất trình để đối chiếu, không nộp lại)",
        "count": "Tổng số: {count} giấy tờ cần bổ sung.",
        "reason": "Lý do:",
        "contact": (
            "Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ {unit}, "
            "số điện thoại {hotline} để được hướng dẫn."
        ),
        "contact_no_phone": (
            "Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ {unit} "
            "để được hướng dẫn."
        ),
        "once": "Hồ sơ được hướng dẫn một lần, đầy đủ. Khi nộp lại, Ông/Bà vui lòng mang theo Phiếu này.",
        "sign_applicant": "NGƯỜI NỘP HỒ SƠ",
        "sign_officer": "NGƯỜI HƯỚNG DẪN",
        "footer_code": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ · Mã hồ sơ {code}",
        "footer_intake": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ · {date}",
    },
}


def render_supplement(data: SupplementData, layout: A4Layout = "a4") -> bytes:
    """Render form 02 for ``data`` as PDF bytes."""
    check_layout("supplement", layout)
    texts = wording(FORM_TEXTS, data.form_version, "supplement", data.form_overrides)
    missing = _listed(data.missing, texts)
    return keeping_rows(lambda keep: _render(data, missing, texts, keep), len(missing))


def _listed(docs: Sequence[DocumentLine], texts: dict[str, str]) -> tuple[DocumentLine, ...]:
    """Only what the citizen must bring: documents to hand in, and documents to show (so marked).

    Headings and notes of the catalogue explain a list; they are never something missing.
    """
    out = []
    for d in docs:
        if d.kind == "show":
            out.append(replace(d, name=f"{d.name} {texts['shown_suffix']}"))
        elif d.kind == "submit":
            out.append(d)
    return tuple(out)


def _render(
    data: SupplementData, missing: tuple[DocumentLine, ...], texts: dict[str, str], keep: int
) -> tuple[bytes, PageProbe, PageProbe]:
    spec = A4
    st = styles_for(spec)
    tz = data.office.timezone
    issued = to_local(data.issued_at, tz)
    footer = (
        texts["footer_code"].format(code=data.dossier_code)
        if data.dossier_code
        else texts["footer_intake"].format(date=long_date(issued))
    )
    story = opening(data.office, spec, texts, footer=footer, number=data.slip_number, moment=data.issued_at)
    story += applicant_lines(data.applicant, spec, texts)
    story += fields(
        [
            (texts["code"], data.dossier_code, True),
            (texts["content"], data.procedure_name, True),
            (texts["case"], data.case_name, False),
            (
                texts["received"],
                time_and_date(to_local(data.received_at, tz)) if data.received_at else "",
                False,
            ),
        ],
        spec,
    )
    story.append(para(texts["request"], st.left))
    table_end, closing_start = PageProbe(), PageProbe()
    tail: list[Flowable] = [closing_start]
    if missing:
        columns = DocumentColumns.from_texts(texts)
        certified = any(d.certified_copy_qty for d in missing)
        split = len(missing) - keep
        if split:
            story.append(documents_table(missing[:split], spec, columns, certified=certified))
        if keep:  # these rows start the closing page, so they take the header with them
            tail.append(documents_table(missing[split:], spec, columns, start=split + 1, certified=certified))
        tail += [
            Spacer(1, st.body.fontSize * 0.4),
            para(texts["count"].format(count=f"{len(missing):02d}"), st.left),
        ]
        if data.reason:
            tail.append(label_value(texts["reason"], data.reason, st.body))
    else:  # requested during processing: what to complete is the officer's text itself
        story.append(para("- " + data.reason, st.bullet))
    hotline = data.office.hotline
    key = "contact" if hotline else "contact_no_phone"
    tail.append(
        paragraph(
            texts[key].format(unit=data.office.name_in_text, hotline=hotline), spec, bold_parts=[hotline]
        )
    )
    tail.append(para(texts["once"], st.small))
    signers = [
        Signer(texts["sign_applicant"], data.applicant.full_name, texts["sign_note"]),
        Signer(texts["sign_officer"], data.officer, texts["sign_note"]),
    ]
    story += [table_end, *closing(signers, spec, tail)]
    return finish(story, spec, texts, data.dossier_code or data.procedure_name), table_end, closing_start
