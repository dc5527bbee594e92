"""Replaying the events into dossiers and comparing with the ``dossiers`` table (issue 14).

The hash chains (``services/integrity.py``) prove the events unchanged; this proves the table is
what the events established (``domain/projection.py``): every dossier row has its creation event,
every dossier an event names still has its row, and each row's code, status and appointment are
the ones its events recorded. Both sides are read once, in dossier order, and merged — the events
with their payloads, the rows with the compared columns — so a million dossiers take one pass
over each table.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from counter_app.db.database import Database
from counter_app.db.models import Dossier, Event
from counter_app.domain.errors import Message
from counter_app.domain.projection import DossierFacts, apply_event, differences

MAX_NAMED = 20  # dossiers named in the report; the rest are counted
_COLUMN_LABELS = {
    "code": "mã hồ sơ",
    "status": "trạng thái",
    "appointment_at": "ngày hẹn trả",
}


@dataclass
class ReplayReport:
    dossiers_checked: int = 0
    problems: list[Message] = field(default_factory=list)  # the first MAX_NAMED dossiers that differ
    more: int = 0  # further dossiers that differ, not named

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, problem: Message) -> None:
        if len(self.problems) < MAX_NAMED:
            self.problems.append(problem)
        else:
            self.more += 1


def verify_dossiers(db: Database, batch: int = 5000) -> ReplayReport:
    """Replay every dossier's events and compare them with its row."""
    report = ReplayReport()
    events_stmt = (
        select(Event.dossier_id, Event.kind, Event.payload)
        .where(Event.dossier_id.is_not(None))
        .order_by(Event.dossier_id, Event.occurred_at, Event.node_id, Event.seq)
        .execution_options(yield_per=batch)
    )
    rows_stmt = (
        select(Dossier.id, Dossier.code, Dossier.status, Dossier.appointment_at)
        .order_by(Dossier.id)
        .execution_options(yield_per=batch)
    )
    with db.read() as session:
        rows = iter(session.execute(rows_stmt))
        row = next(rows, None)
        for dossier_id, facts in _replayed(session.execute(events_stmt)):
            while row is not None and row.id < dossier_id:  # a row no event explains
                report.dossiers_checked += 1
                _compare(report, DossierFacts(), row)
                row = next(rows, None)
            if row is not None and row.id == dossier_id:
                report.dossiers_checked += 1
                _compare(report, facts, row)
                row = next(rows, None)
            else:  # events of a dossier whose row is gone
                report.add(
                    Message(
                        "Hồ sơ {code}: có sự kiện nhưng không còn dòng trong bảng hồ sơ (đã bị xóa trực tiếp).",
                        code=facts.code or dossier_id,
                    )
                )
        while row is not None:
            report.dossiers_checked += 1
            _compare(report, DossierFacts(), row)
            row = next(rows, None)
    return report


def _replayed(events: Any) -> Iterator[tuple[uuid.UUID, DossierFacts]]:
    """(dossier id, its facts) for each dossier of the ordered event stream."""
    current: uuid.UUID | None = None
    facts = DossierFacts()
    for dossier_id, kind, payload in events:
        if dossier_id != current:
            if current is not None:
                yield current, facts
            current, facts = dossier_id, DossierFacts()
        facts = apply_event(facts, kind, _payload(payload))
    if current is not None:
        yield current, facts


def _payload(value: object) -> Mapping[str, object]:
    if isinstance(value, str):  # a driver that hands JSON over as text
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, Mapping) else {}


def _compare(report: ReplayReport, facts: DossierFacts, row: Any) -> None:
    found = differences(facts, row.code, row.status, row.appointment_at)
    if not found:
        return
    if found == ["created"]:
        report.add(
            Message(
                "Hồ sơ {code}: không có sự kiện tiếp nhận (dòng thêm trực tiếp vào bảng, hoặc sự kiện đã bị xóa).",
                code=row.code,
            )
        )
        return
    details = []
    for column in found:
        recorded = {"code": facts.code, "status": facts.status, "appointment_at": facts.appointment_at}[
            column
        ]
        stored = {"code": row.code, "status": row.status, "appointment_at": row.appointment_at}[column]
        details.append(
            Message(
                "{column}: bảng ghi «{stored}», sự kiện ghi «{recorded}»",
                column=Message(_COLUMN_LABELS[column]),
                stored=_shown(stored),
                recorded=_shown(recorded),
            )
        )
    report.add(
        Message(
            "Hồ sơ {code}: bảng hồ sơ khác với sự kiện — {details}.",
            code=facts.code or row.code,
            details=Message.joined("; ", details),
        )
    )


def _shown(value: object) -> Message | str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return Message("không có") if value is None else str(value)
