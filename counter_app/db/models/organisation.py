"""Offices, agencies, users and the office calendar: who works where, and when."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy.orm import Mapped

from counter_app.db.base import Base
from counter_app.db.tables.organisation import (
    agencies,
    agency_names,
    calendar_baseline,
    calendar_overrides,
    form_wordings,
    login_throttle,
    office_profiles,
    offices,
    users,
)


class Office(Base):
    """A receiving unit (Bộ phận Một cửa of a centre, branch or commune)."""

    __table__ = offices
    id: Mapped[uuid.UUID]
    name: Mapped[str]
    identifier_code: Mapped[str]
    governing_body: Mapped[str]
    place: Mapped[str]
    address: Mapped[str]
    hotline: Mapped[str]
    email: Mapped[str]
    signatory_name: Mapped[str]
    signatory_title: Mapped[str]
    province: Mapped[str]
    level: Mapped[str]
    timezone: Mapped[str]
    time_policy: Mapped[str]
    sessions: Mapped[dict[str, list[list[str]]] | None]
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]


class OfficeProfileRecord(Base):
    """The office's printed identity from ``valid_from`` (None: from the start) until its next row.

    The Office row holds the current values; these rows keep what a slip issued at an earlier
    instant printed (services/office_profile.profile_at).
    """

    __table__ = office_profiles
    id: Mapped[uuid.UUID]
    office_id: Mapped[uuid.UUID]
    valid_from: Mapped[datetime | None]
    name: Mapped[str]
    governing_body: Mapped[str]
    place: Mapped[str]
    address: Mapped[str]
    hotline: Mapped[str]
    email: Mapped[str]
    signatory_name: Mapped[str]
    signatory_title: Mapped[str]
    province: Mapped[str]
    level: Mapped[str]


class Agency(Base):
    """A competent authority or specialist unit a dossier is handed to."""

    __table__ = agencies
    id: Mapped[uuid.UUID]
    code: Mapped[str]
    name: Mapped[str]
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    retired_at: Mapped[datetime | None]


class AgencyName(Base):
    """A unit's name from ``valid_from`` (None: from the start) until its next AgencyName."""

    __table__ = agency_names
    id: Mapped[uuid.UUID]
    agency_id: Mapped[uuid.UUID]
    name: Mapped[str]
    valid_from: Mapped[datetime | None]


class User(Base):
    __table__ = users
    id: Mapped[uuid.UUID]
    username: Mapped[str]
    full_name: Mapped[str]
    role: Mapped[str]
    office_id: Mapped[uuid.UUID | None]
    password_hash: Mapped[str]
    active: Mapped[bool]
    must_change_password: Mapped[bool]


class LoginThrottle(Base):
    """Recent log-in failures under one typed name (folded), whether an account has it or not, and
    the lock they caused (counter_app.domain.login_guard). A name's row goes at its next success."""

    __table__ = login_throttle
    username_key: Mapped[str]
    failures: Mapped[list[str]]
    last_failure_at: Mapped[datetime]
    locked_until: Mapped[datetime | None]


class CalendarOverride(Base):
    """An office's own exception to the national calendar: an extra day off or working day."""

    __table__ = calendar_overrides
    id: Mapped[uuid.UUID]
    office_id: Mapped[uuid.UUID]
    day: Mapped[date]
    kind: Mapped[str]
    note: Mapped[str]


class CalendarBaseline(Base):
    """The province's calendar decisions every office follows unless it decides otherwise: an extra
    day off or working day (a holiday moved, a provincial day off). At the province it is edited;
    at an office it is what the province's last baseline bundle said (docs/exchange.md). Below the
    office's own ``calendar_overrides``, above the national holidays."""

    __table__ = calendar_baseline
    day: Mapped[date]
    kind: Mapped[str]
    note: Mapped[str]
    changed_at: Mapped[datetime]


class FormWording(Base):
    """A text of a slip's form as the province words it (an address line, a note, a heading): over
    the wording version the code carries. At the province it is edited; at an office it is what
    the province's last baseline bundle said. A slip issued states these in its data, so its
    re-print reads what was issued (services/form_wording.py, docs/exchange.md)."""

    __table__ = form_wordings
    kind: Mapped[str]
    key: Mapped[str]
    text: Mapped[str]
    changed_at: Mapped[datetime]
