"""Masking ID numbers and phone numbers for lists, search results and list exports.

A list (the tracking list, a citizen search's results, the overdue and due-soon lists, the day's
lists, the register exported as a spreadsheet …) may be read over the officer's shoulder, printed,
mailed or left in a Downloads folder: it shows enough of a number to tell two people apart, never the
whole number. The whole number stays where the citizen or the official record needs it — the dossier
detail, the citizen's own slips (receipt, guidance, supplement, refusal, result hand-over …) and the
register book printed on form 07 — and in the database: masking is applied when a value is shown or
exported, never to what is stored or searched.

The rules (the stars take the place of the hidden characters, so the length stays visible):

* CCCD, 12 digits: the first 4 and the last 2 are kept — ``038190012345`` → ``0381******45``
  (half the digits hidden; the first 4 are only the province and the century/sex digit);
* CMND, 9 digits: the first 2 and the last 2 are kept — ``172345678`` → ``17*****78``. Keeping 4 + 2
  as for a CCCD would show two thirds of a 9-digit number; 2 + 2 keeps the rule "at least half of the
  digits hidden" (the first 2 are the province that issued it);
* phone, Vietnamese: separators (spaces, dots, dashes, parentheses) are dropped and +84/0084 (or 84
  before 9–10 digits) becomes the trunk 0; a number of 10 (mobile) or 11 (landline) digits starting
  with 0 keeps its first 4 (the network or area prefix) and its last 2 — ``0912 345 678`` and
  ``+84 912 345 678`` → ``0912****78``, ``02373 852 123`` → ``0237*****23``;
* anything else (another length, letters, a typing slip) is masked conservatively: only the last 2
  characters are kept when there are at least 8, otherwise every character is a star;
* what someone searched for, as the log keeps it (``mask_search``): a dossier code as it is (not
  personal), a number as an ID number or a phone, a name by its initials — ``Nguyễn Thị Hồng`` →
  ``N. T. H.``.

None, an empty or a blank value gives "". These functions never raise.
"""

from __future__ import annotations

import re

__all__ = ["mask_id_number", "mask_phone", "mask_search"]

STAR = "*"
_ID_SEPARATORS = re.compile(r"[\s.\-]+")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]+")
_ASCII_DIGITS = re.compile(r"[0-9]+")  # str.isdigit() also accepts other scripts' digits
_KEEP_UNKNOWN_FROM = 8  # an unknown shape keeps its last 2 characters only from this length on


def _text(value: object) -> str:
    if value is None:
        return ""
    try:
        return value if isinstance(value, str) else str(value)
    except Exception:  # a display helper must not fail on an odd object's __str__
        return ""


def _keep(text: str, head: int, tail: int) -> str:
    return text[:head] + STAR * (len(text) - head - tail) + text[len(text) - tail :]


def _conservative(text: str) -> str:
    """An unknown shape: the last 2 characters of a long enough value, else nothing."""
    return _keep(text, 0, 2) if len(text) >= _KEEP_UNKNOWN_FROM else STAR * len(text)


def mask_id_number(value: str | None) -> str:
    """A CCCD (12 digits) as ``0381******45``, a CMND (9 digits) as ``17*****78`` (module doc).

    Spaces, dots and dashes typed inside the number are dropped first. Any other shape keeps at
    most its last 2 characters. None or blank gives "". Never raises.
    """
    compact = _ID_SEPARATORS.sub("", _text(value))
    if _ASCII_DIGITS.fullmatch(compact):
        if len(compact) == 12:
            return _keep(compact, 4, 2)
        if len(compact) == 9:
            return _keep(compact, 2, 2)
    return _conservative(compact)


def _national(compact: str) -> str:
    """+84 / 0084 / 84 (before 9–10 digits) as the trunk 0; anything else unchanged."""
    for prefix in ("+84", "0084"):
        rest = compact[len(prefix) :]
        if compact.startswith(prefix) and rest:
            return rest if rest.startswith("0") else "0" + rest
    if compact.startswith("84") and len(compact) in (11, 12) and _ASCII_DIGITS.fullmatch(compact):
        return "0" + compact[2:]
    return compact


def mask_phone(value: str | None) -> str:
    """A Vietnamese phone number in national form with its first 4 and last 2 digits: ``0912****78``.

    Separators are dropped and +84/0084/84 turned into the leading 0 first, so ``+84 912 345 678``
    and ``0912.345.678`` read the same. A number that is not 10 or 11 digits starting with 0 keeps at
    most its last 2 characters. None or blank gives "". Never raises.
    """
    compact = _national(_PHONE_SEPARATORS.sub("", _text(value)))
    if _ASCII_DIGITS.fullmatch(compact) and compact.startswith("0") and len(compact) in (10, 11):
        return _keep(compact, 4, 2)
    return _conservative(compact)


_DOSSIER_CODE = re.compile(r"^[0-9]{3}\.[0-9A-Z.]*(-[0-9]*)*$", re.IGNORECASE)
_PHONE_START = re.compile(r"^(\+?84|0084|0)[1-9]")


def mask_search(value: str | None) -> str:
    """A search's text as the log may keep it: a code whole, a number masked, a name's initials."""
    text = _text(value).strip()
    if _DOSSIER_CODE.fullmatch(code := "".join(text.split())):
        return code.upper()
    compact = _PHONE_SEPARATORS.sub("", text)
    digits = compact.removeprefix("+")
    if _ASCII_DIGITS.fullmatch(digits):
        phone = len(_national(compact)) in (10, 11) and _PHONE_START.match(compact) and len(digits) != 12
        return mask_phone(compact) if phone else mask_id_number(compact)
    return " ".join(f"{word[0]}." for word in text.split() if word)
