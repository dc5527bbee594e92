"""The office's printed identity as it was at an instant (the rows of office_profiles).

Kept apart from services/office_profile.py so that services/offices.py (which writes an office's
first row) and the slip builders can use it without importing the administration services.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.models import Office, OfficeProfileRecord
from counter_app.documents.slip_data import OfficeInfo

# What a slip prints about the office: a change of any of these is dated (a new row).
PRINTED_FIELDS = (
    "name",
    "governing_body",
    "place",
    "address",
    "hotline",
    "email",
    "signatory_name",
    "signatory_title",
    "province",
    "level",
)
# Sorts before every instant: the identity the office had from the start.
_BEGINNING = datetime.min.replace(tzinfo=UTC)


def add_profile_record(session: Session, office: Office, valid_from: datetime | None) -> None:
    """Record the office's current printed identity as in force from ``valid_from`` (None: the start)."""
    values = {name: getattr(office, name) or "" for name in PRINTED_FIELDS}
    session.add(OfficeProfileRecord(office_id=office.id, valid_from=valid_from, **values))


def has_profile_records(session: Session, office: Office) -> bool:
    found = select(OfficeProfileRecord.id).where(OfficeProfileRecord.office_id == office.id).limit(1)
    return session.execute(found).first() is not None


def printed_at(session: Session, office: Office, instant: datetime) -> dict[str, str]:
    """The printed fields in force at ``instant``; the earliest known before any row (as field
    names do), the office's current values when it has no row at all."""
    records = session.execute(
        select(OfficeProfileRecord).where(OfficeProfileRecord.office_id == office.id)
    ).scalars()
    # Two changes at the same instant: the later row (uuid7 ids grow with time) wins.
    ordered = sorted(records, key=lambda r: (r.valid_from or _BEGINNING, r.id))
    if not ordered:
        return {name: getattr(office, name) or "" for name in PRINTED_FIELDS}
    chosen = ordered[0]
    for record in ordered:
        if (record.valid_from or _BEGINNING) <= instant:
            chosen = record
    return {name: getattr(chosen, name) for name in PRINTED_FIELDS}


def info_of(office: Office, values: dict[str, str]) -> OfficeInfo:
    """The slips' OfficeInfo: the unit's name upper-cased in the header, as written in text."""
    return OfficeInfo(
        governing_body=values["governing_body"].upper(),
        unit_name=values["name"].upper(),
        place=values["place"],
        address=values["address"],
        hotline=values["hotline"],
        signatory_name=values["signatory_name"],
        signatory_title=values["signatory_title"].upper(),
        timezone=office.timezone,
        name=values["name"],
    )


def profile_at(session: Session, office: Office, instant: datetime) -> OfficeInfo:
    """What a slip of an act done at ``instant`` prints about the office."""
    return info_of(office, printed_at(session, office, instant))
