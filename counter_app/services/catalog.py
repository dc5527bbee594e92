"""Catalogue use cases: import (new version only when content changed), list, show, export."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import and_, case, exists, literal, select
from sqlalchemy.orm import Session, selectinload

from counter_app.db.database import Database
from counter_app.db.models import (
    ChannelTerm,
    Field,
    OfficeProcedure,
    Procedure,
    ProcedureCase,
    ProcedureVersion,
    RequiredDocument,
)
from counter_app.domain.errors import Message, NotFoundError, UserError
from counter_app.domain.text import search_key
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.catalog_files import read_catalog_file
from counter_app.services.catalog_format import (
    CaseRecord,
    CatalogFileError,
    ChannelRecord,
    DocumentRecord,
    ProcedureRecord,
    decimal_text,
)
from counter_app.services.event_log import record
from counter_app.services.field_names import add_field, rename_field


@dataclass
class ImportSummary:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their *.json files (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.json")))
        elif path.exists():
            files.append(path)
        else:
            raise CatalogFileError("{path}: không có tệp hay thư mục này.", path=path)
    return files


def read_records(paths: Iterable[Path]) -> list[ProcedureRecord]:
    """Parse every file first: one malformed file rejects the whole import (nothing written)."""
    records: list[ProcedureRecord] = []
    errors: list[Message] = []
    for path in expand_paths(paths):
        try:
            records.extend(read_catalog_file(path))
        except CatalogFileError as exc:
            errors.append(exc.text)
    if errors:
        raise CatalogFileError(
            "Không nhập danh mục, chưa ghi gì: {problems}", problems=Message.joined(" ", errors)
        )
    return records


def import_catalog(
    db: Database,
    actor: Actor,
    records: list[ProcedureRecord],
    *,
    now: datetime,
    progress: Callable[[int, int], bool] | None = None,
) -> ImportSummary:
    """Import records in one transaction; ``progress(done, total)`` returning False cancels."""
    require_role(actor, Role.ADMIN, "nhập danh mục thủ tục")
    with db.write() as session:
        return import_catalog_in(session, db, actor, records, now=now, progress=progress)


def import_catalog_in(
    session: Session,
    db: Database,
    actor: Actor,
    records: list[ProcedureRecord],
    *,
    now: datetime,
    progress: Callable[[int, int], bool] | None = None,
    source: dict[str, object] | None = None,
) -> ImportSummary:
    """``import_catalog`` inside the caller's transaction; ``source`` (a bundle's id and number)
    goes into each change's event."""
    require_role(actor, Role.ADMIN, "nhập danh mục thủ tục")
    summary = ImportSummary()
    fields, renames = _settle_fields(session, records, now)
    for payload in renames:
        record(session, db, actor, "field_renamed", now, payload=payload)
    for index, rec in enumerate(records):
        if progress is not None and not progress(index, len(records)):
            raise UserError("Đã hủy nhập danh mục; chưa ghi gì.")
        outcome = _import_one(session, rec, fields, now)
        getattr(summary, outcome).append(rec.code)
        if outcome != "unchanged":
            payload: dict[str, object] = {"code": rec.code, "change": outcome}
            if source:
                payload["source"] = source
            record(session, db, actor, "catalog_imported", now, payload=payload)
    return summary


def _settle_fields(
    session: Session, records: list[ProcedureRecord], now: datetime
) -> tuple[dict[str, Field], list[dict[str, object]]]:
    """Every field by code, after creating the new ones and renaming, once, those whose name the
    changed records carry differently; with the payload of each rename's event.

    Only changed records count (an unchanged one carries the name its version was imported with);
    when changed records disagree on a field's name, the last one in the import wins.
    """
    fields = {f.code: f for f in session.execute(select(Field)).scalars()}
    current = dict(
        session.execute(
            select(Procedure.code, ProcedureVersion.content_hash).join(
                ProcedureVersion, ProcedureVersion.id == Procedure.current_version_id
            )
        ).all()
    )
    named: dict[str, tuple[str, str]] = {}  # field code → (name, the procedure that carries it)
    for rec in records:
        changed = current.get(rec.code) != rec.content_hash()
        # A record without the field's name creates the field nameless, never unnames it.
        if rec.field_code and changed and (rec.field_name or rec.field_code not in named):
            named[rec.field_code] = (rec.field_name, rec.code)
    renames: list[dict[str, object]] = []
    for code, (name, procedure) in named.items():
        field_row = fields.get(code)
        if field_row is None:
            fields[code] = add_field(session, code, name)
        elif name and (previous := rename_field(session, field_row, name, now)) is not None:
            renames.append({"field": code, "from": previous, "to": name, "procedure": procedure})
    return fields, renames


