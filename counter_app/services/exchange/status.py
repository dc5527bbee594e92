"""Where an office stands in its exchange with the province: its key, the province's, and how much
of each chain the province has not acknowledged yet (the administration's «Trao đổi» tab)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from counter_app.db.database import Database
from counter_app.db.models import ExchangeAck, ExchangeKey, NodeHead
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.exchange.downward import last_number
from counter_app.services.exchange.keys import OWN, PROVINCE


@dataclass(frozen=True)
class ChainState:
    node_id: str
    head: int  # the chain's last event here
    acknowledged: int  # the last one the province has acknowledged (0: none)

    @property
    def unsent(self) -> int:
        return self.head - self.acknowledged


@dataclass(frozen=True)
class ExchangeStatus:
    own_fingerprint: str | None  # None until the first bundle (or «counter-cli exchange key»)
    province_fingerprint: str | None  # None until the province's key is trusted
    chains: tuple[ChainState, ...]
    baseline_number: int = 0  # the province's newest catalogue-and-calendar bundle applied (0: none)

    @property
    def unsent(self) -> int:
        return sum(c.unsent for c in self.chains)


def exchange_status(db: Database, actor: Actor) -> ExchangeStatus:
    require_role(actor, Role.ADMIN, "xem tình trạng trao đổi dữ liệu")
    with db.read() as session:
        keys = {k.role: k.fingerprint for k in session.execute(select(ExchangeKey)).scalars()}
        acks = {a.node_id: a.acked_seq for a in session.execute(select(ExchangeAck)).scalars()}
        chains = tuple(
            ChainState(h.node_id, h.last_seq, acks.get(h.node_id, 0))
            for h in session.execute(select(NodeHead).order_by(NodeHead.node_id)).scalars()
            if h.last_seq > 0
        )
        baseline = last_number(session, "in")
    return ExchangeStatus(keys.get(OWN), keys.get(PROVINCE), chains, baseline)
