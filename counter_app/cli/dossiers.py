"""counter-cli due | receive | lookup | search | events verify: the dossiers.

    due --received WHEN (--procedure CODE | --days N [--unit U]) [--policy P] [--channel C]
                             the appointment a dossier received then would get
    receive --json FILE      receive the dossier the file describes (intake_from_json); prints its code
    lookup CODE              the dossier and its events, as JSON
    search TEXT              name (any accents), CCCD, phone, code prefix: one dossier a line
    events verify            every event chain checked, the first broken link named; the tables
                             replayed from the events; --anchor: the history up to a printed anchor
                             (or the .anchor.txt kept beside a backup)
    events verify --since A  the incremental one: the events after a printed anchor A, the dossiers
                             they touch (the history before A is what A proves)
    events anchor            the anchor of the log as it stands (printed on the end-of-day report)

``due`` and ``lookup`` are the short commands scheduled jobs call most: this module imports the
services each command uses inside it (issue 11: start-up; tests/startup/test_light_imports.py).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.cli.common import SubParsers, actor_of, decimal_amount, print_json, utc_now
from counter_app.cli.dates import parse_instant
from counter_app.context import AppContext
from counter_app.domain.appointment import Policy, Term, TermUnit, latest_appointment
from counter_app.domain.errors import NotFoundError, UserError, ValidationError
from counter_app.jsonfile import read_json
from counter_app.services.procedure_terms import terms_for

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter_app.services.receiving import IntakeRequest


def _procedure_terms(session: Session, code: str, channel: str) -> tuple[Term, ...]:
    """The procedure's terms from the database, or from the shipped catalogue on a fresh data dir."""
    from counter_app.services import catalog as catalog_service
    from counter_app.services.demo import DEFAULT_CATALOG

    try:
        return terms_for(catalog_service.load_current_version(session, code), channel)
    except NotFoundError:
        for record in catalog_service.read_records([DEFAULT_CATALOG]):
            if record.code == code.strip():
                return terms_for(record, channel)
        raise


