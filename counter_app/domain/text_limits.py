"""How long each free text a user types may be (issue 14).

The limits fit the slips (the longest text each one prints still lays out: docs/domain-rules.md §11) and both
databases (a ``String(n)`` column is enforced by PostgreSQL, never by SQLite): a service checks them
before anything is written, so a 10 MB address gets the same Vietnamese message on either backend
instead of being stored on one and refused with a driver error on the other.
"""

from __future__ import annotations

from collections.abc import Mapping

from counter_app.domain.errors import Message, ValidationError, as_message

NAME = 200  # a person's full name: the applicant, a receiver, a representative (String(200))
ADDRESS = 500  # an address, the postal address of the result (String(500))
REASON = 2000  # a reason, a note, an obligation, a legal basis (Text; slips flow it over pages)
CANCEL_REASON = 500  # the reason a number was cancelled (cancelled_numbers.reason, String(500))
SHORT = 100  # a relation ("Người được ủy quyền"), a postal item code
ENTRIES = 10  # items of a typed-in list: a representative's details, the reasons of a rating
REPRESENTATIVE_KEY = 40


def check_length(value: str, limit: int, what: str | Message, field: str) -> str:
    """``value`` when it has at most ``limit`` characters; else a ValidationError naming ``what``."""
    if len(value) > limit:
        raise ValidationError(
            "{what} dài quá {limit} ký tự (đã nhập {length}).",
            what=as_message(what),
            limit=limit,
            length=len(value),
            field=field,
        )
    return value


def check_representative(value: Mapping[str, str] | None) -> dict[str, str] | None:
    """An organisation's representative as handed in (a few short named values), or None."""
    if not value:
        return None
    if len(value) > ENTRIES:
        raise ValidationError(
            "Thông tin người đại diện có quá nhiều mục ({count}, tối đa {limit}).",
            count=len(value),
            limit=ENTRIES,
            field="representative",
        )
    for key, text in value.items():
        check_length(key, REPRESENTATIVE_KEY, "Tên mục của thông tin người đại diện", "representative")
        check_length(text, ADDRESS, Message("Mục «{key}» của người đại diện", key=key), "representative")
    return dict(value)
