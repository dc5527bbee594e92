"""At the province: the fork alarms, and the admin's choice of the branch to keep.

A fork alarm (``province._raise_fork``) stops a chain where two different events claim one place:
the branch applied first is in ``exchange_events``, the other in the alarm. The admin looks at both
(``list_forks``: each branch's events, time span and dossier codes) and keeps one
(``keep_branch``), in one transaction:

- **keep the applied branch**: the alarm's events are set aside (``exchange_set_aside``);
- **keep the other branch**: the applied events from the fork's place on are set aside, taken out
  of ``exchange_events`` (the one deletion its guard allows: while the resolution's permit row for
  that node and place exists, inside this transaction), and the alarm's events are applied as a
  bundle's would be.

Either way nothing is dropped: the set-aside events stay, with the alarm they came from. The alarm
is closed; later events descending from a set-aside one (the losing copy still sending) are set
aside too as they arrive, instead of raising the alarm again. The province's view of the dossiers
the two branches touch is replayed. docs/exchange.md, «Fork alarm».
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.event_log import GENESIS_HASH
from counter_app.db.models import (
    ExchangeChain,
    ExchangeEvent,
    ExchangeFork,
    ExchangeForkPermit,
    ExchangePeer,
    ExchangePending,
)
from counter_app.domain.errors import NotFoundError, UserError, ValidationError
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.exchange.event_json import event_line, typed_line
from counter_app.services.exchange.province import apply_node
from counter_app.services.exchange.province_view import project
from counter_app.services.exchange.set_aside import insert_aside

KEEP_APPLIED = "applied"
KEEP_OTHER = "other"


@dataclass(frozen=True)
class Branch:
    events: int
    first_at: datetime | None
    last_at: datetime | None
    dossier_codes: tuple[str, ...]  # the dossiers it receives (a «received» or «refused» event)


@dataclass(frozen=True)
class ForkInfo:
    id: uuid.UUID
    office_code: str
    office_name: str
    node_id: str
    seq: int
    raised_at: datetime
    applied: Branch  # the chain's events from ``seq`` on, applied
    other: Branch  # the alarm's events
    resolved_at: datetime | None
    resolution: str | None


@dataclass(frozen=True)
class ForkResolved:
    fork_id: uuid.UUID
    kept: str
    set_aside: int
    applied: int  # events of the kept branch applied now (keeping the other branch)
    head: int
    new_alarm_at: int | None  # the kept branch itself stopped at another fork


def list_forks(db: Database, actor: Actor, *, open_only: bool = True) -> list[ForkInfo]:
    require_role(actor, Role.ADMIN, "xem cảnh báo rẽ nhánh")
    with db.read() as session:
        stmt = select(ExchangeFork).order_by(ExchangeFork.raised_at)
        if open_only:
            stmt = stmt.where(ExchangeFork.resolved_at.is_(None))
        return [_info(session, fork) for fork in session.execute(stmt).scalars()]


def keep_branch(db: Database, actor: Actor, fork_id: str, keep: str, *, now: datetime) -> ForkResolved:
    """Keep one branch of the open alarm ``fork_id`` (its id or the start of it): ``applied`` or
    ``other``; the other branch is set aside."""
    require_role(actor, Role.ADMIN, "chọn nhánh sau cảnh báo rẽ nhánh")
    if keep not in (KEEP_APPLIED, KEEP_OTHER):
        raise ValidationError("Chọn nhánh «applied» (đã áp dụng) hoặc «other» (nhánh kia).", field="keep")
    with db.write() as session:
        fork = _find(session, fork_id)
        chain = session.execute(
            select(ExchangeChain).where(ExchangeChain.node_id == fork.node_id).with_for_update()
        ).scalar_one_or_none()
        session.refresh(fork, with_for_update=True)  # two admins at once: the second sees it resolved
        if fork.resolved_at is not None:
            raise UserError("Cảnh báo rẽ nhánh này đã được xử lý ({resolution}).", resolution=fork.resolution)
        fingerprint = fork.peer_fingerprint or (chain.peer_fingerprint if chain is not None else "")
        if not fingerprint:
            raise UserError("Không rõ cảnh báo rẽ nhánh này thuộc văn phòng nào: không chọn được nhánh.")
        fork.resolved_at, fork.resolution = now, keep
        waiting = _waiting(session, fork)
        other, continuing = _split([typed_line(line) for line in fork.branch], fork.incoming_hash)
        others = {line["hash"] for line in _split([*other, *waiting.values()], fork.incoming_hash)[0]}
        if keep == KEEP_APPLIED:
            aside = insert_aside(session, fork.id, fork.node_id, other, KEEP_OTHER, now)
            aside += _take_out_waiting(session, fork, waiting, lambda hash_: hash_ in others, KEEP_OTHER, now)
            outcome = apply_node(
                session, fork.node_id, continuing, fingerprint, fork.bundle_id, now, Path("")
            )
            touched = outcome.touched
        else:
            removed = _take_out_applied(session, fork, chain, now)
            aside = len(removed) + insert_aside(session, fork.id, fork.node_id, continuing, KEEP_APPLIED, now)
            aside += _take_out_waiting(
                session, fork, waiting, lambda hash_: hash_ not in others, KEEP_APPLIED, now
            )
            outcome = apply_node(session, fork.node_id, other, fingerprint, fork.bundle_id, now, Path(""))
            touched = outcome.touched | {e["dossier_id"] for e in removed if e["dossier_id"] is not None}
        project(session, touched, fingerprint)
        return ForkResolved(fork.id, keep, aside, outcome.applied, outcome.head, outcome.fork_at)


# ------------------------------------------------------------------------------------------ helpers


def _find(session: Session, fork_id: str) -> ExchangeFork:
    text = fork_id.strip().lower().replace("-", "")
    if len(text) < 4 or not all(ch in "0123456789abcdef" for ch in text):
        raise ValidationError("Mã cảnh báo rẽ nhánh «{id}» không đúng dạng.", id=fork_id, field="fork")
    found = [f for f in session.execute(select(ExchangeFork)).scalars() if f.id.hex.startswith(text)]
    if not found:
        raise NotFoundError("Không có cảnh báo rẽ nhánh nào có mã {id}.", id=fork_id)
    if len(found) > 1:
        raise ValidationError("Mã {id} khớp nhiều cảnh báo: hãy gõ thêm ký tự.", id=fork_id, field="fork")
    return found[0]


def _split(lines: list[dict[str, Any]], other_hash: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The alarm's events: those of the other branch (the one whose event at the fork's place has
    ``other_hash``, and what follows it), and those continuing the chain's own branch (sent while
    the alarm was open)."""
    branch_hashes = {other_hash}
    other: list[dict[str, Any]] = []
    continuing: list[dict[str, Any]] = []
    for line in sorted(lines, key=lambda e: e["seq"]):
        if line["hash"] in branch_hashes or line["prev_hash"] in branch_hashes:
            other.append(line)
            branch_hashes.add(line["hash"])
        else:
            continuing.append(line)
    return other, continuing


