"""The dossier state machine (docs/domain-rules.md §8): every allowed step, and a clear refusal for the others."""

from __future__ import annotations

import pytest

from counter_app.domain.errors import TransitionError
from counter_app.domain.lifecycle import TRANSITIONS, Action, Status, allowed_actions, next_status

ALLOWED = [
    (Status.NEW, Action.RECEIVE, Status.RECEIVED),
    (Status.RECEIVED, Action.TRANSFER, Status.IN_PROGRESS),
    (Status.IN_PROGRESS, Action.TRANSFER, Status.IN_PROGRESS),
    (Status.RECEIVED, Action.START, Status.IN_PROGRESS),
    (Status.IN_PROGRESS, Action.REQUEST_SUPPLEMENT, Status.SUPPLEMENT_REQUESTED),
    (Status.SUPPLEMENT_REQUESTED, Action.SUPPLY_SUPPLEMENT, Status.IN_PROGRESS),
    (Status.IN_PROGRESS, Action.REQUEST_PAYMENT, Status.AWAITING_PAYMENT),
    (Status.AWAITING_PAYMENT, Action.CONFIRM_PAYMENT, Status.IN_PROGRESS),
    (Status.IN_PROGRESS, Action.RESOLVE, Status.RESOLVED),
    (Status.RESOLVED, Action.RETURN_RESULT, Status.RETURNED),
    (Status.SUPPLEMENT_REQUESTED, Action.WITHDRAW, Status.WITHDRAWN),
    (Status.AWAITING_PAYMENT, Action.STOP, Status.STOPPED),
    (Status.IN_PROGRESS, Action.APOLOGISE, Status.IN_PROGRESS),  # an apology keeps the status
    (Status.RETURNED, Action.CANCEL, Status.CANCELLED),
    (Status.REFUSED, Action.CANCEL, Status.CANCELLED),
]


@pytest.mark.parametrize(("status", "action", "expected"), ALLOWED)
def test_given_allowed_step_then_next_status(status: Status, action: Action, expected: Status) -> None:
    assert next_status(status, action) == expected
    assert action in allowed_actions(status)


@pytest.mark.parametrize(
    ("status", "action", "message"),
    [
        (
            Status.RECEIVED,
            Action.RETURN_RESULT,
            "Không thể trả kết quả khi hồ sơ đang ở trạng thái «Đã tiếp nhận».",
        ),
        (
            Status.RETURNED,
            Action.RESOLVE,
            "Không thể cập nhật kết quả khi hồ sơ đang ở trạng thái «Đã trả kết quả».",
        ),
        (Status.CANCELLED, Action.CANCEL, "Không thể hủy hồ sơ khi hồ sơ đang ở trạng thái «Đã hủy»."),
        (
            Status.WITHDRAWN,
            Action.APOLOGISE,
            "Không thể xin lỗi, hẹn lại ngày trả khi hồ sơ đang ở trạng thái «Rút hồ sơ».",
        ),
        (Status.SUPPLEMENT_REQUESTED, Action.RESOLVE, "«Chờ bổ sung»"),
    ],
)
def test_given_impossible_step_then_transition_error_says_why(
    status: Status, action: Action, message: str
) -> None:
    with pytest.raises(TransitionError) as info:
        next_status(status, action)
    assert message in info.value.message


def test_given_final_statuses_then_only_cancel_is_allowed() -> None:
    for status in (Status.RETURNED, Status.WITHDRAWN, Status.STOPPED, Status.REFUSED):
        assert allowed_actions(status) == [Action.CANCEL]
    assert allowed_actions(Status.CANCELLED) == []


def test_every_status_reachable_from_new_or_received() -> None:
    reachable, frontier = {Status.NEW, Status.RECEIVED, Status.REFUSED}, [Status.NEW, Status.RECEIVED]
    while frontier:
        status = frontier.pop()
        for action in allowed_actions(status):
            target = TRANSITIONS[action][1] or status
            if target not in reachable:
                reachable.add(target)
                frontier.append(target)
    assert reachable == set(Status)
