"""The office's profile: its printed identity (dated), its sessions and time policy, its identifier code.

A change of what the slips print is *dated*: the Office row takes the new values and a new
office_profiles row records them as in force from that instant, so a slip of an earlier act, built
again later, still prints what it printed then (office_history.profile_at). Sessions and time policy
are not printed: they change on the Office row, and each dossier keeps the appointment it was given.
The identifier code starts every dossier code; changing it is its own command
(``change_identifier_code``), never a side effect of an edit. Rules: docs/administration.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from datetime import datetime
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.event_log import book_key
from counter_app.db.models import DailyCounter, Office
from counter_app.domain.calendar import WEEKDAY_NAMES
from counter_app.domain.errors import ValidationError
from counter_app.domain.provinces import PROVINCES_2025
from counter_app.domain.text import normalize
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.event_log import record
from counter_app.services.office_history import PRINTED_FIELDS, add_profile_record, has_profile_records
from counter_app.services.office_history import profile_at as profile_at
from counter_app.services.offices import get_office
from counter_app.services.setup_spec import (
    DEFAULT_SESSIONS,
    OFFICE_LEVELS,
    TIME_POLICIES,
    OfficeProfile,
    Sessions,
    Span,
    check_profile,
)

EDIT = "sửa thông tin đơn vị"
LABELS = {
    "name": "Tên đơn vị",
    "governing_body": "Cơ quan chủ quản",
    "place": "Địa danh",
    "address": "Địa chỉ",
    "hotline": "Đường dây nóng",
    "email": "Thư điện tử",
    "signatory_name": "Người ký",
    "signatory_title": "Chức danh người ký",
    "province": "Tỉnh, thành phố",
    "level": "Cấp đơn vị",
    "time_policy": "Cách tính thời hạn",
    "sessions": "Giờ làm việc",
}
# A profile every rule accepts: update_profile checks a changed field on it alone (see _check_changed).
_VALID = OfficeProfile(
    name="x", identifier_code="000.00.00.H00", province=PROVINCES_2025[0], level="province_centre", place="x"
)
_TEXT_FIELDS = (*PRINTED_FIELDS, "identifier_code", "time_policy")

StoredSessions = dict[str, list[list[str]]]


def sessions_of(stored: Mapping[str, list[list[str]]] | None) -> Sessions:
    """The Office row's stored sessions ({"0": [["07:30", "11:30"], …]}); None: DEFAULT_SESSIONS."""
    if not stored:
        return DEFAULT_SESSIONS
    return _canonical({int(day): [tuple(span) for span in spans] for day, spans in stored.items()})


def _canonical(sessions: Mapping[int, object]) -> Sessions:
    days = {int(d): tuple((str(a), str(b)) for a, b in spans) for d, spans in sessions.items()}  # type: ignore[attr-defined]
    return MappingProxyType({day: spans for day, spans in sorted(days.items()) if spans})


def stored_sessions(sessions: Sessions) -> StoredSessions | None:
    """What the Office row stores; None for the common default, so a database set up by the
    wizard reads like one made by ``init``."""
    canonical = _canonical(sessions)
    if canonical == _canonical(DEFAULT_SESSIONS):
        return None
    return {str(day): [list(span) for span in spans] for day, spans in canonical.items()}


def sessions_text(sessions: Sessions) -> str:
    """'Thứ Hai–Thứ Sáu: 07:30–11:30, 13:30–17:00; Thứ Bảy: 07:30–11:30' (alike days together)."""
    canonical = _canonical(sessions)
    groups: list[tuple[int, int, tuple[Span, ...]]] = []
    for day, spans in canonical.items():
        if groups and groups[-1][1] == day - 1 and groups[-1][2] == spans:
            groups[-1] = (groups[-1][0], day, spans)
        else:
            groups.append((day, day, spans))
    parts = []
    for first, last, spans in groups:
        days = WEEKDAY_NAMES[first] if first == last else f"{WEEKDAY_NAMES[first]}–{WEEKDAY_NAMES[last]}"
        parts.append(f"{days}: {', '.join(f'{a}–{b}' for a, b in spans)}")
    return "; ".join(parts)


