"""Demo data: an office, its users and units, the default catalogue, and synthetic dossiers.

Dossiers are written in bulk (Core executemany, chunked transactions) yet keep every
invariant of the real services: gapless daily numbers, one event per change chained by
hash, office-local dates, appointments from the working calendar.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from counter_app.bundled import resource_path
from counter_app.db.database import Database
from counter_app.db.event_log import GENESIS_HASH, HASH_VERSION, book_key, hash_fields
from counter_app.db.models import (
    Agency,
    Applicant,
    CancelledNumber,
    DailyCounter,
    Dossier,
    DossierDocument,
    Event,
    NodeHead,
    Office,
    Procedure,
    ProcedureCase,
    ProcedureVersion,
    User,
)
from counter_app.db.tables import new_id
from counter_app.domain.appointment import Policy, Term, classify_outcome, latest_appointment
from counter_app.domain.dossier_code import format_code
from counter_app.domain.errors import UserError, ValidationError
from counter_app.domain.lifecycle import Status
from counter_app.domain.text import search_key
from counter_app.services.actor import SYSTEM_ACTOR, Role
from counter_app.services.catalog import import_catalog, read_records
from counter_app.services.offices import OfficeInput, calendar_for, create_office
from counter_app.services.procedure_terms import terms_for, terms_label
from counter_app.services.users import create_user

DEFAULT_CATALOG = resource_path("catalog", "default_catalog.json")
DEMO_PASSWORD = "demo"
DEMO_OFFICE = OfficeInput(
    name="Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa",
    identifier_code="000.00.31.H56",
    governing_body="UBND TỈNH THANH HÓA",
    place="Thanh Hóa",
    address="Số 28 Đại lộ Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
    hotline="0237 3 999 888",
    signatory_name="Lê Văn Minh",
    signatory_title="GIÁM ĐỐC",
)
DEMO_USERS = (
    ("canbo", "Nguyễn Thị Lan", Role.OFFICER),
    ("canbo2", "Trần Văn Hùng", Role.OFFICER),
    ("lanhdao", "Lê Văn Minh", Role.SUPERVISOR),
    ("quantri", "Phạm Quốc Toàn", Role.ADMIN),
)
DEMO_UNITS = (
    ("SNV", "Sở Nội vụ"),
    ("SYT", "Sở Y tế"),
    ("STP", "Sở Tư pháp"),
    ("SNNMT", "Sở Nông nghiệp và Môi trường"),
    ("SGDDT", "Sở Giáo dục và Đào tạo"),
)
_FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
]
_MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Xuân"]
_GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hòa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phúc",
    "Quân",
    "Sơn",
    "Thảo",
    "Thủy",
    "Trang",
    "Tuấn",
    "Yến",
]
_STREETS = ["Lê Lợi", "Trần Phú", "Quang Trung", "Bà Triệu", "Lam Sơn", "Nguyễn Trãi", "Hàm Nghi"]


def is_empty(db: Database) -> bool:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Office)).scalar_one() == 0


def ensure_demo_setup(db: Database, *, now: datetime, catalog: Path = DEFAULT_CATALOG) -> None:
    """Office, units, users and catalogue: each made only if missing, so running it again completes
    a set-up that stopped half-way (a full disk), and an office made by ``init`` gets the rest."""
    with db.read() as session:
        office = session.execute(select(Office).limit(1)).scalar_one_or_none()
        users = set(session.execute(select(User.username)).scalars())
        units = set(session.execute(select(Agency.code)).scalars())
        has_catalogue = session.execute(select(func.count()).select_from(Procedure)).scalar_one() > 0
    office_id = office.id if office is not None else create_office(db, SYSTEM_ACTOR, DEMO_OFFICE, now=now).id
    for username, full_name, role in DEMO_USERS:
        if username not in users:
            create_user(
                db,
                SYSTEM_ACTOR,
                username=username,
                full_name=full_name,
                role=role,
                password=DEMO_PASSWORD,
                office_id=office_id,
                now=now,
                # The demo is for looking: its users keep «demo», never forced to change it.
                must_change=False,
                enforce_policy=False,
            )
    with db.write() as session:
        for code, name in DEMO_UNITS:
            if code not in units:
                session.add(Agency(code=code, name=name))
    if not has_catalogue:
        import_catalog(db, SYSTEM_ACTOR, read_records([catalog]), now=now)


@dataclass
class _Template:
    version_id: object
    case_id: object
    field_id: object
    terms: tuple[Term, ...]
    docs: list[tuple[object, int, str, int, int, str]]
    procedure_code: str = ""
    field_code: str | None = None


def _templates(db: Database) -> list[_Template]:
    with db.read() as session:
        versions = (
            session.execute(
                select(ProcedureVersion)
                .join(Procedure, Procedure.current_version_id == ProcedureVersion.id)
                .order_by(Procedure.code)
            )
            .scalars()
            .all()
        )
        result = []
        for version in versions:
            case: ProcedureCase = version.cases[0]
            docs = [
                (d.id, d.ordinal, d.name, d.original_qty, d.copy_qty, d.kind)
                for d in case.documents
                if d.kind in ("submit", "show")  # headings and notes are never handed over
            ]
            terms = terms_for(version, "direct", case.name)
            field_code = version.field.code if version.field is not None else None
            result.append(
                _Template(
                    version.id, case.id, version.field_id, terms, docs, version.procedure.code, field_code
                )
            )
        return result


MAX_DEMO_YEARS = 20


def generate_dossiers(
    db: Database,
    count: int,
    *,
    now: datetime,
    seed: int = 1,
    years: int = 1,
    progress: Callable[[int, int], bool | None] | None = None,
    chunk: int = 5000,
) -> int:
    """Add ``count`` synthetic dossiers received over the past ``years`` years, in every status.

    Each year (the 365 days ending ``now``, the 365 before them, …; the oldest also takes the day
    before) receives an equal share, so a history of several years holds as many dossiers a year
    as one year of the same office (1,000,000 over 5 years: 200,000 a year). The years are written
    oldest first, so receipt order, daily numbers and register lines (per calendar year) all run
    forward as the real services write them; only one year's receipt instants are held at a time.

    Each chunk is one transaction; ``progress(done, total)`` returning False stops after the
    current chunk (what was written stays consistent). Returns the number written.
    """
    if not 1 <= years <= MAX_DEMO_YEARS:
        raise ValidationError(
            "Số năm dữ liệu mẫu phải từ 1 đến {limit}.", limit=MAX_DEMO_YEARS, field="years"
        )
    rng = random.Random(seed)
    templates = _templates(db)
    with db.read() as session:
        office = session.execute(select(Office).limit(1)).scalar_one()
        calendar = calendar_for(session, office)
        officers = session.execute(select(User.id, User.username).where(User.role == "officer")).all()
        units = session.execute(select(Agency.id, Agency.code, Agency.name)).all()
    if not templates or not officers or not units:
        raise UserError(
            "Chưa đủ dữ liệu để tạo hồ sơ mẫu (cần danh mục thủ tục, cán bộ một cửa và đơn vị xử lý): "
            "hãy chạy lại «counter-cli demo» để hoàn tất phần cài đặt mẫu."
        )
    policy = Policy(office.time_policy)
    tz = calendar.tz
    today = now.astimezone(tz).date()
    later = _LaterEvents()
    done = 0
    for year in range(years - 1, -1, -1):  # oldest first
        # Working days of this year, as days to draw receipts from; today's sessions may lie
        # partly in the future.
        oldest = 365 * (year + 1) - (0 if year == years - 1 else 1)
        days = [today - timedelta(days=i) for i in range(oldest, 365 * year - 1, -1)]
        days = [d for d in days if calendar.is_working_day(d)]
        share = count // years + (1 if year < count % years else 0)
        arrivals: list[datetime] = []
        while len(arrivals) < share:
            instant = _random_instant(rng, calendar, rng.choice(days), tz)
            if instant < now:
                arrivals.append(instant)
        arrivals.sort()
        for start in range(0, len(arrivals), chunk):
            batch = arrivals[start : start + chunk]
            last = year == 0 and start + chunk >= len(arrivals)
            until = None if last else batch[-1]
            _write_batch(
                db, batch, templates, officers, units, calendar, policy, office, rng, now, later, until
            )
            done += len(batch)
            if not last and progress is not None and progress(done, count) is False:
                # The events still waiting belong to dossiers already written.
                _write_batch(
                    db, [], templates, officers, units, calendar, policy, office, rng, now, later, None
                )
                return done
            if last and progress is not None:
                progress(done, count)
    return done


class _LaterEvents:
    """Events of written dossiers not yet chained: the chain (and so the events table) runs in
    time order, as the services write it, so one day's events lie together in the file and a
    report of a day reads what a real office's file would make it read."""

    def __init__(self) -> None:
        self._heap: list[tuple[datetime, int, dict[str, object]]] = []
        self._order = itertools.count()

    def push(self, at: datetime, event: dict[str, object]) -> None:
        heapq.heappush(self._heap, (at, next(self._order), event))

    def pop_until(self, until: datetime | None) -> list[dict[str, object]]:
        """The events at or before ``until`` (all with None), oldest first."""
        out = []
        while self._heap and (until is None or self._heap[0][0] <= until):
            out.append(heapq.heappop(self._heap)[2])
        return out


