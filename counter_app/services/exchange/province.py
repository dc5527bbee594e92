"""At the provincial centre: enrolling an office's key, importing its bundles, acknowledging them.

Import order (``import_events``):

1. The file is read and its signature checked (``bundle.read_bundle``); the key that signed it must
   be an enrolled office's (``enrol``, after the office's fingerprint was read over the phone).
2. A bundle from a newer schema is refused (update the province first); an older one is read as
   is: an event keeps the hash version it was written with, so nothing in it needs rewriting.
3. Every event's hash is recomputed and every link inside the bundle followed; the bundle's chains
   must say the same. Anything else is a bundle changed after it was signed: refused whole.
4. In ONE transaction, each chain: events the province has are skipped when identical and raise a
   fork alarm when not; the events that follow the applied head are applied; events after a gap
   wait in ``exchange_pending`` until the missing ones come (bundles out of order), then are
   applied. A fork applies nothing of that node; its incoming branch is kept in the alarm.

So the same bundle twice, bundles out of order, overlapping ranges all end in the same state, and a
crash mid-import leaves the state before it (the transaction). ``acknowledge`` answers with a signed
bundle saying how far each of the office's chains is applied; the office imports it to move its
cursor (``office.import_ack``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.event_log import GENESIS_HASH
from counter_app.db.models import (
    ExchangeBundle,
    ExchangeChain,
    ExchangeEvent,
    ExchangeFork,
    ExchangePeer,
    ExchangePending,
)
from counter_app.db.schema_head import HEAD_REVISION
from counter_app.db.upsert import insert_for
from counter_app.domain.errors import Message, UserError
from counter_app.output_files import check_writable
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.epochs import EPOCH_STARTED
from counter_app.services.exchange.bundle import EVENTS, ReadBundle, read_bundle, refused, write_bundle
from counter_app.services.exchange.checked_lines import check_links, events_by_node
from counter_app.services.exchange.event_json import event_line, line_bytes, typed_line
from counter_app.services.exchange.keys import encode_key, fingerprint_of, own_key, same_fingerprint
from counter_app.services.exchange.office_calendars import checked_calendars, keep_calendars
from counter_app.services.exchange.province_view import project
from counter_app.services.exchange.rewinds import lost_events, note_rewinds
from counter_app.services.exchange.set_aside import set_aside_descendants
from counter_app.services.exchange.upward import EVENTS_KIND

ACK_KIND = "ack"


@dataclass(frozen=True)
class Enrolled:
    fingerprint: str
    office_code: str
    office_name: str
    new: bool


def enrol(db: Database, actor: Actor, path: Path, typed_fingerprint: str, *, now: datetime) -> Enrolled:
    """Enrol the key that signed the office's bundle at ``path``, once the fingerprint the office
    read out over the phone matches it."""
    require_role(actor, Role.ADMIN, "đăng ký khóa của văn phòng")
    bundle = read_bundle(path)
    actual = fingerprint_of(bundle.signer)
    if not same_fingerprint(typed_fingerprint, actual):
        raise UserError(
            "Dấu vân tay đọc qua điện thoại ({typed}) không khớp khóa đã ký gói ({actual}): không đăng ký.",
            typed=typed_fingerprint.strip(),
            actual=actual,
        )
    office = bundle.manifest.get("office")
    code, name = (
        (str(office.get("code", "")), str(office.get("name", ""))) if isinstance(office, dict) else ("", "")
    )
    with db.write() as session:
        existing = session.get(ExchangePeer, actual)
        if existing is not None:
            return Enrolled(actual, existing.office_code, existing.office_name, False)
        session.add(
            ExchangePeer(
                fingerprint=actual,
                public_key=encode_key(bundle.signer),
                office_code=code[:40],
                office_name=name[:300],
                enrolled_at=now,
                enrolled_by=actor.username,
            )
        )
    return Enrolled(actual, code, name, True)


@dataclass
class NodeOutcome:
    node_id: str
    applied: int = 0
    already_had: int = 0
    waiting: int = 0  # after a gap, kept until the missing events come
    fork_at: int | None = None  # a fork alarm raised (or already open) at this sequence number
    set_aside: int = 0  # descendants of a branch set aside after an earlier alarm
    head: int = 0
    touched: set[uuid.UUID] = field(default_factory=set)  # the dossiers of the applied events


@dataclass
class Imported:
    bundle_id: uuid.UUID
    office_code: str
    fingerprint: str
    repeated: bool  # the same bundle was imported before: nothing to do
    nodes: list[NodeOutcome] = field(default_factory=list)
    dossiers: int = 0  # office dossiers replayed into the province's view

    @property
    def applied(self) -> int:
        return sum(n.applied for n in self.nodes)

    @property
    def forks(self) -> list[NodeOutcome]:
        return [n for n in self.nodes if n.fork_at is not None]


def import_events(db: Database, actor: Actor, path: Path, *, now: datetime) -> Imported:
    require_role(actor, Role.ADMIN, "nhập gói dữ liệu của văn phòng")
    bundle = read_bundle(path)
    if bundle.kind != EVENTS_KIND:
        raise refused(
            path, Message("đây không phải gói dữ liệu của văn phòng (loại {kind})", kind=bundle.kind)
        )
    fingerprint = fingerprint_of(bundle.signer)
    with db.read() as session:
        peer = session.get(ExchangePeer, fingerprint)
    if peer is None or peer.public_key != encode_key(bundle.signer):
        raise refused(
            path,
            Message(
                "khóa đã ký gói ({fingerprint}) chưa được đăng ký ở trung tâm tỉnh — hãy đối chiếu dấu vân tay với "
                "văn phòng qua điện thoại rồi chạy «counter-cli exchange enrol»",
                fingerprint=fingerprint,
            ),
        )
    check_schema(bundle)
    bundle_id = _bundle_id(bundle)
    calendars, sent_at = checked_calendars(bundle)
    result = Imported(bundle_id, peer.office_code, fingerprint, repeated=False)
    with db.read() as session:  # the id is under the signature: a bundle seen is not read again
        if _seen(session, bundle_id, fingerprint, path):
            result.repeated = True
            return result
    by_node = _checked_events(bundle)
    with db.write() as session:
        # One import of an office at a time (two admins at two PCs of the province): the office's
        # row is locked, then the bundle looked for again — the second waits, then finds it done.
        session.execute(select(ExchangePeer).where(ExchangePeer.fingerprint == fingerprint).with_for_update())
        if _seen(session, bundle_id, fingerprint, path):
            result.repeated = True
            return result
        # A chain begun after a restore goes after the others: its first event names the head of
        # an old chain it continues, which this very bundle may bring (the office resends all the
        # province has not acknowledged) — the rewind is noted only once that chain is here.
        for node, lines in _old_chains_first(by_node):
            result.nodes.append(apply_node(session, node, lines, fingerprint, bundle_id, now, path))
        result.dossiers = project(session, set().union(*(n.touched for n in result.nodes)), fingerprint)
        keep_calendars(session, fingerprint, calendars, sent_at)
        session.add(
            ExchangeBundle(
                bundle_id=bundle_id,
                direction="in",
                kind=EVENTS_KIND,
                peer_fingerprint=fingerprint,
                at=now,
                summary={"file": path.name, "applied": result.applied, "forks": len(result.forks)},
            )
        )
    return result


def acknowledge(db: Database, fingerprint: str, out: Path, *, acknowledges: uuid.UUID, now: datetime) -> Path:
    """The signed acknowledgement for the office ``fingerprint``: how far each of its chains is applied."""
    with db.write() as session:
        key, own = own_key(session, now)
        peer = session.get(ExchangePeer, fingerprint)
        if peer is None:
            raise UserError("Văn phòng có khóa {fingerprint} chưa được đăng ký.", fingerprint=fingerprint)
        chains = [
            {"node_id": c.node_id, "seq": c.last_seq, "hash": c.last_hash}
            for c in session.execute(
                select(ExchangeChain)
                .where(ExchangeChain.peer_fingerprint == fingerprint)
                .order_by(ExchangeChain.node_id)
            ).scalars()
        ]
        bundle_id = uuid.uuid4()
        manifest: dict[str, object] = {
            "kind": ACK_KIND,
            "bundle_id": str(bundle_id),
            "created_at": now.isoformat(),
            "acknowledges": str(acknowledges),
            "to": fingerprint,
            "office": {"code": peer.office_code, "name": peer.office_name},
            "enrolled_at": peer.enrolled_at.isoformat(),
            "chains": chains,
        }
        # An office restored from an old backup gets back the events it lost (the province has them).
        returned = lost_events(session, fingerprint)
        parts: dict[str, Iterable[bytes]] = {}
        if returned:
            manifest["returned"] = [span for span, _lines in returned]
            parts[EVENTS] = [line_bytes(line) for _span, lines in returned for line in lines]
        write_bundle(out, manifest, parts, key)
        session.add(
            ExchangeBundle(
                bundle_id=bundle_id,
                direction="out",
                kind=ACK_KIND,
                peer_fingerprint=fingerprint,
                at=now,
                summary={"file": out.name, "acknowledges": str(acknowledges), "from": own},
            )
        )
    return out


def import_and_acknowledge(
    db: Database, actor: Actor, path: Path, ack_dir: Path | None, *, now: datetime
) -> tuple[Imported, Path]:
    """Import an office's bundle and write its acknowledgement into ``ack_dir`` (default: beside
    the bundle), named after the office and the time: what the office takes back to import."""
    folder = ack_dir if ack_dir is not None else path.parent
    # Said before the import: an applied bundle must get its answer.
    if not folder.is_dir():
        raise UserError(
            "Thư mục ghi gói xác nhận {folder} không tồn tại hoặc không phải thư mục: chưa nhập gì.",
            folder=folder,
        )
    if not os.access(folder, os.W_OK):
        raise UserError("Không ghi được vào thư mục {folder} (gói xác nhận): chưa nhập gì.", folder=folder)
    result = import_events(db, actor, path, now=now)
    name = f"xacnhan-{result.office_code or 'vanphong'}-{now:%Y%m%d-%H%M%S}-{result.bundle_id.hex[:8]}.zip"
    ack = check_writable(folder / name)
    acknowledge(db, result.fingerprint, ack, acknowledges=result.bundle_id, now=now)
    return result, ack


# ----------------------------------------------------------------------------------------- checking


def check_schema(bundle: ReadBundle) -> None:
    schema = str(bundle.manifest.get("schema", ""))
    if not schema.isdigit():
        raise refused(bundle.path, Message("bản kê không ghi phiên bản lược đồ"))
    if int(schema) > int(HEAD_REVISION):
        raise refused(
            bundle.path,
            Message(
                "gói được lập bởi phiên bản counter_app mới hơn (lược đồ {schema}, ở đây {here}): hãy cập nhật phần "
                "mềm ở trung tâm tỉnh trước",
                schema=schema,
                here=HEAD_REVISION,
            ),
        )


def _old_chains_first(by_node: dict[str, list[dict[str, Any]]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The bundle's chains, each one an epoch continues before that epoch (two restores in one
    bundle: the second epoch continues the first)."""
    continues: dict[str, str] = {}
    for node, lines in by_node.items():
        first = lines[0] if lines else {}
        if first.get("kind") == EPOCH_STARTED and first.get("seq") == 1:
            payload = first.get("payload")
            old = payload.get("continues") if isinstance(payload, dict) else None
            continues[node] = str(old.get("node")) if isinstance(old, dict) else ""
    ordered = [node for node in by_node if node not in continues]
    waiting = [node for node in by_node if node in continues]
    while waiting:
        ready = [n for n in waiting if continues[n] not in waiting] or waiting[:1]  # (a loop: as it comes)
        ordered += ready
        waiting = [n for n in waiting if n not in ready]
    return [(node, by_node[node]) for node in ordered]


