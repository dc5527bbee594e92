"""At an office: the events it lost in a restore from an old backup, sent back by the province.

The province's acknowledgement carries them (``returned`` in its manifest, the events in its
``events.jsonl``) while the office's new epoch says it continues from an older head than the
province has (services/exchange/rewinds.py). Here each range is checked — every hash recomputed,
every link followed, and its first event following this database's own last event of that chain —
then kept in ``exchange_returned``, apart from ``events``: no row of this database holds what they
name, so they are listed for the office to handle (``returned_dossiers``). The day's dossier
numbers they used are taken, so a new dossier never gets the code of a lost one. One event,
``lost_events_returned``, records it and tells the province to stop sending them.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.event_log import GENESIS_HASH
from counter_app.db.models import DailyCounter, Event, ExchangeReturned
from counter_app.db.upsert import insert_for
from counter_app.domain.dossier_code import CODE_PATTERN, parse_code
from counter_app.domain.errors import Message, ValidationError
from counter_app.domain.projection import CREATING_KINDS
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.event_log import record
from counter_app.services.exchange.bundle import ReadBundle, refused
from counter_app.services.exchange.checked_lines import check_links, events_by_node
from counter_app.services.exchange.event_json import event_line
from counter_app.services.exchange.rewinds import LOST_EVENTS_RETURNED


@dataclass(frozen=True)
class ReturnedRange:
    node_id: str
    first_seq: int
    last_seq: int
    dossier_codes: tuple[str, ...]  # the dossiers these events received


@dataclass(frozen=True)
class LostDossier:
    code: str
    applicant_name: str
    procedure_code: str
    received_at: datetime
    last_event: str  # the kind of its last returned event
    last_at: datetime


def take_returned(
    session: Session, db: Database, actor: Actor, bundle: ReadBundle, bundle_id: uuid.UUID, now: datetime
) -> list[ReturnedRange]:
    """Check and keep the lost events an acknowledgement carries (inside its transaction)."""
    spans = bundle.manifest.get("returned") or []
    if not spans:
        return []
    lines = events_by_node(bundle)
    taken: list[ReturnedRange] = []
    for span in _spans(spans, bundle):
        node, first, last, prev = span
        events = [e for e in lines.get(node, []) if first <= e["seq"] <= last]
        check_links(bundle, node, events, first, prev, last, events[-1]["hash"] if events else None)
        if _known_head(session, node) != (first - 1, prev):
            continue  # not where this database's history of that chain ends (another database, or twice)
        insert_ = insert_for(session.get_bind().dialect.name)
        session.execute(
            insert_(ExchangeReturned).on_conflict_do_nothing(index_elements=["node_id", "seq"]),
            [
                {
                    "node_id": node,
                    "seq": e["seq"],
                    "hash": e["hash"],
                    "kind": e["kind"],
                    "dossier_id": e["dossier_id"],
                    "occurred_at": e["occurred_at"],
                    "event": event_line(e),
                    "bundle_id": bundle_id,
                    "returned_at": now,
                }
                for e in events
            ],
        )
        codes = tuple(
            str(e["payload"]["code"])
            for e in events
            if e["kind"] in CREATING_KINDS and e["payload"].get("code")
        )
        _take_numbers(session, codes)
        record(
            session,
            db,
            actor,
            LOST_EVENTS_RETURNED,
            now,
            payload={"node": node, "first_seq": first, "last_seq": last, "dossiers": list(codes)},
        )
        taken.append(ReturnedRange(node, first, last, codes))
    return taken


def _known_head(session: Session, node: str) -> tuple[int, str]:
    """The last event of the chain this database knows: its own, or one the province sent back."""
    own = session.execute(
        select(Event.seq, Event.hash).where(Event.node_id == node).order_by(Event.seq.desc()).limit(1)
    ).first()
    back = session.execute(
        select(ExchangeReturned.seq, ExchangeReturned.hash)
        .where(ExchangeReturned.node_id == node)
        .order_by(ExchangeReturned.seq.desc())
        .limit(1)
    ).first()
    if own is None and back is None:
        return 0, GENESIS_HASH  # a workstation with no event in the backup: everything comes back
    best = max((r for r in (own, back) if r is not None), key=lambda r: r[0])
    return best[0], best[1]


def returned_follows(session: Session, node: str, seq: int, hash_: str) -> bool:
    """The province sent back this chain's events after (seq, hash): it has our head as we do."""
    first = session.execute(
        select(ExchangeReturned.event).where(
            ExchangeReturned.node_id == node, ExchangeReturned.seq == seq + 1
        )
    ).scalar_one_or_none()
    return first is not None and first.get("prev_hash") == hash_


def returned_dossiers(db: Database, actor: Actor) -> list[LostDossier]:
    """The dossiers lost in a restore whose events the province sent back, by code."""
    require_role(actor, Role.ADMIN, "xem hồ sơ bị mất khi khôi phục")
    with db.read() as session:
        rows = session.execute(
            select(ExchangeReturned.dossier_id, ExchangeReturned.kind, ExchangeReturned.event)
            .where(ExchangeReturned.dossier_id.is_not(None))
            .order_by(ExchangeReturned.node_id, ExchangeReturned.seq)
        ).all()
    by_dossier: dict[uuid.UUID, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for dossier_id, kind, line in rows:
        by_dossier[dossier_id].append((kind, line))
    lost = []
    for events in by_dossier.values():
        creating = next((line for kind, line in events if kind in CREATING_KINDS), None)
        if creating is None:
            continue  # a dossier this database still has (an event about it was lost, not the dossier)
        payload = creating["payload"]
        applicant = payload.get("applicant") if isinstance(payload.get("applicant"), dict) else {}
        last_kind, last_line = events[-1]
        lost.append(
            LostDossier(
                str(payload.get("code") or ""),
                str(applicant.get("full_name") or ""),
                str(payload.get("procedure") or ""),
                datetime.fromisoformat(str(creating["occurred_at"])),
                last_kind,
                datetime.fromisoformat(str(last_line["occurred_at"])),
            )
        )
    return sorted(lost, key=lambda d: d.code)


def _spans(value: object, bundle: ReadBundle) -> list[tuple[str, int, int, str]]:
    try:
        return [
            (str(s["node"]), int(s["first_seq"]), int(s["last_seq"]), str(s["prev_hash"]))
            for s in value  # type: ignore[union-attr]
        ]
    except (TypeError, KeyError, ValueError) as exc:
        raise refused(bundle.path, Message("bản kê không đọc được")) from exc


def _take_numbers(session: Session, codes: tuple[str, ...]) -> None:
    """The days' counters go at least as far as the lost dossiers' numbers."""
    highest: dict[tuple[str, date], int] = {}
    for code in codes:
        if not CODE_PATTERN.match(code):
            continue
        try:
            parsed = parse_code(code)
        except ValidationError:  # a code with an impossible date: no day's counter to move
            continue
        key = (parsed.unit, parsed.day)
        highest[key] = max(highest.get(key, 0), parsed.seq)
    for (unit, day), seq in highest.items():
        row = session.get(DailyCounter, (unit, day))
        if row is None:
            session.add(DailyCounter(unit_code=unit, day=day, last_seq=seq))
        elif row.last_seq < seq:
            row.last_seq = seq