def _random_instant(rng: random.Random, calendar, day, tz) -> datetime:  # type: ignore[no-untyped-def]
    session = rng.choice(calendar.sessions_on(day))
    start = datetime.combine(day, session.start, tz)
    span = (datetime.combine(day, session.end, tz) - start).total_seconds()
    return (start + timedelta(seconds=rng.uniform(0, span))).replace(microsecond=0)


def _write_batch(
    db, arrivals, templates, officers, units, calendar, policy, office, rng, now, later, until
) -> None:  # type: ignore[no-untyped-def]
    applicants: list[dict[str, object]] = []
    dossiers: list[dict[str, object]] = []
    documents: list[dict[str, object]] = []
    events: list[dict[str, object]] = []
    cancelled: list[dict[str, object]] = []
    with db.write() as session:
        head = session.get(NodeHead, db.node_id)
        if head is None:
            head = NodeHead(node_id=db.node_id, last_seq=0, last_hash=GENESIS_HASH)
            session.add(head)
            session.flush()
        seq, last_hash = head.last_seq, head.last_hash
        counters: dict[object, int] = {}
        books: dict[object, int] = {}  # the register book's last line per year
        for received in arrivals:
            local_day = received.astimezone(calendar.tz).date()
            if local_day not in counters:
                row = session.get(DailyCounter, (office.identifier_code, local_day))
                counters[local_day] = row.last_seq if row else 0
            counters[local_day] += 1
            first_day = local_day.replace(month=1, day=1)
            if first_day not in books:
                row = session.get(DailyCounter, (book_key(office.identifier_code), first_day))
                books[first_day] = row.last_seq if row else 0
            books[first_day] += 1
            tpl = rng.choice(templates)
            officer_id, officer_name = rng.choice(officers)
            applicant = _applicant(rng)
            applicants.append(applicant)
            appointment = latest_appointment(received, tpl.terms, calendar, policy)
            dossier_id = new_id()
            code = format_code(office.identifier_code, local_day, counters[local_day])
            row = {
                "id": dossier_id,
                "code": code,
                "office_id": office.id,
                "procedure_version_id": tpl.version_id,
                "case_id": tpl.case_id,
                "field_id": tpl.field_id,
                "channel": rng.choices(["direct", "online", "postal"], [70, 25, 5])[0],
                "applicant_id": applicant["id"],
                "received_at": received,
                "received_local_date": local_day,
                "received_by_id": officer_id,
                "register_seq": books[first_day],
                "appointment_at": appointment,
                "legal_due_at": appointment,
                "status": "received",
                "return_method": "counter",
                "apology_count": 0,
                "current_unit_id": None,
                "outcome": None,
                "resolved_at": None,
                "returned_at": None,
                "satisfaction": None,
                "waiting_since": None,
                "returned_to": None,
                "note": "",
            }
            documents.extend(
                {
                    "id": new_id(),
                    "dossier_id": dossier_id,
                    "required_document_id": d[0],
                    "ordinal": d[1],
                    "name": d[2],
                    "original_qty": d[3],
                    "copy_qty": d[4],
                    "kind": d[5],
                }
                for d in tpl.docs
            )
            dossiers.append(row)
            steps = _life(rng, row, received, appointment, now, calendar, units)
            # As the receive service records it: the receipt's item 3 reads the term from here; the
            # procedure, its field and the appointment are what the province's view reads (issue 15).
            steps[0][2].update(
                term=terms_label(tpl.terms),
                procedure=tpl.procedure_code,
                field=tpl.field_code,
                appointment_at=appointment.isoformat() if appointment else None,
            )
            if row.get("returned_to") is not None:
                receiver = {
                    "full_name": applicant["full_name"],
                    "id_number": applicant["id_number"],
                    "relation": "Người nộp hồ sơ",
                    "method": "counter",
                    "tracking_number": "",
                }
                row["returned_to"] = receiver
                steps[-1][2]["receiver"] = receiver
            for kind, at, payload in steps:
                if kind == "cancel":  # the number stays, explained (as the cancel service does)
                    cancelled.append(
                        {"code": code, "reason": payload["reason"], "actor": officer_name, "cancelled_at": at}
                    )
                later.push(
                    at,
                    {
                        "kind": kind,
                        "office_id": office.id,
                        "dossier_id": dossier_id,
                        "actor": officer_name,
                        "occurred_at": at.astimezone(UTC),
                        "local_date": at.astimezone(calendar.tz).date(),
                        "payload": {"code": code, **payload},
                        "actor_id": officer_id,
                    },
                )
        for pending in later.pop_until(until):
            seq += 1
            event = {"id": new_id(), "node_id": db.node_id, "seq": seq, **pending, "prev_hash": last_hash}
            event["hash_version"] = HASH_VERSION
            event["hash"] = last_hash = hash_fields(**event)
            events.append(event)
        head.last_seq, head.last_hash = seq, last_hash
        _save_counters(session, office.identifier_code, counters)
        _save_counters(session, book_key(office.identifier_code), books)
        conn = session.connection()
        for table, rows in (
            (Applicant, applicants),
            (Dossier, dossiers),
            (DossierDocument, documents),
            (Event, events),
            (CancelledNumber, cancelled),
        ):
            if rows:
                conn.execute(table.__table__.insert(), rows)