def _waiting(session: Session, fork: ExchangeFork) -> dict[int, dict[str, Any]]:
    """The events of the node waiting for a gap from the fork's place on, by number."""
    rows = session.execute(
        select(ExchangePending).where(
            ExchangePending.node_id == fork.node_id, ExchangePending.seq >= fork.seq
        )
    ).scalars()
    return {row.seq: typed_line(row.event) for row in rows}


def _take_out_waiting(
    session: Session,
    fork: ExchangeFork,
    waiting: dict[int, dict[str, Any]],
    losing: Callable[[str], bool],
    branch: str,
    now: datetime,
) -> int:
    """The waiting events of the branch not kept: set aside, out of ``exchange_pending``."""
    lost = [line for line in waiting.values() if losing(line["hash"])]
    insert_aside(session, fork.id, fork.node_id, lost, branch, now)
    if lost:
        session.execute(
            delete(ExchangePending).where(
                ExchangePending.node_id == fork.node_id,
                ExchangePending.seq.in_([line["seq"] for line in lost]),
            )
        )
    return len(lost)


def _take_out_applied(
    session: Session, fork: ExchangeFork, chain: ExchangeChain | None, now: datetime
) -> list[dict[str, Any]]:
    """The applied events from the fork's place on: set aside, then out of ``exchange_events``
    (allowed by the permit row, inside this transaction only); the chain's head moves back."""
    rows = (
        session.execute(
            select(ExchangeEvent)
            .where(ExchangeEvent.node_id == fork.node_id, ExchangeEvent.seq >= fork.seq)
            .order_by(ExchangeEvent.seq)
        )
        .scalars()
        .all()
    )
    lines = [typed_line(event_line(r)) for r in rows]
    insert_aside(session, fork.id, fork.node_id, lines, KEEP_APPLIED, now)
    session.add(ExchangeForkPermit(node_id=fork.node_id, from_seq=fork.seq))
    session.flush()
    session.execute(
        delete(ExchangeEvent).where(ExchangeEvent.node_id == fork.node_id, ExchangeEvent.seq >= fork.seq)
    )
    session.execute(delete(ExchangeForkPermit).where(ExchangeForkPermit.node_id == fork.node_id))
    if chain is not None:
        previous = session.execute(
            select(ExchangeEvent.hash).where(
                ExchangeEvent.node_id == fork.node_id, ExchangeEvent.seq == fork.seq - 1
            )
        ).scalar_one_or_none()
        chain.last_seq, chain.last_hash, chain.updated_at = fork.seq - 1, previous or GENESIS_HASH, now
    return lines


def _info(session: Session, fork: ExchangeFork) -> ForkInfo:
    owner = (
        fork.peer_fingerprint
        or session.execute(
            select(ExchangeChain.peer_fingerprint).where(ExchangeChain.node_id == fork.node_id)
        ).scalar_one_or_none()
    )
    peer = session.get(ExchangePeer, owner) if owner else None
    applied_rows: list[Any] = list(
        session.execute(
            select(ExchangeEvent.kind, ExchangeEvent.occurred_at, ExchangeEvent.payload).where(
                ExchangeEvent.node_id == fork.node_id, ExchangeEvent.seq >= fork.seq
            )
        )
    )
    waiting = list(_waiting(session, fork).values()) if fork.resolved_at is None else []
    other, continuing = _split([typed_line(line) for line in fork.branch], fork.incoming_hash)
    others = {line["hash"] for line in _split([*other, *waiting], fork.incoming_hash)[0]}
    continuing += [line for line in waiting if line["hash"] not in others]
    applied_rows += [(e["kind"], e["occurred_at"], e["payload"]) for e in continuing]
    other_rows = [(e["kind"], e["occurred_at"], e["payload"]) for e in other]
    return ForkInfo(
        fork.id,
        peer.office_code if peer else "",
        peer.office_name if peer else "",
        fork.node_id,
        fork.seq,
        fork.raised_at,
        _branch(applied_rows),
        _branch(other_rows),
        fork.resolved_at,
        fork.resolution,
    )


def _branch(rows: list[Any]) -> Branch:
    if not rows:
        return Branch(0, None, None, ())
    instants = [at for _kind, at, _payload in rows]
    codes = tuple(
        str(payload.get("code"))
        for kind, _at, payload in rows
        if kind in ("received", "refused") and isinstance(payload, dict) and payload.get("code")
    )
    return Branch(len(rows), min(instants), max(instants), codes)