def _bundle_id(bundle: ReadBundle) -> uuid.UUID:
    try:
        return uuid.UUID(str(bundle.manifest.get("bundle_id")))
    except ValueError as exc:
        raise refused(bundle.path, Message("bản kê không có mã gói")) from exc


def _checked_events(bundle: ReadBundle) -> dict[str, list[dict[str, Any]]]:
    """The bundle's events by node, each hash recomputed and every link followed against the
    chains its manifest lists (UserError: changed after it was signed)."""
    chains = bundle.manifest.get("chains")
    if not isinstance(chains, list) or not chains:
        raise refused(bundle.path, Message("bản kê không liệt kê chuỗi nào"))
    by_node = events_by_node(bundle)
    listed = {str(c.get("node_id")): c for c in chains if isinstance(c, dict)}
    if set(listed) != set(by_node):
        raise refused(bundle.path, Message("các chuỗi trong gói khác bản kê"))
    for node, events in by_node.items():
        chain = listed[node]
        check_links(
            bundle,
            node,
            events,
            chain.get("first_seq"),
            chain.get("prev_hash"),
            chain.get("last_seq"),
            chain.get("head_hash"),
        )
    return by_node


# ----------------------------------------------------------------------------------------- applying


def _seen(session: Session, bundle_id: uuid.UUID, fingerprint: str, path: Path) -> bool:
    """The bundle was imported before; one office cannot claim another's bundle id."""
    seen = session.get(ExchangeBundle, bundle_id)
    if seen is not None and seen.peer_fingerprint != fingerprint:
        raise refused(path, Message("mã gói {id} đã được một văn phòng khác dùng", id=bundle_id))
    return seen is not None


