"""The office's own layer over the catalogue: what it decides about each procedure.

The national (or provincial) catalogue is a baseline replaced as a whole by newer versions and never
edited in place; what one office decides — whether it receives a procedure, the shorter term it
publishes ("cắt giảm thời gian giải quyết"), which of its units handles it — is kept here, keyed by
the procedure (not its version), so it survives every catalogue update (docs/office-catalogue.md).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Numeric, String, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.base import Base, IdMixin, UTCDateTime


class OfficeProcedure(IdMixin, Base):
    """One office's settings for one procedure; no row means received, legal term, no unit."""

    __tablename__ = "office_procedures"
    __table_args__ = (UniqueConstraint("office_id", "procedure_id"),)

    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offices.id"))
    procedure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedures.id"))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # The published shorter term (same unit as the legal one); None: the legal term applies.
    term_amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 2), nullable=True)
    term_unit: Mapped[str | None] = mapped_column(String(12), nullable=True)
    # The unit (agency) that handles it: the transfer dialog's default.
    unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agencies.id"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
