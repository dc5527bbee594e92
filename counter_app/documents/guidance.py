"""Phiếu hướng dẫn: everything a citizen needs to prepare a procedure's dossier, given once.

Printable without any dossier: the complete document list of the chosen case with original/copy
counts, fees, processing time per channel, where to submit and where to receive, results and legal
bases, signed by the guiding officer ("hướng dẫn một lần, đầy đủ"). Not an official form number, but
its wording is versioned like the forms so that a re-print matches the slip first handed out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from counter_app.documents.fonts import BOLD, ITALIC, REGULAR
from counter_app.documents.keep import keep_with_signatures
from counter_app.documents.layout import (
    SPECS,
    DocumentColumns,
    FooterMark,
    PageSpec,
    Signer,
    build_pdf,
    bullets,
    documents_table,
    fees_block,
    footnote,
    grid_table,
    label_value,
    number_width,
    page_header,
    para,
    rich,
    signature_block,
    styles_for,
    title,
)
from counter_app.documents.slip_data import DocumentLine, GuidanceData
from counter_app.documents.slip_layouts import GuidanceLayout, check_layout
from counter_app.documents.vnformat import count2, place_date, to_local
from counter_app.domain import document_groups

# 12 pt on A4 (not the receipt's 13): a typical procedure's full list then fits on one sheet.
_SPECS = {"a4": replace(SPECS["a4"], body=12), "a5": SPECS["a5"]}

GUIDANCE_TEXTS: dict[str, dict[str, str]] = {
    "2025": {
        "title": "PHIẾU HƯỚNG DẪN",
        "subtitle": "Thành phần hồ sơ và cách thức thực hiện thủ tục hành chính",
        "guided": "Hướng dẫn Ông/Bà:",
        "procedure": "Tên thủ tục:",
        "code": "Mã thủ tục:",
        "field": "Lĩnh vực:",
        "level": "Cấp thực hiện:",
        "case": "Trường hợp:",
        "documents": "1. Thành phần hồ sơ:",
        "col_number": "STT",
        "col_name": "Tên giấy tờ",
        "col_original": "Bản chính",
        "col_copy": "Bản sao",
        "col_certified": "Bản sao chứng thực",
        "no_documents": "(Không yêu cầu giấy tờ)",
        "shown": "Giấy tờ phải xuất trình (không nộp lại):",
        "sets": "Số lượng hồ sơ: {count} bộ",
        "times": "2. Thời hạn giải quyết:",
        "fees": "3. Phí, lệ phí:",
        "no_fees": "Không",
        "submit": "4. Nơi tiếp nhận hồ sơ:",
        "receive": "5. Nơi trả kết quả:",
        "results": "6. Kết quả thực hiện thủ tục:",
        "legal": "7. Căn cứ pháp lý:",
        "notes": "Lưu ý:",
        "document_notes": "Lưu ý về thành phần hồ sơ:",
        "sign_guided": "NGƯỜI ĐƯỢC HƯỚNG DẪN",
        "sign_officer": "CÁN BỘ HƯỚNG DẪN",
        "sign_note": "(Ký, ghi rõ họ tên)",
        "closing": "Hồ sơ được hướng dẫn một lần, đầy đủ theo quy định.",
        "hotline": "Mọi thắc mắc xin liên hệ: {hotline}.",
        "footer": "Phiếu hướng dẫn thủ tục {code}",
    },
}


def render_guidance(data: GuidanceData, layout: GuidanceLayout = "a4") -> bytes:
    """Render the guidance slip for ``data`` as PDF bytes (A4 by default, A5 for small printers)."""
    check_layout("guide", layout, "guidance")
    try:
        texts = {**GUIDANCE_TEXTS[data.form_version], **{o.key: o.text for o in data.form_overrides}}
    except KeyError:
        raise ValueError(f"unknown guidance wording version {data.form_version!r}") from None
    spec = _SPECS[layout]
    st = styles_for(spec)
    body = st.left
    printed = to_local(data.printed_at, data.office.timezone)

    story: list[Flowable] = [FooterMark(texts["footer"].format(code=data.procedure_code))]
    story += page_header(
        data.office, spec, number_text=None, date_text=place_date(data.office.place, printed)
    )
    story += title(texts["title"], spec, subtitle=texts["subtitle"])
    story.append(Spacer(1, st.body.fontSize * 0.6))
    if data.guided_person:
        story.append(label_value(texts["guided"], data.guided_person, body, bold=True))
    story.append(label_value(texts["procedure"], data.procedure_name, body, bold=True))
    ident = [(texts["code"] + " ", REGULAR), (data.procedure_code, BOLD)]
    for label, value in ((texts["field"], data.field_name), (texts["level"], data.level)):
        if value:
            ident += [(f"; {label} ", REGULAR), (value, REGULAR)]
    story.append(rich(ident, body))
    if data.case_name:
        story.append(label_value(texts["case"], data.case_name, body))

    story.append(para(texts["documents"], body))
    columns = DocumentColumns.from_texts(texts)
    handed_in, shown = split_shown(data.documents)
    # Notes after the documents: the portal often lists dozens of them before the first document
    # (1.000894 đăng ký kết hôn), which would push the list the citizen needs onto a later page.
    remarks = [d.name for d in handed_in if d.kind == "note"]
    table = [d for d in handed_in if d.kind != "note"]
    story += [documents_table(table, spec, columns), Spacer(1, st.body.fontSize * 0.4)]
    if shown:
        story += [para(texts["shown"], body), _shown_table(shown, spec, columns)]
        story.append(Spacer(1, st.body.fontSize * 0.4))
    if remarks:
        story.append(para(texts["document_notes"], body))
        story += [rich([("- " + text, ITALIC)], st.bullet) for text in remarks]
    story.append(para(texts["sets"].format(count=count2(data.sets_count)), body))

    story.append(para(texts["times"], body))
    story += [
        rich([(f"- {t.channel}: ", REGULAR), (t.time_text, BOLD)], st.bullet) for t in data.processing_times
    ]
    story += fees_block(data.fees, spec, texts["fees"], texts["no_fees"])
    story.append(label_value(texts["submit"], data.submit_at, body))
    story.append(label_value(texts["receive"], data.receive_at, body))
    groups = [
        [para(texts[key], body), *bullets(items, spec)]
        for key, items in (("results", data.results), ("legal", data.legal_bases), ("notes", data.notes))
        if items
    ]
    # The last list travels with the signatures so that a signature never sits alone on a page.
    tail = groups.pop() if groups and len(groups[-1]) <= 6 else []
    for group in groups:
        story += group

    closing = texts["closing"]
    if data.office.hotline:
        closing += " " + texts["hotline"].format(hotline=data.office.hotline)
    guided = (
        Signer(texts["sign_guided"], data.guided_person, texts["sign_note"])
        if data.guided_person
        else Signer("")
    )
    signers = [guided, Signer(texts["sign_officer"], data.guiding_officer, texts["sign_note"])]
    before = [*tail, Spacer(1, 4), footnote(closing, spec), Spacer(1, 4)]
    story += keep_with_signatures(before, [signature_block(signers, spec)], spec)
    return build_pdf(
        story, spec, title=texts["title"], subject=f"{data.procedure_code} {data.procedure_name}"
    )


def split_shown(docs: Sequence[DocumentLine]) -> tuple[list[DocumentLine], list[DocumentLine]]:
    """The lines of the main table (handed in, headings, notes) and those shown and handed back
    (domain/document_groups.py: the guide page applies the same rule)."""
    return document_groups.split_shown(docs)


def _shown_table(docs: Sequence[DocumentLine], spec: PageSpec, labels: DocumentColumns) -> Flowable:
    """STT | name: documents shown, checked and handed back have no counts to bring."""
    st = styles_for(spec)
    heading = ParagraphStyle("shown_heading", st.cell, fontName=BOLD)
    count = sum(d.kind != "heading" for d in docs)
    number_w = number_width(labels, spec, count)
    rows: list[list[str | Flowable]] = []
    number = 1
    for d in docs:
        if d.kind == "heading":
            rows.append(["", para(d.name, heading)])
        else:
            rows.append([str(number), d.name])
            number += 1
    widths = [number_w, spec.frame_width - number_w]
    return grid_table([labels.number, labels.name], rows, widths, spec, centered=[True, False])
