"""Pieces shared by the letter-like slips (forms 02–06, result receipt, hand-over list).

On top of ``layout``: picking a wording version, the header with "Số" and the place-and-date line,
the applicant lines, a "Label: value" list, the opening and the signed end of the letters to the
applicant about a received dossier (forms 04 and 05), and the final build with a footer naming the slip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Protocol

from reportlab.platypus import Flowable, Spacer

from counter_app.documents.fonts import BOLD, REGULAR
from counter_app.documents.keep import keep_with_signatures
from counter_app.documents.layout import (
    SPECS,
    FooterMark,
    PageSpec,
    Signer,
    build_pdf,
    label_value,
    page_header,
    para,
    rich,
    signature_block,
    styles_for,
    title,
)
from counter_app.documents.slip_data import ApplicantInfo, OfficeInfo, WordingOverride
from counter_app.documents.vnformat import long_date, place_date, to_local

A4 = SPECS["a4"]
BLANK = "……"

# Wording shared by every form version of the letter-like slips; each slip's table overrides or adds.
COMMON_TEXTS: dict[str, str] = {
    "number": "Số: {number}",
    "applicant": "Họ và tên: Ông/Bà",
    "addressee": "Kính gửi: Ông/Bà",
    "id_number": "Số định danh cá nhân:",
    "address": "Địa chỉ:",
    "phone": "Số điện thoại:",
    "email": "Email:",
    "code": "Mã hồ sơ:",
    "content": "Nội dung yêu cầu giải quyết:",
    "case": "Trường hợp:",
    "sign_note": "(Ký, ghi rõ họ tên)",
    "head_note": "(Ký, ghi rõ họ tên, đóng dấu)",
}


def wording(
    table: Mapping[str, Mapping[str, str]], version: str, what: str, overrides: Iterable[WordingOverride] = ()
) -> dict[str, str]:
    """The wording of ``version`` of a slip (common texts first, then the province's ``overrides``
    stated in the slip's data); unknown versions fail clearly."""
    try:
        own = table[version]
    except KeyError:
        raise ValueError(f"unknown {what} form version {version!r}; known: {sorted(table)}") from None
    return {**COMMON_TEXTS, **own, **{o.key: o.text for o in overrides}}


def header(
    office: OfficeInfo, spec: PageSpec, texts: Mapping[str, str], number: str | None, moment: datetime
) -> list[Flowable]:
    """Agency | Quốc hiệu–Tiêu ngữ, "Số: …" and the date line.

    An empty number leaves the form's blank to be filled in by hand; None omits the line.
    """
    local = to_local(moment, office.timezone)
    return page_header(
        office,
        spec,
        number_text=None if number is None else texts["number"].format(number=number or BLANK),
        date_text=place_date(office.place, local),
    )


def opening(
    office: OfficeInfo,
    spec: PageSpec,
    texts: Mapping[str, str],
    *,
    footer: str,
    number: str | None,
    moment: datetime,
    subtitle: str | None = None,
) -> list[Flowable]:
    """Footer mark, header and title: how every slip here starts."""
    story: list[Flowable] = [FooterMark(footer)]
    story += header(office, spec, texts, number, moment)
    story += title(texts["title"], spec, subtitle=subtitle)
    story.append(Spacer(1, styles_for(spec).body.fontSize * 0.5))
    return story


def applicant_lines(
    applicant: ApplicantInfo, spec: PageSpec, texts: Mapping[str, str], *, name_key: str = "applicant"
) -> list[Flowable]:
    """Name (bold), then ID number, address and "phone; email" when known."""
    st = styles_for(spec)
    out: list[Flowable] = [label_value(texts[name_key], applicant.full_name, st.left, bold=True)]
    if applicant.id_number:
        out.append(label_value(texts["id_number"], applicant.id_number, st.left))
    if applicant.address:
        out.append(label_value(texts["address"], applicant.address, st.left))
    contact = ((texts["phone"], applicant.phone), (texts["email"], applicant.email))
    if line := "; ".join(f"{label} {value}" for label, value in contact if value):
        out.append(para(line, st.left))
    return out


def addressee(applicant: ApplicantInfo, spec: PageSpec, texts: Mapping[str, str]) -> list[Flowable]:
    """'Kính gửi: Ông/Bà …' centred, with the address under it (letters signed by the head)."""
    st = styles_for(spec)
    out: list[Flowable] = [label_value(texts["addressee"], applicant.full_name, st.center, bold=True)]
    if applicant.address:
        out.append(para(f"{texts['address']} {applicant.address}", st.italic_center))
    out.append(Spacer(1, st.body.fontSize * 0.5))
    return out


def fields(pairs: Sequence[tuple[str, str, bool]], spec: PageSpec) -> list[Flowable]:
    """'Label: value' lines; the flag makes the value bold. Pairs with an empty value are skipped."""
    st = styles_for(spec)
    return [label_value(label, value, st.left, bold=bold) for label, value, bold in pairs if value]


def paragraph(text: str, spec: PageSpec, *, bold_parts: Sequence[str] = ()) -> Flowable:
    """A justified body paragraph; the given substrings are set in bold (code, dates, names)."""
    st = styles_for(spec)
    runs: list[tuple[str, str]] = [(text, REGULAR)]
    for part in bold_parts:
        if not part:
            continue
        split: list[tuple[str, str]] = []
        for chunk, font in runs:
            if font != REGULAR or part not in chunk:
                split.append((chunk, font))
                continue
            before, _, after = chunk.partition(part)
            split += [(before, REGULAR), (part, BOLD), (after, REGULAR)]
        runs = [(c, f) for c, f in split if c]
    return rich(runs, st.body)


def closing(signers: Sequence[Signer], spec: PageSpec, before: Sequence[Flowable] = ()) -> list[Flowable]:
    """The last paragraphs and the signatures, the signatures never alone on a page (``keep``)."""
    space = Spacer(1, styles_for(spec).body.fontSize * 0.6)
    return keep_with_signatures([*before, space], [signature_block(signers, spec)], spec)


class DossierLetter(Protocol):
    """What a letter to the applicant about a received dossier carries (forms 04 and 05)."""

    @property
    def office(self) -> OfficeInfo: ...
    @property
    def applicant(self) -> ApplicantInfo: ...
    @property
    def dossier_code(self) -> str: ...
    @property
    def procedure_name(self) -> str: ...
    @property
    def received_at(self) -> datetime: ...
    @property
    def slip_number(self) -> str: ...


def letter_opening(
    data: DossierLetter,
    spec: PageSpec,
    texts: Mapping[str, str],
    *,
    footer: str,
    moment: datetime,
    subtitle: str | None = None,
) -> list[Flowable]:
    """How a letter about a received dossier starts: ``opening`` (header dated ``moment``, title),
    "Kính gửi: Ông/Bà …", then the wording's ``received`` sentence — the day it was received, by
    whom, its code and content (both bold)."""
    story = opening(
        data.office, spec, texts, footer=footer, number=data.slip_number, moment=moment, subtitle=subtitle
    )
    story += addressee(data.applicant, spec, texts)
    received = long_date(to_local(data.received_at, data.office.timezone)).removeprefix("ngày ")
    code, content = data.dossier_code, data.procedure_name
    sentence = texts["received"].format(
        date=received, unit=data.office.name_in_text, code=code, content=content
    )
    story.append(paragraph(sentence, spec, bold_parts=[code, content]))
    return story


def signed_by_head(
    office: OfficeInfo, spec: PageSpec, texts: Mapping[str, str], before: Sequence[Flowable]
) -> list[Flowable]:
    """How such a letter ends: ``before``, the hotline when the office has one, and the head of the
    agency's signature (the office's signatory) in the right-hand column."""
    tail = list(before)
    if office.hotline:
        tail.append(paragraph(texts["contact"].format(hotline=office.hotline), spec))
    head = Signer(office.signatory_title or texts["sign_head"], office.signatory_name, texts["head_note"])
    return closing([Signer(""), head], spec, tail)


class PageProbe(Flowable):
    """Zero-size marker that remembers the page it was drawn on (to check a layout after building)."""

    def __init__(self) -> None:
        super().__init__()
        self.page = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.page = self.canv.getPageNumber()


def keeping_rows(
    render: Callable[[int], tuple[bytes, PageProbe, PageProbe]], rows: int, keep: int = 3
) -> bytes:
    """Render a slip whose table is followed by a closing block with signatures.

    ``render(k)`` lays the slip out with the table's last ``k`` rows moved into the closing block and
    returns the PDF with two probes: after the table and at the start of the closing block. When the
    closing block would start a page of its own (a signed page that could be put under another list),
    the slip is laid out again with its last rows taken along (they then start that page, header first).
    """
    pdf, table_end, closing_start = render(0)
    if rows and closing_start.page != table_end.page:
        pdf, _, _ = render(min(keep, rows))
    return pdf


def finish(story: list[Flowable], spec: PageSpec, texts: Mapping[str, str], subject: str) -> bytes:
    return build_pdf(story, spec, title=texts["title"].replace("\n", " "), subject=subject)
