"""The office's layer over the catalogue (docs/office-catalogue.md).

Per procedure, an office decides whether it receives it, the shorter term it publishes ("cắt giảm
thời gian giải quyết") and which of its units handles it. The catalogue itself is never edited: a
newer catalogue replaces it as a whole, and these decisions, keyed by procedure code, stay.
Each change is one transaction with its event (``office_procedure_changed``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import Agency, Dossier, Office, OfficeProcedure, Procedure, ProcedureVersion
from counter_app.domain.appointment import Term, TermUnit
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.event_log import record
from counter_app.services.offices import get_office
from counter_app.services.procedure_terms import terms_for, terms_label, terms_message


@dataclass(frozen=True)
class OfficeProcedureView:
    code: str
    name: str
    enabled: bool
    legal_term: str  # the catalogue's term(s) for the direct channel, e.g. "7 ngày làm việc"
    office_term: str  # the published shorter term, "" when none
    unit_code: str  # "" when none
    legal_terms: tuple[Term, ...] = ()  # the same terms as values (the desktop words them itself)
    shorter: Term | None = None


def _procedure(session: Session, code: str) -> Procedure:
    found = session.execute(select(Procedure).where(Procedure.code == code.strip())).scalar_one_or_none()
    if found is None:
        raise NotFoundError(
            "Không có thủ tục mã «{code}» trong danh mục.", code=code.strip(), field="procedure"
        )
    return found


def _row(session: Session, office: Office, procedure: Procedure, now: datetime) -> OfficeProcedure:
    row = session.execute(
        select(OfficeProcedure).where(
            OfficeProcedure.office_id == office.id, OfficeProcedure.procedure_id == procedure.id
        )
    ).scalar_one_or_none()
    if row is None:
        row = OfficeProcedure(office_id=office.id, procedure_id=procedure.id, enabled=True, updated_at=now)
        session.add(row)
    return row


def settings_of(session: Session, office_id: uuid.UUID, procedure_code: str) -> OfficeProcedure | None:
    """The office's row for a procedure (None: received, legal term, no unit)."""
    return session.execute(
        select(OfficeProcedure)
        .join(Procedure, Procedure.id == OfficeProcedure.procedure_id)
        .where(OfficeProcedure.office_id == office_id, Procedure.code == procedure_code.strip())
    ).scalar_one_or_none()


def office_term(row: OfficeProcedure | None) -> Term | None:
    if row is None or row.term_amount is None or row.term_unit is None:
        return None
    return Term(Decimal(row.term_amount), TermUnit(row.term_unit))


def check_receivable(session: Session, office_id: uuid.UUID, procedure_code: str) -> OfficeProcedure | None:
    """The office's settings, after refusing a procedure the office does not receive."""
    row = settings_of(session, office_id, procedure_code)
    if row is not None and not row.enabled:
        raise ValidationError(
            "Đơn vị không tiếp nhận thủ tục {procedure_code} (đã tắt trong danh mục của đơn vị).",
            procedure_code=procedure_code.strip(),
            field="procedure",
        )
    return row


def effective_terms(
    row: OfficeProcedure | None, version: object, channel: str, case_name: str
) -> tuple[Term, ...]:
    """The published shorter term when the office set one, else the catalogue's terms.

    The shorter term also sets the legal deadline the outcome is judged on: the province publishes
    it in its decision announcing the procedure, so it is the term the office is held to
    (docs/office-catalogue.md)."""
    shorter = office_term(row)
    return (shorter,) if shorter is not None else terms_for(version, channel, case_name)  # type: ignore[arg-type]


def _change(db: Database, actor: Actor, code: str, now: datetime, what: str, apply) -> OfficeProcedureView:  # type: ignore[no-untyped-def]
    require_role(actor, Role.ADMIN, what)
    with db.write() as session:
        office = get_office(session, actor.office_id)
        procedure = _procedure(session, code)
        row = _row(session, office, procedure, now)
        payload = apply(session, row, procedure)
        row.updated_at = now
        session.flush()
        record(
            session,
            db,
            actor,
            "office_procedure_changed",
            now,
            office=office,
            payload={"procedure": procedure.code, **payload},
        )
        return _view(session, procedure, row)


def set_enabled(
    db: Database, actor: Actor, code: str, enabled: bool, *, now: datetime
) -> OfficeProcedureView:
    """Receive (True) or stop receiving (False) a procedure at this office."""

    def apply(_s: Session, row: OfficeProcedure, _p: Procedure) -> dict[str, object]:
        row.enabled = enabled
        return {"enabled": enabled}

    return _change(db, actor, code, now, "bật, tắt thủ tục của đơn vị", apply)


def set_enabled_in(
    session: Session,
    db: Database,
    actor: Actor,
    office: Office,
    procedure: Procedure | str,
    enabled: bool,
    *,
    now: datetime,
) -> bool:
    """set_enabled inside the caller's transaction (the office set-up's); True when it changed.

    Unlike set_enabled, a procedure already so is left alone and no event is written: a set-up
    applied twice writes nothing the second time."""
    require_role(actor, Role.ADMIN, "bật, tắt thủ tục của đơn vị")
    found = _procedure(session, procedure) if isinstance(procedure, str) else procedure
    row = settings_of(session, office.id, found.code)
    if (row.enabled if row is not None else True) == enabled:
        return False
    row = row if row is not None else _row(session, office, found, now)
    row.enabled = enabled
    row.updated_at = now
    session.flush()
    payload = {"procedure": found.code, "enabled": enabled}
    record(session, db, actor, "office_procedure_changed", now, office=office, payload=payload)
    return True


