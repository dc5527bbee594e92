"""All models, imported here so ``Base.metadata`` knows every table."""

from counter_app.db.models.audit_trail import AuditHead, AuditRecord
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
from counter_app.db.models.event_log import (
    CancelledNumber,
    DailyCounter,
    Event,
    GuidanceRecord,
    NodeHead,
)
from counter_app.db.models.exchange import (
    ExchangeAck,
    ExchangeBundle,
    ExchangeChain,
    ExchangeDossier,
    ExchangeEvent,
    ExchangeFork,
    ExchangeKey,
    ExchangePeer,
    ExchangePending,
)
from counter_app.db.models.office_catalog import OfficeProcedure
from counter_app.db.models.organisation import (
    Agency,
    AgencyName,
    CalendarBaseline,
    CalendarOverride,
    LoginThrottle,
    Office,
    OfficeProfileRecord,
    User,
)

__all__ = [
    "Agency",
    "AgencyName",
    "Applicant",
    "AuditHead",
    "AuditRecord",
    "CalendarBaseline",
    "CalendarOverride",
    "CancelledNumber",
    "ExchangeAck",
    "ExchangeBundle",
    "ExchangeChain",
    "ExchangeDossier",
    "ExchangeEvent",
    "ExchangeFork",
    "ExchangeKey",
    "ExchangePeer",
    "ExchangePending",
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
    "OfficeProfileRecord",
    "PendingIntake",
    "Procedure",
    "ProcedureCase",
    "ProcedureVersion",
    "RequiredDocument",
    "User",
]
