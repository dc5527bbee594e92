"""counter-cli: the headless entry point (set-up, demo, catalogue, due dates, receive, lookup, audit).

Every command takes --data-dir and --as, before the subcommand or after it (``counter-cli --data-dir D
demo`` = ``counter-cli demo --data-dir D``; given in both places, the one after wins). A user's mistake
prints one clear Vietnamese line on stderr and exits with status 1; nothing is written half-done (each
command is one transaction).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from sqlalchemy.orm import Session

from counter_app.cli_argparse_vi import install as install_vietnamese_argparse
from counter_app.cli_argparse_vi import integer
from counter_app.cli_dates import parse_instant
from counter_app.config import DATABASE_URL_ENV
from counter_app.context import AppContext, open_context
from counter_app.domain.appointment import Policy, Term, TermUnit, latest_appointment
from counter_app.domain.errors import NotFoundError, UserError, ValidationError
from counter_app.exports.files import check_writable, write_atomic
from counter_app.jsonfile import read_json
from counter_app.logsetup import setup_logging
from counter_app.paths import AppPaths, resolve_paths
from counter_app.services.actor import SYSTEM_ACTOR, Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.offices import (
    OfficeInput,
    calendar_for,
    check_office_input,
    create_office,
    find_actor,
    get_office,
)
from counter_app.services.procedure_terms import terms_for

if TYPE_CHECKING:
    from counter_app.services.receiving import IntakeRequest

# Each command imports the services only it uses (catalogue import, demo, receiving, audit…), so
# that a short command such as ``due`` or ``lookup`` does not pay for the others (issue 11).

EXIT_USER_ERROR = 1
EXIT_UNEXPECTED = 2
# A demo office bigger than a province's year (they are built in memory before being written).
MAX_DEMO_DOSSIERS = 10_000_000
log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC)


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _actor(ctx: AppContext, args: argparse.Namespace) -> Actor:
    return find_actor(ctx.db, args.as_user) if args.as_user else SYSTEM_ACTOR


def _office_input(args: argparse.Namespace) -> OfficeInput:
    return OfficeInput(name=args.office_name or args.office_code, identifier_code=args.office_code)


def cmd_init(ctx: AppContext, args: argparse.Namespace) -> None:
    if args.office_code:
        create_office(
            ctx.db,
            SYSTEM_ACTOR,
            _office_input(args),
            now=_now(),
        )
    print(f"Cơ sở dữ liệu sẵn sàng: {ctx.db.label}")


def cmd_self_test(args: argparse.Namespace) -> int:
    from counter_app.selftest import self_test

    return self_test(sys.stdout)


def cmd_demo(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import demo

    if not 0 <= args.dossiers <= MAX_DEMO_DOSSIERS:
        raise ValidationError(f"Số hồ sơ mẫu phải từ 0 đến {MAX_DEMO_DOSSIERS:,}.".replace(",", "."))
    if not 1 <= args.years <= demo.MAX_DEMO_YEARS:  # before anything is written
        raise ValidationError(f"Số năm dữ liệu mẫu phải từ 1 đến {demo.MAX_DEMO_YEARS}.")
    demo.ensure_demo_setup(ctx.db, now=_now())

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total} hồ sơ", end="", file=sys.stderr, flush=True)

    made = (
        demo.generate_dossiers(ctx.db, args.dossiers, now=_now(), progress=progress, years=args.years)
        if args.dossiers
        else 0
    )
    if made:
        print(file=sys.stderr)
    print(f"Dữ liệu mẫu sẵn sàng: {made} hồ sơ mới. Người dùng: canbo, lanhdao, quantri (mật khẩu «demo»).")


def cmd_catalog_import(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import catalog as catalog_service

    summary = catalog_service.import_paths(
        ctx.db, _actor(ctx, args), [Path(p) for p in args.paths], now=_now()
    )
    print(
        f"Thêm mới {len(summary.added)}, cập nhật {len(summary.updated)}, không đổi {len(summary.unchanged)}."
    )


def cmd_catalog_list(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import catalog as catalog_service

    for item in catalog_service.list_procedures(ctx.db, args.search or ""):
        print(f"{item.code}\t{item.name}\t{item.field_name}\tv{item.version_no}")


def cmd_catalog_show(ctx: AppContext, args: argparse.Namespace) -> None:
    from dataclasses import asdict

    from counter_app.services import catalog as catalog_service

    _print_json(asdict(catalog_service.show_procedure(ctx.db, args.code)))


def cmd_catalog_export(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import catalog as catalog_service
    from counter_app.services.catalog_format import write_own_format

    out = check_writable(Path(args.out))
    records = catalog_service.export_records(ctx.db)
    write_atomic(out, write_own_format(records).encode("utf-8"))
    print(f"Đã xuất {len(records)} thủ tục ra {args.out}")


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


def _amount(text: str) -> Decimal:
    try:
        amount = Decimal(text.strip())
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite():  # "abc", "NaN", "Infinity"
        raise ValidationError(f"Thời hạn «{text}» không hợp lệ (ví dụ đúng: 3 hoặc 0.5).")
    return amount


def cmd_due(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.domain.calendar import WorkingCalendar

    with ctx.db.read() as session:
        try:
            office = get_office(session)
            calendar, policy = calendar_for(session, office), Policy(office.time_policy)
        except UserError:
            calendar, policy = WorkingCalendar(), Policy.HOURS
        received = parse_instant(args.received, calendar.tz)
        if args.procedure:
            terms = _procedure_terms(session, args.procedure, args.channel)
        else:
            terms = (Term(_amount(args.days), TermUnit(args.unit)),)
    due = latest_appointment(received, terms, calendar, Policy(args.policy) if args.policy else policy)
    print(due.isoformat() if due else "không hẹn")


def cmd_receive(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import receiving

    raw = read_json(Path(args.json))
    result = receiving.receive(ctx.db, _actor(ctx, args), intake_from_json(raw), now=_now())
    print(result.code)


_APPLICANT_KEYS = tuple(ApplicantInput.__dataclass_fields__)
_INTAKE_TEXT_KEYS = ("procedure", "channel", "return_method", "postal_address")


def intake_from_json(raw: object) -> IntakeRequest:
    """The CLI's JSON intake: {"procedure", "case", "channel", "applicant": {...}, "documents": [...]}.

    Every value's type is checked here, with the key named: JSON's looseness (true for 1, "123" for
    [1, 2, 3], 1.9 for 1) must not slip through as a different dossier."""
    from counter_app.services.receiving import IntakeRequest

    if not isinstance(raw, dict) or not isinstance(raw.get("applicant"), dict) or not raw.get("procedure"):
        raise ValidationError("JSON phải có «procedure» và «applicant» (họ tên, CCCD, …).")
    for key in _INTAKE_TEXT_KEYS:
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise ValidationError(f"«{key}» phải là chuỗi ký tự (đặt trong dấu nháy kép).")
    person = dict(raw["applicant"])
    unknown = sorted(set(person) - set(_APPLICANT_KEYS))
    if unknown:
        raise ValidationError(
            f"«applicant» có khóa không biết: {', '.join(unknown)} (dùng: {', '.join(_APPLICANT_KEYS)})."
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
    )


def cmd_lookup(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import lookup

    _print_json(lookup.lookup(ctx.db, _actor(ctx, args), args.code).to_json())


def cmd_search(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import lookup

    # A list: code, name, status, date — no ID number or phone (``lookup CODE`` shows the dossier whole).
    for hit in lookup.search(ctx.db, _actor(ctx, args), args.text):
        print(f"{hit.code}\t{hit.applicant_name}\t{hit.status}\t{hit.received_at.isoformat()}")


def cmd_events_verify(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import integrity

    report = integrity.verify_events(ctx.db)
    if report.first_broken:
        raise UserError(f"Chuỗi sự kiện bị phá vỡ — {report.first_broken}")
    print(f"Chuỗi sự kiện nguyên vẹn: {report.events_checked} sự kiện, {report.nodes} nút.")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake like every other mistake: one «Lỗi:» line, exit 1."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"Lỗi: Lệnh không hợp lệ ({message}). Xem «{self.prog} --help».\n")


def global_options(default: object) -> argparse.ArgumentParser:
    """--data-dir and --as, accepted before the subcommand and after it.

    The top-level parser holds them with ``default=None``; every subcommand (and command group) holds
    them with ``default=argparse.SUPPRESS``, so that a subcommand leaves the value given before it alone
    unless it is given again — then the later one (after the subcommand) wins."""
    options = _Parser(add_help=False)
    options.add_argument("--data-dir", default=default, help="thư mục dữ liệu (mặc định theo hệ điều hành)")
    options.add_argument("--as", dest="as_user", default=default, help="thực hiện với tư cách người dùng này")
    return options


def build_parser() -> argparse.ArgumentParser:
    common = global_options(argparse.SUPPRESS)
    parser = _Parser(
        prog="counter-cli", description="Bộ phận Một cửa — dòng lệnh", parents=[global_options(None)]
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init", parents=[common], help="tạo hoặc nâng cấp cơ sở dữ liệu")
    p.add_argument("--office-code")
    p.add_argument("--office-name")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser(
        "self-test", parents=[common], help="tự kiểm tra bản cài đặt (không đụng đến dữ liệu của cơ quan)"
    )
    p.set_defaults(standalone=cmd_self_test)
    p = sub.add_parser("demo", parents=[common], help="dữ liệu mẫu")
    p.add_argument("--dossiers", type=integer, default=200)
    p.add_argument("--years", type=integer, default=1, help="trải hồ sơ mẫu trên N năm gần nhất (mặc định 1)")
    p.set_defaults(func=cmd_demo)

    cat = sub.add_parser("catalog", parents=[common], help="danh mục thủ tục").add_subparsers(
        dest="catalog_command", required=True
    )
    p = cat.add_parser("import", parents=[common])
    p.add_argument("paths", nargs="+")
    p.set_defaults(func=cmd_catalog_import)
    p = cat.add_parser("list", parents=[common])
    p.add_argument("--search")
    p.set_defaults(func=cmd_catalog_list)
    p = cat.add_parser("show", parents=[common])
    p.add_argument("code")
    p.set_defaults(func=cmd_catalog_show)
    p = cat.add_parser("export", parents=[common])
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_catalog_export)

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
    p.set_defaults(func=cmd_events_verify)
    from counter_app.cli_print import add_print_parser

    add_print_parser(sub, common)  # print receipt|guide|supplement|… (the slips as PDF files)
    from counter_app.cli_report import add_report_parser

    add_report_parser(sub, common)  # report day|period|register|overdue|satisfaction (PDF, XLSX, CSV)
    from counter_app.cli_user import add_user_parser

    add_user_parser(sub, common)  # user add|edit|disable|enable|reset-password|unlock|list (admins)
    from counter_app.cli_procedure import add_procedure_parser

    add_procedure_parser(sub, common)  # procedure show|enable|disable|term|unit (the office's layer)
    from counter_app.cli_office import add_office_parser

    add_office_parser(sub, common)  # office show|set|change-code (admins; dated profile changes)
    from counter_app.cli_unit import add_unit_parser

    add_unit_parser(sub, common)  # unit add|rename|retire|list (admins)
    from counter_app.cli_calendar import add_calendar_parser

    add_calendar_parser(sub, common)  # calendar off|work|remove|list|preview (admins)
    from counter_app.cli_backup import add_backup_parsers

    add_backup_parsers(sub, common)  # backup [--to DIR] | backup list | restore FILE [--yes] | check
    from counter_app.cli_setup import add_setup_parser

    add_setup_parser(sub, common)  # setup --from office.json [--prune] (docs/office-setup.md)
    return parser


def _error_line(message: str) -> None:
    # One line, whatever the message carries (a driver's error may span several); characters the
    # console cannot show become "?" rather than a second error.
    text = " ".join(message.split())
    if len(text) > 600:  # a pasted page echoed back helps nobody
        text = text[:400] + " … " + text[-150:]
    line = "Lỗi: " + text + "\n"
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    sys.stderr.write(line.encode(encoding, "replace").decode(encoding, "replace"))


# Commands that read data already there: on a data folder without a database they say so
# instead of creating an empty one.
_NEED_DATA = {
    "lookup",
    "search",
    "events",
    "print",
    "report",
    "list",
    "show",
    "export",
    "user",
    "office",
    "unit",
    "calendar",
}


_POSITIONAL_NAMES = {
    "text": "nội dung cần tìm",
    "key": "mã hồ sơ",
    "code": "mã",
    "paths": "đường dẫn tệp",
    "codes": "mã hồ sơ",
    "file": "tệp sao lưu",
    "username": "tên đăng nhập",
    "day": "ngày",
    "new_code": "mã định danh mới",
}


def _check_arguments(args: argparse.Namespace) -> None:
    """Mistakes argparse lets through: an option given empty, reading data that does not exist."""
    for name, value in vars(args).items():
        if value == "" or (isinstance(value, list) and "" in value):
            what = _POSITIONAL_NAMES.get(name) or "tham số «--" + name.replace("_", "-") + "»"
            raise ValidationError(
                f"{what[0].upper()}{what[1:]} không được để trống.".replace("--as-user", "--as")
            )
    if getattr(args, "precheck", None) is not None:
        args.precheck(args)  # a command's own checks before anything is opened (setup: its file)
    command = getattr(args, "catalog_command", None) or args.command
    if command == "init" and args.office_code:
        check_office_input(_office_input(args))  # a refused code creates no data folder
    if command in _NEED_DATA:
        paths = resolve_paths(args.data_dir)
        has_server = bool(os.environ.get(DATABASE_URL_ENV) or paths.machine_database_url) or _settings_url(
            paths
        )
        if not has_server and not paths.database_file.exists():
            raise UserError(
                f"Chưa có dữ liệu ở {paths.data_dir}: hãy chạy «counter-cli init» (hoặc «counter-cli demo») "
                "trước, hoặc chọn đúng thư mục bằng --data-dir."
            )


def _settings_url(paths: AppPaths) -> bool:
    """Whether settings.json names a database server (read only: nothing is created here)."""
    try:
        raw = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False  # missing, or reported when the context opens
    return isinstance(raw, dict) and bool(raw.get("database_url"))


def _utf8_when_redirected() -> None:
    """Output sent to a file or a pipe is UTF-8, whatever the machine's code page (Windows'
    cp1258/cp1252 cannot hold all Vietnamese letters); a console keeps its own encoding."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_when_redirected()
    install_vietnamese_argparse()
    args = build_parser().parse_args(argv)
    if getattr(args, "standalone", None) is not None:  # needs no data folder
        return args.standalone(args)
    ctx = None
    log_file = None
    try:
        _check_arguments(args)
        # backup, restore, check: opened unmigrated (cli_backup.py), so a damaged file stays checkable
        ctx = open_context(args.data_dir, migrate=getattr(args, "migrate", True))
        log_file = setup_logging(
            ctx.paths
        )  # the audit lines (who looked up, searched, printed) go to the log
        args.func(ctx, args)
        return 0
    except UserError as exc:
        _error_line(exc.message)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``counter-cli catalog list | head``): nothing left to say to it.
        # Python flushes stdout at exit; pointing it at nothing keeps that flush from failing again.
        with contextlib.suppress(OSError, ValueError, AttributeError):  # not a real file (tests)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_USER_ERROR
    except Exception as exc:  # the last guard: a line and the details in the log, never a traceback
        log.exception("unexpected error")
        where = f" Chi tiết đã ghi vào nhật ký {log_file}." if log_file else ""
        _error_line(f"Lỗi không mong muốn ({type(exc).__name__}: {exc}).{where}")
        return EXIT_UNEXPECTED
    finally:
        if ctx is not None:
            ctx.close()


if __name__ == "__main__":
    sys.exit(main())
