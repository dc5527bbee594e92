"""Applicants, dossiers and what was handed over: the current-state projection."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy.orm import Mapped, relationship

from counter_app.db.base import Base
from counter_app.db.tables.dossier import applicants, dossier_documents, dossiers, pending_intakes


class Applicant(Base):
    __table__ = applicants
    id: Mapped[uuid.UUID]
    full_name: Mapped[str]
    search_key: Mapped[str]
    id_number: Mapped[str | None]
    old_id_number: Mapped[str | None]
    birth_date: Mapped[date | None]
    sex: Mapped[str | None]
    phone: Mapped[str | None]
    email: Mapped[str | None]
    address: Mapped[str]
    read_from_card: Mapped[bool]


class Dossier(Base):
    __table__ = dossiers
    id: Mapped[uuid.UUID]
    code: Mapped[str]
    office_id: Mapped[uuid.UUID]
    procedure_version_id: Mapped[uuid.UUID]
    case_id: Mapped[uuid.UUID | None]
    field_id: Mapped[uuid.UUID | None]
    channel: Mapped[str]
    applicant_id: Mapped[uuid.UUID]
    representative: Mapped[dict[str, str] | None]
    received_at: Mapped[datetime]
    received_local_date: Mapped[date]
    received_by_id: Mapped[uuid.UUID | None]
    appointment_at: Mapped[datetime | None]
    legal_due_at: Mapped[datetime | None]
    status: Mapped[str]
    current_unit_id: Mapped[uuid.UUID | None]
    return_method: Mapped[str]
    postal_address: Mapped[str | None]
    outcome: Mapped[str | None]
    resolved_at: Mapped[datetime | None]
    returned_at: Mapped[datetime | None]
    apology_count: Mapped[int]
    waiting_since: Mapped[datetime | None]
    register_seq: Mapped[int | None]
    returned_to: Mapped[dict[str, str] | None]
    satisfaction: Mapped[int | None]
    satisfaction_reasons: Mapped[list[str] | None]
    note: Mapped[str]
    intake_token: Mapped[str | None]

    applicant: Mapped[Applicant] = relationship()
    documents: Mapped[list[DossierDocument]] = relationship(
        order_by="DossierDocument.ordinal", cascade="all, delete-orphan"
    )


class DossierDocument(Base):
    """A document as handed over with a dossier (name and counts copied from the catalogue)."""

    __table__ = dossier_documents
    id: Mapped[uuid.UUID]
    dossier_id: Mapped[uuid.UUID]
    required_document_id: Mapped[uuid.UUID | None]
    ordinal: Mapped[int]
    name: Mapped[str]
    original_qty: Mapped[int]
    copy_qty: Mapped[int]
    kind: Mapped[str]


class PendingIntake(Base):
    """An intake that ended in a supplement request: kept so the applicant's return pre-fills."""

    __table__ = pending_intakes
    id: Mapped[uuid.UUID]
    office_id: Mapped[uuid.UUID]
    applicant_id: Mapped[uuid.UUID]
    procedure_version_id: Mapped[uuid.UUID]
    case_id: Mapped[uuid.UUID | None]
    channel: Mapped[str]
    provided: Mapped[list[dict[str, object]]]
    missing: Mapped[list[dict[str, object]]]
    reason: Mapped[str]
    created_at: Mapped[datetime]
    state: Mapped[str]
    dossier_id: Mapped[uuid.UUID | None]
