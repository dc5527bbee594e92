"""The audit trail: recording the reads the office must account for, listing and verifying them.

A read of personal data is shown only once its record is written (issue 14): ``audit`` writes the
record in a transaction of its own after the read, retrying a few times while another counter
holds the database, and raises ``DatabaseUnavailable`` when it cannot be written at all (a full
disk, a lost server): the caller then shows nothing, as it would for a failed read. What is kept is
who, when, what kind of read and of what — a dossier code, a search as masked text and the codes it
returned, a slip, a report — never the personal data shown.

Admins and auditors read the trail (``list_records``, the administration's «Nhật ký truy cập» tab,
``counter-cli audit list``); ``verify_audit`` walks its chains as ``events verify`` walks the events.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from time import monotonic, sleep
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, select, type_coerce

from counter_app.db.audit_trail import HASHED, append_record, record_hash
from counter_app.db.chains import GENESIS_HASH
from counter_app.db.database import Database
from counter_app.db.engine import SQLITE_BUSY_TIMEOUT_MS
from counter_app.db.errors import DatabaseBusy
from counter_app.db.stored import stored_instant, stored_uuid
from counter_app.db.tables import audit_heads, audit_records
from counter_app.domain.errors import Message
from counter_app.domain.timezones import DEFAULT_TZ, local_midnight
from counter_app.services.actor import Actor, Role, require_reader

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

RETRIES = 5  # attempts at writing a record while the database is busy
BACKOFF_S = 0.2  # doubled at each attempt: 0.2 + 0.4 + 0.8 + 1.6 s at most before giving up
# All attempts together wait no longer than one write would (SQLite's busy timeout): each attempt
# may itself wait that long inside the driver, so five would keep a counter waiting minutes.
BUDGET_S = SQLITE_BUSY_TIMEOUT_MS / 1000
LIST_LIMIT = 10_000

ACTION_LABELS = {
    "dossier_viewed": "Xem chi tiết hồ sơ",
    "search": "Tìm hồ sơ",
    "citizen_search": "Tìm hồ sơ của người dân",
    "slip_reprinted": "In lại phiếu",
    "report_made": "Lập báo cáo, danh sách (xem, in, xuất tệp)",
    "audit_exported": "Xuất nhật ký truy cập",
    "applicant_prefilled": "Điền sẵn người nộp đã đến trước (theo số CCCD, điện thoại)",
    "login": "Đăng nhập",
    "login_failed": "Đăng nhập không thành công",
    "login_locked": "Tạm khóa tên đăng nhập (sai nhiều lần)",
    "password_changed": "Đổi mật khẩu",
    "screen_locked": "Khóa màn hình",
    "screen_unlocked": "Mở khóa màn hình",
    "user_created": "Tạo tài khoản",
    "user_changed": "Sửa tài khoản",
    "user_disabled": "Vô hiệu hóa tài khoản",
    "user_enabled": "Kích hoạt lại tài khoản",
    "password_reset": "Cấp lại mật khẩu",
    "user_unlocked": "Mở khóa tài khoản",
    "settings_changed": "Đổi cài đặt máy trạm",
}

# How a record's details read (the page translates both through the labels, the export prints them).
DETAIL_LABELS = {
    "reason": "lý do",
    "known": "tên có tài khoản",
    "full_name": "họ tên",
    "role": "vai trò",
    "one_time": "mật khẩu một lần",
    "changes": "thay đổi",
    "unlocked": "mở khóa",
    "forced": "bắt buộc đổi",
    "until": "khóa đến",
    "slip": "phiếu",
    "layout": "khổ giấy",
    "format": "định dạng",
    "day": "ngày",
    "rows": "số dòng",
    "kind": "cách tìm",
    "pending": "có hồ sơ chờ bổ sung",
    "language": "ngôn ngữ",
    "idle_lock_minutes": "tự khóa sau (phút)",
    "receipt_layout": "khổ giấy tiếp nhận",
}
DETAIL_VALUES = {
    "password": "sai mật khẩu",
    "unknown": "không có tài khoản",
    "disabled": "tài khoản bị vô hiệu hóa",
    "locked": "đang bị tạm khóa",
    "current_password": "sai mật khẩu hiện tại",
    "idle": "không dùng máy",
    "manual": "bấm Khóa máy",
    "true": "có",
    "false": "không",
    # Roles as ROLE_LABELS words them (services/actor.py)
    "officer": "Cán bộ một cửa",
    "supervisor": "Lãnh đạo",
    "admin": "Quản trị",
    "auditor": "Kiểm tra, giám sát",
}


def detail_parts(details: Mapping[str, object], subject: str, label: Callable[[str], str] = str) -> list[str]:
    """A record's details as «name: value» parts, in Vietnamese (``label`` translates each word);
    the user name is left out when it is already the record's subject."""
    parts = []
    for key, value in sorted(details.items()):
        if key == "codes" or (key == "username" and value == subject):
            continue
        parts.append(f"{label(DETAIL_LABELS.get(key, key))}: {_value_text(value, label)}")
    return parts


def _value_text(value: object, label: Callable[[str], str]) -> str:
    if isinstance(value, bool):
        value = str(value).lower()
    if isinstance(value, list) and len(value) == 2 and not isinstance(value[0], (list, dict)):
        return (
            f"{_value_text(value[0], label)} → {_value_text(value[1], label)}"  # a setting's before → after
        )
    if isinstance(value, dict):
        return ", ".join(
            f"{label(DETAIL_LABELS.get(k, k))} {_value_text(v, label)}" for k, v in sorted(value.items())
        )
    text = str(value)
    return label(DETAIL_VALUES[text]) if text in DETAIL_VALUES else text


