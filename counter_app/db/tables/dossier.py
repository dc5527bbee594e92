"""Core tables: applicants, dossiers and what was handed over: the current-state projection.

The ORM classes mapped onto them, and what each table is for, are in ``counter_app/db/models/dossier.py``."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from counter_app.db.tables.common import UTCDateTime, id_column, metadata

applicants = Table(
    "applicants",
    metadata,
    Column("full_name", String(200), nullable=False),
    # Folded name (no case, no tone marks, đ→d) for accent-insensitive search by prefix range.
    # Byte order ("C") on PostgreSQL: a language collation would ignore spaces and break the range.
    Column(
        "search_key",
        String(200).with_variant(String(200, collation="C"), "postgresql"),
        index=True,
        nullable=False,
    ),
    Column("id_number", String(12), index=True, nullable=True),
    Column("old_id_number", String(12), nullable=True),
    Column("birth_date", Date, nullable=True),
    Column("sex", String(8), nullable=True),
    Column("phone", String(15), index=True, nullable=True),
    Column("email", String(200), nullable=True),
    Column("address", String(500), default="", nullable=False),
    # Filled from the chip card's QR: read, not verified.
    Column("read_from_card", Boolean, default=False, nullable=False),
    id_column(),
)


dossiers = Table(
    "dossiers",
    metadata,
    Column("code", String(60), unique=True, nullable=False),
    Column("office_id", ForeignKey("offices.id"), nullable=False),
    Column("procedure_version_id", ForeignKey("procedure_versions.id"), nullable=False),
    Column("case_id", ForeignKey("procedure_cases.id"), nullable=True),
    Column("field_id", ForeignKey("fields.id"), nullable=True, index=True),
    # direct | online | postal
    Column("channel", String(10), nullable=False),
    Column("applicant_id", ForeignKey("applicants.id"), index=True, nullable=False),
    # {"full_name": ..., "id_number": ..., "relation": ...} when someone submits on the applicant's behalf.
    Column("representative", JSON, nullable=True),
    Column("received_at", UTCDateTime, nullable=False),
    # Office-local date of receipt: reports group by it (never by the UTC date).
    Column("received_local_date", Date, nullable=False),
    Column("received_by_id", ForeignKey("users.id"), nullable=True),
    # What the applicant was told (moved by an apology) …
    Column("appointment_at", UTCDateTime, nullable=True),
    # … and the deadline by law (moved only by the supplement rule and a paid financial
    # obligation's pause): the outcome is judged on it.
    Column("legal_due_at", UTCDateTime, nullable=True),
    Column("status", String(24), index=True, nullable=False),
    Column("current_unit_id", ForeignKey("agencies.id"), nullable=True),
    # counter | post
    Column("return_method", String(10), default="counter", nullable=False),
    Column("postal_address", String(500), nullable=True),
    # early | on_time | late (set when resolved); apology_count > 0 marks "late with apology".
    Column("outcome", String(10), nullable=True),
    Column("resolved_at", UTCDateTime, nullable=True),
    Column("returned_at", UTCDateTime, nullable=True),
    Column("apology_count", Integer, default=0, nullable=False),
    # Since when the dossier waits for the citizen — a supplement requested during processing, or a
    # financial obligation to pay — with the clock stopped; None while it is being worked on.
    Column("waiting_since", UTCDateTime, nullable=True),
    Column("register_seq", Integer, nullable=True),
    # Who took the result: {"full_name", "id_number", "relation"}; "how": counter | post (+ tracking).
    Column("returned_to", JSON, nullable=True),
    # 1 = Rất hài lòng … 5 = Rất không hài lòng, with optional reasons.
    Column("satisfaction", Integer, nullable=True),
    Column("satisfaction_reasons", JSON, nullable=True),
    Column("note", Text, default="", nullable=False),
    # A token the form generates once per intake: a second submit of the same form returns the
    # dossier already created instead of a duplicate.
    Column("intake_token", String(64), unique=True, nullable=True),
    id_column(),
    Index("ix_dossiers_status_appointment", "status", "appointment_at"),
    # Open dossiers due or overdue at an instant (end of day, overdue and due-soon lists).
    Index("ix_dossiers_status_legal_due", "status", "legal_due_at"),
    Index("ix_dossiers_office_local_date", "office_id", "received_local_date"),
    # Period reports select by resolution and return instants; the receipt date beside the
    # resolution instant tells the dossiers carried over into a period inside the index.
    Index("ix_dossiers_resolved_at", "resolved_at", "received_local_date"),
    # … and the dossiers received on a day that were resolved since an instant.
    Index("ix_dossiers_received_resolved", "received_local_date", "resolved_at"),
    Index("ix_dossiers_returned_at", "returned_at"),
    # The tracking list pages newest first (keyset on received_at, id), with or without a status.
    Index("ix_dossiers_received_at_id", "received_at", "id"),
    Index("ix_dossiers_status_received_at", "status", "received_at", "id"),
    Index("ix_dossiers_field_received_at", "field_id", "received_at", "id"),
    Index("ix_dossiers_officer_received_at", "received_by_id", "received_at", "id"),
    # The period report reads the dossiers received in a period from this index alone: every column
    # its classification, row keys (field, current unit) and the field / unit filters read, about a
    # third of the table's bytes (services/reports/period_sql.py). The id right after the date keeps
    # a day's entries in the table's order, as in ix_dossiers_office_local_date, for queries that walk it.
    Index(
        "ix_dossiers_period_covering",
        "office_id",
        "received_local_date",
        "id",
        "status",
        "channel",
        "resolved_at",
        "outcome",
        "apology_count",
        "legal_due_at",
        "waiting_since",
        "field_id",
        "current_unit_id",
    ),
)


dossier_documents = Table(
    "dossier_documents",
    metadata,
    Column("dossier_id", ForeignKey("dossiers.id"), index=True, nullable=False),
    Column("required_document_id", ForeignKey("required_documents.id"), nullable=True),
    Column("ordinal", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("original_qty", Integer, default=0, nullable=False),
    Column("copy_qty", Integer, default=0, nullable=False),
    # submit (handed in and kept) | show (shown, checked and handed back: "giấy tờ xuất trình").
    Column("kind", String(10), default="submit", server_default="submit", nullable=False),
    id_column(),
)


pending_intakes = Table(
    "pending_intakes",
    metadata,
    Column("office_id", ForeignKey("offices.id"), nullable=False),
    Column("applicant_id", ForeignKey("applicants.id"), index=True, nullable=False),
    Column("procedure_version_id", ForeignKey("procedure_versions.id"), nullable=False),
    Column("case_id", ForeignKey("procedure_cases.id"), nullable=True),
    Column("channel", String(10), nullable=False),
    # [{"required_document_id": ..., "name": ..., "original_qty": .., "copy_qty": ..}]
    Column("provided", JSON, default=list, nullable=False),
    Column("missing", JSON, default=list, nullable=False),
    Column("reason", Text, default="", nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    # open | received (the applicant came back and the dossier was accepted)
    Column("state", String(10), default="open", nullable=False),
    Column("dossier_id", ForeignKey("dossiers.id"), nullable=True),
    id_column(),
)
