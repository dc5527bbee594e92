"""The raw receive baseline: the rows, indexes and event the receive service writes, via the DB-API.

One transaction per dossier, into the real schema (every index and foreign key of the product's
tables), on SQLite (``sqlite3``, the product's pragmas, BEGIN IMMEDIATE) or PostgreSQL (``psycopg``,
READ COMMITTED), in the order the service writes: look the applicant up by ID number and insert
it, lock the node's chain head, take the daily number and the register-book line (one upsert on
``daily_counters``), then insert the dossier, its documents and the ``received`` event (same
payload, same SHA-256 chain) and move the head — on PostgreSQL in one statement (data-modifying
WITH clauses), as the service does. What the baseline leaves out is what the service adds on top:
reading the office, the catalogue version and the calendar, computing the appointment (done once
here), validation, SQLAlchemy.

The events it writes verify (``counter-cli events verify``) and its numbers share the office's
counters with the service's, so a run mixing both stays gapless.
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from counter_app.db.database import Database
from counter_app.db.event_log import GENESIS_HASH, HASH_VERSION, book_key, canonical_json, hash_fields
from counter_app.db.models import Applicant, Dossier, DossierDocument, Event
from counter_app.db.tables import new_id
from counter_app.domain.dossier_code import format_code
from counter_app.domain.text import search_key
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.catalog_snapshot import current_snapshot
from counter_app.services.office_catalog import effective_terms, settings_of
from counter_app.services.offices import get_office
from counter_app.services.procedure_terms import terms_for, terms_label
from counter_app.services.receiving import IntakeRequest, preview_appointment

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
_MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh"]
_GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hòa", "Lan", "Linh", "Mai", "Nam", "Sơn"]


class Applicants:
    """A new applicant for every dossier (name, CCCD and phone), distinct between ``stream``s."""

    def __init__(self, stream: int) -> None:
        self._rng = random.Random(stream)
        self._stream = stream % 10
        self._n = 0

    def next(self) -> ApplicantInput:
        self._n += 1
        rng = self._rng
        name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"
        # 038 = Thanh Hóa, 0/1 = born in the 1900s (male/female), then the year and a serial.
        number = f"038{rng.choice('01')}{rng.randint(40, 99):02d}{self._stream}{self._n % 100_000:05d}"
        return ApplicantInput(
            full_name=name,
            id_number=number,
            phone=f"09{rng.randint(0, 99_999_999):08d}",
            address=f"Số {rng.randint(1, 200)} Lê Lợi, Thanh Hóa",
            read_from_card=True,
        )

    def request(self, procedure_code: str) -> IntakeRequest:
        return IntakeRequest(procedure_code, self.next())


@dataclass(frozen=True)
class Fixed:
    """What the service reads for every receipt, read once for the baseline."""

    office_id: uuid.UUID
    unit_code: str
    timezone: str
    user_id: uuid.UUID
    username: str
    procedure_code: str
    version_id: uuid.UUID
    version_no: int
    case_id: uuid.UUID
    field_id: uuid.UUID | None
    term: str
    legal_term: str | None
    documents: tuple[tuple[uuid.UUID, int, str, int, int, str], ...]
    appointment_after: timedelta | None


def fixed_for(db: Database, actor: Actor, procedure_code: str) -> Fixed:
    now = datetime.now(UTC)
    appointment = preview_appointment(db, actor, procedure_code, "direct", at=now)
    with db.read() as session:
        office = get_office(session, actor.office_id)
        version = current_snapshot(session, procedure_code)
        case = version.cases[0]
        terms = effective_terms(settings_of(session, office.id, procedure_code), version, "direct", case.name)
        legal = terms_for(version, "direct", case.name)
        assert actor.user_id is not None
        return Fixed(
            office_id=office.id,
            unit_code=office.identifier_code,
            timezone=office.timezone,
            user_id=actor.user_id,
            username=actor.username,
            procedure_code=procedure_code,
            version_id=version.id,
            version_no=version.version_no,
            case_id=case.id,
            field_id=version.field_id,
            term=terms_label(terms),
            legal_term=terms_label(legal) if legal != terms else None,
            documents=tuple(
                (d.id, d.ordinal, d.name, d.original_qty, d.copy_qty, d.kind)
                for d in case.documents
                if d.tickable
            ),
            appointment_after=appointment - now if appointment is not None else None,
        )


def _insert(table: Any, columns: list[str], rows: int, mark: str) -> str:
    one = "(" + ", ".join([mark] * len(columns)) + ")"
    return f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES " + ", ".join([one] * rows)


class RawReceiver:
    """Receives through one DB-API connection (``sqlite3`` or ``psycopg``), one transaction each.

    In the order the service uses (counter_app.services.receiving._write_dossier): the applicant
    first, then the node's chain head, then both counters in one statement, then on PostgreSQL one
    statement for the dossier, its documents, the event and the head (data-modifying WITH clauses),
    elsewhere one statement each; then the commit.
    """

    def __init__(self, conn: Any, dialect: str, node_id: str, fixed: Fixed) -> None:
        self.conn, self.dialect, self.node_id, self.fixed = conn, dialect, node_id, fixed
        self.sqlite = dialect == "sqlite"
        mark = "?" if self.sqlite else "%s"
        lock = "" if self.sqlite else " FOR UPDATE"
        self.applicant_cols = [c.name for c in Applicant.__table__.columns]
        self.dossier_cols = [c.name for c in Dossier.__table__.columns]
        self.document_cols = [c.name for c in DossierDocument.__table__.columns]
        self.event_cols = [c.name for c in Event.__table__.columns]
        self.sql_find = f"SELECT id FROM applicants WHERE id_number = {mark} LIMIT 1"
        self.sql_applicant = _insert(Applicant.__table__, self.applicant_cols, 1, mark)
        self.sql_counters = (
            f"INSERT INTO daily_counters (unit_code, day, last_seq) VALUES ({mark}, {mark}, 1), ({mark}, {mark}, 1) "
            "ON CONFLICT (unit_code, day) DO UPDATE SET last_seq = daily_counters.last_seq + 1 "
            "RETURNING unit_code, last_seq"
        )
        self.sql_head = f"SELECT last_seq, last_hash FROM node_heads WHERE node_id = {mark}{lock}"
        self.sql_new_head = (
            f"INSERT INTO node_heads (node_id, last_seq, last_hash) VALUES ({mark}, 0, {mark}) "
            "ON CONFLICT (node_id) DO NOTHING"
        )
        self.sql_writes = [
            _insert(Dossier.__table__, self.dossier_cols, 1, mark),
            *(
                [_insert(DossierDocument.__table__, self.document_cols, len(fixed.documents), mark)]
                if fixed.documents
                else []
            ),
            _insert(Event.__table__, self.event_cols, 1, mark),
            f"UPDATE node_heads SET last_seq = {mark}, last_hash = {mark} WHERE node_id = {mark}",
        ]
        if not self.sqlite:  # one statement: every write but the last as a WITH clause
            *first, last = self.sql_writes
            self.sql_writes = [
                "WITH " + ", ".join(f"w{i} AS ({q})" for i, q in enumerate(first)) + " " + last
            ]
        if self.sqlite:
            self.json: Any = json.dumps
        else:
            from psycopg.types.json import Json

            self.json = Json

    def _v(self, value: object) -> object:
        """A value as SQLAlchemy's column types store it on this backend."""
        if not self.sqlite:
            return self.json(value) if isinstance(value, dict | list) else value
        if isinstance(value, uuid.UUID):
            return value.hex
        if isinstance(value, datetime):
            return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, dict | list):
            return json.dumps(value)
        return value

    def _row(self, columns: list[str], values: dict[str, object]) -> list[object]:
        return [self._v(values.get(name)) for name in columns]

    def receive(self, applicant: ApplicantInput, now: datetime) -> str:
        f, cur = self.fixed, self.conn.cursor()
        day = now.astimezone(ZoneInfo(f.timezone)).date()
        if self.sqlite:
            cur.execute("BEGIN IMMEDIATE")
        try:
            found = cur.execute(self.sql_find, (applicant.id_number,)).fetchone()
            applicant_id = found[0] if found is not None else new_id()
            if found is None:
                cur.execute(
                    self.sql_applicant,
                    self._row(
                        self.applicant_cols,
                        {
                            "id": applicant_id,
                            "full_name": applicant.full_name,
                            "search_key": search_key(applicant.full_name),
                            "id_number": applicant.id_number,
                            "phone": applicant.phone,
                            "address": applicant.address,
                            "read_from_card": applicant.read_from_card,
                        },
                    ),
                )
            dossier_id = new_id()
            appointment = now + f.appointment_after if f.appointment_after is not None else None
            documents: list[object] = []
            for doc_id, ordinal, name, original, copies, kind in f.documents:
                documents += self._row(
                    self.document_cols,
                    {
                        "id": new_id(),
                        "dossier_id": dossier_id,
                        "required_document_id": doc_id,
                        "ordinal": ordinal,
                        "name": name,
                        "original_qty": original,
                        "copy_qty": copies,
                        "kind": kind,
                    },
                )
            head = cur.execute(self.sql_head, (self.node_id,)).fetchone()
            if head is None:
                cur.execute(self.sql_new_head, (self.node_id, GENESIS_HASH))
                head = cur.execute(self.sql_head, (self.node_id,)).fetchone()
            book = book_key(f.unit_code)
            taken = dict(
                cur.execute(
                    self.sql_counters,
                    (f.unit_code, self._v(day), book, self._v(date(day.year, 1, 1))),
                ).fetchall()
            )
            code = format_code(f.unit_code, day, taken[f.unit_code])
            dossier = self._row(
                self.dossier_cols,
                {
                    "id": dossier_id,
                    "code": code,
                    "office_id": f.office_id,
                    "procedure_version_id": f.version_id,
                    "case_id": f.case_id,
                    "field_id": f.field_id,
                    "channel": "direct",
                    "applicant_id": applicant_id,
                    "received_at": now,
                    "received_local_date": day,
                    "received_by_id": f.user_id,
                    "appointment_at": appointment,
                    "legal_due_at": appointment,
                    "status": "received",
                    "return_method": "counter",
                    "apology_count": 0,
                    "register_seq": taken[book],
                    "note": "",
                },
            )
            payload = {
                "code": code,
                "procedure": f.procedure_code,
                "version": f.version_no,
                "case": 1,
                "channel": "direct",
                "appointment_at": appointment.isoformat() if appointment is not None else None,
                "term": f.term,
                **({"legal_term": f.legal_term} if f.legal_term is not None else {}),
                "documents": [d[1] for d in f.documents],
            }
            event: dict[str, object] = {
                "id": new_id(),
                "node_id": self.node_id,
                "seq": head[0] + 1,
                "kind": "received",
                "office_id": f.office_id,
                "dossier_id": dossier_id,
                "actor": f.username,
                "occurred_at": now.astimezone(UTC),
                "local_date": day,
                "payload": json.loads(canonical_json(payload)),
                "prev_hash": head[1],
                "actor_id": f.user_id,
                "hash_version": HASH_VERSION,
            }
            event["hash"] = hash_fields(**event)  # type: ignore[arg-type]
            params = [dossier, *([documents] if documents else []), self._row(self.event_cols, event)]
            params.append([event["seq"], event["hash"], self.node_id])
            if self.sqlite:
                for sql, values in zip(self.sql_writes, params, strict=True):
                    cur.execute(sql, values)
            else:
                cur.execute(self.sql_writes[0], [v for values in params for v in values])
        except BaseException:
            if self.sqlite:
                cur.execute("ROLLBACK")
            else:
                self.conn.rollback()
            raise
        if self.sqlite:
            cur.execute("COMMIT")
        else:
            self.conn.commit()
        return code


def sqlite_connection(file: str) -> sqlite3.Connection:
    """A connection with the pragmas the product sets on every connection (counter_app.db.engine)."""
    conn = sqlite3.connect(file, isolation_level=None, timeout=30)
    for pragma in (
        "foreign_keys=ON",
        "busy_timeout=30000",
        "journal_mode=WAL",
        "synchronous=NORMAL",
        "cache_size=-65536",
    ):
        conn.execute(f"PRAGMA {pragma}")
    return conn