def cmd_due(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.domain.calendar import WorkingCalendar
    from counter_app.services.office_calendar import calendar_for, office_row

    with ctx.db.connect() as conn:  # Core reads: the office and its calendar (no ORM to import)
        try:
            office = office_row(conn)
            calendar, policy = calendar_for(conn, office), Policy(office.time_policy)
        except UserError:
            calendar, policy = WorkingCalendar(), Policy.HOURS
    received = parse_instant(args.received, calendar.tz)
    if args.procedure:
        with ctx.db.read() as session:
            terms = _procedure_terms(session, args.procedure, args.channel)
    else:
        terms = (Term(decimal_amount(args.days, "3 hoặc 0.5"), TermUnit(args.unit)),)
    due = latest_appointment(received, terms, calendar, Policy(args.policy) if args.policy else policy)
    print(due.isoformat() if due else "không hẹn")


def cmd_receive(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import receiving

    raw = read_json(Path(args.json))
    result = receiving.receive(ctx.db, actor_of(ctx, args), intake_from_json(raw), now=utc_now())
    if result.repeated:  # a retry: the same dossier, said on stderr so that stdout stays the code
        print(
            f"Hồ sơ {result.code} đã được tiếp nhận trước đó với cùng «request_id»: không tạo hồ sơ mới.",
            file=sys.stderr,
        )
    print(result.code)


_INTAKE_TEXT_KEYS = ("procedure", "channel", "return_method", "postal_address", "request_id")


def intake_from_json(raw: object) -> IntakeRequest:
    """The CLI's JSON intake: {"procedure", "case", "channel", "applicant": {...}, "documents": [...],
    "request_id": "…"} (the last optional: the script's key, for a safe retry).

    Every value's type is checked here, with the key named: JSON's looseness (true for 1, "123" for
    [1, 2, 3], 1.9 for 1) must not slip through as a different dossier."""
    from counter_app.services.applicants import ApplicantInput
    from counter_app.services.receiving import IntakeRequest

    applicant_keys = tuple(ApplicantInput.__dataclass_fields__)
    if not isinstance(raw, dict) or not isinstance(raw.get("applicant"), dict) or not raw.get("procedure"):
        raise ValidationError("JSON phải có «procedure» và «applicant» (họ tên, CCCD, …).")
    for key in _INTAKE_TEXT_KEYS:
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise ValidationError(f"«{key}» phải là chuỗi ký tự (đặt trong dấu nháy kép).")
    person = dict(raw["applicant"])
    unknown = sorted(set(person) - set(applicant_keys))
    if unknown:
        raise ValidationError(
            f"«applicant» có khóa không biết: {', '.join(unknown)} (dùng: {', '.join(applicant_keys)})."
        )
    if "full_name" not in person:
        raise ValidationError("«applicant» phải có «full_name» (họ tên người nộp).")
    for key, value in person.items():
        if key == "read_from_card":
            if not isinstance(value, bool):
                raise ValidationError("«read_from_card» phải là true hoặc false.")
        elif value is not None and not isinstance(value, str):
            raise ValidationError(f"Thông tin người nộp không hợp lệ: «{key}» phải là chuỗi ký tự.")
    if person.get("birth_date"):
        try:
            person["birth_date"] = date.fromisoformat(person["birth_date"])
        except ValueError:
            raise ValidationError(
                f"«birth_date» «{person['birth_date']}» không phải ngày hợp lệ (dạng đúng: 1990-05-01)."
            ) from None
    case_no = raw.get("case", 1)
    if isinstance(case_no, bool) or not isinstance(case_no, int):
        raise ValidationError("«case» phải là một số nguyên (số thứ tự trường hợp, ví dụ 1).")
    documents = raw.get("documents")
    if documents is not None and (
        not isinstance(documents, list)
        or any(isinstance(d, bool) or not isinstance(d, int) for d in documents)
    ):
        raise ValidationError("«documents» phải là danh sách số thứ tự giấy tờ, ví dụ [1, 2, 4].")
    representative = raw.get("representative")
    if representative is not None and (
        not isinstance(representative, dict) or not all(isinstance(v, str) for v in representative.values())
    ):
        raise ValidationError("«representative» phải là một đối tượng có các giá trị chuỗi (họ tên, CCCD…).")
    return IntakeRequest(
        procedure_code=raw["procedure"],
        applicant=ApplicantInput(**person),
        case_no=case_no,
        channel=raw.get("channel") or "direct",
        provided=tuple(documents) if documents is not None else None,
        return_method=raw.get("return_method") or "counter",
        postal_address=raw.get("postal_address"),
        representative=representative,
        # A script's own key: retrying with it after a lost answer returns the same dossier.
        intake_token=raw.get("request_id") or None,
    )


def cmd_lookup(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import lookup

    print_json(lookup.lookup(ctx.db, actor_of(ctx, args), args.code).to_json())


def cmd_search(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import lookup

    # A list: code, name, status, date — no ID number or phone (``lookup CODE`` shows the dossier whole).
    for hit in lookup.search(ctx.db, actor_of(ctx, args), args.text):
        print(f"{hit.code}\t{hit.applicant_name}\t{hit.status}\t{hit.received_at.isoformat()}")


def cmd_events_verify(ctx: AppContext, args: argparse.Namespace) -> None:
    """The chains, then a printed anchor (when given: it proves the history the chains cannot,
    against a forger who rehashed), then the tables replayed from the events."""
    from counter_app.services import dossier_replay, integrity
    from counter_app.services.anchor import anchor_given, check_anchor
    from counter_app.services.audit_trail import verify_audit

    if args.since is not None:
        _verify_since(ctx, args.since)
        return
    printed = anchor_given(args.anchor) if args.anchor is not None else None  # a typing slip: said first
    report = integrity.verify_events(ctx.db)
    if report.first_broken:
        raise UserError(f"Chuỗi sự kiện bị phá vỡ — {report.first_broken}")
    if printed is not None and (problem := check_anchor(ctx.db, printed)) is not None:
        raise UserError(problem)
    replayed = dossier_replay.verify_tables(ctx.db)
    if not replayed.ok:
        for line in replayed.problems:
            print(line)
        if replayed.more:
            print(f"… và {replayed.more} chỗ khác cũng khác với sự kiện.")
        count = len(replayed.problems) + replayed.more
        raise UserError(f"Bảng hồ sơ, người nộp khác với sự kiện ở {count} chỗ (liệt kê ở trên).")
    trail = verify_audit(ctx.db)
    if trail.first_broken is not None:
        raise UserError(trail.first_broken)
    print(
        f"Chuỗi sự kiện nguyên vẹn: {report.events_checked} sự kiện, {report.nodes} nút; "
        f"hồ sơ và người nộp khớp với sự kiện: {replayed.dossiers_checked} hồ sơ; "
        f"nhật ký truy cập nguyên vẹn: {trail.records_checked} bản ghi."
    )
    if printed is not None:
        print(f"Khớp dấu chuỗi đã in {printed.digest}: lịch sử đến thời điểm đó không bị sửa.")


def _verify_since(ctx: AppContext, anchor_text: str) -> None:
    """The incremental verification: the events after a printed anchor (itself checked first) and
    the dossiers they touch; the history before the anchor is what the anchor proves."""
    from counter_app.services import dossier_replay, integrity
    from counter_app.services.anchor import anchor_given, check_anchor

    anchor = anchor_given(anchor_text)
    problem = check_anchor(ctx.db, anchor)
    if problem is not None:
        raise UserError(problem)
    since = dict(anchor.heads)
    report = integrity.verify_events(ctx.db, since=since)
    if report.first_broken:
        raise UserError(f"Chuỗi sự kiện bị phá vỡ — {report.first_broken}")
    replayed = dossier_replay.verify_dossiers(ctx.db, only=dossier_replay.touched_since(ctx.db, since))
    if not replayed.ok:
        for line in replayed.problems:
            print(line)
        raise UserError(
            f"Bảng hồ sơ khác với sự kiện ở {len(replayed.problems) + replayed.more} chỗ (liệt kê ở trên)."
        )
    print(
        f"Từ dấu chuỗi {anchor.digest}: {report.events_checked} sự kiện mới nguyên vẹn; "
        f"{replayed.dossiers_checked} hồ sơ có sự kiện mới khớp với sự kiện."
    )


def cmd_events_anchor(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.anchor import anchor_now

    print(f"Dấu chuỗi sự kiện: {anchor_now(ctx.db).text}")


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «due», «receive», «lookup», «search» and «events …» under ``sub``."""
    p = sub.add_parser("due", parents=[common], help="tính ngày hẹn trả kết quả")
    p.add_argument("--received", required=True)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--procedure")
    group.add_argument("--days")
    p.add_argument("--unit", default="working_day", choices=[u.value for u in TermUnit])
    p.add_argument("--policy", choices=[x.value for x in Policy])
    p.add_argument("--channel", default="direct", choices=["direct", "online", "postal"])
    p.set_defaults(func=cmd_due)

    p = sub.add_parser("receive", parents=[common], help="tiếp nhận hồ sơ mô tả trong tệp JSON")
    p.add_argument("--json", required=True)
    p.set_defaults(func=cmd_receive)
    p = sub.add_parser("lookup", parents=[common], help="tra cứu hồ sơ theo mã")
    p.add_argument("code")
    p.set_defaults(func=cmd_lookup)
    p = sub.add_parser("search", parents=[common], help="tìm hồ sơ theo tên, CCCD, điện thoại, mã")
    p.add_argument("text")
    p.set_defaults(func=cmd_search)
    ev = sub.add_parser("events", parents=[common], help="nhật ký sự kiện").add_subparsers(
        dest="events_command", required=True
    )
    p = ev.add_parser("verify", parents=[common])
    p.add_argument(
        "--anchor",
        help="dấu chuỗi sự kiện đã in (báo cáo cuối ngày) hoặc tệp .anchor.txt bên một bản sao lưu: "
        "lịch sử đến đó không bị sửa",
    )
    p.add_argument(
        "--since",
        help="chỉ kiểm tra từ một dấu chuỗi đã in (hoặc tệp .anchor.txt): sự kiện mới và hồ sơ chúng chạm tới",
    )
    p.set_defaults(func=cmd_events_verify)
    p = ev.add_parser("anchor", parents=[common], help="dấu chuỗi sự kiện hiện tại")
    p.set_defaults(func=cmd_events_anchor)
