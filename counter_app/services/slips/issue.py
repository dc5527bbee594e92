"""Issuing, archiving and re-printing the slips.

``issue_slip`` builds a slip's data from the database, renders it, and in ONE transaction records a
``slip_issued`` event (kind, key, layout, form version, SHA-256, archive path and the slip's input
data as JSON) and writes the PDF atomically under ``<archive_dir>/YYYY/MM/`` (``archive_dir`` is the
data dir's ``slips`` folder; the month is the office-local issue day). ``reprint_slip`` returns the
archived bytes when the file is there and matches its event; otherwise it re-renders the stored data
(same content, in the form wording it was issued with), never today's database state.
``issue_or_reprint`` (the CLI's ``print``) re-prints while the state a slip shows is unchanged and issues
a new slip otherwise (a second apology letter, a control slip after a new hand-off).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import Dossier, Event
from counter_app.documents import registry
from counter_app.domain.dossier_code import looks_like_code, parse_code
from counter_app.domain.errors import Message, NotFoundError, TransitionError, UserError, ValidationError
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.audit_trail import audit
from counter_app.services.dossiers import load_dossier
from counter_app.services.event_log import record
from counter_app.services.form_wording import overrides_for
from counter_app.services.offices import local_date
from counter_app.services.slips.archive import archive, safe_name, write_atomic
from counter_app.services.slips.batch import build_control, build_handover, build_register, register_range
from counter_app.services.slips.common import Built, DateRange, GuideKey, HandoverKey, dossier_key
from counter_app.services.slips.dossier_slips import (
    build_apology,
    build_receipt,
    build_refusal,
    build_result,
    build_stop,
    build_supplement,
)
from counter_app.services.slips.guide import build_guide, guide_key

__all__ = [
    "SLIP_KINDS",
    "DateRange",
    "GuideKey",
    "HandoverKey",
    "IssuedSlip",
    "issue_slip",
    "issue_or_reprint",
    "reprint_slip",
    "slip_key",
]

log = logging.getLogger("counter_app.audit")
EVENT_KIND = "slip_issued"
SLIP_KINDS = tuple(registry.FORMS)

_Builder = Callable[[Session, Actor, Any, datetime], Built]
_BUILDERS: dict[str, _Builder] = {
    "receipt": lambda s, _a, key, _n: build_receipt(s, load_dossier(s, key)),
    "guide": build_guide,
    "supplement": lambda s, _a, key, _n: build_supplement(s, key),
    "refusal": lambda s, _a, key, _n: build_refusal(s, load_dossier(s, key)),
    "apology": lambda s, _a, key, _n: build_apology(s, load_dossier(s, key)),
    "stop": lambda s, _a, key, _n: build_stop(s, load_dossier(s, key)),
    "control": lambda s, _a, key, now: build_control(s, key, now),
    "register": build_register,
    "result": lambda s, _a, key, _n: build_result(s, load_dossier(s, key)),
    "handover": build_handover,
}


@dataclass(frozen=True)
class IssuedSlip:
    path: Path  # where the archived copy is (or belongs, when it had to be re-rendered)
    pdf_bytes: bytes
    sha256: str
    kind: str = ""
    key: str = ""
    layout: str = ""
    reprinted: bool = False  # an earlier issue, not a new one
    rerendered: bool = False  # the archived file was missing or altered: rendered from its stored data


def slip_key(kind: str, key: object) -> Any:
    """The canonical key of a slip (dossier codes normalised, ranges checked), without the database."""
    if kind in ("receipt", "refusal", "apology", "stop", "control", "result"):
        return dossier_key(key)
    if kind == "supplement":
        text = str(key).strip()
        if looks_like_code(text):
            return str(parse_code(text))
        try:
            return str(uuid.UUID(text))
        except ValueError:
            raise ValidationError(
                "«{text}» không phải mã hồ sơ hay mã phiếu yêu cầu bổ sung khi tiếp nhận.",
                text=text,
                field="key",
            ) from None
    if kind == "guide":
        return guide_key(key)
    if kind == "register":
        return register_range(key)
    if kind == "handover":
        if not isinstance(key, HandoverKey):
            raise ValidationError("Danh sách bàn giao cần mã đơn vị nhận và các mã hồ sơ.", field="key")
        codes = tuple(dict.fromkeys(str(parse_code(c)) for c in key.codes))
        return HandoverKey(key.unit_code.strip(), codes)
    raise ValidationError(
        "Không có loại phiếu «{kind}»; các loại: {names}.",
        kind=kind,
        names=", ".join(SLIP_KINDS),
        field="kind",
    )


def _layout(kind: str, layout: str | None) -> str:
    form = registry.form_of(kind)
    if layout is None:
        return form.layouts[0]
    if layout not in form.layouts:
        raise ValidationError(
            "{slip} không in được khổ «{layout}»; chọn: {names}.",
            slip=Message.label(form.label),
            layout=layout,
            names=", ".join(form.layouts),
            field="layout",
        )
    return layout


def issue_slip(
    db: Database,
    actor: Actor,
    kind: str,
    key: object,
    *,
    layout: str | None = None,
    now: datetime,
    archive_dir: Path,
) -> IssuedSlip:
    """Build, render, archive and record a new issue of a slip."""
    return _issue(db, actor, kind, key, layout, now, archive_dir, reuse=False)


def issue_or_reprint(
    db: Database,
    actor: Actor,
    kind: str,
    key: object,
    *,
    layout: str | None = None,
    now: datetime,
    archive_dir: Path,
) -> IssuedSlip:
    """The archived slip while what it shows is unchanged; else (or if never issued) a new issue."""
    return _issue(db, actor, kind, key, layout, now, archive_dir, reuse=True)


def _issue(
    db: Database,
    actor: Actor,
    kind: str,
    key: object,
    layout: str | None,
    now: datetime,
    archive_dir: Path,
    *,
    reuse: bool,
) -> IssuedSlip:
    require_role(actor, Role.OFFICER, "in phiếu")
    canonical = slip_key(kind, key)
    layout = _layout(kind, layout)
    created: Path | None = None
    try:
        with db.write() as session:
            try:
                built = _BUILDERS[kind](session, actor, canonical, now)
            except TransitionError:  # e.g. a stopped dossier cancelled since: its notice still re-prints
                last = _latest(session, kind, str(canonical), layout) if reuse else None
                if last is None:
                    raise
                return _from_event(last, kind, archive_dir)
            if reuse and built.basis is not None:
                last = _latest(session, kind, built.key, layout)
                if last is not None and last.payload.get("basis") == built.basis:
                    return _from_event(last, kind, archive_dir)
            # A new issue states the province's wording of the form in its data (its re-prints read it).
            built = replace(built, data=replace(built.data, form_overrides=overrides_for(session, kind)))
            pdf = registry.render(kind, built.data, layout)
            sha = hashlib.sha256(pdf).hexdigest()
            day = local_date(built.office, now)
            rel, created = archive(
                archive_dir, day.year, day.month, _file_name(built, kind, layout), pdf, sha
            )
            record(
                session,
                db,
                actor,
                EVENT_KIND,
                now,
                office=built.office,
                dossier=built.dossier,
                payload={
                    "slip": kind,
                    "key": built.key,
                    "layout": layout,
                    "form_version": built.data.form_version,
                    "sha256": sha,
                    "path": rel,
                    "basis": built.basis,
                    "code": built.dossier.code if built.dossier is not None else None,
                    "data": registry.dump(built.data),
                },
            )
    except BaseException:
        if created is not None:  # the transaction did not commit: no archive without its event
            created.unlink(missing_ok=True)
        raise
    return IssuedSlip(archive_dir / rel, pdf, sha, kind, built.key, layout)


def reprint_slip(
    db: Database, actor: Actor, kind: str, key: object, layout: str | None, archive_dir: Path
) -> IssuedSlip:
    """The latest issue of a slip (``layout`` None: the kind's default): its archived bytes, or a
    re-rendering of its stored data when the file is missing or altered. No new event is written;
    the re-print (personal data leaving the office on paper) goes to the audit trail."""
    canonical = slip_key(kind, key)
    layout = _layout(kind, layout)
    with db.read() as session:
        event = _latest(session, kind, str(canonical), layout)
        if event is None:
            _never_issued(session, kind, str(canonical), layout)
    assert event is not None
    log.info("%s re-printed %s %s (%s)", actor.username, kind, canonical, layout)
    slip = _from_event(event, kind, archive_dir)
    # Personal data leaving the office on paper: shown only once its audit record is written.
    audit(db, actor, "slip_reprinted", subject=str(canonical), details={"slip": kind, "layout": layout})
    return slip


def _never_issued(session: Session, kind: str, key: str, layout: str) -> None:
    if looks_like_code(key):
        load_dossier(session, key)  # a code that does not exist says so first
    label = registry.form_of(kind).label
    raise NotFoundError(
        "{slip} của «{key}» (khổ {layout}) chưa được in lần nào.",
        slip=Message.label(label),
        key=key,
        layout=layout,
        field="key",
    )


def _latest(session: Session, kind: str, key: str, layout: str) -> Event | None:
    stmt = (
        select(Event)
        .where(
            Event.kind == EVENT_KIND,
            Event.payload["slip"].as_string() == kind,
            Event.payload["key"].as_string() == key,
            Event.payload["layout"].as_string() == layout,
        )
        .order_by(Event.occurred_at.desc(), Event.seq.desc())
        .limit(1)
    )
    if looks_like_code(key):  # a dossier's slip: its events only (indexed)
        stmt = stmt.where(Event.dossier_id == select(Dossier.id).where(Dossier.code == key).scalar_subquery())
    return session.execute(stmt).scalar_one_or_none()


def _from_event(event: Event, kind: str, archive_dir: Path) -> IssuedSlip:
    p = event.payload
    path = archive_dir / PurePosixPath(str(p["path"]))
    sha = str(p["sha256"])
    with contextlib.suppress(OSError):
        pdf = path.read_bytes()
        if hashlib.sha256(pdf).hexdigest() == sha:
            return IssuedSlip(path, pdf, sha, kind, str(p["key"]), str(p["layout"]), reprinted=True)
    pdf = registry.render(kind, registry.load(kind, p["data"]), str(p["layout"]))
    new_sha = hashlib.sha256(pdf).hexdigest()
    if new_sha == sha:  # same fonts as when issued: put the archive copy back
        with contextlib.suppress(OSError, UserError):
            write_atomic(path, pdf)
    return IssuedSlip(
        path, pdf, new_sha, kind, str(p["key"]), str(p["layout"]), reprinted=True, rerendered=True
    )


def _file_name(built: Built, kind: str, layout: str) -> str:
    name = built.stem if kind == "guide" else f"{built.stem}-{kind}-{layout}"
    if kind == "guide" and layout != "a4":
        name += f"-{layout}"
    return safe_name(name, kind)
