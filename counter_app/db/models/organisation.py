"""Offices, agencies, users and the office calendar: who works where, and when."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.base import Base, IdMixin, UTCDateTime


class Office(IdMixin, Base):
    """A receiving unit (Bộ phận Một cửa of a centre, branch or commune)."""

    __tablename__ = "offices"

    name: Mapped[str] = mapped_column(String(300))
    # Mã định danh điện tử (QĐ 20/2020/QĐ-TTg), the first part of every dossier code.
    identifier_code: Mapped[str] = mapped_column(String(40), unique=True)
    governing_body: Mapped[str] = mapped_column(String(300), default="")
    place: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    hotline: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    signatory_name: Mapped[str] = mapped_column(String(200), default="")
    signatory_title: Mapped[str] = mapped_column(String(200), default="")
    # One of the 34 provinces (domain/provinces.PROVINCES_2025) and setup_spec.OFFICE_LEVELS' key.
    province: Mapped[str] = mapped_column(String(100), default="", server_default="")
    level: Mapped[str] = mapped_column(String(30), default="", server_default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Ho_Chi_Minh")
    # "hours" (N × working-day length inside sessions) or "days" (civil-code whole days).
    time_policy: Mapped[str] = mapped_column(String(10), default="hours")
    # {"0": [["07:30","11:30"],["13:30","17:00"]], ...} weekday → sessions; null = default.
    sessions: Mapped[dict[str, list[list[str]]] | None] = mapped_column(JSON, nullable=True)
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)


class OfficeProfileRecord(IdMixin, Base):
    """The office's printed identity from ``valid_from`` (None: from the start) until its next row.

    The Office row holds the current values; these rows keep what a slip issued at an earlier
    instant printed (services/office_profile.profile_at).
    """

    __tablename__ = "office_profiles"

    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offices.id"), index=True)
    valid_from: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    name: Mapped[str] = mapped_column(String(300))
    governing_body: Mapped[str] = mapped_column(String(300), default="")
    place: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    hotline: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    signatory_name: Mapped[str] = mapped_column(String(200), default="")
    signatory_title: Mapped[str] = mapped_column(String(200), default="")
    province: Mapped[str] = mapped_column(String(100), default="")
    level: Mapped[str] = mapped_column(String(30), default="")


class Agency(IdMixin, Base):
    """A competent authority or specialist unit a dossier is handed to."""

    __tablename__ = "agencies"

    code: Mapped[str] = mapped_column(String(60), unique=True)
    # The current name; AgencyName keeps the earlier ones with their dates.
    name: Mapped[str] = mapped_column(String(300))
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    # An instant, not valid_to's office-local day: a unit retired at 14:00 still received the
    # dossiers handed to it that morning, and every other dated change here is an instant too.
    # valid_to stays as it was (nothing sets or reads it).
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AgencyName(IdMixin, Base):
    """A unit's name from ``valid_from`` (None: from the start) until its next AgencyName."""

    __tablename__ = "agency_names"

    agency_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agencies.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    valid_from: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class User(IdMixin, Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    # officer | supervisor | admin | auditor
    role: Mapped[str] = mapped_column(String(20))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("offices.id"), nullable=True)
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # A one-time password (new user, reset by an admin) is replaced at the next log-in.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class LoginThrottle(Base):
    """Recent log-in failures under one typed name (folded), whether an account has it or not, and
    the lock they caused (counter_app.domain.login_guard). A name's row goes at its next success."""

    __tablename__ = "login_throttle"

    username_key: Mapped[str] = mapped_column(String(60), primary_key=True)
    # ISO instants of the failures within the window, oldest first (at most 4: the 5th locks).
    failures: Mapped[list[str]] = mapped_column(JSON, default=list)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class CalendarOverride(IdMixin, Base):
    """An office's own exception to the national calendar: an extra day off or working day."""

    __tablename__ = "calendar_overrides"
    __table_args__ = (UniqueConstraint("office_id", "day"),)

    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offices.id"))
    day: Mapped[date] = mapped_column(Date)
    # "off" or "work"
    kind: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(String(300), default="")


class CalendarBaseline(Base):
    """The province's calendar decisions every office follows unless it decides otherwise: an extra
    day off or working day (a holiday moved, a provincial day off). At the province it is edited;
    at an office it is what the province's last baseline bundle said (docs/exchange.md). Below the
    office's own ``calendar_overrides``, above the national holidays."""

    __tablename__ = "calendar_baseline"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    # "off" or "work"
    kind: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(String(300), default="")
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FormWording(Base):
    """A text of a slip's form as the province words it (an address line, a note, a heading): over
    the wording version the code carries. At the province it is edited; at an office it is what
    the province's last baseline bundle said. A slip issued states these in its data, so its
    re-print reads what was issued (services/form_wording.py, docs/exchange.md)."""

    __tablename__ = "form_wordings"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)  # the slip kind: receipt, supplement …
    key: Mapped[str] = mapped_column(String(80), primary_key=True)  # the text's key in the form's wording
    text: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
