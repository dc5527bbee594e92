"""An office's upward bundle: every event the province has not acknowledged yet, signed.

For each chain (node) of the office database: the events after the last one the province
acknowledged (``exchange_acks``; all of them before the first acknowledgement), with the hash they
follow, so the province sees at once whether the bundle continues what it has. Nothing is marked as
sent: until the acknowledgement comes back, the next export carries the same events again (a lost
USB stick costs nothing; the province takes a bundle twice without harm).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from counter_app import __version__
from counter_app.db.database import Database
from counter_app.db.event_log import GENESIS_HASH
from counter_app.db.models import Event, ExchangeAck, ExchangeBundle, NodeHead, Office
from counter_app.db.schema_head import HEAD_REVISION
from counter_app.domain.errors import UserError
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.exchange.bundle import EVENTS, write_bundle
from counter_app.services.exchange.event_json import event_line, line_bytes
from counter_app.services.exchange.keys import own_key
from counter_app.services.offices import calendar_spec

EVENTS_KIND = "events"
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Chain:
    node_id: str
    first_seq: int
    last_seq: int
    prev_hash: str  # the hash the first event follows (the acknowledged head)
    head_hash: str

    def as_json(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Exported:
    path: Path
    bundle_id: uuid.UUID
    fingerprint: str
    chains: tuple[Chain, ...]
    size: int

    @property
    def events(self) -> int:
        return sum(c.last_seq - c.first_seq + 1 for c in self.chains)


def export_events(
    db: Database, actor: Actor, out: Path, *, now: datetime, progress: Progress | None = None
) -> Exported | None:
    """Write the upward bundle at ``out``; None when the province has acknowledged everything.
    ``progress(done, total)`` follows the events written; when it returns False the export stops
    (UserError) and no file is left."""
    require_role(actor, Role.ADMIN, "xuất gói dữ liệu gửi trung tâm tỉnh")
    with db.write() as session:
        key, fingerprint = own_key(session, now)
    bundle_id = uuid.uuid4()
    with db.snapshot() as session:
        office = session.execute(
            select(Office).order_by(Office.identifier_code).limit(1)
        ).scalar_one_or_none()
        if office is None:
            raise UserError("Chưa có thông tin cơ quan: hãy thiết lập văn phòng trước khi gửi dữ liệu.")
        acks = {a.node_id: a for a in session.execute(select(ExchangeAck)).scalars()}
        chains = []
        for head in session.execute(select(NodeHead).order_by(NodeHead.node_id)).scalars():
            ack = acks.get(head.node_id)
            done, follows = (ack.acked_seq, ack.acked_hash) if ack else (0, GENESIS_HASH)
            if head.last_seq > done:
                chains.append(Chain(head.node_id, done + 1, head.last_seq, follows, head.last_hash))
        if not chains:
            return None
        manifest: dict[str, object] = {
            "kind": EVENTS_KIND,
            "bundle_id": str(bundle_id),
            "created_at": now.isoformat(),
            "app_version": __version__,
            "schema": HEAD_REVISION,
            "office": {"code": office.identifier_code, "name": office.name},
            "chains": [c.as_json() for c in chains],
            # Each office's working calendar as of now: the province judges and measures its
            # dossiers on it (province_reports, province_day).
            "calendars": {
                str(o.id): calendar_spec(session, o) for o in session.execute(select(Office)).scalars()
            },
        }
        size = write_bundle(out, manifest, {EVENTS: _event_lines(session, chains, progress)}, key)
    with db.write() as session:
        summary = {"events": sum(c.last_seq - c.first_seq + 1 for c in chains), "file": out.name}
        session.add(
            ExchangeBundle(
                bundle_id=bundle_id,
                direction="out",
                kind=EVENTS_KIND,
                peer_fingerprint=fingerprint,
                at=now,
                summary=summary,
            )
        )
    return Exported(out, bundle_id, fingerprint, tuple(chains), size)


def _event_lines(session, chains: list[Chain], progress: Progress | None) -> Iterator[bytes]:  # type: ignore[no-untyped-def]
    """Each chain's events in order, a line each, read in batches (a year offline is ~1M events)."""
    total = sum(c.last_seq - c.first_seq + 1 for c in chains)
    done = 0
    for chain in chains:
        stmt = (
            select(Event)
            .where(Event.node_id == chain.node_id, Event.seq.between(chain.first_seq, chain.last_seq))
            .order_by(Event.seq)
            .execution_options(yield_per=2000)
        )
        batch: list[bytes] = []
        for event in session.execute(stmt).scalars():
            batch.append(line_bytes(event_line(event)))
            if len(batch) == 2000:
                done += len(batch)
                yield b"".join(batch)
                batch.clear()
                if progress is not None and not progress(done, total):
                    raise UserError("Đã hủy: không ghi gói nào.")
        if batch:
            done += len(batch)
            yield b"".join(batch)
    if progress is not None and not progress(done, total):  # cancelled at the last moment: no file either
        raise UserError("Đã hủy: không ghi gói nào.")
