"""What a dossier's events say its row must hold (issue 14).

The event log is the record; the ``dossiers`` table is what the events established, kept beside
them for speed. This module replays one dossier's events — in the order they happened — into the
facts the verification compares with the row: the dossier exists (a creation event), its code, its
status and its appointment. An edit of the row that no event explains (a status or an appointment
changed by hand, a row deleted or added) then shows as a difference, named by dossier.

The rules follow what the services write:

- ``received`` / ``refused`` create the dossier: its code (``payload["code"]``), its status (the
  kind), and on receipt its appointment (``payload["appointment_at"]``, null: none);
- a step (``services/processing._step``) writes the status it leads to (``payload["status"]``);
- ``supply_supplement`` and ``confirm_payment`` write the appointment they move
  (``payload["appointment_at"]``), ``apologise`` the new one (``payload["new_appointment_at"]``);
- any other event of the dossier (a slip issued …) changes none of these.

An appointment no event states (demo data written before receipts carried it) is not compared.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime

CREATING_KINDS = ("received", "refused")
APPOINTMENT_KEYS = {
    "received": "appointment_at",
    "supply_supplement": "appointment_at",
    "confirm_payment": "appointment_at",
    "apologise": "new_appointment_at",
}
UNKNOWN = "unknown"  # an appointment no event states


@dataclass(frozen=True)
class DossierFacts:
    """A dossier as its events establish it."""

    created: bool = False
    code: str | None = None
    status: str | None = None
    appointment_at: datetime | str | None = UNKNOWN  # an aware instant, None (no appointment), UNKNOWN


def apply_event(facts: DossierFacts, kind: str, payload: Mapping[str, object]) -> DossierFacts:
    """``facts`` after one more event of the dossier."""
    if kind in CREATING_KINDS:
        facts = replace(facts, created=True, code=_text(payload.get("code")), status=kind)
    elif isinstance(status := payload.get("status"), str):
        facts = replace(facts, status=status)
    key = APPOINTMENT_KEYS.get(kind)
    if key is not None and key in payload:
        facts = replace(facts, appointment_at=instant(payload[key]))
    return facts


def replay(events: list[tuple[str, Mapping[str, object]]]) -> DossierFacts:
    """The facts of a dossier's events, given in the order they happened."""
    facts = DossierFacts()
    for kind, payload in events:
        facts = apply_event(facts, kind, payload)
    return facts


def differences(facts: DossierFacts, code: str, status: str, appointment_at: datetime | None) -> list[str]:
    """The names of the row's columns the events do not explain (``[]``: the row is as recorded)."""
    found = []
    if not facts.created:
        return ["created"]
    if facts.code != code:
        found.append("code")
    if facts.status != status:
        found.append("status")
    if facts.appointment_at != UNKNOWN and facts.appointment_at != _utc(appointment_at):
        found.append("appointment_at")
    return found


def instant(value: object) -> datetime | None:
    """An ISO instant written in a payload, as an aware UTC datetime; None for none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _utc(value)
    return _utc(datetime.fromisoformat(str(value)))


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return (value if value.tzinfo is not None else value.replace(tzinfo=UTC)).astimezone(UTC)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
