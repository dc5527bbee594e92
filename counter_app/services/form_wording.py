"""The province's wording of the slips' forms (issue 15): texts that are data, pushed down.

A slip's form is drawn from a wording version the code carries (``documents/*.FORM_TEXTS``: the
texts of Nghị định 118/2025, Thông tư 01/2018 …, keyed by version). The province may word some of
its texts its own way — a note on the receipt, the hotline line, a heading the provincial decision
changed — without a new release: an admin sets a text (``set_text``, ``reset_text``; each change
an event), its baseline bundle carries every such text (services/exchange/downward.py) and an
office applying it replaces its copy whole (``replace_all``). A slip issued from then on states the
texts in its data (``WordingOverride``), so a re-print reads exactly what was issued, whatever
the wording is later.

A text is checked before it is kept: a slip kind and a key its current wording has, not empty, at
most ``MAX_TEXT`` characters, and the same ``{placeholders}`` as the text it replaces (the form
fills them: a missing or unknown one would break every slip of that kind).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from string import Formatter

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import FormWording
from counter_app.documents.formkit import COMMON_TEXTS
from counter_app.documents.registry import FORMS
from counter_app.documents.slip_data import WordingOverride
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.event_log import record

MAX_TEXT = 1000
EDIT = "sửa lời văn mẫu phiếu của tỉnh"
# The kinds whose renderer puts the common texts (header, signatures) under its own.
_WITH_COMMON = frozenset(FORMS) - {"receipt", "guide"}


@dataclass(frozen=True)
class FormText:
    kind: str
    key: str
    base: str  # the text of the code's current wording
    text: str | None  # the province's, None: the base


@dataclass(frozen=True)
class WordingChange:
    kind: str
    key: str
    before: str | None
    after: str | None  # None: back to the code's wording


def base_texts(kind: str) -> dict[str, str]:
    """The texts of ``kind``'s current wording version (NotFoundError for an unknown kind)."""
    form = FORMS.get(kind)
    if form is None:
        raise NotFoundError(
            "Không có loại phiếu «{kind}»; các loại: {names}.",
            kind=kind,
            names=", ".join(FORMS),
            field="kind",
        )
    own = dict(form.texts[form.current_version])
    return {**COMMON_TEXTS, **own} if kind in _WITH_COMMON else own


def checked(kind: str, key: str, text: str) -> WordingOverride:
    """The text as kept, or ValidationError saying what is wrong with it."""
    base = base_texts(kind)
    if key not in base:
        raise NotFoundError("Mẫu {kind} không có đoạn «{key}».", kind=kind, key=key, field="key")
    text = text.strip()
    if not text:
        raise ValidationError("Lời văn không được để trống.", field="text")
    if len(text) > MAX_TEXT:
        raise ValidationError("Lời văn dài quá {limit} ký tự.", limit=MAX_TEXT, field="text")
    try:
        wanted, given = _fields(base[key]), _fields(text)
    except ValueError:
        raise ValidationError(
            "Lời văn có dấu ngoặc nhọn không khép đúng: dấu ngoặc nhọn chỉ dùng cho các chỗ điền sẵn.",
            field="text",
        ) from None
    if wanted != given:
        raise ValidationError(
            "Lời văn phải giữ đúng các chỗ điền sẵn của mẫu: {fields}.",
            fields=", ".join("{" + f + "}" for f in sorted(wanted)) or "(không có)",
            field="text",
        )
    return WordingOverride(key, text)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def list_texts(db: Database, kind: str) -> list[FormText]:
    base = base_texts(kind)
    with db.read() as session:
        own = dict(
            session.execute(select(FormWording.key, FormWording.text).where(FormWording.kind == kind)).all()
        )
    return [FormText(kind, key, text, own.get(key)) for key, text in base.items()]


def overrides_for(session: Session, kind: str) -> tuple[WordingOverride, ...]:
    """The province's texts of ``kind``, for a slip issued now (those no longer in the wording left)."""
    base = base_texts(kind)
    rows = session.execute(
        select(FormWording.key, FormWording.text).where(FormWording.kind == kind).order_by(FormWording.key)
    ).all()
    return tuple(WordingOverride(key, text) for key, text in rows if key in base)


def set_text(db: Database, actor: Actor, kind: str, key: str, text: str, *, now: datetime) -> WordingChange:
    """(Province) Word ``kind``'s text ``key`` as ``text`` for every office, from its next baseline."""
    require_role(actor, Role.ADMIN, EDIT)
    kept = checked(kind, key, text)
    with db.write() as session:
        row = session.get(FormWording, (kind, key))
        change = WordingChange(kind, key, row.text if row else None, kept.text)
        if row is None:
            session.add(FormWording(kind=kind, key=key, text=kept.text, changed_at=now))
        else:
            row.text, row.changed_at = kept.text, now
        record(session, db, actor, "form_wording_changed", now, payload=change_payload(change))
    return change


def reset_text(db: Database, actor: Actor, kind: str, key: str, *, now: datetime) -> WordingChange:
    """(Province) ``kind``'s text ``key`` back to the code's wording."""
    require_role(actor, Role.ADMIN, EDIT)
    base_texts(kind)
    with db.write() as session:
        row = session.get(FormWording, (kind, key))
        if row is None:
            raise NotFoundError(
                "Mẫu {kind} chưa có lời văn riêng cho đoạn «{key}».", kind=kind, key=key, field="key"
            )
        change = WordingChange(kind, key, row.text, None)
        session.delete(row)
        record(session, db, actor, "form_wording_changed", now, payload=change_payload(change))
    return change


def all_texts(session: Session) -> list[tuple[str, WordingOverride]]:
    """Every text the province words (kind, override), for its baseline bundle."""
    rows = session.execute(select(FormWording).order_by(FormWording.kind, FormWording.key)).scalars()
    return [(r.kind, WordingOverride(r.key, r.text)) for r in rows]


def replace_all(
    session: Session, texts: Iterable[tuple[str, WordingOverride]], now: datetime
) -> list[WordingChange]:
    """(Office) The province's texts become exactly ``texts`` (already checked); what changed."""
    wanted = {(kind, o.key): o.text for kind, o in texts}
    have = {(r.kind, r.key): r for r in session.execute(select(FormWording)).scalars()}
    changes = []
    for place in sorted(set(wanted) | set(have)):
        before = have[place].text if place in have else None
        after = wanted.get(place)
        if before == after:
            continue
        changes.append(WordingChange(*place, before, after))
        if after is None:
            session.execute(
                delete(FormWording).where(FormWording.kind == place[0], FormWording.key == place[1])
            )
        elif place in have:
            have[place].text, have[place].changed_at = after, now
        else:
            session.add(FormWording(kind=place[0], key=place[1], text=after, changed_at=now))
    session.flush()
    return changes


def change_payload(change: WordingChange) -> dict[str, object]:
    return {"slip": change.kind, "key": change.key, "before": change.before, "after": change.after}
