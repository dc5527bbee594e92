"""The guide's terms and fees, per channel, as the portal states them (docs/catalog-rules.md).

Every channel is named: channels that say the same are listed together on one line, so a fee or a
term that differs online or by post is never hidden behind the counter's. A term the portal gives
as text is shown in its words; where it is not computable and the procedure states terms per case,
each stated term is listed with its case (the appointment is the latest of them).
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import QCoreApplication

from counter_app.domain.appointment import TERM_UNIT_LABELS, Term, TermUnit
from counter_app.domain.lifecycle import CHANNEL_LABELS, Channel
from counter_app.services.catalog_format import ChannelRecord, ProcedureRecord
from counter_app.services.procedure_terms import stated_terms
from counter_app.services.slips.common import portal_words
from counter_app.ui.i18n import domain_label


def term_words(term: Term) -> str:
    """ "3 ngày làm việc", "trong ngày" — in the interface's language."""
    unit = domain_label(TERM_UNIT_LABELS[term.unit])
    if term.unit in (TermUnit.SAME_DAY, TermUnit.NONE):
        return unit
    return f"{format(term.amount.normalize(), 'f').replace('.', ',')} {unit}"


def terms_words(terms: tuple[Term, ...] | list[Term]) -> str:
    """ "1 ngày làm việc hoặc 1 ngày": several terms may apply, the appointment takes the latest."""
    joiner = QCoreApplication.translate("GuidePage", "hoặc")
    return (" " + joiner + " ").join(term_words(t) for t in terms)


def channel_name(channel: str) -> str:
    return domain_label(CHANNEL_LABELS[Channel(channel)])


def _by_text(items: list[tuple[str, str]]) -> list[str]:
    """ "<b>Trực tiếp, Trực tuyến:</b> text" — channels saying the same thing share one line."""
    grouped: dict[str, list[str]] = {}
    for channel, text in items:
        grouped.setdefault(text, []).append(channel)
    return [f"<b>{escape(', '.join(channels))}:</b> {text}" for text, channels in grouped.items()]


def _channel_term(record: ProcedureRecord, channel: ChannelRecord, case_name: str) -> str:
    words = escape(portal_words(channel.description))
    if channel.unit != TermUnit.NONE:
        text = f"<b>{escape(term_words(Term(Decimal(channel.amount), TermUnit(channel.unit))))}</b>"
        return f"{text} <span style='color:#5f6368'>({words})</span>" if words else text
    text = words or escape(QCoreApplication.translate("GuidePage", "Không hẹn ngày trả kết quả"))
    stated = stated_terms(record, case_name) if record.case_terms else []
    if not stated:
        return text
    general = QCoreApplication.translate("GuidePage", "Trường hợp chung")
    lines = "".join(
        f"<li><b>{escape(term_words(term))}</b> — {escape(name or general)}</li>" for name, term in stated
    )
    if len({term for _, term in stated}) > 1:  # they disagree: the appointment takes the latest
        rule = QCoreApplication.translate(
            "GuidePage", "Thời hạn nêu theo từng trường hợp (hẹn trả theo thời hạn dài nhất):"
        )
    else:
        rule = QCoreApplication.translate("GuidePage", "Thời hạn nêu theo trường hợp:")
    return f"{text}<br>{escape(rule)}<ul style='margin:0'>{lines}</ul>"


def terms_html(record: ProcedureRecord, case_name: str) -> str:
    lines = _by_text(
        [(channel_name(c.channel), _channel_term(record, c, case_name)) for c in record.channels]
    )
    return "<br>".join(lines) or escape(QCoreApplication.translate("GuidePage", "Không ghi thời hạn."))


def money(amount: int) -> str:
    return QCoreApplication.translate("GuidePage", "{0} đồng").format(f"{amount:,}".replace(",", "."))


def _fee_lines(channel: ChannelRecord) -> str:
    lines: list[str] = []
    for fee in channel.fees:
        amount = fee.get("amount_vnd")
        description = escape(" ".join(str(fee.get("description") or "").split()))
        paid = isinstance(amount, int) and amount > 0
        if not paid and not description:
            continue  # 0 with no words: nothing to pay, said once below
        line = f"<b>{escape(money(amount))}</b>" if paid else ""  # type: ignore[arg-type]
        line = " — ".join(x for x in (line, description) if x)
        if line not in lines:
            lines.append(line)
    if not lines:
        return escape(QCoreApplication.translate("GuidePage", "Không thu phí, lệ phí."))
    return "<ul style='margin:0'>" + "".join(f"<li>{x}</li>" for x in lines) + "</ul>"


def fees_html(record: ProcedureRecord) -> str:
    lines = _by_text([(channel_name(c.channel), _fee_lines(c)) for c in record.channels])
    return "<br>".join(lines) or escape(QCoreApplication.translate("GuidePage", "Không thu phí, lệ phí."))