def _profile_of(office: Office) -> OfficeProfile:
    return OfficeProfile(
        **{name: getattr(office, name) or "" for name in _TEXT_FIELDS},
        sessions=sessions_of(office.sessions),
    )


def current_profile(db: Database, office_id: object | None = None) -> OfficeProfile:
    """The office's profile as it is now (the office of ``office_id``, or the database's first)."""
    with db.read() as session:
        return _profile_of(get_office(session, office_id))


def _clean(profile: OfficeProfile) -> OfficeProfile:
    """Text as the office prints and compares it (NFC, single spaces), the sessions in one form."""
    texts = {name: normalize(getattr(profile, name)) for name in _TEXT_FIELDS}
    return replace(profile, **texts, sessions=_canonical(profile.sessions))


def _check_code_free(session: Session, code: str) -> None:
    if session.execute(select(Office.id).where(Office.identifier_code == code)).first() is not None:
        raise ValidationError("Đã có đơn vị mã định danh «{code}».", code=code, field="identifier_code")


def create_office_in(
    session: Session, db: Database, actor: Actor, profile: OfficeProfile, now: datetime
) -> Office:
    """A new office with its whole profile checked; its identity counts from the start."""
    require_role(actor, Role.ADMIN, "thiết lập đơn vị")
    profile = _clean(profile)
    check_profile(profile)
    _check_code_free(session, profile.identifier_code)
    office = Office(
        **{name: getattr(profile, name) for name in _TEXT_FIELDS},
        sessions=stored_sessions(profile.sessions),
    )
    session.add(office)
    session.flush()
    add_profile_record(session, office, None)
    payload = {name: getattr(profile, name) for name in _TEXT_FIELDS}
    record(
        session,
        db,
        actor,
        "office_created",
        now,
        office=office,
        payload={**payload, "sessions": _json(profile)},
    )
    return office


def create_office(db: Database, actor: Actor, profile: OfficeProfile, *, now: datetime) -> Office:
    with db.write() as session:
        return create_office_in(session, db, actor, profile, now)


def _json(profile: OfficeProfile) -> StoredSessions:
    return {str(day): [list(span) for span in spans] for day, spans in _canonical(profile.sessions).items()}


def _shown(name: str, value: object) -> str:
    if name == "sessions":
        return f"«{sessions_text(value)}»"  # type: ignore[arg-type]
    text = {"level": OFFICE_LEVELS, "time_policy": TIME_POLICIES}.get(name, {}).get(str(value), str(value))
    return f"«{text}»" if text else "(trống)"


def _check_changed(profile: OfficeProfile, changed: list[str]) -> None:
    """Check only what changes: an office made before these rules (``counter-cli init`` leaves the
    province and place empty) can be completed one field at a time, and each field gets the
    wizard's own message (setup_spec.check_profile on a profile valid but for the changed fields)."""
    check_profile(replace(_VALID, **{name: getattr(profile, name) for name in changed}))


def update_profile_in(
    session: Session, db: Database, actor: Actor, office: Office, profile: OfficeProfile, now: datetime
) -> tuple[str, ...]:
    """Make the office's profile ``profile``; one Vietnamese line per changed field, () when nothing
    changed (then nothing is written). A different identifier code is refused (change_identifier_code)."""
    require_role(actor, Role.ADMIN, EDIT)
    profile = _clean(profile)
    if profile.identifier_code != office.identifier_code:
        raise ValidationError(
            "Không đổi mã định danh «{identifier_code}» khi sửa thông tin đơn vị: mã mới bắt đầu một dãy mã hồ sơ mới. Hãy dùng lệnh riêng «counter-cli office change-code MÃ_MỚI --yes».",
            identifier_code=office.identifier_code,
            field="identifier_code",
        )
    current = _profile_of(office)
    changed = [f.name for f in fields(OfficeProfile) if getattr(profile, f.name) != getattr(current, f.name)]
    if not changed:
        return ()
    _check_changed(profile, changed)
    if not has_profile_records(session, office):  # an office made before the history: keep what it was
        add_profile_record(session, office, None)
    changes: dict[str, object] = {}
    for name in changed:
        old, new = getattr(current, name), getattr(profile, name)
        if name == "sessions":
            changes[name] = {"from": _json(current), "to": _json(profile)}
            office.sessions = stored_sessions(new)
        else:
            changes[name] = {"from": old, "to": new}
            setattr(office, name, new)
    if any(name in PRINTED_FIELDS for name in changed):
        session.flush()
        add_profile_record(session, office, now)
    record(session, db, actor, "office_profile_changed", now, office=office, payload={"changes": changes})
    return tuple(
        f"{LABELS[n]}: {_shown(n, getattr(current, n))} → {_shown(n, getattr(profile, n))}" for n in changed
    )


