"""Applicants, dossiers and what was handed over: the current-state projection."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counter_app.db.base import Base, IdMixin, UTCDateTime


class Applicant(IdMixin, Base):
    __tablename__ = "applicants"

    full_name: Mapped[str] = mapped_column(String(200))
    # Folded name (no case, no tone marks, đ→d) for accent-insensitive search by prefix range.
    # Byte order ("C") on PostgreSQL: a language collation would ignore spaces and break the range.
    search_key: Mapped[str] = mapped_column(
        String(200).with_variant(String(200, collation="C"), "postgresql"), index=True
    )
    id_number: Mapped[str | None] = mapped_column(String(12), index=True, nullable=True)
    old_id_number: Mapped[str | None] = mapped_column(String(12), nullable=True)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    sex: Mapped[str | None] = mapped_column(String(8), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(15), index=True, nullable=True)
    email: Mapped[str | None] = mapped_column(String(200), nullable=True)
    address: Mapped[str] = mapped_column(String(500), default="")
    # Filled from the chip card's QR: read, not verified.
    read_from_card: Mapped[bool] = mapped_column(Boolean, default=False)


class Dossier(IdMixin, Base):
    __tablename__ = "dossiers"
    __table_args__ = (
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

    code: Mapped[str] = mapped_column(String(60), unique=True)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offices.id"))
    procedure_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedure_versions.id"))
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("procedure_cases.id"), nullable=True)
    field_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("fields.id"), nullable=True, index=True)
    # direct | online | postal
    channel: Mapped[str] = mapped_column(String(10))
    applicant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applicants.id"), index=True)
    # {"full_name": ..., "id_number": ..., "relation": ...} when someone submits on the applicant's behalf.
    representative: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Office-local date of receipt: reports group by it (never by the UTC date).
    received_local_date: Mapped[date] = mapped_column(Date)
    received_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # What the applicant was told (moved by an apology) …
    appointment_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # … and the deadline by law (moved only by the supplement rule and a paid financial
    # obligation's pause): the outcome is judged on it.
    legal_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(24), index=True)
    current_unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agencies.id"), nullable=True)
    # counter | post
    return_method: Mapped[str] = mapped_column(String(10), default="counter")
    postal_address: Mapped[str | None] = mapped_column(String(500), nullable=True)
    # early | on_time | late (set when resolved); apology_count > 0 marks "late with apology".
    outcome: Mapped[str | None] = mapped_column(String(10), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    apology_count: Mapped[int] = mapped_column(Integer, default=0)
    # Since when the dossier waits for the citizen — a supplement requested during processing, or a
    # financial obligation to pay — with the clock stopped; None while it is being worked on.
    waiting_since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    register_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Who took the result: {"full_name", "id_number", "relation"}; "how": counter | post (+ tracking).
    returned_to: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)
    # 1 = Rất hài lòng … 5 = Rất không hài lòng, with optional reasons.
    satisfaction: Mapped[int | None] = mapped_column(Integer, nullable=True)
    satisfaction_reasons: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # A token the form generates once per intake: a second submit of the same form returns the
    # dossier already created instead of a duplicate.
    intake_token: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)

    applicant: Mapped[Applicant] = relationship()
    documents: Mapped[list[DossierDocument]] = relationship(
        order_by="DossierDocument.ordinal", cascade="all, delete-orphan"
    )


class DossierDocument(IdMixin, Base):
    """A document as handed over with a dossier (name and counts copied from the catalogue)."""

    __tablename__ = "dossier_documents"

    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id"), index=True)
    required_document_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("required_documents.id"), nullable=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    original_qty: Mapped[int] = mapped_column(Integer, default=0)
    copy_qty: Mapped[int] = mapped_column(Integer, default=0)
    # submit (handed in and kept) | show (shown, checked and handed back: "giấy tờ xuất trình").
    kind: Mapped[str] = mapped_column(String(10), default="submit", server_default="submit")


class PendingIntake(IdMixin, Base):
    """An intake that ended in a supplement request: kept so the applicant's return pre-fills."""

    __tablename__ = "pending_intakes"

    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offices.id"))
    applicant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applicants.id"), index=True)
    procedure_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedure_versions.id"))
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("procedure_cases.id"), nullable=True)
    channel: Mapped[str] = mapped_column(String(10))
    # [{"required_document_id": ..., "name": ..., "original_qty": .., "copy_qty": ..}]
    provided: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    missing: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # open | received (the applicant came back and the dossier was accepted)
    state: Mapped[str] = mapped_column(String(10), default="open")
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("dossiers.id"), nullable=True)
