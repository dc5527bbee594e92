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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, Uuid, cast, select, true
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import Agency, Applicant, Dossier, Event
from counter_app.domain.errors import Message
from counter_app.domain.masking import mask_id_number, mask_phone
from counter_app.domain.projection import COMPARED, DossierFacts, apply_event, blank_as_none, differences
from counter_app.services.applicants import SNAPSHOT_FIELDS

MAX_NAMED = 20  # dossiers named in the report; the rest are counted
_COLUMN_LABELS = {
    "code": "mã hồ sơ",
    "status": "trạng thái",
    "applicant_id": "người nộp",
    "channel": "kênh nộp",
    "appointment_at": "ngày hẹn trả",
    "return_method": "hình thức nhận kết quả",
    "postal_address": "địa chỉ nhận kết quả",
    "outcome": "kết quả giải quyết",
    "satisfaction": "mức hài lòng",
    "current_unit": "đơn vị đang giữ hồ sơ",
}
ROW_COLUMNS = tuple(c for c in COMPARED if c != "current_unit") + ("current_unit_id",)


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


def verify_dossiers(db: Database, batch: int = 5000, only: Iterable[uuid.UUID] | None = None) -> ReplayReport:
    """Replay every dossier's events and compare them with its row; ``only``: those dossiers (the
    ones the events since an anchor touch: the incremental verification)."""
    report = ReplayReport()
    if only is None:
        _merge(db, report, [None], batch)
        return report
    chosen = sorted(set(only))
    _merge(db, report, [chosen[i : i + CHUNK] for i in range(0, len(chosen), CHUNK)], batch)
    return report


CHUNK = 500  # dossier ids per statement of the incremental verification


def touched_since(db: Database, since: Mapping[str, int]) -> set[uuid.UUID]:
    """The dossiers the events after ``since`` (node → sequence number) touch."""
    with db.snapshot() as session:
        nodes = session.execute(select(Event.node_id).distinct()).scalars().all()
        found: set[uuid.UUID] = set()
        for node in nodes:
            found.update(
                session.execute(
                    select(Event.dossier_id).where(
                        Event.node_id == node, Event.seq > since.get(node, 0), Event.dossier_id.is_not(None)
                    )
                ).scalars()
            )
    return found


def _merge(db: Database, report: ReplayReport, chunks: list[list[uuid.UUID] | None], batch: int) -> None:
    """Replay the dossiers of each chunk (None: all of them) and compare them with their rows."""
    with db.snapshot() as session:  # the events and the rows as of one instant
        units = {
            row.id: row.code for row in session.execute(select(Agency.id, Agency.code))
        }  # as events name them
        for chunk in chunks:
            events_stmt = (
                select(Event.dossier_id, Event.kind, Event.payload)
                .where(Event.dossier_id.is_not(None) if chunk is None else Event.dossier_id.in_(chunk))
                .order_by(Event.dossier_id, Event.occurred_at, Event.node_id, Event.seq)
                .execution_options(yield_per=batch)
            )
            rows_stmt = (
                select(Dossier.id, *(getattr(Dossier, column) for column in ROW_COLUMNS))
                .where(true() if chunk is None else Dossier.id.in_(chunk))
                .order_by(Dossier.id)
                .execution_options(yield_per=batch)
            )
            _merge_one(session, report, events_stmt, rows_stmt, units)


def _merge_one(
    session: Session,
    report: ReplayReport,
    events_stmt: Select,
    rows_stmt: Select,
    units: Mapping[uuid.UUID, str],
) -> None:
    """Both streams in dossier order, merged: a row without events, events without a row, or both."""
    rows = iter(session.execute(rows_stmt))
    row = next(rows, None)
    for dossier_id, facts in _replayed(session.execute(events_stmt)):
        while row is not None and row.id < dossier_id:  # a row no event explains
            report.dossiers_checked += 1
            _compare(report, DossierFacts(), row, units)
            row = next(rows, None)
        if row is not None and row.id == dossier_id:
            report.dossiers_checked += 1
            _compare(report, facts, row, units)
            row = next(rows, None)
        else:  # events of a dossier whose row is gone
            report.add(
                Message(
                    "Hồ sơ {code}: có sự kiện nhưng không còn dòng trong bảng hồ sơ (đã bị xóa trực tiếp).",
                    code=facts.values.get("code") or dossier_id,
                )
            )
    while row is not None:
        report.dossiers_checked += 1
        _compare(report, DossierFacts(), row, units)
        row = next(rows, None)


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


