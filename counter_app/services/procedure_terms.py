"""Which term(s) set a dossier's appointment: its channel's, or those the portal states per case.

A channel whose term cannot be computed (the portal says OTHER, or gives text) falls back to the
terms stated for the procedure's named cases; a stated case whose name matches the chosen intake
case decides alone, otherwise every stated term counts and the appointment is the latest they
allow (docs/catalog-rules.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from counter_app.domain.appointment import Term, TermUnit
from counter_app.domain.errors import Message
from counter_app.domain.text import search_key


class _ChannelTerm(Protocol):
    # Read-only: the ORM's ChannelTerm (amount a Decimal) and the catalogue's ChannelRecord both fit.
    @property
    def channel(self) -> str: ...

    @property
    def amount(self) -> Decimal | str: ...

    @property
    def unit(self) -> str: ...


class _HasTerms(Protocol):
    @property
    def channels(self) -> Sequence[_ChannelTerm]: ...

    @property
    def case_terms(self) -> Sequence[dict[str, str]]: ...


NO_TERM = Term(Decimal(0), TermUnit.NONE)


def channel_term(version: _HasTerms, channel: str) -> Term:
    """The term of ``channel`` (of a stored version or an imported record), falling back to the
    direct one, else no appointment."""
    by_channel = {t.channel: t for t in version.channels}
    term = by_channel.get(channel) or by_channel.get("direct")
    return NO_TERM if term is None else Term(Decimal(term.amount), TermUnit(term.unit))


def _same_case(stated: str, chosen: str) -> bool:
    a, b = search_key(stated), search_key(chosen)
    return bool(a and b) and (a == b or (min(len(a), len(b)) >= 12 and (a in b or b in a)))


def stated_terms(version: _HasTerms, case_name: str) -> list[tuple[str, Term]]:
    """The portal's per-case terms that apply to ``case_name``, as (stated case name, term): the
    ones stated for that very case, else all of them."""
    stated = [(t["name"], Term(Decimal(t["amount"]), TermUnit(t["unit"]))) for t in version.case_terms]
    return [(n, t) for n, t in stated if _same_case(n, case_name)] or stated


def terms_for(version: _HasTerms, channel: str, case_name: str = "") -> tuple[Term, ...]:
    """The terms that set the appointment of a dossier of ``case_name`` received on ``channel``."""
    own = channel_term(version, channel)
    if own.unit is not TermUnit.NONE or not version.case_terms:
        return (own,)
    return tuple(dict.fromkeys(term for _, term in stated_terms(version, case_name)))


def terms_label(terms: Sequence[Term]) -> str:
    """ "3 ngày làm việc", or "1 ngày làm việc hoặc 1 ngày" when several terms may apply."""
    return " hoặc ".join(t.label for t in terms)


def terms_message(terms: Sequence[Term]) -> Message:
    """``terms_label`` inside a message (translatable, see ``Term.message``)."""
    found = terms[0].message
    for term in terms[1:]:
        found = Message("{terms} hoặc {term}", terms=found, term=term.message)
    return found
