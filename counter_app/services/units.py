"""Units: the specialist units (Agency rows) that dossiers are handed to — an admin's work (issue 10).

A unit is never deleted: transfers, control slips and reports name it. Its name is dated
(agency_names, like a field's name): a rename gives it a new name from that instant on, and what a
dossier handed to it earlier showed stays as it was (the transfer event keeps the name of the
moment, unit_name_at tells the name at any instant). A retired unit is left out of the transfer
dialog's choices and refuses new transfers; dossiers already there stay there under its name.
Adding the code of a retired unit again brings that unit back (its code is unique and its past
dossiers point at it), under the name given. Rules: docs/administration.md.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import Agency, AgencyName
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.domain.text import normalize
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.event_log import record
from counter_app.services.setup_spec import UnitSpec, check_unit

MANAGE = "quản lý đơn vị xử lý"
# Sorts before every instant: the name a unit had from the start.
_BEGINNING = datetime.min.replace(tzinfo=UTC)

UnitChange = Literal["added", "reactivated", "unchanged"]


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name: str
    active: bool
    retired_at: datetime | None


def _info(unit: Agency) -> UnitInfo:
    return UnitInfo(unit.code, unit.name, unit.retired_at is None, unit.retired_at)


def list_units(db: Database, *, include_retired: bool = False) -> list[UnitInfo]:
    """The units by name; retired ones only when asked for."""
    with db.read() as session:
        stmt = select(Agency).order_by(Agency.name, Agency.code)
        if not include_retired:
            stmt = stmt.where(Agency.retired_at.is_(None))
        return [_info(unit) for unit in session.execute(stmt).scalars()]


def find_unit(session: Session, code: str) -> Agency | None:
    """The unit of a typed code, whatever its case ("snv" is SNV: one unit, not two)."""
    stmt = select(Agency).where(func.lower(Agency.code) == code.strip().lower())
    return session.execute(stmt).scalar_one_or_none()


def _existing(session: Session, code: str) -> Agency:
    unit = find_unit(session, code)
    if unit is None:
        raise NotFoundError("Không có đơn vị xử lý mã «{code}».", code=code.strip(), field="unit_code")
    return unit


def _checked(code: str, name: str) -> UnitSpec:
    spec = UnitSpec(code.strip(), normalize(name))
    check_unit(spec)
    return spec


def _rename(session: Session, unit: Agency, name: str, now: datetime) -> str:
    """Dated rename; returns the previous name."""
    has_history = session.execute(
        select(AgencyName.id).where(AgencyName.agency_id == unit.id).limit(1)
    ).first()
    if has_history is None:  # a unit made before names were dated: its name so far counts from the start
        session.add(AgencyName(agency_id=unit.id, name=unit.name, valid_from=None))
    session.add(AgencyName(agency_id=unit.id, name=name, valid_from=now))
    previous, unit.name = unit.name, name
    return previous


def add_unit_in(
    session: Session, db: Database, actor: Actor, code: str, name: str, now: datetime
) -> UnitChange:
    """A new unit; "unchanged" (nothing written) when it is already there under that name; a retired
    unit's code brings it back ("reactivated"). Another unit under that code is refused."""
    require_role(actor, Role.ADMIN, MANAGE)
    spec = _checked(code, name)
    unit = find_unit(session, spec.code)
    if unit is None:
        unit = Agency(code=spec.code, name=spec.name)
        session.add(unit)
        session.flush()
        session.add(AgencyName(agency_id=unit.id, name=spec.name, valid_from=None))
        record(session, db, actor, "unit_added", now, payload={"code": spec.code, "name": spec.name})
        return "added"
    if unit.retired_at is not None:
        payload: dict[str, object] = {
            "code": unit.code,
            "name": spec.name,
            "retired_at": unit.retired_at.isoformat(),
        }
        if unit.name != spec.name:
            payload["renamed_from"] = _rename(session, unit, spec.name, now)
        unit.retired_at = None
        record(session, db, actor, "unit_reactivated", now, payload=payload)
        return "reactivated"
    if unit.name != spec.name:
        raise ValidationError(
            "Đã có đơn vị mã «{code}»: «{name}». Để đổi tên, dùng «counter-cli unit rename {code} --name …».",
            code=unit.code,
            name=unit.name,
            field="unit_code",
        )
    return "unchanged"


def add_unit(db: Database, actor: Actor, code: str, name: str, *, now: datetime) -> UnitChange:
    with db.write() as session:
        return add_unit_in(session, db, actor, code, name, now)


def rename_unit_in(session: Session, db: Database, actor: Actor, code: str, name: str, now: datetime) -> bool:
    """The unit's name from ``now`` on; False (nothing written) when it already has that name."""
    require_role(actor, Role.ADMIN, MANAGE)
    unit = _existing(session, code)
    spec = _checked(unit.code, name)
    if unit.name == spec.name:
        return False
    previous = _rename(session, unit, spec.name, now)
    record(
        session,
        db,
        actor,
        "unit_renamed",
        now,
        payload={"code": unit.code, "old": previous, "new": spec.name},
    )
    return True


def rename_unit(db: Database, actor: Actor, code: str, name: str, *, now: datetime) -> bool:
    with db.write() as session:
        return rename_unit_in(session, db, actor, code, name, now)


def retire_unit_in(session: Session, db: Database, actor: Actor, code: str, now: datetime) -> bool:
    """No more transfers to the unit from ``now`` on; False (nothing written) when already retired."""
    require_role(actor, Role.ADMIN, MANAGE)
    unit = _existing(session, code)
    if unit.retired_at is not None:
        return False
    unit.retired_at = now
    record(session, db, actor, "unit_retired", now, payload={"code": unit.code, "name": unit.name})
    return True


def retire_unit(db: Database, actor: Actor, code: str, *, now: datetime) -> bool:
    with db.write() as session:
        return retire_unit_in(session, db, actor, code, now)


def unit_name_at(session: Session, agency_id: uuid.UUID, instant: datetime) -> str:
    """The unit's name in force at ``instant`` (the earliest known before any dated name)."""
    unit = session.get(Agency, agency_id)
    if unit is None:
        raise NotFoundError("Không có đơn vị xử lý này.", field="unit_code")
    names = sorted(
        (
            (valid_from or _BEGINNING, row_id, name)
            for row_id, valid_from, name in session.execute(
                select(AgencyName.id, AgencyName.valid_from, AgencyName.name).where(
                    AgencyName.agency_id == agency_id
                )
            )
        ),
    )
    if not names:
        return unit.name
    chosen = names[0][2]
    for valid_from, _id, name in names:
        if valid_from <= instant:
            chosen = name
    return chosen