def apply_node(
    session: Session,
    node: str,
    incoming: list[dict[str, Any]],
    fingerprint: str,
    bundle_id: uuid.UUID,
    now: datetime,
    path: Path,
) -> NodeOutcome:
    """Apply one chain of a bundle (module docstring). Events waiting from earlier bundles are used
    where the bundle has none, but never decide a conflict: the first place where two events
    differ, or where the next event does not follow the last applied one, stops the chain there
    with a fork alarm — everything before it that follows the applied head is applied, the
    bundle's events from there on are kept in the alarm, the waiting ones stay waiting."""
    outcome = NodeOutcome(node)
    chain = session.execute(
        select(ExchangeChain).where(ExchangeChain.node_id == node).with_for_update()
    ).scalar_one_or_none()
    claimed = chain.peer_fingerprint if chain is not None else _pending_owner(session, node)
    if claimed is not None and claimed != fingerprint:
        raise refused(path, Message("chuỗi {node} thuộc một văn phòng khác", node=node))
    head_seq, head_hash = (chain.last_seq, chain.last_hash) if chain else (0, GENESIS_HASH)
    outcome.head = head_seq
    # A branch the admin did not keep, still sent by the losing copy: set aside, not a new alarm.
    incoming, outcome.set_aside = set_aside_descendants(session, node, incoming, now)
    stored = _stored_hashes(session, node, [line["seq"] for line in incoming if line["seq"] <= head_seq])
    known = [line for line in incoming if line["seq"] <= head_seq]
    outcome.already_had = sum(1 for line in known if stored.get(line["seq"]) == line["hash"])
    differing = next((line for line in known if stored.get(line["seq"]) != line["hash"]), None)
    alarm = session.execute(
        select(ExchangeFork).where(ExchangeFork.node_id == node, ExchangeFork.resolved_at.is_(None)).limit(1)
    ).scalar_one_or_none()
    if alarm is not None:  # nothing of the node until the branch is chosen: kept in the alarm
        outcome.fork_at = alarm.seq
        outcome.waiting = _add_to_alarm(
            alarm, [line for line in incoming if stored.get(line["seq"]) != line["hash"]]
        )
        return outcome
    if differing is not None:  # the bundle differs from what is applied
        seq = differing["seq"]
        branch = [line for line in incoming if line["seq"] >= seq]
        return _raise_fork(
            session,
            fingerprint,
            outcome,
            node,
            seq,
            stored.get(seq, ""),
            differing["hash"],
            branch,
            bundle_id,
            now,
        )
    waiting = {
        p.seq: typed_line(p.event)
        for p in session.execute(
            select(ExchangePending).where(ExchangePending.node_id == node, ExchangePending.seq > head_seq)
        ).scalars()
    }
    ahead = {line["seq"]: line for line in incoming if line["seq"] > head_seq}
    to_apply: list[dict[str, Any]] = []
    prev, seq = head_hash, head_seq + 1
    conflict: tuple[int, str, str] | None = None  # (place, the chain's hash, the other hash)
    while seq in ahead or seq in waiting:
        mine, theirs = ahead.get(seq), waiting.get(seq)
        if mine is not None and theirs is not None and mine["hash"] != theirs["hash"]:
            conflict = (seq, theirs["hash"], mine["hash"])  # two branches, neither applied
            break
        line = mine if mine is not None else theirs
        assert line is not None
        if line["prev_hash"] != prev:  # it follows another event than the one applied before it
            conflict = (seq - 1, prev, line["prev_hash"])
            break
        to_apply.append(line)
        prev, seq = line["hash"], seq + 1
    if to_apply:
        # Core, not the ORM's bulk insert: a year offline is a million rows (bench_exchange).
        session.execute(insert(ExchangeEvent.__table__), [_row(line, bundle_id) for line in to_apply])
        new_seq = head_seq + len(to_apply)
        if chain is None:
            session.add(
                ExchangeChain(
                    node_id=node,
                    peer_fingerprint=fingerprint,
                    last_seq=new_seq,
                    last_hash=prev,
                    updated_at=now,
                )
            )
        else:
            chain.last_seq, chain.last_hash, chain.updated_at = new_seq, prev, now
        outcome.applied, outcome.head = len(to_apply), new_seq
        outcome.touched = {line["dossier_id"] for line in to_apply if line["dossier_id"] is not None}
        note_rewinds(session, node, to_apply, fingerprint, now)
        session.execute(
            delete(ExchangePending).where(ExchangePending.node_id == node, ExchangePending.seq <= new_seq)
        )
    later = [line for line in incoming if line["seq"] > outcome.head]
    if conflict is not None:
        place, chain_hash, other_hash = conflict
        return _raise_fork(
            session, fingerprint, outcome, node, place, chain_hash, other_hash, later, bundle_id, now
        )
    clash = next(
        (line for line in later if line["seq"] in waiting and waiting[line["seq"]]["hash"] != line["hash"]),
        None,
    )
    if clash is not None:  # after a gap, the bundle and a waiting event differ: two branches
        seq = clash["seq"]
        branch = [line for line in later if line["seq"] >= seq]
        outcome.waiting = _keep_pending(
            session, node, [x for x in later if x["seq"] < seq], bundle_id, fingerprint
        )
        return _raise_fork(
            session,
            fingerprint,
            outcome,
            node,
            seq,
            waiting[seq]["hash"],
            clash["hash"],
            branch,
            bundle_id,
            now,
        )
    outcome.waiting = _keep_pending(session, node, later, bundle_id, fingerprint)
    return outcome