def _import_one(session: Session, rec: ProcedureRecord, fields: dict[str, Field], now: datetime) -> str:
    """added / updated / unchanged (its field already settled by _settle_fields)."""
    digest = rec.content_hash()
    procedure = session.execute(select(Procedure).where(Procedure.code == rec.code)).scalar_one_or_none()
    current = procedure.current_version if procedure is not None else None
    if current is not None and current.content_hash == digest:
        return "unchanged"
    field_row = fields.get(rec.field_code) if rec.field_code else None
    outcome = "updated"
    if procedure is None:
        procedure = Procedure(code=rec.code)
        session.add(procedure)
        session.flush()
        outcome = "added"
    version_no = 1 + (procedure.current_version.version_no if procedure.current_version else 0)
    version = ProcedureVersion(
        procedure_id=procedure.id,
        version_no=version_no,
        name=rec.name,
        field=field_row,
        level=rec.level,
        full_online=rec.full_online,
        supplement_rule=rec.supplement_rule,
        legal_bases=rec.legal_bases,
        results=rec.results,
        requirements=rec.requirements,
        case_terms=rec.case_terms,
        content_hash=digest,
        imported_at=now,
        cases=[
            ProcedureCase(
                ordinal=i + 1,
                name=case.name,
                documents=[
                    RequiredDocument(
                        ordinal=j + 1,
                        name=d.name,
                        code=d.code,
                        original_qty=d.original_qty,
                        copy_qty=d.copy_qty,
                        required=d.required,
                        kind=d.kind,
                        part=d.part,
                    )
                    for j, d in enumerate(case.documents)
                ],
            )
            for i, case in enumerate(rec.cases)
        ],
        channels=[
            ChannelTerm(
                channel=c.channel,
                amount=Decimal(c.amount),
                unit=c.unit,
                description=c.description,
                fees=c.fees,
            )
            for c in rec.channels
        ],
    )
    session.add(version)
    session.flush()
    procedure.current_version = version
    procedure.search_key = search_key(f"{rec.code} {rec.name}")
    return outcome


def load_current_version(session: Session, code: str) -> ProcedureVersion:
    procedure = session.execute(
        select(Procedure)
        .where(Procedure.code == code.strip())
        .options(
            selectinload(Procedure.current_version)
            .selectinload(ProcedureVersion.cases)
            .selectinload(ProcedureCase.documents),
            selectinload(Procedure.current_version).selectinload(ProcedureVersion.channels),
            selectinload(Procedure.current_version).selectinload(ProcedureVersion.field),
        )
    ).scalar_one_or_none()
    if procedure is None or procedure.current_version is None:
        raise NotFoundError("Không có thủ tục mã «{code}» trong danh mục.", code=code.strip())
    return procedure.current_version


def version_to_record(version: ProcedureVersion, code: str) -> ProcedureRecord:
    return ProcedureRecord(
        code=code,
        name=version.name,
        field_code=version.field.code if version.field else "",
        field_name=version.field.name if version.field else "",
        level=version.level,
        full_online=version.full_online,
        supplement_rule=version.supplement_rule,
        cases=[
            CaseRecord(
                c.name,
                [
                    DocumentRecord(d.name, d.code, d.original_qty, d.copy_qty, d.required, d.kind, d.part)
                    for d in c.documents
                ],
            )
            for c in version.cases
        ],
        channels=[
            ChannelRecord(t.channel, decimal_text(Decimal(t.amount)), t.unit, t.description, list(t.fees))
            for t in version.channels
        ],
        legal_bases=list(version.legal_bases),
        results=list(version.results),
        requirements=version.requirements,
        case_terms=[dict(t) for t in version.case_terms],
    )


def show_procedure(db: Database, code: str) -> ProcedureRecord:
    with db.read() as session:
        return version_to_record(load_current_version(session, code), code.strip())


@dataclass(frozen=True)
class ProcedureSummary:
    code: str
    name: str
    field_name: str
    version_no: int


def list_procedures(
    db: Database, query: str = "", limit: int | None = None, *, received_at: uuid.UUID | None = None
) -> list[ProcedureSummary]:
    """Procedures whose code or name contains every word of ``query`` (any accents or none), best first.

    Ranks: 0, the query as a phrase starting at a word ("ket hon" in "Thủ tục đăng ký kết hôn");
    1, every query word starts a word ("dang hon" in "đăng ký kết hôn"); 2, the rest (a word found
    inside another word or in the code). By code within a rank, and by code alone without a query.
    The ranking is part of the query, so ``limit`` (the picker's 500) keeps the best matches.
    With ``received_at`` (an office id), procedures that office does not receive are left out."""
    with db.read() as session:
        stmt = (
            select(Procedure.code, ProcedureVersion.name, Field.name, ProcedureVersion.version_no)
            .join(ProcedureVersion, Procedure.current_version_id == ProcedureVersion.id)
            .outerjoin(Field, ProcedureVersion.field_id == Field.id)
        )
        if received_at is not None:
            stmt = stmt.where(
                ~exists().where(
                    OfficeProcedure.procedure_id == Procedure.id,
                    OfficeProcedure.office_id == received_at,
                    OfficeProcedure.enabled.is_(False),
                )
            )
        key = search_key(query)
        if key:
            words = key.split()
            for word in words:
                stmt = stmt.where(Procedure.search_key.contains(word, autoescape=True))
            # search_key is the folded "code name": after a leading space, " word" marks a word start.
            spaced = literal(" ") + Procedure.search_key
            rank = case(
                (spaced.contains(" " + key, autoescape=True), 0),
                (and_(*(spaced.contains(" " + word, autoescape=True) for word in words)), 1),
                else_=2,
            )
            stmt = stmt.order_by(rank)
        stmt = stmt.order_by(Procedure.code)
        if limit:
            stmt = stmt.limit(limit)
        return [ProcedureSummary(c, n, f or "", v) for c, n, f, v in session.execute(stmt)]


def export_records(db: Database) -> list[ProcedureRecord]:
    codes = [p.code for p in list_procedures(db)]
    with db.read() as session:
        return [version_to_record(load_current_version(session, code), code) for code in codes]


def import_paths(db: Database, actor: Actor, paths: Iterable[Path], *, now: datetime) -> ImportSummary:
    return import_catalog(db, actor, read_records(paths), now=now)
