"""What a dossier's events say about the columns the reports read (issue 15: the province's view).

The province has an office's events, not its rows. Its view of each dossier (``exchange_dossiers``)
must hold what the office's own ``dossiers`` row holds for every column the period report and the
end-of-day summary read, so that the province's figures for an office are the office's own. The
rules follow what the services write (services/receiving.py, services/processing.py):

- ``received`` / ``refused``: received at the event's instant and office-local date, at its office;
  the appointment and the legal deadline are the intake's appointment;
- ``request_supplement`` / ``request_payment``: the clock stops (waiting since the event);
- ``supply_supplement``: the clock restarts, appointment and legal deadline both the new one;
- ``confirm_payment``: the clock resumes, with the legal deadline and appointment it states;
- ``apologise``: one more apology (the appointment is moved: ``domain/projection``);
- ``resolve``: resolved at the event's instant; ``return_result``: returned at it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from counter_app.domain.projection import CREATING_KINDS, instant

REPORT_COLUMNS = (
    "office_id",
    "received_local_date",
    "legal_due_at",
    "waiting_since",
    "apology_count",
    "returned_at",
)


def report_columns(
    columns: dict[str, Any], kind: str, payload: Mapping[str, object], at: datetime, day: date, office: Any
) -> None:
    """``columns`` after one more event of the dossier (changed in place)."""
    if kind in CREATING_KINDS:
        columns.update(
            office_id=office,
            received_local_date=day,
            legal_due_at=instant(payload.get("appointment_at")),
            waiting_since=None,
            apology_count=0,
            returned_at=None,
        )
    elif kind in ("request_supplement", "request_payment"):
        columns["waiting_since"] = at
    elif kind == "supply_supplement":
        columns["waiting_since"] = None
        columns["legal_due_at"] = instant(payload.get("appointment_at"))
    elif kind == "confirm_payment":
        columns["waiting_since"] = None
        columns["legal_due_at"] = instant(payload.get("legal_due_at"))
    elif kind == "apologise":
        columns["apology_count"] = int(columns.get("apology_count") or 0) + 1
    elif kind == "return_result":
        columns["returned_at"] = at
