"""argparse's own messages in Vietnamese (usage mistakes on the command line).

argparse looks each message up through ``gettext`` at the moment it is shown; the CLI points that
lookup at this table. Messages not listed stay as argparse wrote them.
"""

from __future__ import annotations

import argparse

MESSAGES = {
    "usage: ": "cách dùng: ",
    "options": "tùy chọn",
    "positional arguments": "tham số",
    "show this help message and exit": "hiện trợ giúp này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ (cần %(type)s)",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r không có trong các lựa chọn %(choices)s",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "chỉ nhận tối đa một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s không rõ: có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "giá trị %r bị bỏ qua",
}


def translate(message: str) -> str:
    return MESSAGES.get(message, message)


def integer(text: str) -> int:
    return int(text)


# argparse names the expected type by the converter's __name__ ("invalid %(type)s value").
integer.__name__ = "số nguyên"


def install() -> None:
    """Make argparse speak Vietnamese (it calls the module-level ``_`` for every message)."""
    argparse._ = translate  # type: ignore[attr-defined]  # a private name typeshed does not declare
