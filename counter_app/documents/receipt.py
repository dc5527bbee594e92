"""Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (receipt and appointment slip).

Layouts: ``a4`` = two copies (liên 1 kept by the office, liên 2 given to the applicant), each starting
on its own page; ``a5`` = one copy; ``thermal80`` = one copy on an 80 mm roll with compact wording.

The wording follows the form of Thông tư 03/2025/TT-VPCP as seen on production slips; the exact
official text is unverified, so it lives in ``FORM_TEXTS`` keyed by version and a slip is always
re-printed with the version it was first issued under (``ReceiptData.form_version``).
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer

from counter_app.documents import roll
from counter_app.documents.barcode import THERMAL_MODULE, Code128Flowable, QrFlowable
from counter_app.documents.fees import ShortFeeTexts, short_fee_lines, short_fees_block
from counter_app.documents.fonts import BOLD, register_fonts
from counter_app.documents.keep import keep_with_signatures
from counter_app.documents.layout import (
    QUOC_HIEU,
    SPECS,
    TIEU_NGU,
    DocumentColumns,
    FooterMark,
    PageSpec,
    Signer,
    build_pdf,
    clean,
    document_columns,
    document_row,
    documents_table,
    footnote,
    header_styles,
    label_value,
    page_header,
    para,
    plain_table,
    rich,
    signature_block,
    styles_for,
    title,
)
from counter_app.documents.pdfbuild import MAX_ROLL_HEIGHT
from counter_app.documents.slip_data import DocumentLine, ReceiptData, WordingOverride
from counter_app.documents.slip_layouts import ReceiptLayout, check_layout
from counter_app.documents.vnformat import (
    count2,
    place_date,
    time_and_date,
    time_and_weekday_date,
    to_local,
)

# Wording per form version. Keys prefixed "compact:" replace their plain key on the 80 mm roll.
FORM_TEXTS: dict[str, dict[str, str]] = {
    "2025": {
        "title": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "number": "Số: {number}",
        "code": "Mã hồ sơ:",
        "intro": "{unit} tiếp nhận hồ sơ của:",
        "applicant": "Ông/Bà:",
        "id_number": "Số định danh cá nhân:",
        "address": "Địa chỉ:",
        "phone": "Số điện thoại:",
        "email": "Email:",
        "content": "Nội dung yêu cầu giải quyết:",
        "case": "Trường hợp:",
        "documents": "1. Thành phần hồ sơ nộp gồm:",
        "col_number": "STT",
        "col_name": "Tên giấy tờ",
        "col_original": "Bản chính",
        "col_copy": "Bản sao",
        "col_certified": "Bản sao chứng thực",
        "no_documents": "(Không có giấy tờ kèm theo)",
        "shown": "Giấy tờ xuất trình (đã kiểm tra, trả lại):",
        "sets": "2. Số lượng hồ sơ: {count} bộ",
        "term": "3. Thời gian giải quyết hồ sơ theo quy định là:",
        "received": "4. Thời gian nhận hồ sơ:",
        "appointment": "5. Thời gian trả kết quả giải quyết hồ sơ:",
        "no_appointment": "Không hẹn ngày trả kết quả",
        "return": "6. Đăng ký nhận kết quả tại:",
        "fees": "7. Phí, lệ phí:",
        "no_fees": "Không",
        "fee_by_rule": "Theo quy định",
        "fee_details": "(chi tiết xem Phiếu hướng dẫn)",
        "register": "Vào Sổ theo dõi hồ sơ, Quyển số: {book}, Số thứ tự: {seq}",
        "blank": "……",
        "sign_applicant": "NGƯỜI NỘP HỒ SƠ",
        "sign_officer": "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "sign_note": "(Ký, ghi rõ họ tên)",
        "copy_1": "Liên 1: Lưu",
        "copy_2": "Liên 2: Giao người nộp hồ sơ",
        "note": "Ông/Bà vui lòng mang theo Giấy này khi đến nhận kết quả.",
        "office_address": "Địa chỉ: {address}.",
        "hotline": "Mọi thắc mắc xin liên hệ: {hotline}.",
        "footer": "Mã hồ sơ {code}",
        "compact:id_number": "Số định danh:",
        "compact:content": "Yêu cầu:",
        "compact:documents": "1. Thành phần hồ sơ:",
        "compact:col_original": "Chính",
        "compact:col_copy": "Sao",
        "compact:col_certified": "Sao CT",
        "compact:term": "3. Thời hạn theo quy định:",
        "compact:received": "4. Nhận hồ sơ lúc:",
        "compact:appointment": "5. Hẹn trả kết quả:",
        "compact:return": "6. Nhận kết quả tại:",
        "compact:register": "Sổ theo dõi: Quyển {book}, STT {seq}",
        "compact:title": "GIẤY TIẾP NHẬN HỒ SƠ\nVÀ HẸN TRẢ KẾT QUẢ",
    },
}


def form_texts(
    version: str, *, compact: bool = False, overrides: Iterable[WordingOverride] = ()
) -> dict[str, str]:
    """The wording of ``version`` with the province's ``overrides`` (the slip's data states them);
    for the roll, "compact:" keys override their plain counterparts."""
    try:
        base = {**FORM_TEXTS[version], **{o.key: o.text for o in overrides}}
    except KeyError:
        raise ValueError(f"unknown receipt form version {version!r}; known: {sorted(FORM_TEXTS)}") from None
    texts = {k: v for k, v in base.items() if not k.startswith("compact:")}
    if compact:
        texts.update({k.removeprefix("compact:"): v for k, v in base.items() if k.startswith("compact:")})
    return texts


def render_receipt(data: ReceiptData, layout: ReceiptLayout = "a4") -> bytes:
    """Render form 01 for ``data`` as PDF bytes in the given layout."""
    check_layout("receipt", layout)
    spec = SPECS[layout]
    texts = form_texts(data.form_version, compact=spec.compact, overrides=data.form_overrides)
    if spec.height is None:  # the roll: drawn line by line, unless it needs more than one PDF page
        pdf = _roll(data, spec, texts)
        if pdf is not None:
            return pdf
    return _platypus(data, spec, texts)


def _platypus(data: ReceiptData, spec: PageSpec, texts: dict[str, str]) -> bytes:
    """Form 01 laid out by platypus: A4 (two copies), A5, and a roll longer than one PDF page."""
    copies: tuple[str | None, ...] = (texts["copy_1"], texts["copy_2"]) if spec.name == "a4" else (None,)
    footer = texts["footer"].format(code=data.dossier_code)
    story: list[Flowable] = []
    for i, copy in enumerate(copies):
        if i:
            story.append(PageBreak())  # each copy starts on its own page so the two can be separated
        story.append(FooterMark(f"{footer} · {copy}" if copy else footer))
        # Each copy gets flowables of its own: platypus marks a flowable it had to move to the next
        # page, and a shared one moved again in the second copy raised "too large on page N" — the
        # A4 receipt of about one real case in nine failed that way.
        story += _header(data, spec, texts)
        story += title(texts["title"], spec, subtitle=f"({copy})" if copy else None)
        story += _body(data, spec, texts)
    return build_pdf(story, spec, title=texts["title"].replace("\n", " "), subject=data.dossier_code)


def _header(data: ReceiptData, spec: PageSpec, texts: dict[str, str]) -> list[Flowable]:
    """Agency, Quốc hiệu–Tiêu ngữ, number and the place-and-date line of the day of receipt."""
    received = to_local(data.received_at, data.office.timezone)
    number = texts["number"].format(number=data.slip_number or texts["blank"])
    return page_header(
        data.office, spec, number_text=number, date_text=place_date(data.office.place, received)
    )


def _body(data: ReceiptData, spec: PageSpec, texts: dict[str, str]) -> list[Flowable]:
    """Everything under the title: code, applicant, items 1–7, register, signatures, note."""
    st = styles_for(spec)
    tz = data.office.timezone
    received = to_local(data.received_at, tz)
    story = _code_block(data.dossier_code, spec, texts)

    a = data.applicant
    body = st.left
    # Form 01's own lead-in: the office receives the dossier "of" the person named next.
    story.append(para(texts["intro"].format(unit=data.office.name_in_text), body))
    story.append(label_value(texts["applicant"], a.full_name, body, bold=True))
    if a.id_number:
        story.append(label_value(texts["id_number"], a.id_number, body))
    if a.address:
        story.append(label_value(texts["address"], a.address, body))
    # Phone and e-mail are always asked for: an unknown one keeps the form's blank, as on paper.
    # One line for both keeps the A5 copy on a single page.
    contact = ((texts["phone"], a.phone), (texts["email"], a.email))
    story.append(para("; ".join(f"{label} {value or texts['blank']}" for label, value in contact), body))
    story.append(label_value(texts["content"], data.procedure_name, body, bold=True))
    if data.case_name:
        story.append(label_value(texts["case"], data.case_name, body))

    story.append(para(texts["documents"], body))
    columns = DocumentColumns.from_texts(texts)
    handed_in, shown = _received_documents(data)
    story += [documents_table(handed_in, spec, columns), Spacer(1, st.body.fontSize * 0.4)]
    if shown:
        story.append(label_value(texts["shown"], "; ".join(shown), body))
    story.append(para(texts["sets"].format(count=count2(data.sets_count)), body))
    story.append(label_value(texts["term"], data.legal_term_text, body))
    story.append(label_value(texts["received"], time_and_date(received), body))
    if data.appointment_at is None:
        appointment = texts["no_appointment"]
    else:
        appointment = time_and_weekday_date(to_local(data.appointment_at, tz))
    if spec.compact:  # on the roll the appointment gets a line of its own rather than a ragged wrap
        story += [para(texts["appointment"], body), rich([(appointment, BOLD)], st.center)]
    else:
        story.append(label_value(texts["appointment"], appointment, body, bold=True))
    story.append(label_value(texts["return"], _after_tai(texts["return"], data.return_method), body))
    # The last line of item 7 travels with the register line and the signatures, so that the last
    # page of a long copy never holds signatures alone (such a page invites substitution), while
    # the block stays small enough not to leave half a page empty before it.
    fee_texts = ShortFeeTexts(texts["fees"], texts["no_fees"], texts["fee_by_rule"], texts["fee_details"])
    fees = short_fees_block(data.fees, spec, fee_texts)
    story += fees[:-1]
    closing = fees[-1:]

    book = count2(data.register_book) if data.register_book is not None else texts["blank"]
    seq = str(data.register_seq) if data.register_seq is not None else texts["blank"]
    signers = [
        Signer(texts["sign_applicant"], a.full_name, texts["sign_note"]),
        Signer(texts["sign_officer"], data.receiving_officer, texts["sign_note"]),
    ]
    closing += [
        para(texts["register"].format(book=book, seq=seq), st.italic_center if spec.compact else body),
        Spacer(1, 2 * mm),
    ]
    notes = texts["note"]
    if data.office.address:
        notes += " " + texts["office_address"].format(address=data.office.address)
    if data.office.hotline:
        notes += " " + texts["hotline"].format(hotline=data.office.hotline)
    # Never leave the signatures or the note alone on a page.
    story += keep_with_signatures(closing, [signature_block(signers, spec), footnote(notes, spec)], spec)
    return story


def _received_documents(data: ReceiptData) -> tuple[list[DocumentLine], list[str]]:
    """The documents handed in (the table) and the names of those shown and handed back (a line of
    their own); headings and notes of the catalogue are guidance, not part of what was received."""
    handed_in = [d for d in data.documents if d.kind == "submit"]
    # One line for them all: each name's own final full stop would read ".;" between two names.
    shown = [d.name.rstrip(" .;") for d in data.documents if d.kind == "show"]
    return handed_in, shown


def _code_block(code: str, spec: PageSpec, texts: dict[str, str]) -> list[Flowable]:
    """'Mã hồ sơ:' with the Code 128 (and a QR on A4/A5)."""
    st = styles_for(spec)
    if spec.compact:
        bars = Code128Flowable(
            code,
            module=THERMAL_MODULE,
            bar_height=10 * mm,
            text_size=st.body.fontSize + 0.5,
            quiet_outside=True,  # the 4 mm unprinted roll margins are the quiet zones
            max_width=spec.frame_width,
        )
        assert spec.left >= bars.quiet and spec.right >= bars.quiet, "roll margins must hold the quiet zones"
        return [Spacer(1, 2 * mm), para(texts["code"], st.center), Spacer(1, 1 * mm), bars, Spacer(1, 2 * mm)]
    label = para(texts["code"], st.center)
    # On A5 the label goes above the bars: beside them, it would squeeze the module below 4 dots.
    beside = spec.name == "a4"
    label_w = st.body.fontSize * 5.5 if beside else 0
    qr_size = 20 * mm if beside else 17 * mm
    bars = Code128Flowable(
        code,
        bar_height=(12 if beside else 10) * mm,
        text_size=st.body.fontSize,
        max_width=spec.frame_width - label_w - qr_size,
    )
    cells = [label, bars, QrFlowable(code, qr_size)] if beside else [bars, QrFlowable(code, qr_size)]
    block = plain_table(
        [cells],
        colWidths=([label_w] if beside else []) + [bars.wrap(0, 0)[0], qr_size],
        style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (-1, -1), "CENTER")]
        + [(p, (0, 0), (-1, -1), 0) for p in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")],
        hAlign="CENTER",
    )
    return [Spacer(1, 1.5 * mm), *([] if beside else [label]), block, Spacer(1, 2 * mm)]


def _after_tai(label: str, value: str) -> str:
    """Drop a leading "Tại" from ``value`` when the label already ends in "tại:".

    Settings say "Tại Bộ phận Một cửa", and "nhận kết quả tại: Tại Bộ phận Một cửa" reads as a typo.
    """
    if label.rstrip(": ").lower().endswith("tại") and value.lower().startswith("tại "):
        return value[4:]
    return value


# ---------------------------------------------------------------- the 80 mm roll
# What _header, title, _code_block and _body above lay out for a compact spec, in the same order and
# styles, drawn by ``roll`` on one page instead of through platypus (docs/performance.md).
# tests/documents/test_receipt_roll.py renders both and compares the pages pixel by pixel: a change
# to one of them must be made to the other.


def _roll(data: ReceiptData, spec: PageSpec, texts: dict[str, str]) -> bytes | None:
    """The roll receipt as PDF bytes, or None when it is taller than a PDF page may be."""
    register_fonts()
    st = styles_for(spec)
    rs = header_styles(spec)
    width = spec.frame_width
    col = roll.Column(width)
    tz = data.office.timezone
    received = to_local(data.received_at, tz)
    a = data.applicant
    left = st.left.fontName

    def lv(label: str, value: str, *, bold: bool = False) -> None:  # styles.label_value
        col.text([(label + " ", left), (value, BOLD if bold else left)], st.left)

    # layout.page_header, compact: agency, rule, Quốc hiệu–Tiêu ngữ, rule, number, place and date.
    office = data.office
    size = st.head.fontSize
    col.text([(office.governing_body, st.head.fontName)], st.head)
    col.text([(office.unit_name, BOLD)], st.head_bold)
    unit_w = min(stringWidth(clean(office.unit_name), BOLD, size), width)
    col.add(roll.Rule(min(unit_w * 0.4, width), 0.6, 2, 2))
    col.text([(QUOC_HIEU, BOLD)], rs.qh)
    col.text([(TIEU_NGU, BOLD)], rs.tn)
    col.add(roll.Rule(min(stringWidth(TIEU_NGU, BOLD, rs.tn.fontSize), width), 0.6, 1), roll.Gap(2))
    col.text([(texts["number"].format(number=data.slip_number or texts["blank"]), st.head.fontName)], st.head)
    col.text([(place_date(office.place, received), rs.date.fontName)], rs.date)
    col.text([(texts["title"], st.title.fontName)], st.title)

    # _code_block, compact: the label over the Code 128, its quiet zones on the unprinted margins.
    bars = Code128Flowable(
        data.dossier_code,
        module=THERMAL_MODULE,
        bar_height=10 * mm,
        text_size=st.body.fontSize + 0.5,
        quiet_outside=True,
        max_width=width,
    )
    assert spec.left >= bars.quiet and spec.right >= bars.quiet, "roll margins must hold the quiet zones"
    col.add(roll.Gap(2 * mm))
    col.text([(texts["code"], st.center.fontName)], st.center)
    col.add(roll.Gap(1 * mm), roll.Drawn(bars, width), roll.Gap(2 * mm))

    # _body
    col.text([(texts["intro"].format(unit=office.name_in_text), left)], st.left)
    lv(texts["applicant"], a.full_name, bold=True)
    if a.id_number:
        lv(texts["id_number"], a.id_number)
    if a.address:
        lv(texts["address"], a.address)
    contact = ((texts["phone"], a.phone), (texts["email"], a.email))
    col.text([("; ".join(f"{label} {value or texts['blank']}" for label, value in contact), left)], st.left)
    lv(texts["content"], data.procedure_name, bold=True)
    if data.case_name:
        lv(texts["case"], data.case_name)
    col.text([(texts["documents"], left)], st.left)
    handed_in, shown = _received_documents(data)
    col.add(_roll_documents(handed_in, spec, texts), roll.Gap(st.body.fontSize * 0.4))
    if shown:
        lv(texts["shown"], "; ".join(shown))
    col.text([(texts["sets"].format(count=count2(data.sets_count)), left)], st.left)
    lv(texts["term"], data.legal_term_text)
    lv(texts["received"], time_and_date(received))
    if data.appointment_at is None:
        appointment = texts["no_appointment"]
    else:
        appointment = time_and_weekday_date(to_local(data.appointment_at, tz))
    col.text([(texts["appointment"], left)], st.left)
    col.text([(appointment, BOLD)], st.center)
    lv(texts["return"], _after_tai(texts["return"], data.return_method))
    fee_texts = ShortFeeTexts(texts["fees"], texts["no_fees"], texts["fee_by_rule"], texts["fee_details"])
    for runs, bullet in short_fee_lines(data.fees, fee_texts):
        col.text(runs, st.bullet if bullet else st.left)
    book = count2(data.register_book) if data.register_book is not None else texts["blank"]
    seq = str(data.register_seq) if data.register_seq is not None else texts["blank"]
    col.text([(texts["register"].format(book=book, seq=seq), st.italic_center.fontName)], st.italic_center)
    col.add(roll.Gap(2 * mm))

    # layout.signature_block and layout.footnote
    signers = ((texts["sign_applicant"], a.full_name), (texts["sign_officer"], data.receiving_officer))
    sign_w = width / len(signers)
    cell_w = sign_w - 2 - 2
    cells = []
    for heading, name in signers:
        if not heading:  # layout.signature_block: an empty column
            cells.append([])
            continue
        cell: list[roll.Block] = [
            roll.text([(heading, BOLD)], st.head_bold, cell_w),
            roll.text([(texts["sign_note"], st.italic_center.fontName)], st.italic_center, cell_w),
            roll.Gap(spec.sign_space),
        ]
        if name:
            cell.append(roll.text([(name, BOLD)], rs.signer, cell_w))
        cells.append(cell)
    col.add(roll.Columns(cells, sign_w, (2, 2, 3, 3)))
    notes = texts["note"]
    if office.address:
        notes += " " + texts["office_address"].format(address=office.address)
    if office.hotline:
        notes += " " + texts["hotline"].format(hotline=office.hotline)
    col.text([(notes, st.small.fontName)], st.small)

    # pdfbuild.build_pdf: 2 mm of slack absorbs rounding so the roll never spills onto a second page.
    height = spec.top + col.content_height() + spec.bottom + 2 * mm
    if height > MAX_ROLL_HEIGHT:
        return None  # hundreds of documents: platypus cuts the roll into pages
    return col.render(
        (spec.width, height),
        (spec.left, spec.top, spec.bottom),
        title=texts["title"].replace("\n", " "),
        subject=data.dossier_code,
    )


def _roll_documents(docs: list[DocumentLine], spec: PageSpec, texts: dict[str, str]) -> roll.Grid:
    """layout.documents_table of documents handed in (no heading or note lines) on the roll."""
    st = styles_for(spec)
    labels = DocumentColumns.from_texts(texts)
    header, widths = document_columns(docs, spec, labels)
    certified = len(header) > 4
    counts = len(widths) - 2
    pad = 1.5  # layout.grid_table, compact
    inner = [w - pad - pad for w in widths]
    rows = [document_row(n, d, certified) for n, d in enumerate(docs, 1)] or [
        ["", labels.none, *[""] * counts]
    ]
    styles = [st.cell_center, st.cell] + [st.cell_center] * counts
    grid: list[list[roll.Block]] = [
        [roll.text([(h, BOLD)], st.cell_head, w) for h, w in zip(header, inner, strict=True)]
    ]
    for row in rows:
        grid.append([roll.text([(v, s.fontName)], s, w) for v, s, w in zip(row, styles, inner, strict=True)])
    return roll.Grid(grid, widths, (pad, pad, pad * 0.6, pad))
