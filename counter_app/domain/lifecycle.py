"""Dossier lifecycle (docs/domain-rules.md §8): statuses, channels and the allowed transitions."""

from __future__ import annotations

from enum import StrEnum

from counter_app.domain.errors import Message, TransitionError


class Status(StrEnum):
    NEW = "new"  # 1 online, awaiting reception
    RECEIVED = "received"  # 2
    REFUSED = "refused"  # 3 not received
    IN_PROGRESS = "in_progress"  # 4
    SUPPLEMENT_REQUESTED = "supplement_requested"  # 5
    AWAITING_PAYMENT = "awaiting_payment"  # 6 financial obligation
    WITHDRAWN = "withdrawn"  # 7
    STOPPED = "stopped"  # 8
    RESOLVED = "resolved"  # 9 result ready
    RETURNED = "returned"  # 10
    CANCELLED = "cancelled"  # data-entry mistake, cancelled with a reason


STATUS_LABELS: dict[Status, str] = {
    Status.NEW: "Mới (chờ tiếp nhận)",
    Status.RECEIVED: "Đã tiếp nhận",
    Status.REFUSED: "Từ chối tiếp nhận",
    Status.IN_PROGRESS: "Đang giải quyết",
    Status.SUPPLEMENT_REQUESTED: "Chờ bổ sung",
    Status.AWAITING_PAYMENT: "Chờ thực hiện nghĩa vụ tài chính",
    Status.WITHDRAWN: "Rút hồ sơ",
    Status.STOPPED: "Dừng giải quyết",
    Status.RESOLVED: "Đã có kết quả",
    Status.RETURNED: "Đã trả kết quả",
    Status.CANCELLED: "Đã hủy",
}

# Statuses in which the dossier is still being dealt with (counted "in progress" in reports).
OPEN_STATUSES = frozenset(
    {Status.RECEIVED, Status.IN_PROGRESS, Status.SUPPLEMENT_REQUESTED, Status.AWAITING_PAYMENT}
)
# The citizen must act (supply documents, pay a fee or tax): the clock stands still, so such a
# dossier is neither due nor overdue until they do.
WAITING_STATUSES = frozenset({Status.SUPPLEMENT_REQUESTED, Status.AWAITING_PAYMENT})
# Open and on the office's clock: what "due" and "overdue" are about.
RUNNING_STATUSES = OPEN_STATUSES - WAITING_STATUSES


class Channel(StrEnum):
    DIRECT = "direct"
    ONLINE = "online"
    POSTAL = "postal"


CHANNEL_LABELS = {Channel.DIRECT: "Trực tiếp", Channel.ONLINE: "Trực tuyến", Channel.POSTAL: "Bưu chính"}


class Action(StrEnum):
    RECEIVE = "receive"
    TRANSFER = "transfer"
    START = "start"
    REQUEST_SUPPLEMENT = "request_supplement"
    SUPPLY_SUPPLEMENT = "supply_supplement"
    REQUEST_PAYMENT = "request_payment"
    CONFIRM_PAYMENT = "confirm_payment"
    RESOLVE = "resolve"
    RETURN_RESULT = "return_result"
    WITHDRAW = "withdraw"
    STOP = "stop"
    APOLOGISE = "apologise"
    CANCEL = "cancel"


ACTION_LABELS = {
    Action.RECEIVE: "tiếp nhận",
    Action.TRANSFER: "chuyển xử lý",
    Action.START: "bắt đầu giải quyết",
    Action.REQUEST_SUPPLEMENT: "yêu cầu bổ sung",
    Action.SUPPLY_SUPPLEMENT: "nhận bổ sung",
    Action.REQUEST_PAYMENT: "chuyển chờ nghĩa vụ tài chính",
    Action.CONFIRM_PAYMENT: "xác nhận nghĩa vụ tài chính",
    Action.RESOLVE: "cập nhật kết quả",
    Action.RETURN_RESULT: "trả kết quả",
    Action.WITHDRAW: "rút hồ sơ",
    Action.STOP: "dừng giải quyết",
    Action.APOLOGISE: "xin lỗi, hẹn lại ngày trả",
    Action.CANCEL: "hủy hồ sơ",
}

_WORKING = (Status.RECEIVED, Status.IN_PROGRESS, Status.SUPPLEMENT_REQUESTED, Status.AWAITING_PAYMENT)

# action → (statuses it may start from, status it leads to; None = unchanged)
TRANSITIONS: dict[Action, tuple[frozenset[Status], Status | None]] = {
    Action.RECEIVE: (frozenset({Status.NEW}), Status.RECEIVED),
    Action.TRANSFER: (frozenset({Status.RECEIVED, Status.IN_PROGRESS}), Status.IN_PROGRESS),
    Action.START: (frozenset({Status.RECEIVED}), Status.IN_PROGRESS),
    Action.REQUEST_SUPPLEMENT: (
        frozenset({Status.RECEIVED, Status.IN_PROGRESS}),
        Status.SUPPLEMENT_REQUESTED,
    ),
    Action.SUPPLY_SUPPLEMENT: (frozenset({Status.SUPPLEMENT_REQUESTED}), Status.IN_PROGRESS),
    Action.REQUEST_PAYMENT: (frozenset({Status.IN_PROGRESS}), Status.AWAITING_PAYMENT),
    Action.CONFIRM_PAYMENT: (frozenset({Status.AWAITING_PAYMENT}), Status.IN_PROGRESS),
    Action.RESOLVE: (frozenset({Status.RECEIVED, Status.IN_PROGRESS}), Status.RESOLVED),
    Action.RETURN_RESULT: (frozenset({Status.RESOLVED}), Status.RETURNED),
    Action.WITHDRAW: (frozenset(_WORKING), Status.WITHDRAWN),
    Action.STOP: (frozenset(_WORKING), Status.STOPPED),
    Action.APOLOGISE: (frozenset(_WORKING), None),
    Action.CANCEL: (frozenset(set(Status) - {Status.CANCELLED}), Status.CANCELLED),
}


def allowed_actions(status: Status) -> list[Action]:
    """The actions the lifecycle allows from ``status`` (the UI enables only these)."""
    return [action for action, (sources, _) in TRANSITIONS.items() if status in sources]


def next_status(status: Status | str, action: Action) -> Status:
    """The status after ``action``, or a TransitionError saying why it is impossible."""
    current = Status(status)
    sources, target = TRANSITIONS[action]
    if current not in sources:
        raise TransitionError(
            "Không thể {action} khi hồ sơ đang ở trạng thái «{status}».",
            action=Message.label(ACTION_LABELS[action]),
            status=Message.label(STATUS_LABELS[current]),
        )
    return target if target is not None else current
