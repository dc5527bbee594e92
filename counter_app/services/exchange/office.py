"""At an office: the province's key, and the acknowledgements that move the export's cursor.

The province's public key reaches the office on paper or by phone, not by trusting the first file
that claims it: ``trust_province`` takes the key file and the fingerprint read out by the province,
and an acknowledgement imported before that must bring the fingerprint along
(``import_ack(..., fingerprint=…)``). An acknowledgement is accepted only when signed by that key,
addressed to this office's key, and naming events this database still has with those very hashes;
then each chain's cursor moves forward (never back), and those events leave the next export.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import Event, ExchangeAck, ExchangeBundle
from counter_app.domain.errors import Message, UserError
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.epochs import closed_chains
from counter_app.services.exchange.bundle import ReadBundle, read_bundle, refused
from counter_app.services.exchange.keys import (
    decode_key,
    encode_key,
    fingerprint_of,
    own_key,
    province_key,
    public_bytes,
    trust_province,
)
from counter_app.services.exchange.province import ACK_KIND
from counter_app.services.exchange.returned import ReturnedRange, returned_follows, take_returned

KEY_FILE_HEADER = "counter_app exchange public key"


def public_key_text(db: Database, *, now: datetime) -> tuple[str, str]:
    """This database's public key as a small text file's content, and its fingerprint."""
    with db.write() as session:
        key, fingerprint = own_key(session, now)
    return f"{KEY_FILE_HEADER}\n{encode_key(public_bytes(key))}\n{fingerprint}\n", fingerprint


def read_key_file(path: Path) -> bytes:
    try:
        lines = path.read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError("Không đọc được tệp khóa {path}: {error}.", path=path, error=exc) from exc
    candidates = [line for line in lines if len(line) == 44 and line.endswith("=")]
    if not candidates:
        raise UserError("Tệp {path} không chứa khóa công khai của counter_app.", path=path)
    return decode_key(candidates[0], "khóa trong tệp")


def trust_province_key(
    db: Database, actor: Actor, path: Path, typed_fingerprint: str, *, now: datetime
) -> str:
    require_role(actor, Role.ADMIN, "nhận khóa của trung tâm tỉnh")
    key = read_key_file(path)
    with db.write() as session:
        return trust_province(session, key, typed_fingerprint, now)


@dataclass(frozen=True)
class AckImported:
    bundle_id: uuid.UUID
    acknowledged: dict[str, int]  # node → sequence number the province has applied
    repeated: bool
    # node → the province's number beyond this database's last event (restored from an older
    # backup, or a copy behind its original): that chain's cursor is left as it is
    behind: dict[str, int] = field(default_factory=dict)
    # the events this database lost in a restore, sent back by the province (and what they received)
    returned: tuple[ReturnedRange, ...] = ()


def import_ack(
    db: Database, actor: Actor, path: Path, *, now: datetime, fingerprint: str | None = None
) -> AckImported:
    require_role(actor, Role.ADMIN, "nhập gói xác nhận của trung tâm tỉnh")
    bundle = read_bundle(path)
    if bundle.kind != ACK_KIND:
        raise refused(
            path, Message("đây không phải gói xác nhận của trung tâm tỉnh (loại {kind})", kind=bundle.kind)
        )
    try:
        bundle_id = uuid.UUID(str(bundle.manifest.get("bundle_id")))
    except ValueError as exc:
        raise refused(path, Message("bản kê không có mã gói")) from exc
    with db.write() as session:
        signed_by_province(session, bundle, fingerprint, now)
        _key, own = own_key(session, now)
        if bundle.manifest.get("to") != own:
            raise refused(
                path,
                Message("gói xác nhận này dành cho văn phòng có khóa {to}", to=bundle.manifest.get("to")),
            )
        if session.get(ExchangeBundle, bundle_id) is not None:
            return AckImported(bundle_id, {}, True)
        acknowledged: dict[str, int] = {}
        behind: dict[str, int] = {}
        returned = take_returned(session, db, actor, bundle, bundle_id, now)
        closed = closed_chains(session)
        for chain in _chains(bundle.manifest.get("chains"), path):
            node, seq, hash_ = chain
            head = session.execute(select(func.max(Event.seq)).where(Event.node_id == node)).scalar_one()
            if head is None:
                continue  # a chain of another database with this key (a copied folder's new node)
            if seq > head:  # the province has more of this chain than this database still does
                if node in closed and returned_follows(session, node, head, _hash_at(session, node, head)):
                    # Restored from an old backup: the chain is closed, the province sent back the
                    # rest and has everything this database has of it.
                    seq, hash_ = head, _hash_at(session, node, head)
                else:
                    behind[node] = seq
                    continue
            mine = session.execute(
                select(Event.hash).where(Event.node_id == node, Event.seq == seq)
            ).scalar_one_or_none()
            if mine != hash_:
                raise refused(
                    path,
                    Message(
                        "trung tâm tỉnh xác nhận sự kiện {node}#{seq} mà cơ sở dữ liệu này không có như vậy (đã khôi "
                        "phục từ bản sao lưu cũ?)",
                        node=node,
                        seq=seq,
                    ),
                )
            ack = session.get(ExchangeAck, node)
            if ack is None:
                session.add(ExchangeAck(node_id=node, acked_seq=seq, acked_hash=hash_, acked_at=now))
            elif seq > ack.acked_seq:
                ack.acked_seq, ack.acked_hash, ack.acked_at = seq, hash_, now
            acknowledged[node] = seq
        session.add(
            ExchangeBundle(
                bundle_id=bundle_id,
                direction="in",
                kind=ACK_KIND,
                peer_fingerprint=fingerprint_of(bundle.signer),
                at=now,
                summary={
                    "file": path.name,
                    "acknowledged": acknowledged,
                    "behind": behind,
                    "returned": {r.node_id: [r.first_seq, r.last_seq] for r in returned},
                },
            )
        )
    return AckImported(bundle_id, acknowledged, False, behind, tuple(returned))


def _hash_at(session: Session, node: str, seq: int) -> str:
    return session.execute(select(Event.hash).where(Event.node_id == node, Event.seq == seq)).scalar_one()


def signed_by_province(session: Session, bundle: ReadBundle, fingerprint: str | None, now: datetime) -> None:
    """Refuse a bundle not signed by the province's key; the first one, before any key is trusted,
    is accepted with the fingerprint the province reads out over the phone (and its key kept)."""
    if province_key(session) is None:
        if not fingerprint:
            raise refused(
                bundle.path,
                Message(
                    "văn phòng chưa có khóa của trung tâm tỉnh: hãy đọc dấu vân tay với trung tâm qua điện "
                    "thoại và nhập lại kèm --fingerprint"
                ),
            )
        trust_province(session, bundle.signer, fingerprint, now)
    trusted = province_key(session)
    assert trusted is not None
    if decode_key(trusted.public_key) != bundle.signer:
        raise refused(
            bundle.path,
            Message(
                "gói được ký bằng khóa {signer}, không phải khóa của trung tâm tỉnh ({trusted})",
                signer=fingerprint_of(bundle.signer),
                trusted=trusted.fingerprint,
            ),
        )


def _chains(value: object, path: Path) -> list[tuple[str, int, str]]:
    try:
        return [(str(c["node_id"]), int(c["seq"]), str(c["hash"])) for c in value]  # type: ignore[union-attr]
    except (TypeError, KeyError, ValueError) as exc:
        raise refused(path, Message("bản kê không đọc được")) from exc