def _pending_owner(session: Session, node: str) -> str | None:
    return session.execute(
        select(ExchangePending.peer_fingerprint).where(ExchangePending.node_id == node).limit(1)
    ).scalar_one_or_none()


def _raise_fork(
    session: Session,
    fingerprint: str,
    outcome: NodeOutcome,
    node: str,
    seq: int,
    chain_hash: str,
    other_hash: str,
    branch: list[dict[str, Any]],
    bundle_id: uuid.UUID,
    now: datetime,
) -> NodeOutcome:
    """Two different events at ``seq`` (the chain's and the other's hashes): the alarm, with the
    bundle's events from there on kept whole in it."""
    session.add(
        ExchangeFork(
            node_id=node,
            peer_fingerprint=fingerprint,
            seq=seq,
            stored_hash=chain_hash,
            incoming_hash=other_hash,
            bundle_id=bundle_id,
            branch=[event_line(line) for line in branch],
            raised_at=now,
        )
    )
    outcome.fork_at = seq
    return outcome


def _add_to_alarm(alarm: ExchangeFork, lines: list[dict[str, Any]]) -> int:
    """Keep ``lines`` in the open alarm, each (number, hash) once: nothing sent meanwhile is lost."""
    kept = {(int(e["seq"]), str(e["hash"])) for e in alarm.branch}  # type: ignore[call-overload]
    new = [event_line(line) for line in lines if (line["seq"], line["hash"]) not in kept]
    if new:
        alarm.branch = [*alarm.branch, *new]  # a new list: the JSON column sees the change
    return len(new)