def note(
    session: Connection | Session,
    db: Database,
    actor: Actor,
    action: str,
    now: datetime,
    *,
    subject: str = "",
    details: Mapping[str, object] | None = None,
) -> None:
    """A record in the caller's transaction: for the acts the office accounts for that change
    state — a log-in and its throttle row, a user changed — so the record and the change commit
    or roll back together."""
    append_record(
        session,
        node_id=db.node_id,
        actor=actor.as_event_actor(),
        action=action,
        at=now,
        subject=subject[:200],
        details=dict(details or {}),
    )


def audit(
    db: Database,
    actor: Actor,
    action: str,
    *,
    subject: str = "",
    details: Mapping[str, object] | None = None,
    now: datetime | None = None,
) -> None:
    """Write the record of a read before its data is shown (module docstring)."""
    at = now or datetime.now(UTC)
    deadline = monotonic() + BUDGET_S
    for attempt in range(RETRIES):
        try:
            with db.transaction() as conn:  # Core: a read that records itself needs no ORM
                note(conn, db, actor, action, at, subject=subject, details=details)
            return
        except DatabaseBusy:
            wait = BACKOFF_S * 2**attempt
            if attempt == RETRIES - 1 or monotonic() + wait >= deadline:
                raise
            sleep(wait)


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor: str
    action: str
    subject: str
    details: Mapping[str, object]
    node_id: str
    seq: int


def list_records(
    db: Database,
    actor: Actor,
    *,
    first: date | None = None,
    last: date | None = None,
    username: str = "",
    action: str = "",
    timezone: str = DEFAULT_TZ,
    limit: int = LIST_LIMIT,
) -> list[AuditRow]:
    """The records of the days ``first``…``last`` (office-local), newest first, for admins and auditors."""
    require_reader(actor, Role.ADMIN, "xem nhật ký truy cập")
    records = audit_records.c
    query = select(audit_records).order_by(records.at.desc(), records.seq.desc()).limit(limit)
    if first is not None:
        query = query.where(records.at >= local_midnight(first, timezone))
    if last is not None:
        query = query.where(records.at < local_midnight(last + timedelta(days=1), timezone))
    if username.strip():
        query = query.where(records.actor == username.strip())
    if action:
        query = query.where(records.action == action)
    with db.connect() as conn:
        return [
            AuditRow(r.at, r.actor, r.action, r.subject, r.details, r.node_id, r.seq)
            for r in conn.execute(query)
        ]


@dataclass(frozen=True)
class AuditCheck:
    records_checked: int
    first_broken: Message | None


def verify_audit(db: Database, batch: int = 5000) -> AuditCheck:
    """Walk each node's audit chain: gaps, edits, broken links, and its head against its last record."""
    records = audit_records.c
    raw = [type_coerce(records[name], String).label(name) for name in (*HASHED, "hash")]
    checked = 0
    with db.snapshot() as session:
        heads = {h.node_id: (h.last_seq, h.last_hash) for h in session.execute(select(audit_heads))}
        nodes = session.execute(select(records.node_id).distinct().order_by(records.node_id)).scalars()
        for node in nodes.all():
            prev, expected = GENESIS_HASH, 1
            stmt = select(*raw).where(records.node_id == node).order_by(records.seq)
            for row in session.execute(stmt.execution_options(yield_per=batch)):
                checked += 1
                fields = _decoded(row._mapping)
                problem = None
                if fields is None:
                    problem = Message("nội dung không đọc được")
                elif fields["seq"] != expected:
                    problem = Message("thiếu bản ghi số {expected}", expected=expected)
                elif fields["prev_hash"] != prev or record_hash(**fields) != row.hash:
                    problem = Message("nội dung hoặc liên kết đã bị sửa")
                if problem is not None:
                    where = Message(
                        "Nhật ký truy cập, nút {node}, bản ghi số {seq}: {problem}.",
                        node=node,
                        seq=row.seq,
                        problem=problem,
                    )
                    return AuditCheck(checked, where)
                prev, expected = row.hash, expected + 1
            if heads.pop(node, None) != (expected - 1, prev):
                return AuditCheck(
                    checked,
                    Message("Nhật ký truy cập, nút {node}: đầu chuỗi không khớp bản ghi cuối.", node=node),
                )
        for node, head in heads.items():
            if head[0] != 0:
                return AuditCheck(
                    checked,
                    Message("Nhật ký truy cập, nút {node}: đầu chuỗi ghi bản ghi không còn.", node=node),
                )
    return AuditCheck(checked, None)


def _decoded(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """The hashed fields as ``record_hash`` takes them (integrity.py's readers), None if undecodable."""
    try:
        details = row["details"]
        return {
            "id": stored_uuid(row["id"]),
            "node_id": row["node_id"],
            "seq": int(row["seq"]),
            "at": stored_instant(row["at"]),
            "actor": row["actor"],
            "actor_id": stored_uuid(row["actor_id"]),
            "action": row["action"],
            "subject": row["subject"],
            "details": json.loads(details) if isinstance(details, str) else details,
            "prev_hash": row["prev_hash"],
        }
    except (TypeError, ValueError):
        return None
