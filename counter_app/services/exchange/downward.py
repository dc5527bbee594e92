"""The province's baseline bundle (province → every office): the catalogue and the calendar.

The province publishes its whole baseline each time (``publish_baseline``): every procedure's
current version in the catalogue's own format, and its calendar decisions from today on. A bundle
is numbered, so an office applies them in order and never goes back to an older one; being whole,
a lost or skipped bundle costs nothing: the next one carries everything.

At the office (``import_baseline``) it is applied in ONE transaction as the baseline under the
office's own layer: a changed procedure becomes a new version (the office's decisions per
procedure, keyed by its code, stay), a new one is added, the calendar from today on becomes the
province's (a day already past keeps the calendar it was worked with; the office's own overrides
still win). What changed comes back to the admin: procedures added and changed, days changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import __version__
from counter_app.db.database import Database
from counter_app.db.models import ExchangeBundle, ExchangeKey, Office
from counter_app.db.office_day import local_today
from counter_app.db.schema_head import HEAD_REVISION
from counter_app.documents.slip_data import WordingOverride
from counter_app.domain.errors import Message, UserError, ValidationError
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.calendar_baseline import (
    BaselineChange,
    BaselineDay,
    change_payload,
    checked_day,
    days_in,
    replace_from,
)
from counter_app.services.catalog import export_records, import_catalog_in
from counter_app.services.catalog_format import (
    OWN_FORMAT_VERSION,
    RECORD_ERRORS,
    ProcedureRecord,
    record_error_reason,
    records_from_own,
)
from counter_app.services.event_log import record
from counter_app.services.exchange.bundle import (
    CALENDAR,
    CATALOG,
    FORMS,
    ReadBundle,
    read_bundle,
    refused,
    write_bundle,
)
from counter_app.services.exchange.event_json import line_bytes
from counter_app.services.exchange.keys import OWN, PROVINCE, fingerprint_of, own_key
from counter_app.services.exchange.office import signed_by_province
from counter_app.services.exchange.province import check_schema
from counter_app.services.form_wording import WordingChange, all_texts, checked, replace_all
from counter_app.services.form_wording import change_payload as change_payload_of

BASELINE_KIND = "baseline"
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Published:
    path: Path
    bundle_id: uuid.UUID
    number: int
    procedures: int
    calendar_days: int
    size: int
    form_texts: int = 0


@dataclass(frozen=True)
class ProcedureChange:
    code: str
    name: str


@dataclass(frozen=True)
class BaselineApplied:
    bundle_id: uuid.UUID
    number: int
    repeated: bool
    added: tuple[ProcedureChange, ...] = ()
    updated: tuple[ProcedureChange, ...] = ()
    unchanged: int = 0
    calendar: tuple[BaselineChange, ...] = ()
    forms: tuple[WordingChange, ...] = ()  # the province's wording of the slips

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.updated or self.calendar or self.forms)


def publish_baseline(db: Database, actor: Actor, out: Path, *, now: datetime) -> Published:
    """(Province) Write the next baseline bundle at ``out``: the whole catalogue and the calendar
    decisions from today on, signed with the province's key."""
    require_role(actor, Role.ADMIN, "phát hành danh mục và lịch cho các văn phòng")
    records = export_records(db)
    if not records:
        raise UserError("Cơ sở dữ liệu chưa có thủ tục nào: không có danh mục để gửi các văn phòng.")
    written: list[Path] = []
    try:
        return _publish(db, actor, out, records, now, written)
    except BaseException:
        for path in written:  # a bundle not recorded as published must not reach an office
            path.unlink(missing_ok=True)
        raise