def _applicant(rng: random.Random) -> dict[str, object]:
    name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"
    sex_digit = rng.choice("0123")  # 0/1: born 1900s male/female, 2/3: 2000s
    year = rng.randint(40, 99) if sex_digit in "01" else rng.randint(0, 8)
    return {
        "id": new_id(),
        "full_name": name,
        "search_key": search_key(name),
        "id_number": f"038{sex_digit}{year:02d}{rng.randint(0, 999_999):06d}",
        "phone": f"09{rng.randint(0, 99_999_999):08d}",
        "address": f"Số {rng.randint(1, 200)} {rng.choice(_STREETS)}, Thanh Hóa",
        "read_from_card": True,
        "old_id_number": None,
        "birth_date": None,
        "sex": None,
        "email": None,
    }


def _save_counters(session, unit_code, counters) -> None:  # type: ignore[no-untyped-def]
    for day, last in counters.items():
        row = session.get(DailyCounter, (unit_code, day))
        if row is None:
            session.add(DailyCounter(unit_code=unit_code, day=day, last_seq=last))
        else:
            row.last_seq = last
    session.flush()


def _life(rng, row, received, appointment, now, calendar, units):  # type: ignore[no-untyped-def]
    """Walk one dossier through a plausible life up to ``now``; returns its events."""
    steps = [("received", received, {"status": "received", "channel": row["channel"]})]
    if rng.random() < 0.01:
        cancel_at = _office_hours(calendar, received + timedelta(minutes=20), received, rng)
        if cancel_at < now:  # else too recent to have been noticed yet
            row["status"] = str(Status.CANCELLED)
            reason = {"status": "cancelled", "reason": "Nhập nhầm thủ tục", "previous_status": "received"}
            steps.append(("cancel", cancel_at, reason))
        return steps
    transfer_at = _office_hours(calendar, received + timedelta(hours=rng.uniform(0.5, 20)), received, rng)
    if transfer_at >= now:
        return steps
    unit_id, unit_code, unit_name = rng.choice(units)
    row.update(status=str(Status.IN_PROGRESS), current_unit_id=unit_id)
    steps.append(
        ("transfer", transfer_at, {"status": "in_progress", "to_unit": unit_code, "to_unit_name": unit_name})
    )
    due = appointment or received + timedelta(days=10)
    span = (due - received).total_seconds()
    resolve_at = _office_hours(
        calendar, received + timedelta(seconds=span * rng.uniform(0.35, 1.15)), transfer_at, rng
    )
    fate = rng.random()
    if fate < 0.02 and resolve_at < now:
        row["status"] = str(Status.WITHDRAWN)
        steps.append(("withdraw", resolve_at, {"status": "withdrawn", "reason": "Công dân rút hồ sơ"}))
        return steps
    if fate < 0.03 and resolve_at < now:
        row["status"] = str(Status.STOPPED)
        steps.append(("stop", resolve_at, {"status": "stopped", "reason": "Không đủ điều kiện"}))
        return steps
    if resolve_at >= now:
        # Still being worked on; some wait for the citizen: a supplement, or a fee or tax to pay.
        wait = None
        if fate < 0.1:
            wait = ("request_supplement", 2, {"reason": "Bổ sung giấy tờ"}, Status.SUPPLEMENT_REQUESTED)
        elif fate < 0.15:
            wait = ("request_payment", 6, {"obligation": "Lệ phí 100.000 đồng"}, Status.AWAITING_PAYMENT)
        if wait is not None:
            kind, hours, payload, status = wait
            asked_at = _office_hours(calendar, transfer_at + timedelta(hours=hours), transfer_at, rng)
            if asked_at < now:
                row.update(status=str(status), waiting_since=asked_at)
                steps.append((kind, asked_at, {"status": str(status), **payload}))
        return steps
    outcome = classify_outcome(resolve_at, appointment, calendar)
    row.update(status=str(Status.RESOLVED), resolved_at=resolve_at, outcome=str(outcome))
    steps.append(("resolve", resolve_at, {"status": "resolved", "outcome": str(outcome)}))
    return_at = _office_hours(calendar, resolve_at + timedelta(hours=rng.uniform(2, 72)), resolve_at, rng)
    if return_at < now and rng.random() < 0.9:
        level = rng.choices([1, 2, 3, 4, 5], [55, 35, 7, 2, 1])[0]
        # The receiver is filled in when the row is written (the applicant is not known here).
        row.update(status=str(Status.RETURNED), returned_at=return_at, satisfaction=level, returned_to={})
        steps.append(("return_result", return_at, {"status": "returned", "satisfaction": level}))
    return steps


def _office_hours(calendar, instant, after, rng):  # type: ignore[no-untyped-def]
    """``instant`` if the office is open then, else a few minutes into its next session; always
    after ``after`` (each step of a dossier's life follows the one before)."""
    instant = max(instant, after + timedelta(minutes=1))
    if calendar.is_working_instant(instant):
        return instant
    local = calendar.to_local(instant)
    day = local.date()
    while True:
        for session in calendar.sessions_on(day):
            start = datetime.combine(day, session.start, local.tzinfo)
            if start > local:
                length = (datetime.combine(day, session.end, local.tzinfo) - start).total_seconds()
                return start + timedelta(seconds=min(rng.uniform(60, 45 * 60), length - 1))
        day = calendar.next_working_day(day)