def update_profile(
    db: Database, actor: Actor, profile: OfficeProfile, *, now: datetime, office_id: object | None = None
) -> tuple[str, ...]:
    with db.write() as session:
        return update_profile_in(session, db, actor, get_office(session, office_id), profile, now)


def edit_profile(
    db: Database,
    actor: Actor,
    changes: Mapping[str, object],
    *,
    now: datetime,
    office_id: object | None = None,
) -> tuple[str, ...]:
    """``update_profile`` with only the fields named in ``changes`` replaced (texts, and
    ``sessions``), read and written in one transaction (``counter-cli office set``, the F7 office
    tab: another admin's change made in between is not undone)."""
    unknown = sorted(set(changes) - {*_TEXT_FIELDS, "sessions"})
    if unknown:
        raise ValidationError(
            "Không có thông tin đơn vị «{names}».", names=", ".join(unknown), field=unknown[0]
        )
    with db.write() as session:
        office = get_office(session, office_id)
        profile = replace(_profile_of(office), **changes)
        return update_profile_in(session, db, actor, office, profile, now)


def check_identifier_code(code: str) -> str:
    """The code as stored (ValidationError with the wizard's message when it is not one)."""
    code = normalize(code)
    check_profile(replace(_VALID, identifier_code=code))
    return code


def change_identifier_code_in(
    session: Session, db: Database, actor: Actor, office: Office, new_code: str, now: datetime
) -> str | None:
    """From ``now`` on, dossiers received by the office are numbered under ``new_code``.

    Returns the previous code; None when it already was ``new_code`` (nothing written). Codes
    already issued are never rewritten (they are printed on receipts and scanned back). The new
    code's daily numbers start at 1 (a new series: the code differs, so no code can repeat); the
    register book (one per office and year) goes on from its last line, so its TT never repeats.
    """
    require_role(actor, Role.ADMIN, "đổi mã định danh của đơn vị")
    code = check_identifier_code(new_code)
    old = office.identifier_code
    if code == old:
        return None
    _check_code_free(session, code)
    _carry_register_book(session, old, code)
    office.identifier_code = code
    payload = {"old": old, "new": code, "at": now.isoformat()}
    record(session, db, actor, "identifier_code_changed", now, office=office, payload=payload)
    return old


def _carry_register_book(session: Session, old: str, new: str) -> None:
    """The book's counter is keyed by the code (event_log.next_book_number): the new key starts where
    the old one stopped, for every year the office has a book."""
    books = session.execute(select(DailyCounter).where(DailyCounter.unit_code == book_key(old))).scalars()
    for book in list(books):
        target = session.get(DailyCounter, (book_key(new), book.day))
        if target is None:
            session.add(DailyCounter(unit_code=book_key(new), day=book.day, last_seq=book.last_seq))
        else:  # the code was this office's before (changed back): the book never goes backwards
            target.last_seq = max(target.last_seq, book.last_seq)


def change_identifier_code(
    db: Database, actor: Actor, new_code: str, *, now: datetime, office_id: object | None = None
) -> str | None:
    with db.write() as session:
        return change_identifier_code_in(session, db, actor, get_office(session, office_id), new_code, now)