def _publish(
    db: Database, actor: Actor, out: Path, records: list[ProcedureRecord], now: datetime, written: list[Path]
) -> Published:
    bundle_id = uuid.uuid4()
    with db.write() as session:
        key, fingerprint = own_key(session, now)
        # Two admins publishing at once take numbers one after the other.
        session.execute(select(ExchangeKey).where(ExchangeKey.role == OWN).with_for_update())
        number = last_number(session, "out") + 1
        days = days_in(session, local_today(session, now))
        office = session.execute(
            select(Office).order_by(Office.identifier_code).limit(1)
        ).scalar_one_or_none()
        manifest: dict[str, object] = {
            "kind": BASELINE_KIND,
            "bundle_id": str(bundle_id),
            "number": number,
            "created_at": now.isoformat(),
            "app_version": __version__,
            "schema": HEAD_REVISION,
            "from": {"code": office.identifier_code, "name": office.name} if office is not None else {},
            "procedures": len(records),
            "calendar_days": len(days),
        }
        texts = all_texts(session)
        manifest["form_texts"] = len(texts)
        parts = {CATALOG: _catalog_lines(records), CALENDAR: _calendar_lines(days), FORMS: _form_lines(texts)}
        size = write_bundle(out, manifest, parts, key)
        written.append(out)
        summary = {
            "file": out.name,
            "number": number,
            "procedures": len(records),
            "calendar_days": len(days),
            "form_texts": len(texts),
        }
        session.add(
            ExchangeBundle(
                bundle_id=bundle_id,
                direction="out",
                kind=BASELINE_KIND,
                peer_fingerprint=fingerprint,
                at=now,
                summary=summary,
            )
        )
        record(session, db, actor, "baseline_published", now, payload={"bundle": str(bundle_id), **summary})
    return Published(out, bundle_id, number, len(records), len(days), size, len(texts))


def import_baseline(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    now: datetime,
    fingerprint: str | None = None,
    progress: Progress | None = None,
) -> BaselineApplied:
    """(Office) Apply the province's baseline bundle at ``path`` in one transaction; what changed.
    Refused: a bundle not signed by the province's key, from a newer schema, damaged, or older
    than one already applied. The same bundle again changes nothing (``repeated``)."""
    require_role(actor, Role.ADMIN, "nhập danh mục và lịch của trung tâm tỉnh")
    bundle = read_bundle(path)
    if bundle.kind != BASELINE_KIND:
        raise refused(
            path,
            Message("đây không phải gói danh mục và lịch của trung tâm tỉnh (loại {kind})", kind=bundle.kind),
        )
    check_schema(bundle)
    bundle_id, number = _identity(bundle)
    records, days, texts = _catalogue(bundle), _calendar(bundle), _forms(bundle)
    with db.write() as session:
        signed_by_province(session, bundle, fingerprint, now)
        # One baseline import at a time (two admins, two PCs): the second then finds it applied.
        session.execute(select(ExchangeKey).where(ExchangeKey.role == PROVINCE).with_for_update())
        if session.get(ExchangeBundle, bundle_id) is not None:
            return BaselineApplied(bundle_id, number, True)
        last = last_number(session, "in")
        if number <= last:
            raise refused(
                path,
                Message(
                    "gói số {number} cũ hơn gói số {last} đã áp dụng: hãy dùng gói mới nhất của trung tâm tỉnh",
                    number=number,
                    last=last,
                ),
            )
        source = {"bundle": str(bundle_id), "number": number}
        summary = import_catalog_in(session, db, actor, records, now=now, progress=progress, source=source)
        changes = replace_from(session, local_today(session, now), days, now)
        for change in changes:
            payload = {**change_payload(change), "source": source}
            record(session, db, actor, "calendar_baseline_changed", now, payload=payload)
        # A bundle of a province before 0022 says nothing of the wording: the office's stays.
        wording = [] if texts is None else replace_all(session, texts, now)
        for change in wording:
            record(
                session,
                db,
                actor,
                "form_wording_changed",
                now,
                payload={**change_payload_of(change), "source": source},
            )
        names = {r.code: r.name for r in records}
        applied = BaselineApplied(
            bundle_id,
            number,
            False,
            tuple(ProcedureChange(code, names[code]) for code in summary.added),
            tuple(ProcedureChange(code, names[code]) for code in summary.updated),
            len(summary.unchanged),
            tuple(changes),
            tuple(wording),
        )
        counts = {
            "number": number,
            "added": len(applied.added),
            "updated": len(applied.updated),
            "unchanged": applied.unchanged,
            "calendar_changes": len(changes),
            "form_changes": len(wording),
        }
        session.add(
            ExchangeBundle(
                bundle_id=bundle_id,
                direction="in",
                kind=BASELINE_KIND,
                peer_fingerprint=fingerprint_of(bundle.signer),
                at=now,
                summary={"file": path.name, **counts},
            )
        )
        record(session, db, actor, "baseline_applied", now, payload={"bundle": str(bundle_id), **counts})
    return applied


