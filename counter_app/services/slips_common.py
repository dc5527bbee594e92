"""Shared by the slip builders: the ``Built`` result, keys, office/applicant identity, fees and terms."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from counter_app.db.models import Applicant, Dossier, Event, Office, ProcedureVersion, User
from counter_app.documents.model import ApplicantInfo, FeeLine, OfficeInfo
from counter_app.domain.appointment import Term, TermUnit
from counter_app.domain.dossier_code import parse_code
from counter_app.domain.errors import ValidationError

FORM_VERSION = "2025"
COUNTER_RETURN = "Tại Bộ phận Một cửa"
POSTAL_RETURN = "Qua dịch vụ bưu chính công ích: {address}"


@dataclass(frozen=True)
class Built:
    data: Any
    key: str  # how the slip is found again (dossier code, intake id, date range …)
    stem: str  # file name before "-<kind>-<layout>.pdf"
    office: Office
    basis: str | None  # None: every print is a new slip (guidance)
    dossier: Dossier | None = None


def office_info(office: Office) -> OfficeInfo:
    """Identity printed on the slips: the unit's name upper-cased in the header, as written in text."""
    return OfficeInfo(
        governing_body=office.governing_body.upper(),
        unit_name=office.name.upper(),
        place=office.place,
        address=office.address,
        hotline=office.hotline,
        signatory_name=office.signatory_name,
        signatory_title=office.signatory_title.upper(),
        timezone=office.timezone,
        name=office.name,
    )


def applicant_info(a: Applicant) -> ApplicantInfo:
    return ApplicantInfo(a.full_name, a.id_number or "", a.address or "", a.phone or "", a.email or "")


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
    by_channel = {t.channel: t for t in version.channels}
    term = by_channel.get(channel) or by_channel.get("direct")
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


def term_text(amount: object, unit: str, description: str) -> str:
    """'7 ngày làm việc', or the catalogue's own words when the term cannot be computed."""
    if unit == TermUnit.NONE:
        return description or "Không hẹn ngày trả kết quả"
    label = Term(amount, TermUnit(unit)).label  # type: ignore[arg-type]
    return f"{label} ({description})" if description else label
