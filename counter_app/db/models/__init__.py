"""All models, imported here so ``Base.metadata`` knows every table."""

from counter_app.db.models.catalog import (
    ChannelTerm,
    Field,
    FieldName,
    Procedure,
    ProcedureCase,
    ProcedureVersion,
    RequiredDocument,
)
from counter_app.db.models.dossier import Applicant, Dossier, DossierDocument, PendingIntake
from counter_app.db.models.ledger import (
    CancelledNumber,
    DailyCounter,
    Event,
    GuidanceRecord,
    NodeHead,
)
from counter_app.db.models.office_catalog import OfficeProcedure
from counter_app.db.models.organisation import Agency, CalendarOverride, LoginThrottle, Office, User

__all__ = [
    "Agency",
    "Applicant",
    "CalendarOverride",
    "CancelledNumber",
    "ChannelTerm",
    "DailyCounter",
    "Dossier",
    "DossierDocument",
    "Event",
    "Field",
    "FieldName",
    "GuidanceRecord",
    "LoginThrottle",
    "NodeHead",
    "Office",
    "OfficeProcedure",
    "PendingIntake",
    "Procedure",
    "ProcedureCase",
    "ProcedureVersion",
    "RequiredDocument",
    "User",
]