def last_applied(db: Database) -> int:
    """The number of the newest baseline bundle this office applied (0: none yet)."""
    with db.read() as session:
        return last_number(session, "in")


# ------------------------------------------------------------------------------------------ helpers


def last_number(session: Session, direction: str) -> int:
    """The newest baseline bundle's number written (``out``, the province) or applied (``in``)."""
    summaries = session.execute(
        select(ExchangeBundle.summary).where(
            ExchangeBundle.kind == BASELINE_KIND, ExchangeBundle.direction == direction
        )
    ).scalars()
    return max((int(s.get("number", 0)) for s in summaries), default=0)


def _identity(bundle: ReadBundle) -> tuple[uuid.UUID, int]:
    try:
        number = bundle.manifest["number"]
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise ValueError(number)
        return uuid.UUID(str(bundle.manifest.get("bundle_id"))), number
    except (KeyError, ValueError) as exc:
        raise refused(bundle.path, Message("bản kê không có mã gói hoặc số thứ tự")) from exc


def _catalogue(bundle: ReadBundle) -> list[ProcedureRecord]:
    try:
        return records_from_own({"version": OWN_FORMAT_VERSION, "procedures": list(bundle.lines(CATALOG))})
    except RECORD_ERRORS as exc:
        raise refused(
            bundle.path,
            Message("danh mục trong gói có thủ tục không hợp lệ — {reason}", reason=record_error_reason(exc)),
        ) from exc


def _calendar(bundle: ReadBundle) -> list[BaselineDay]:
    days = []
    for line in bundle.lines(CALENDAR):
        try:
            days.append(
                checked_day(date.fromisoformat(str(line["day"])), str(line["kind"]), str(line["note"]))
            )
        except (KeyError, TypeError, ValueError, ValidationError) as exc:
            raise refused(bundle.path, Message("lịch trong gói có một ngày không hợp lệ")) from exc
    return days


def _forms(bundle: ReadBundle) -> list[tuple[str, WordingOverride]] | None:
    """The province's texts of the slips, each checked as the province checked it; None when the
    bundle has no such part (a province before 0022)."""
    if FORMS not in dict(bundle.manifest.get("parts") or {}):  # type: ignore[call-overload]
        return None
    texts = []
    for line in bundle.lines(FORMS):
        try:
            kind, key, text = str(line["slip"]), str(line["key"]), str(line["text"])
            texts.append((kind, checked(kind, key, text)))
        except (KeyError, TypeError, UserError) as exc:
            raise refused(
                bundle.path, Message("lời văn mẫu phiếu trong gói không hợp lệ — {reason}", reason=str(exc))
            ) from exc
    return texts


def _form_lines(texts: list[tuple[str, WordingOverride]]) -> Iterator[bytes]:
    for kind, text in texts:
        yield line_bytes({"slip": kind, "key": text.key, "text": text.text})


def _catalog_lines(records: list[ProcedureRecord]) -> Iterator[bytes]:
    for rec in sorted(records, key=lambda r: r.code):
        yield line_bytes(asdict(rec))


def _calendar_lines(days: list[BaselineDay]) -> Iterator[bytes]:
    for day in days:
        yield line_bytes({"day": day.day.isoformat(), "kind": day.kind, "note": day.note})
