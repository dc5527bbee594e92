"""Form 06: Phiếu kiểm soát quá trình giải quyết hồ sơ (travels with the paper file).

The dossier code with its Code 128 (and QR) as on the receipt, the applicant, the procedure, when
it was received and when it is due by law, then one row per hand-off of the file: who gave it
(unit), who took it, when, how that step stands against the legal due time (trước hạn / đúng hạn /
quá hạn), a note, and two boxes for the signatures of the one who gives and the one who takes.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from counter_app.documents.barcode import LASER_MODULE, Code128Flowable, QrFlowable
from counter_app.documents.fonts import BOLD
from counter_app.documents.formkit import fields, finish, opening, wording
from counter_app.documents.layout import SPECS, PageSpec, footnote, para, plain_table, rich, styles_for
from counter_app.documents.slip_data import ControlData, HandoffRow
from counter_app.documents.slip_layouts import A4Layout, check_layout
from counter_app.documents.vnformat import clock, short_date, time_and_date, to_local

# 12 pt body (cells 11 pt): eight columns fit the A4 width without breaking words.
_SPEC = replace(SPECS["a4"], body=12)

FORM_TEXTS: dict[str, dict[str, str]] = {
    "2025": {
        "title": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        "applicant": "Người nộp hồ sơ: Ông/Bà",
        "received": "Thời gian nhận hồ sơ:",
        "due": "Thời hạn giải quyết theo quy định:",
        "no_due": "Không hẹn ngày trả kết quả",
        "officer": "Người tiếp nhận hồ sơ:",
        "rows": "Quá trình giao, nhận hồ sơ:",
        "col_number": "TT",
        "col_from": "Bên giao",
        "col_to": "Bên nhận",
        "col_time": "Thời gian giao, nhận",
        "col_result": "Kết quả giải quyết",
        "col_note": "Ghi chú",
        "col_sign_from": "Người giao ký",
        "col_sign_to": "Người nhận ký",
        "early": "Trước hạn",
        "on_time": "Đúng hạn",
        "late": "Quá hạn",
        "blank_rows": "(Các dòng trống để ghi tay những lần giao, nhận tiếp theo.)",
        "note": (
            "Phiếu này đi kèm hồ sơ giấy trong suốt quá trình giải quyết; mỗi lần giao, nhận, "
            "hai bên ghi thời gian và ký vào phiếu."
        ),
        "footer": "Phiếu kiểm soát quá trình giải quyết hồ sơ · Mã hồ sơ {code}",
    },
}

# mm widths of TT | giao | nhận | thời gian | kết quả | ghi chú | ký giao | ký nhận (sum 170 = A4 frame)
_WIDTHS = (8, 30, 30, 26, 20, 24, 16, 16)
_BLANK_ROWS = 2  # empty rows for the hand-offs still to come (the slip is printed at receipt)


def _code_block(code: str, spec: PageSpec, label: str) -> list[Flowable]:
    """'Mã hồ sơ:' | Code 128 (with its quiet zones and the code under it) | QR, centred."""
    st = styles_for(spec)
    label_w = st.body.fontSize * 5.5
    qr = QrFlowable(code, 20 * mm)
    bars = Code128Flowable(
        code,
        module=LASER_MODULE,
        bar_height=12 * mm,
        text_size=st.body.fontSize,
        max_width=spec.frame_width - label_w - qr.width,
    )
    block = plain_table(
        [[para(label, st.center), bars, qr]],
        colWidths=[label_w, bars.wrap(0, 0)[0], qr.width],
        style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (-1, -1), "CENTER")]
        + [(p, (0, 0), (-1, -1), 0) for p in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")],
        hAlign="CENTER",
    )
    return [Spacer(1, 1.5 * mm), block, Spacer(1, 2 * mm)]


def render_control(data: ControlData, layout: A4Layout = "a4") -> bytes:
    """Render form 06 for ``data`` as PDF bytes."""
    check_layout("control", layout)
    texts = wording(FORM_TEXTS, data.form_version, "control", data.form_overrides)
    spec = _SPEC
    st = styles_for(spec)
    tz = data.office.timezone
    footer = texts["footer"].format(code=data.dossier_code)
    story = opening(data.office, spec, texts, footer=footer, number=None, moment=data.printed_at)
    story += _code_block(data.dossier_code, spec, texts["code"])
    a = data.applicant
    due = time_and_date(to_local(data.due_at, tz)) if data.due_at is not None else texts["no_due"]
    story += fields(
        [
            (texts["applicant"], a.full_name, True),
            (texts["address"], a.address, False),
            (texts["phone"], a.phone, False),
            (texts["content"], data.procedure_name, True),
            (texts["received"], time_and_date(to_local(data.received_at, tz)), False),
            (texts["due"], due, True),
            (texts["officer"], data.receiving_officer, False),
        ],
        spec,
    )
    story.append(Spacer(1, 1.5 * mm))
    story.append(para(texts["rows"], st.left))
    story.append(_table(data, texts))
    story.append(Spacer(1, 2 * mm))
    story.append(footnote(texts["note"], spec))
    return finish(story, spec, texts, data.dossier_code)


def _table(data: ControlData, texts: dict[str, str]) -> Flowable:
    st = styles_for(_SPEC)
    keys = ("col_number", "col_from", "col_to", "col_time", "col_result", "col_note")
    header = [para(texts[k], st.cell_head) for k in (*keys, "col_sign_from", "col_sign_to")]
    rows: list[list[object]] = [header]
    sign_space = Spacer(1, 13 * mm)  # room for a handwritten signature in each box
    for i, row in enumerate(data.rows, 1):
        rows.append([*_cells(i, row, data, texts), sign_space, sign_space])
    blank = 0 if data.closed else _BLANK_ROWS
    for i in range(len(data.rows) + 1, len(data.rows) + 1 + blank):
        rows.append([para(str(i), st.cell_center), "", "", "", "", "", sign_space, sign_space])
    return plain_table(
        rows,
        colWidths=[w * mm for w in _WIDTHS],
        repeatRows=1,
        style=[
            ("GRID", (0, 0), (-1, -1), 0.5, black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
    )


def _cells(i: int, row: HandoffRow, data: ControlData, texts: dict[str, str]) -> list[Flowable]:
    st = styles_for(_SPEC)
    at = to_local(row.at, data.office.timezone)
    # Timeliness is judged against the due time: with none, no step is early, on time or late.
    result = texts[row.result] if row.result and data.due_at is not None else ""
    return [
        para(str(i), st.cell_center),
        para(row.from_party, st.cell),
        para(row.to_party, st.cell),
        para(f"{clock(at)},\n{short_date(at)}", st.cell_center),
        rich([(result, BOLD)], st.cell_center),
        para(row.note, st.cell),
    ]