def set_term(
    db: Database, actor: Actor, code: str, amount: Decimal | None, unit: str = "working_day", *, now: datetime
) -> OfficeProcedureView:
    """The office's published shorter term (``amount`` None clears it): same unit as the legal
    term and not longer than it, since a published term can only shorten the law's."""

    def apply(session: Session, row: OfficeProcedure, procedure: Procedure) -> dict[str, object]:
        if amount is None:
            row.term_amount = row.term_unit = None
            return {"term": None}
        shorter = Term(amount, unit)  # type: ignore[arg-type]  # validates amount and unit
        if shorter.unit is TermUnit.NONE:
            raise ValidationError("Thời hạn rút ngắn phải là một thời hạn cụ thể.", field="term")
        version = session.get(ProcedureVersion, procedure.current_version_id)
        legal = [t for t in terms_for(version, "direct") if t.unit is not TermUnit.NONE]  # type: ignore[arg-type]
        if legal and any(t.unit is not shorter.unit for t in legal):
            raise ValidationError(
                "Thời hạn rút ngắn phải cùng đơn vị với thời hạn theo quy định ({legal}).",
                legal=terms_message(legal),
                field="term",
            )
        if legal and shorter.amount > max(t.amount for t in legal):
            raise ValidationError(
                "Thời hạn rút ngắn ({shorter}) dài hơn thời hạn theo quy định ({legal}).",
                shorter=shorter.message,
                legal=terms_message(legal),
                field="term",
            )
        row.term_amount, row.term_unit = shorter.amount, str(shorter.unit)
        return {"term": shorter.label}

    return _change(db, actor, code, now, "đặt thời hạn rút ngắn", apply)


def set_unit(
    db: Database, actor: Actor, code: str, unit_code: str | None, *, now: datetime
) -> OfficeProcedureView:
    """The unit that handles the procedure (the transfer dialog's default); None clears it."""

    def apply(session: Session, row: OfficeProcedure, _p: Procedure) -> dict[str, object]:
        if not unit_code:
            row.unit_id = None
            return {"unit": None}
        unit = session.execute(select(Agency).where(Agency.code == unit_code.strip())).scalar_one_or_none()
        if unit is None:
            raise ValidationError(
                "Không có đơn vị mã «{unit_code}».", unit_code=unit_code.strip(), field="unit"
            )
        row.unit_id = unit.id
        return {"unit": unit.code}

    return _change(db, actor, code, now, "gán đơn vị xử lý thủ tục", apply)


def _view(session: Session, procedure: Procedure, row: OfficeProcedure | None) -> OfficeProcedureView:
    version = session.get(ProcedureVersion, procedure.current_version_id)
    assert version is not None
    unit = session.get(Agency, row.unit_id) if row is not None and row.unit_id else None
    shorter = office_term(row)
    legal = terms_for(version, "direct")
    return OfficeProcedureView(
        code=procedure.code,
        name=version.name,
        enabled=row.enabled if row is not None else True,
        legal_term=terms_label(legal),
        office_term=shorter.label if shorter is not None else "",
        unit_code=unit.code if unit is not None else "",
        legal_terms=legal,
        shorter=shorter,
    )


def show(db: Database, actor: Actor, code: str) -> OfficeProcedureView:
    with db.read() as session:
        office = get_office(session, actor.office_id)
        procedure = _procedure(session, code)
        return _view(session, procedure, settings_of(session, office.id, procedure.code))


def mapped_unit(db: Database, actor: Actor, dossier_codes: list[str]) -> str | None:
    """The unit code the office maps the procedures of these dossiers to, when they all map to the
    same one (the transfer dialog's default); else None."""
    with db.read() as session:
        office = get_office(session, actor.office_id)
        units = session.execute(
            select(OfficeProcedure.unit_id)
            .select_from(Dossier)
            .join(ProcedureVersion, ProcedureVersion.id == Dossier.procedure_version_id)
            .outerjoin(
                OfficeProcedure,
                (OfficeProcedure.procedure_id == ProcedureVersion.procedure_id)
                & (OfficeProcedure.office_id == office.id),
            )
            .where(Dossier.code.in_(dossier_codes))
        ).scalars()
        distinct = set(units)
        if len(distinct) != 1 or None in distinct:
            return None
        unit = session.get(Agency, distinct.pop())
        return unit.code if unit is not None else None


def disabled_codes(db: Database, office_id: uuid.UUID | None) -> set[str]:
    """Codes of the procedures the office does not receive (the receive page leaves them out)."""
    with db.read() as session:
        office = get_office(session, office_id)
        return set(
            session.execute(
                select(Procedure.code)
                .join(OfficeProcedure, OfficeProcedure.procedure_id == Procedure.id)
                .where(OfficeProcedure.office_id == office.id, OfficeProcedure.enabled.is_(False))
            ).scalars()
        )