def _keep_pending(
    session: Session, node: str, lines: list[dict[str, Any]], bundle_id: uuid.UUID, fingerprint: str
) -> int:
    """Keep events that wait for earlier ones (those kept already stay as they are). One statement
    run for many rows: SQLAlchemy batches them, whereas one VALUES list of a week's events would
    pass PostgreSQL's limit of 65,535 parameters."""
    if not lines:
        return 0
    insert_ = insert_for(session.get_bind().dialect.name)
    rows = [
        {
            "node_id": node,
            "seq": line["seq"],
            "peer_fingerprint": fingerprint,
            "hash": line["hash"],
            "event": event_line(line),
            "bundle_id": bundle_id,
        }
        for line in lines
    ]
    session.execute(insert_(ExchangePending).on_conflict_do_nothing(index_elements=["node_id", "seq"]), rows)
    return len(lines)


def _stored_hashes(session: Session, node: str, seqs: list[int]) -> dict[int, str]:
    if not seqs:
        return {}
    rows = session.execute(
        select(ExchangeEvent.seq, ExchangeEvent.hash).where(
            ExchangeEvent.node_id == node, ExchangeEvent.seq.between(min(seqs), max(seqs))
        )
    )
    return {seq: hash_ for seq, hash_ in rows}


def _row(line: dict[str, Any], bundle_id: uuid.UUID) -> dict[str, Any]:
    return {**line, "bundle_id": bundle_id}
