"""What a dossier's events say its row must hold (issue 14).

The event log is the record; the ``dossiers`` table is what the events established, kept beside
them for speed. This module replays one dossier's events — in the order they happened — into the
facts the verification compares with the row. An edit of the row that no event explains (a status
or an appointment changed by hand, a row deleted or added, the dossier given to another applicant)
then shows as a difference, named by dossier and column.

The rules follow what the services write:

- ``received`` / ``refused`` create the dossier: its code, its status (the kind), and what the
  payload states of the intake — the channel, the applicant (``payload["applicant"]["id"]``), how
  the result is returned and where, and on receipt the appointment (null: none);
- a step (``services/processing._step``) writes the status it leads to (``payload["status"]``);
- ``supply_supplement`` and ``confirm_payment`` write the appointment they move
  (``payload["appointment_at"]``), ``apologise`` the new one (``payload["new_appointment_at"]``);
- ``transfer`` writes the unit it hands the dossier to (``payload["to_unit"]``, its code);
- ``resolve`` writes the outcome, ``return_result`` the rating;
- any other event of the dossier (a slip issued …) changes none of these.

A column no event states (older events did not carry every fact: demo data without the
appointment, receipts before the applicant snapshot) is not compared.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

CREATING_KINDS = ("received", "refused")
# kind → {payload key: column} of the facts an event of that kind states.
STATED: dict[str, dict[str, str]] = {
    "received": {
        "appointment_at": "appointment_at",
        "channel": "channel",
        "return_method": "return_method",
        "postal_address": "postal_address",
    },
    "refused": {"channel": "channel", "return_method": "return_method", "postal_address": "postal_address"},
    "supply_supplement": {"appointment_at": "appointment_at"},
    "confirm_payment": {"appointment_at": "appointment_at"},
    "apologise": {"new_appointment_at": "appointment_at"},
    "transfer": {"to_unit": "current_unit"},
    "resolve": {"outcome": "outcome"},
    "return_result": {"satisfaction": "satisfaction"},
}
INSTANTS = ("appointment_at",)
COMPARED: tuple[str, ...] = (
    "code",
    "status",
    "applicant_id",
    "channel",
    "appointment_at",
    "return_method",
    "postal_address",
    "outcome",
    "satisfaction",
    "current_unit",  # the code of the row's current_unit_id (services/dossier_replay.py)
)


@dataclass(frozen=True)
class DossierFacts:
    """A dossier as its events establish it: ``values`` holds each column some event stated."""

    created: bool = False
    values: Mapping[str, object] = field(default_factory=dict)


def apply_event(facts: DossierFacts, kind: str, payload: Mapping[str, object]) -> DossierFacts:
    """``facts`` after one more event of the dossier."""
    values = dict(facts.values)
    created = facts.created
    if kind in CREATING_KINDS:
        created = True
        values["code"] = payload.get("code")
        values["status"] = kind
        applicant = payload.get("applicant")
        if isinstance(applicant, Mapping) and applicant.get("id"):
            values["applicant_id"] = uuid.UUID(str(applicant["id"]))
    elif isinstance(status := payload.get("status"), str):
        values["status"] = status
    for key, column in STATED.get(kind, {}).items():
        if key in payload:
            values[column] = instant(payload[key]) if column in INSTANTS else payload[key]
    return replace(facts, created=created, values=values)


def differences(facts: DossierFacts, row: Mapping[str, object]) -> list[str]:
    """The columns of ``row`` the events do not explain (``["created"]``: no creation event)."""
    if not facts.created:
        return ["created"]
    found = []
    for column in COMPARED:
        if column not in facts.values:
            continue
        stored = row.get(column)
        if column in INSTANTS:
            stored = _utc(stored) if isinstance(stored, datetime) else stored
        if blank_as_none(stored) != blank_as_none(facts.values[column]):
            found.append(column)
    return found


def instant(value: object) -> datetime | None:
    """An ISO instant written in a payload, as an aware UTC datetime; None for none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _utc(value)
    return _utc(datetime.fromisoformat(str(value)))


def _utc(value: datetime) -> datetime:
    return (value if value.tzinfo is not None else value.replace(tzinfo=UTC)).astimezone(UTC)


def blank_as_none(value: object) -> object:
    """An empty text and none are the same fact (an optional text column stores either)."""
    return None if value == "" else value
