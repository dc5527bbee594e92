"""Core tables: offices, agencies, users and the office calendar: who works where, and when.

The ORM classes mapped onto them, and what each table is for, are in ``counter_app/db/models/organisation.py``."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

from counter_app.db.tables.common import UTCDateTime, id_column, metadata

offices = Table(
    "offices",
    metadata,
    Column("name", String(300), nullable=False),
    # Mã định danh điện tử (QĐ 20/2020/QĐ-TTg), the first part of every dossier code.
    Column("identifier_code", String(40), unique=True, nullable=False),
    Column("governing_body", String(300), default="", nullable=False),
    Column("place", String(100), default="", nullable=False),
    Column("address", String(500), default="", nullable=False),
    Column("hotline", String(40), default="", nullable=False),
    Column("email", String(200), default="", server_default="", nullable=False),
    Column("signatory_name", String(200), default="", nullable=False),
    Column("signatory_title", String(200), default="", nullable=False),
    # One of the 34 provinces (domain/provinces.PROVINCES_2025) and setup_spec.OFFICE_LEVELS' key.
    Column("province", String(100), default="", server_default="", nullable=False),
    Column("level", String(30), default="", server_default="", nullable=False),
    Column("timezone", String(64), default="Asia/Ho_Chi_Minh", nullable=False),
    # "hours" (N × working-day length inside sessions) or "days" (civil-code whole days).
    Column("time_policy", String(10), default="hours", nullable=False),
    # {"0": [["07:30","11:30"],["13:30","17:00"]], ...} weekday → sessions; null = default.
    Column("sessions", JSON, nullable=True),
    Column("valid_from", Date, nullable=True),
    Column("valid_to", Date, nullable=True),
    id_column(),
)


office_profiles = Table(
    "office_profiles",
    metadata,
    Column("office_id", ForeignKey("offices.id"), index=True, nullable=False),
    Column("valid_from", UTCDateTime, nullable=True),
    Column("name", String(300), nullable=False),
    Column("governing_body", String(300), default="", nullable=False),
    Column("place", String(100), default="", nullable=False),
    Column("address", String(500), default="", nullable=False),
    Column("hotline", String(40), default="", nullable=False),
    Column("email", String(200), default="", nullable=False),
    Column("signatory_name", String(200), default="", nullable=False),
    Column("signatory_title", String(200), default="", nullable=False),
    Column("province", String(100), default="", nullable=False),
    Column("level", String(30), default="", nullable=False),
    id_column(),
)


agencies = Table(
    "agencies",
    metadata,
    Column("code", String(60), unique=True, nullable=False),
    # The current name; AgencyName keeps the earlier ones with their dates.
    Column("name", String(300), nullable=False),
    Column("valid_from", Date, nullable=True),
    Column("valid_to", Date, nullable=True),
    # An instant, not valid_to's office-local day: a unit retired at 14:00 still received the
    # dossiers handed to it that morning, and every other dated change here is an instant too.
    # valid_to stays as it was (nothing sets or reads it).
    Column("retired_at", UTCDateTime, nullable=True),
    id_column(),
)


agency_names = Table(
    "agency_names",
    metadata,
    Column("agency_id", ForeignKey("agencies.id"), index=True, nullable=False),
    Column("name", String(300), nullable=False),
    Column("valid_from", UTCDateTime, nullable=True),
    id_column(),
)


users = Table(
    "users",
    metadata,
    Column("username", String(60), unique=True, nullable=False),
    Column("full_name", String(200), nullable=False),
    # officer | supervisor | admin | auditor
    Column("role", String(20), nullable=False),
    Column("office_id", ForeignKey("offices.id"), nullable=True),
    Column("password_hash", String(200), default="", nullable=False),
    Column("active", Boolean, default=True, nullable=False),
    # A one-time password (new user, reset by an admin) is replaced at the next log-in.
    Column("must_change_password", Boolean, default=False, server_default=false(), nullable=False),
    id_column(),
)


login_throttle = Table(
    "login_throttle",
    metadata,
    Column("username_key", String(60), primary_key=True),
    # ISO instants of the failures within the window, oldest first (at most 4: the 5th locks).
    Column("failures", JSON, default=list, nullable=False),
    Column("last_failure_at", UTCDateTime, nullable=False),
    Column("locked_until", UTCDateTime, nullable=True),
)


calendar_overrides = Table(
    "calendar_overrides",
    metadata,
    Column("office_id", ForeignKey("offices.id"), nullable=False),
    Column("day", Date, nullable=False),
    # "off" or "work"
    Column("kind", String(8), nullable=False),
    Column("note", String(300), default="", nullable=False),
    id_column(),
    UniqueConstraint("office_id", "day"),
)


calendar_baseline = Table(
    "calendar_baseline",
    metadata,
    Column("day", Date, primary_key=True),
    # "off" or "work"
    Column("kind", String(8), nullable=False),
    Column("note", String(300), default="", nullable=False),
    Column("changed_at", UTCDateTime, nullable=False),
)


form_wordings = Table(
    "form_wordings",
    metadata,
    Column("kind", String(20), primary_key=True),  # the slip kind: receipt, supplement …
    Column("key", String(80), primary_key=True),  # the text's key in the form's wording
    Column("text", Text, nullable=False),
    Column("changed_at", UTCDateTime, nullable=False),
)
