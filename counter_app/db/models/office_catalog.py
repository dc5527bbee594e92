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

from sqlalchemy.orm import Mapped

from counter_app.db.base import Base
from counter_app.db.tables.office_catalog import office_procedures


class OfficeProcedure(Base):
    """One office's settings for one procedure; no row means received, legal term, no unit."""

    __table__ = office_procedures
    id: Mapped[uuid.UUID]
    office_id: Mapped[uuid.UUID]
    procedure_id: Mapped[uuid.UUID]
    enabled: Mapped[bool]
    term_amount: Mapped[Decimal | None]
    term_unit: Mapped[str | None]
    unit_id: Mapped[uuid.UUID | None]
    updated_at: Mapped[datetime]
