"""Finding a citizen's dossiers at the counter (Theo dõi, Trả kết quả): one box for everything.

The officer types or scans whatever the citizen brings: the receipt's dossier code (or the start
of one), a CCCD (12 digits, or the QR on the chip card), a CMND (9 digits), a phone number, or a
name with or without tone marks. ``parse_query`` decides which it is and refuses, in Vietnamese,
what can only give a useless list (empty, two letters, a malformed code); ``find_citizen_dossiers``
lists the matching dossiers newest first, optionally only those whose result is ready to return.

``lookup.search`` (the CLI's) answers any text with a plain list; this module explains its
refusals and carries what the counter screens show (procedure, status, appointment).

The search always runs on the whole number. What a screen echoes of it above the results or in its
"nothing found" message is ``shown_query``: a CCCD/CMND or a phone masked (``domain.masking``), and for
the chip card's QR only the masked CCCD — never the card's birth date, address and issue date.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, or_, select

from counter_app.db.database import Database
from counter_app.db.models import Applicant, Dossier, Procedure, ProcedureVersion
from counter_app.domain.cccd_qr import looks_like_cccd_qr
from counter_app.domain.dossier_code import looks_like_code, parse_code
from counter_app.domain.errors import ValidationError
from counter_app.domain.lifecycle import Action, Status, allowed_actions
from counter_app.domain.masking import mask_id_number, mask_phone, mask_search
from counter_app.domain.phone import validate_phone
from counter_app.domain.text import normalize, search_key
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.audit_trail import audit
from counter_app.services.dossier_query import named_dossiers

log = logging.getLogger("counter_app.audit")

FIELD = "query"
MIN_NAME_LETTERS = 3
# What a returnable result is comes from the lifecycle, not from a status list kept here.
READY_STATUSES = tuple(str(s) for s in Status if Action.RETURN_RESULT in allowed_actions(s))
# The start of a dossier code: unit identifier (000.00.31.H56), then -YYMMDD, then -NNNN.
_CODE_PREFIX = re.compile(r"^[0-9][0-9A-Z]*\.[0-9A-Z.]*(-[0-9]{0,6})?(-[0-9]*)?$")
_SEPARATORS = re.compile(r"[\s.\-()]+")


class QueryKind(StrEnum):
    CODE = "code"  # a whole dossier code: at most one dossier
    CODE_PREFIX = "code_prefix"  # the unit identifier, or unit and day
    ID_NUMBER = "id_number"  # CCCD (12 digits) or CMND (9 digits; also a phone without its 0)
    PHONE = "phone"
    NAME = "name"


@dataclass(frozen=True)
class CitizenQuery:
    kind: QueryKind
    value: str  # the code, prefix, digits, national phone number or folded name


@dataclass(frozen=True)
class CitizenDossier:
    code: str
    applicant_name: str
    applicant_id_number: str | None
    procedure_code: str
    procedure_name: str
    status: str
    received_at: datetime
    appointment_at: datetime | None


@dataclass(frozen=True)
class CitizenSearchResult:
    query: CitizenQuery
    dossiers: list[CitizenDossier]
    # With ``ready_only``: how many other dossiers matched (not resolved yet, or already returned),
    # so the screen can say why the list is short. 0 otherwise.
    not_ready: int = 0
    truncated: bool = False  # more matched than ``limit``: the officer should narrow the search


def parse_query(text: str) -> CitizenQuery:
    """What the officer typed or scanned, or a ``ValidationError`` saying what to type instead."""
    query = normalize(text)
    if not query:
        raise ValidationError(
            "Nhập mã hồ sơ, số CCCD/CMND, số điện thoại hoặc họ tên của công dân để tìm.", field=FIELD
        )
    if looks_like_cccd_qr(query):  # the chip card's QR: the CCCD is its first field
        return CitizenQuery(QueryKind.ID_NUMBER, query.split("|", 1)[0].strip())
    compact = _SEPARATORS.sub("", query)
    if compact.lstrip("+").isascii() and compact.lstrip("+").isdigit():
        return _digits(query, compact)
    if any(ch.isdigit() for ch in query) and (" " not in query or looks_like_code(query.replace(" ", ""))):
        return _code(query)  # a code has no blanks inside; "Nguyễn Văn 2" is not one
    key = search_key(query)
    letters = sum(ch.isalpha() for ch in key)
    if letters == 0 or any(ch.isdigit() for ch in key):
        raise ValidationError(
            "«{query}» không phải mã hồ sơ, số giấy tờ, số điện thoại hay họ tên.", query=query, field=FIELD
        )
    if letters < MIN_NAME_LETTERS:
        raise ValidationError(
            "Nhập ít nhất {min_name_letters} chữ cái của họ tên (ví dụ: «nguyen van») để tìm theo tên.",
            min_name_letters=MIN_NAME_LETTERS,
            field=FIELD,
        )
    return CitizenQuery(QueryKind.NAME, key)


def shown_query(query: CitizenQuery, text: str) -> str:
    """What a results caption or a "nothing found" message may repeat of the search ``text``: the
    number masked for a CCCD/CMND or phone search (``0381******45``, ``0912****78``), ``text``
    (stripped) for a code or a name."""
    if query.kind is QueryKind.ID_NUMBER:
        return mask_id_number(query.value)
    if query.kind is QueryKind.PHONE:
        return mask_phone(query.value)
    return text.strip()


def _digits(query: str, compact: str) -> CitizenQuery:
    if not compact.startswith("+") and len(compact) in (9, 12):
        return CitizenQuery(QueryKind.ID_NUMBER, compact)
    if compact.startswith(("0", "+", "84")):
        return CitizenQuery(QueryKind.PHONE, validate_phone(query, field=FIELD))
    raise ValidationError(
        "«{query}» có {count} chữ số: số CCCD gồm 12 chữ số, số CMND 9 chữ số, số điện thoại bắt đầu bằng 0 hoặc +84.",
        query=query,
        count=len(compact),
        field=FIELD,
    )


def _code(query: str) -> CitizenQuery:
    upper = query.replace(" ", "").upper()
    if looks_like_code(upper):
        try:
            return CitizenQuery(QueryKind.CODE, str(parse_code(upper)))  # parse_code checks the date
        except ValidationError as exc:
            raise ValidationError(exc.text, field=FIELD) from exc  # i18n: parse_code's own message
    if _CODE_PREFIX.match(upper):
        return CitizenQuery(QueryKind.CODE_PREFIX, upper)
    raise ValidationError(
        "«{query}» không phải là mã hồ sơ hợp lệ (ví dụ đúng: 000.00.31.H56-261123-0001).",
        query=query,
        field=FIELD,
    )


_ROWS = named_dossiers(
    Dossier.code,
    Applicant.full_name,
    Applicant.id_number,
    Procedure.code,
    ProcedureVersion.name,
    Dossier.status,
    Dossier.received_at,
    Dossier.appointment_at,
    unit=False,
)


def find_citizen_dossiers(
    db: Database, actor: Actor, text: str, *, ready_only: bool = False, limit: int = 50
) -> CitizenSearchResult:
    """The dossiers of the code, person or people ``text`` names, newest first.

    ``ready_only``: only results ready to return (the return counter's list). Every search is
    written to the audit log (who looked for whose personal data).
    """
    require_role(actor, Role.OFFICER, "tra cứu hồ sơ")
    query = parse_query(text)
    # The parsed value, not the raw text: a scanned QR also carries the birth date and address.
    # Whose number or name stays out of the log: a code whole, a number masked, a name's initials.
    log.info("%s searched citizen dossiers (%s) for %r", actor.username, query.kind, mask_search(query.value))
    result = _find(db, query, ready_only, limit)
    # The trail keeps the codes found, not the personal data the search matched.
    codes = [row.code for row in result.dossiers]
    details = {"kind": str(query.kind), "codes": codes}
    audit(db, actor, "citizen_search", subject=mask_search(query.value), details=details)
    return result


def _find(db: Database, query: CitizenQuery, ready_only: bool, limit: int) -> CitizenSearchResult:
    with db.engine.connect() as conn:
        if query.kind in (QueryKind.CODE, QueryKind.CODE_PREFIX):
            where: Any = (
                Dossier.code == query.value
                if query.kind is QueryKind.CODE
                else Dossier.code.startswith(query.value, autoescape=True)
            )
            # Codes grow with the day and the number: code order, backwards, is newest first
            # and stays an index range however many dossiers share the prefix.
            order: tuple[Any, ...] = (Dossier.code.desc(),)
        else:
            applicants = _applicants(conn, query, limit)
            if not applicants:
                return CitizenSearchResult(query, [])
            where = Dossier.applicant_id.in_(applicants)
            order = (Dossier.received_at.desc(), Dossier.id.desc())
        stmt: Select[Any] = _ROWS.where(where)
        not_ready = 0
        if ready_only:
            others = select(func.count()).select_from(Dossier).where(where)
            not_ready = conn.execute(others.where(Dossier.status.not_in(READY_STATUSES))).scalar_one()
            stmt = stmt.where(Dossier.status.in_(READY_STATUSES))
        rows = [CitizenDossier(*row) for row in conn.execute(stmt.order_by(*order).limit(limit + 1))]
    return CitizenSearchResult(query, rows[:limit], not_ready, truncated=len(rows) > limit)


def _applicants(conn: Any, query: CitizenQuery, limit: int) -> list[uuid.UUID]:
    """The people ``query`` names: the indexed match first, the slower fallback only if it finds none."""
    value = query.value
    if query.kind is QueryKind.PHONE:
        steps = [Applicant.phone == value]
    elif query.kind is QueryKind.ID_NUMBER:
        # Nine digits are a CMND, or a mobile number typed without its leading 0. A person who
        # changed to a CCCD keeps the old number in old_id_number (not indexed: looked at last).
        first = [Applicant.id_number == value]
        if len(value) == 9:
            first.append(Applicant.phone == "0" + value)
        steps = [or_(*first), Applicant.old_id_number == value]
    else:
        # Full names starting with the query (an index range), else names with a word starting with it.
        upper = value[:-1] + chr(ord(value[-1]) + 1)
        steps = [
            (Applicant.search_key >= value) & (Applicant.search_key < upper),
            Applicant.search_key.contains(" " + value, autoescape=True),
        ]
    for condition in steps:
        found = list(
            conn.execute(select(Applicant.id).where(condition).order_by(Applicant.search_key).limit(limit))
            .scalars()
            .all()
        )
        if found:
            return found
    return []
