"""Shared by the slip builders: the ``Built`` result, keys, office/applicant identity, fees and terms."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from counter_app.db.models import Applicant, Dossier, Event, Office, ProcedureVersion, User
from counter_app.documents.slip_data import ApplicantInfo, FeeLine, OfficeInfo
from counter_app.domain.appointment import Term, TermUnit
from counter_app.domain.dossier_code import parse_code
from counter_app.domain.errors import ValidationError
from counter_app.services.office_history import PRINTED_FIELDS, info_of, profile_at
from counter_app.services.procedure_terms import terms_for, terms_label

FORM_VERSION = "2025"
COUNTER_RETURN = "Tại Bộ phận Một cửa"
POSTAL_RETURN = "Qua dịch vụ bưu chính công ích: {address}"
NO_TERM_TEXT = "Không hẹn ngày trả kết quả"
# "0 không hẹn": a zero amount printed before the label of a term that has no amount at all.
_ZERO_NO_TERM = re.compile(r"(?<![\d.,])0+(?:[.,]0+)?\s+(?=không hẹn)", re.IGNORECASE)
_BARE_NO_TERM = re.compile(r"\s*(?:0+(?:[.,]0+)?\s+)?không hẹn\s*", re.IGNORECASE)
_ONE_DIGIT = re.compile(r"(?<![\d.,])(\d)(?=\s)")


@dataclass(frozen=True)
class Built:
    data: Any
    key: str  # how the slip is found again (dossier code, intake id, date range …)
    stem: str  # file name before "-<kind>-<layout>.pdf"
    office: Office
    basis: str | None  # None: every print is a new slip (guidance)
    dossier: Dossier | None = None


def office_info(office: Office, at: datetime | None = None) -> OfficeInfo:
    """Identity printed on the slips: the unit's name upper-cased in the header, as written in text.

    ``at``: the instant of the act the slip records — the identity in force then is printed, so a
    slip issued again after the office moved shows the address it showed at first
    (docs/administration.md). None: the current identity (reports printed now).
    """
    session = object_session(office)
    if at is None or session is None:
        return info_of(office, {name: getattr(office, name) or "" for name in PRINTED_FIELDS})
    return profile_at(session, office, at)


def applicant_info(a: Applicant) -> ApplicantInfo:
    return ApplicantInfo(a.full_name, a.id_number or "", a.address or "", a.phone or "", a.email or "")


def snapshot_info(payload: object) -> ApplicantInfo | None:
    """The applicant an intake's event keeps (``applicants.applicant_snapshot``), or None."""
    found = payload.get("applicant") if isinstance(payload, dict) else None
    if not isinstance(found, dict) or not found.get("full_name"):
        return None
    return ApplicantInfo(
        str(found["full_name"]),
        str(found.get("id_number") or ""),
        str(found.get("address") or ""),
        str(found.get("phone") or ""),
        str(found.get("email") or ""),
    )


def applicant_as_received(session: Session, dossier: Dossier) -> ApplicantInfo:
    """Who the dossier was received from, as its creation event keeps it (issue 14): a later intake
    of the same person updates the shared applicant row, never this dossier's slips. A dossier
    received before the events kept the applicant prints the row."""
    payload = session.execute(
        select(Event.payload)
        .where(Event.dossier_id == dossier.id, Event.kind.in_(("received", "refused")))
        .limit(1)
    ).scalar_one_or_none()
    return snapshot_info(payload) or applicant_info(dossier.applicant)


def user_name(session: Session, user_id: uuid.UUID | None, fallback: str = "") -> str:
    user = session.get(User, user_id) if user_id is not None else None
    return user.full_name if user is not None else fallback


def actor_name(session: Session, event: Event) -> str:
    """Full name of who did ``event`` (a system action has no printed name: the line is signed by hand)."""
    return user_name(session, event.actor_id)


@dataclass(frozen=True)
class GuideKey:
    """A guidance slip is printed for a procedure's case, with no dossier."""

    procedure_code: str
    case_no: int = 1

    def __str__(self) -> str:
        return f"{self.procedure_code.strip()}#{self.case_no}"


@dataclass(frozen=True)
class DateRange:
    """Office-local days, both included (the register)."""

    start: date
    end: date

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


@dataclass(frozen=True)
class HandoverKey:
    """A batch of dossiers handed to a unit."""

    unit_code: str
    codes: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.unit_code.strip()}:{','.join(self.codes)}"


def dossier_key(key: object) -> str:
    """The canonical form of a dossier code typed or scanned (ValidationError if it is not one)."""
    if not isinstance(key, str):
        raise ValidationError("Cần một mã hồ sơ.", field="key")
    return str(parse_code(key))


def fee_lines(version: ProcedureVersion, channel: str) -> tuple[FeeLine, ...]:
    """Fees of the channel (else the direct one): zero fees without any text are left out ("Không")."""
    term = _channel_row(version, channel)
    out: list[FeeLine] = []
    for fee in term.fees if term is not None else []:
        amount = fee.get("amount_vnd")
        text = str(fee.get("description") or "").strip()
        if text:
            line = FeeLine(text, int(amount) if isinstance(amount, int) and amount > 0 else None)
        elif isinstance(amount, int) and amount > 0:
            line = FeeLine("Phí, lệ phí" if fee.get("kind") != "FEE" else "Lệ phí", amount)
        else:
            continue
        if line not in out:
            out.append(line)
    return tuple(out)


def portal_words(text: str) -> str:
    """A term's own wording, without the "0 " that a term with no amount may have been given."""
    return _ZERO_NO_TERM.sub("", " ".join(text.split()))


def term_text(amount: object, unit: str, description: str) -> str:
    """'7 ngày làm việc', or the catalogue's own words when the term cannot be computed."""
    words = portal_words(description)
    if unit == TermUnit.NONE:
        return words or NO_TERM_TEXT
    label = Term(amount, TermUnit(unit)).label  # type: ignore[arg-type]
    return f"{label} ({words})" if words else label


def _channel_row(version: ProcedureVersion, channel: str) -> Any:
    by_channel = {t.channel: t for t in version.channels}
    return by_channel.get(channel) or by_channel.get("direct")


def legal_term_text(version: ProcedureVersion, channel: str, case_name: str, stored: object) -> str:
    """Item 3 of the receipt: the legal term, "07 ngày làm việc", or the portal's words.

    The term recorded when the dossier was received comes first (it is what the citizen was
    told). Dossiers recorded without one (made by the demo, or before terms were recorded), and
    those whose term had no amount ("không hẹn"), take it from the procedure version the dossier
    was received under: its computable terms for the channel and case, else the channel's own
    words, since "không hẹn" says nothing about how long the office may take.
    """
    text = portal_words(str(stored or ""))
    if text and not _BARE_NO_TERM.fullmatch(text):
        return two_digits(text)
    computable: Sequence[Term] = [
        t for t in terms_for(version, channel, case_name) if t.unit is not TermUnit.NONE
    ]
    if computable:
        return two_digits(terms_label(computable))
    row = _channel_row(version, channel)
    return portal_words(row.description if row is not None else "") or NO_TERM_TEXT


def two_digits(text: str) -> str:
    """'7 ngày làm việc' → '07 ngày làm việc': counts on forms take two digits ('0,5' stays)."""
    return _ONE_DIGIT.sub(r"0\1", text)
