"""Danh sách bàn giao hồ sơ: a batch of dossiers handed by the counter to a unit.

Who hands over (the office, the officer), who receives (the unit), when, then one row per dossier
(code, applicant, procedure, received, due) with the total, and the signatures of both sides.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from counter_app.documents.formkit import (
    PageProbe,
    closing,
    fields,
    finish,
    keeping_rows,
    opening,
    wording,
)
from counter_app.documents.layout import SPECS, Signer, grid_table, para, styles_for
from counter_app.documents.slip_data import HandoverData
from counter_app.documents.slip_layouts import A4Layout, check_layout
from counter_app.documents.vnformat import short_date, time_and_date, to_local

# 12 pt body (cells 11 pt) keeps the full dossier code on one line of its column.
_SPEC = replace(SPECS["a4"], body=12)

FORM_TEXTS: dict[str, dict[str, str]] = {
    "2025": {
        "title": "DANH SÁCH BÀN GIAO HỒ SƠ",
        "sender": "Bên giao:",
        "sender_officer": "Người giao:",
        "receiver": "Bên nhận:",
        "when": "Thời gian bàn giao:",
        "columns": "STT|Mã hồ sơ|Người nộp hồ sơ|Tên thủ tục hành chính|Ngày nhận|Ngày hẹn trả",
        "no_appointment": "Không hẹn",
        "count": "Tổng số: {count} hồ sơ.",
        "end": "Bên nhận đã kiểm tra, nhận đủ số hồ sơ nêu trên.",
        "sign_sender": "NGƯỜI GIAO",
        "sign_receiver": "NGƯỜI NHẬN",
        "footer": "Danh sách bàn giao hồ sơ · {unit} · {when}",
    },
}

_WIDTHS = (11, 48, 30, 39, 21, 21)  # mm, sum 170 = A4 frame


def render_handover(data: HandoverData, layout: A4Layout = "a4") -> bytes:
    """Render the hand-over list for ``data`` as PDF bytes.

    When the total and the signatures would start a page of their own (a signed page that could be
    swapped under another list), the list is laid out again with its last rows moved to that page.
    """
    check_layout("handover", layout)
    texts = wording(FORM_TEXTS, data.form_version, "handover", data.form_overrides)
    return keeping_rows(lambda keep: _render(data, texts, keep), len(data.rows))


def _render(data: HandoverData, texts: dict[str, str], keep: int) -> tuple[bytes, PageProbe, PageProbe]:
    spec = _SPEC
    st = styles_for(spec)
    tz = data.office.timezone
    when = time_and_date(to_local(data.handed_at, tz))
    footer = texts["footer"].format(unit=data.unit_code, when=when)
    story = opening(data.office, spec, texts, footer=footer, number=data.slip_number, moment=data.handed_at)
    unit = f"{data.unit_name} ({data.unit_code})" if data.unit_code else data.unit_name
    story += fields(
        [
            (texts["sender"], data.office.name_in_text, True),
            (texts["sender_officer"], data.sender, False),
            (texts["receiver"], unit, True),
            (texts["when"], when, False),
        ],
        spec,
    )
    rows = [
        [
            str(i),
            r.dossier_code,
            r.applicant_name,
            r.procedure_name,
            short_date(to_local(r.received_at, tz)),
            short_date(to_local(r.appointment_at, tz)) if r.appointment_at else texts["no_appointment"],
        ]
        for i, r in enumerate(data.rows, 1)
    ]

    def table(part: list[list[str]]) -> Flowable:
        widths = [w * mm for w in _WIDTHS]
        return grid_table(
            texts["columns"].split("|"), part, widths, spec, centered=[True, False, False, False, True, True]
        )

    split = len(rows) - keep
    table_end, closing_start = PageProbe(), PageProbe()
    story.append(Spacer(1, 1.5 * mm))
    if split:
        story.append(table(rows[:split]))
    story.append(table_end)
    tail: list[Flowable] = [closing_start]
    if keep:  # these rows start a new page, so they take the header with them
        tail.append(table(rows[split:]))
    tail += [
        Spacer(1, 1.5 * mm),
        para(texts["count"].format(count=f"{len(data.rows):02d}"), st.left),
        para(texts["end"], st.body),
    ]
    signers = [
        Signer(texts["sign_sender"], data.sender, texts["sign_note"]),
        Signer(texts["sign_receiver"], "", texts["sign_note"]),
    ]
    story += closing(signers, spec, tail)
    return finish(story, spec, texts, f"{data.unit_code} {when}"), table_end, closing_start