def _compare(report: ReplayReport, facts: DossierFacts, row: Any, units: Mapping[uuid.UUID, str]) -> None:
    stored = {**row._mapping, "current_unit": units.get(row.current_unit_id)}
    found = differences(facts, stored)
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
    details = [
        Message(
            "{column}: bảng ghi «{stored}», sự kiện ghi «{recorded}»",
            column=Message(_COLUMN_LABELS[column]),
            stored=_shown(stored[column]),
            recorded=_shown(facts.values[column]),
        )
        for column in found
    ]
    report.add(
        Message(
            "Hồ sơ {code}: bảng hồ sơ khác với sự kiện — {details}.",
            code=facts.values.get("code") or row.code,
            details=Message.joined("; ", details),
        )
    )


def _shown(value: object) -> Message | str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return Message("không có") if value is None else str(value)


# ----------------------------------------------------------------------------- applicants
SNAPSHOT_KINDS = ("received", "refused", "intake_supplement_requested")
_FIELD_LABELS = {
    "full_name": "họ tên",
    "id_number": "số CCCD",
    "old_id_number": "số CMND cũ",
    "birth_date": "ngày sinh",
    "sex": "giới tính",
    "phone": "điện thoại",
    "email": "thư điện tử",
    "address": "địa chỉ",
    "read_from_card": "đọc từ thẻ CCCD",
}


def verify_applicants(db: Database, batch: int = 5000, report: ReplayReport | None = None) -> ReplayReport:
    """Each applicant row is as the newest intake that names it left it (its event's snapshot).

    The row is shared: every intake of the same person updates it, and each intake's event keeps
    the row as that intake left it (``applicants.applicant_snapshot``). So the newest snapshot must
    be the row, field by field. Applicants no event has a snapshot of (intakes made before the
    snapshots) are not compared."""
    report = report if report is not None else ReplayReport()
    key = Event.payload["applicant"]["id"].as_string()
    order = cast(key, Uuid) if db.dialect == "postgresql" else key  # uuid order on both backends
    events_stmt = (
        select(key, Event.payload)
        .where(Event.kind.in_(SNAPSHOT_KINDS), key.is_not(None))
        .order_by(order, Event.occurred_at, Event.node_id, Event.seq)
        .execution_options(yield_per=batch)
    )
    rows_stmt = (
        select(Applicant.id, *(getattr(Applicant, name) for name in SNAPSHOT_FIELDS))
        .order_by(Applicant.id)
        .execution_options(yield_per=batch)
    )
    with db.snapshot() as session:
        rows = iter(session.execute(rows_stmt))
        row = next(rows, None)
        for applicant_id, newest in _newest_snapshots(session.execute(events_stmt)):
            while row is not None and row.id < applicant_id:
                row = next(rows, None)  # an applicant of older intakes only: nothing to compare
            if row is not None and row.id == applicant_id:
                _compare_applicant(report, newest, row._mapping)
                row = next(rows, None)
            else:
                report.add(
                    Message(
                        "Người nộp {name} ({id_number}): có trong sự kiện nhưng không còn trong bảng người nộp.",
                        name=newest.get("full_name"),
                        id_number=mask_id_number(str(newest.get("id_number") or "")),
                    )
                )
    return report


def _newest_snapshots(events: Any) -> Iterator[tuple[uuid.UUID, Mapping[str, object]]]:
    current: uuid.UUID | None = None
    newest: Mapping[str, object] = {}
    for applicant_id, payload in events:
        snapshot = _payload(payload).get("applicant")
        if not isinstance(snapshot, Mapping):
            continue
        found = uuid.UUID(str(applicant_id))
        if found != current and current is not None:
            yield current, newest
        current, newest = found, snapshot
    if current is not None:
        yield current, newest


def _compare_applicant(report: ReplayReport, newest: Mapping[str, object], row: Mapping[str, Any]) -> None:
    details = []
    for name in SNAPSHOT_FIELDS:
        if name not in newest:
            continue
        stored = row[name].isoformat() if isinstance(row[name], date) else row[name]
        if blank_as_none(stored) != blank_as_none(newest[name]):
            details.append(
                Message(
                    "{column}: bảng ghi «{stored}», sự kiện ghi «{recorded}»",
                    column=Message(_FIELD_LABELS[name]),
                    stored=_shown(_masked(name, stored)),
                    recorded=_shown(_masked(name, newest[name])),
                )
            )
    if details:
        report.add(
            Message(
                "Người nộp {name} ({id_number}): bảng người nộp khác với lần tiếp nhận cuối — {details}.",
                name=newest.get("full_name"),
                id_number=mask_id_number(str(newest.get("id_number") or "")),
                details=Message.joined("; ", details),
            )
        )


def _masked(name: str, value: object) -> object:
    """A verification report may be read over a shoulder: numbers shown as lists show them."""
    if name in ("id_number", "old_id_number") and value:
        return mask_id_number(str(value))
    if name == "phone" and value:
        return mask_phone(str(value))
    return value


def verify_tables(db: Database) -> ReplayReport:
    """The dossiers, then the applicants, against the events (``events verify``, ``check``)."""
    return verify_applicants(db, report=verify_dossiers(db))
