"""counter-cli exchange …: signed bundles between an offline office and the provincial centre.

    exchange key [--out FILE]              this database's fingerprint (read it out over the phone);
                                           --out: its public key as a small text file
    exchange trust FILE --fingerprint FP   (office) keep the province's public key from FILE, once the
                                           fingerprint the province read out matches
    exchange export --out FILE             (office) every event the province has not acknowledged
    exchange enrol FILE --fingerprint FP   (province) enrol the key that signed the office's bundle
    exchange offices                       (province) each enrolled office: data up to, events,
                                           dossiers, events waiting, open fork alarms
    exchange find CODE|CCCD                (province) the offices' dossiers with this code or CCCD
    exchange epoch                         (office) after restoring the database by hand (pg_restore):
                                           every workstation's chain goes on in a new epoch
    exchange returned                      (office) the dossiers lost in a restore from an old backup
                                           whose events the province sent back
    exchange forks [--all]                 (province) the open fork alarms (--all: resolved ones too),
                                           each branch's events, time span and dossier codes
    exchange keep FORK --applied|--other   (province) keep one branch of the alarm FORK (its id or
                                           the start of it); the other is set aside, never dropped
    exchange publish --out FILE            (province) the baseline for every office: the whole
                                           catalogue, the province's calendar (calendar off|work
                                           --province) and its wording of the slips (forms set),
                                           numbered, signed
    exchange import FILE… [--ack-dir DIR]  (province) office bundles: verified, applied; a signed
                     [--fingerprint FP]    acknowledgement written for each into DIR (default: beside
                                           it). (office) the province's acknowledgements: the export's
                                           cursor moves; the province's baseline: applied, what
                                           changed printed; --fingerprint the first time
    exchange report period|day …           (province) Biểu 06 and the end-of-day summary across the
                                           offices, as files (cli/exchange_reports.py)

The services import ``cryptography`` and the zip stack: inside each command (issue 11: start-up).
docs/exchange.md tells the whole route.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from counter_app.cli.common import SubParsers, actor_of, utc_now
from counter_app.cli.exchange_reports import add_report_parsers
from counter_app.context import AppContext
from counter_app.domain.errors import UserError
from counter_app.output_files import check_writable, write_atomic

if TYPE_CHECKING:
    from counter_app.services.calendar_baseline import BaselineChange


def cmd_key(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.exchange.office import public_key_text

    content, fingerprint = public_key_text(ctx.db, now=utc_now())
    if args.out:
        out = check_writable(Path(args.out))
        write_atomic(out, content.encode("utf-8"), mode=0o644)  # a public key: anyone may read it
        print(f"Đã ghi khóa công khai vào {out}.")
    print(f"Dấu vân tay khóa: {fingerprint}")


def _grouped(n: int) -> str:
    """12.345: thousands grouped the Vietnamese way."""
    return f"{n:,}".replace(",", ".")


def cmd_trust(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.exchange.office import trust_province_key

    fingerprint = trust_province_key(
        ctx.db, actor_of(ctx, args), Path(args.file), args.fingerprint, now=utc_now()
    )
    print(f"Đã nhận khóa của trung tâm tỉnh, dấu vân tay {fingerprint}.")


def cmd_export(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.exchange.upward import export_events

    out = check_writable(Path(args.out))
    exported = export_events(ctx.db, actor_of(ctx, args), out, now=utc_now())
    if exported is None:
        print("Không có sự kiện nào trung tâm tỉnh chưa xác nhận: không ghi gói.")
        return
    ranges = ", ".join(f"{c.node_id} #{c.first_seq}–{c.last_seq}" for c in exported.chains)
    print(
        f"Đã ghi {out} ({_grouped(exported.size)} byte): {_grouped(exported.events)} sự kiện ({ranges}), "
        f"ký bằng khóa {exported.fingerprint}."
    )


def cmd_enrol(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.exchange.province import enrol

    done = enrol(ctx.db, actor_of(ctx, args), Path(args.file), args.fingerprint, now=utc_now())
    state = "Đã đăng ký" if done.new else "Đã đăng ký từ trước"
    print(f"{state} khóa {done.fingerprint} của {done.office_name} ({done.office_code}).")


def cmd_import(ctx: AppContext, args: argparse.Namespace) -> None:
    """Each file in turn; a refused one is said and the others still imported (exit 1 at the end)."""
    from counter_app.services.exchange.bundle import read_bundle
    from counter_app.services.exchange.downward import BASELINE_KIND
    from counter_app.services.exchange.province import ACK_KIND

    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            kind = read_bundle(path).kind
            if kind == ACK_KIND:
                _import_ack(ctx, args, path)
            elif kind == BASELINE_KIND:
                _import_baseline(ctx, args, path)
            else:
                _import_events(ctx, args, path)
        except UserError as exc:
            failed += 1
            print(f"Lỗi: {exc}")
    if failed:
        raise UserError(f"{failed}/{len(args.files)} gói không nhập được (lý do ở trên).")


def _import_events(ctx: AppContext, args: argparse.Namespace, path: Path) -> None:
    from counter_app.services.exchange.province import import_and_acknowledge

    folder = Path(args.ack_dir) if args.ack_dir else None
    result, ack = import_and_acknowledge(ctx.db, actor_of(ctx, args), path, folder, now=utc_now())
    if result.repeated:
        print(f"{path.name}: đã nhập trước đây, không có gì mới.")
    else:
        print(f"{path.name}: văn phòng {result.office_code}, áp dụng {result.applied} sự kiện.")
    for node in result.nodes:
        line = f"  {node.node_id}: áp dụng {node.applied}, đã có {node.already_had}, đến số {node.head}"
        if node.waiting:
            line += f"; {node.waiting} sự kiện chờ các sự kiện trước chúng"
        if node.set_aside:
            line += f"; {node.set_aside} sự kiện tiếp nối nhánh đã để riêng, cũng để riêng"
        if node.fork_at is not None:
            line += (
                f"; CẢNH BÁO RẼ NHÁNH ở sự kiện số {node.fork_at}: chưa áp dụng gì của nút này "
                "(«counter-cli exchange forks»)"
            )
        print(line)
    print(f"  Gói xác nhận gửi văn phòng: {ack}")


def _import_ack(ctx: AppContext, args: argparse.Namespace, path: Path) -> None:
    from counter_app.services.exchange.office import import_ack

    result = import_ack(ctx.db, actor_of(ctx, args), path, now=utc_now(), fingerprint=args.fingerprint)
    if result.repeated:
        print(f"{path.name}: đã nhập trước đây.")
        return
    done = (
        ", ".join(f"{node} đến số {seq}" for node, seq in sorted(result.acknowledged.items()))
        or "chưa có chuỗi nào"
    )
    print(f"{path.name}: trung tâm tỉnh đã xác nhận {done}.")
    for span in result.returned:
        print(
            f"  Trung tâm tỉnh gửi lại {span.last_seq - span.first_seq + 1} sự kiện chuỗi {span.node_id} "
            f"(số {span.first_seq}–{span.last_seq}) bị mất khi khôi phục từ bản sao lưu cũ; "
            f"{len(span.dossier_codes)} hồ sơ: «counter-cli exchange returned»."
        )
    for node, seq in sorted(result.behind.items()):
        print(
            f"  Chú ý: trung tâm tỉnh có chuỗi {node} đến số {seq}, nhiều hơn cơ sở dữ liệu này (đã khôi phục "
            "từ bản sao lưu cũ?): chuỗi đó chưa được đánh dấu đã gửi."
        )


def _import_baseline(ctx: AppContext, args: argparse.Namespace, path: Path) -> None:
    from counter_app.services.exchange.downward import import_baseline

    result = import_baseline(ctx.db, actor_of(ctx, args), path, now=utc_now(), fingerprint=args.fingerprint)
    if result.repeated:
        print(f"{path.name}: gói số {result.number} đã áp dụng trước đây.")
        return
    if not result.changed_anything:
        print(f"{path.name}: đã áp dụng gói số {result.number}; danh mục và lịch không có gì thay đổi.")
        return
    print(
        f"{path.name}: đã áp dụng gói số {result.number}: {len(result.added)} thủ tục mới, "
        f"{len(result.updated)} thủ tục thay đổi, {len(result.calendar)} ngày thay đổi, "
        f"{len(result.forms)} lời văn mẫu phiếu thay đổi."
    )
    for change in result.added:
        print(f"  + {change.code}\t{change.name}")
    for change in result.updated:
        print(f"  ~ {change.code}\t{change.name}")
    for day in result.calendar:
        print(f"  {day_change_text(day)}")
    for text in result.forms:
        after = text.after if text.after is not None else "(trở lại lời văn chuẩn)"
        print(f"  lời văn mẫu {text.kind}/{text.key}: {after}")


def day_change_text(change: BaselineChange) -> str:
    """«02/12/2026: theo lịch quốc gia → nghỉ (Nghỉ bù …)» for a calendar change of the baseline."""
    names = {"off": "nghỉ", "work": "làm việc"}
    old = names[change.before.kind] if change.before else "theo lịch quốc gia"
    new = names[change.after.kind] if change.after else "theo lịch quốc gia"
    note = f" ({change.after.note})" if change.after and change.after.note else ""
    return f"{change.day:%d/%m/%Y}: {old} → {new}{note}"


def cmd_publish(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.exchange.downward import publish_baseline

    out = check_writable(Path(args.out))
    done = publish_baseline(ctx.db, actor_of(ctx, args), out, now=utc_now())
    print(
        f"Đã ghi {out} ({_grouped(done.size)} byte): gói số {done.number}, {_grouped(done.procedures)} thủ tục, "
        f"{done.calendar_days} ngày của lịch chung, {done.form_texts} lời văn mẫu phiếu."
    )


def cmd_offices(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.exchange.province_view import offices
    from counter_app.services.offices import office_timezone

    zone = ZoneInfo(office_timezone(ctx.db))
    listed = offices(ctx.db, actor_of(ctx, args))
    if not listed:
        print("Chưa có văn phòng nào được đăng ký.")
    for o in listed:
        until = f"{o.data_until.astimezone(zone):%d/%m/%Y %H:%M}" if o.data_until else "chưa có"
        line = (
            f"{o.office_code}\t{o.office_name}\tdữ liệu đến {until}\t{o.events} sự kiện\t{o.dossiers} hồ sơ"
        )
        if o.waiting:
            line += f"\t{o.waiting} sự kiện chờ"
        if o.open_forks:
            line += f"\tCẢNH BÁO RẼ NHÁNH: {o.open_forks}"
        print(line)


def cmd_find(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.domain.masking import mask_id_number
    from counter_app.services.exchange.province_view import find
    from counter_app.services.offices import office_timezone

    zone = ZoneInfo(office_timezone(ctx.db))
    found = find(ctx.db, actor_of(ctx, args), args.text)
    if not found:
        print("Không có hồ sơ nào của các văn phòng khớp.")
    for d in found:
        until = f"{d.data_until.astimezone(zone):%d/%m/%Y %H:%M}" if d.data_until else "?"
        appointment = (
            f"{d.appointment_at.astimezone(zone):%d/%m/%Y %H:%M}" if d.appointment_at else "không hẹn"
        )
        print(
            f"{d.code}\t{d.office_code}\t{d.applicant_name}\t{mask_id_number(d.applicant_id_number)}\t{d.status}\t"
            f"hẹn {appointment}\t(dữ liệu văn phòng đến {until})"
        )


def cmd_epoch(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.actor import Role, require_role
    from counter_app.services.epochs import start_after_restore

    require_role(actor_of(ctx, args), Role.ADMIN, "bắt đầu kỷ nguyên mới sau khi khôi phục")
    started = start_after_restore(ctx.db, now=utc_now(), restored_from="pg_restore")
    print(
        f"Đã bắt đầu kỷ nguyên mới cho {len(started)} máy (chuỗi sự kiện); các máy khác bắt đầu khi mở lại "
        "phần mềm. Gửi gói cho trung tâm tỉnh như thường lệ: tỉnh sẽ gửi lại các sự kiện bị mất."
    )


def cmd_returned(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.exchange.returned import returned_dossiers
    from counter_app.services.offices import office_timezone

    zone = ZoneInfo(office_timezone(ctx.db))
    lost = returned_dossiers(ctx.db, actor_of(ctx, args))
    if not lost:
        print("Không có hồ sơ nào bị mất khi khôi phục được trung tâm tỉnh gửi lại.")
    for d in lost:
        print(
            f"{d.code}\t{d.applicant_name}\t{d.procedure_code}\tnhận {d.received_at.astimezone(zone):%d/%m/%Y %H:%M}"
            f"\tsự kiện cuối: {d.last_event} {d.last_at.astimezone(zone):%d/%m/%Y %H:%M}"
        )


def cmd_forks(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.exchange.forks import list_forks
    from counter_app.services.offices import office_timezone

    zone = ZoneInfo(office_timezone(ctx.db))
    forks = list_forks(ctx.db, actor_of(ctx, args), open_only=not args.all)
    if not forks:
        print("Không có cảnh báo rẽ nhánh nào." if args.all else "Không có cảnh báo rẽ nhánh nào đang mở.")
    for fork in forks:
        state = "ĐANG MỞ" if fork.resolved_at is None else f"đã giữ nhánh «{fork.resolution}»"
        print(
            f"{fork.id.hex[:8]}\t{fork.office_code}\t{fork.office_name}\tchuỗi {fork.node_id} từ số {fork.seq}\t"
            f"{state}\t(báo lúc {fork.raised_at.astimezone(zone):%d/%m/%Y %H:%M})"
        )
        for name, branch in (("applied", fork.applied), ("other", fork.other)):
            span = (
                f"{branch.first_at.astimezone(zone):%d/%m/%Y %H:%M}–{branch.last_at.astimezone(zone):%d/%m/%Y %H:%M}"
                if branch.first_at and branch.last_at
                else "—"
            )
            codes = ", ".join(branch.dossier_codes[:10]) + (" …" if len(branch.dossier_codes) > 10 else "")
            label = "nhánh đã áp dụng" if name == "applied" else "nhánh kia"
            print(
                f"  --{name}: {label}, {branch.events} sự kiện, {span}; "
                f"{len(branch.dossier_codes)} hồ sơ tiếp nhận" + (f": {codes}" if codes else "")
            )


def cmd_keep(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.exchange.forks import KEEP_APPLIED, KEEP_OTHER, keep_branch

    keep = KEEP_APPLIED if args.applied else KEEP_OTHER
    done = keep_branch(ctx.db, actor_of(ctx, args), args.fork, keep, now=utc_now())
    kept = "đã áp dụng" if keep == KEEP_APPLIED else "kia"
    print(
        f"Đã giữ nhánh {kept}: {done.set_aside} sự kiện của nhánh còn lại được để riêng (không xóa); "
        f"áp dụng thêm {done.applied} sự kiện, chuỗi đến số {done.head}."
    )
    if done.new_alarm_at is not None:
        print(f"  CẢNH BÁO RẼ NHÁNH mới ở sự kiện số {done.new_alarm_at}: xem «counter-cli exchange forks».")


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «exchange …» under ``sub``."""
    text = "trao đổi dữ liệu với trung tâm tỉnh bằng gói có chữ ký (văn phòng không có mạng)"
    group = sub.add_parser("exchange", parents=[common], help=text, description=text).add_subparsers(
        dest="exchange_command", required=True
    )
    p = group.add_parser("key", parents=[common], help="dấu vân tay khóa của cơ sở dữ liệu này")
    p.add_argument("--out", help="ghi khóa công khai ra tệp")
    p.set_defaults(func=cmd_key)
    p = group.add_parser("trust", parents=[common], help="(văn phòng) nhận khóa công khai của trung tâm tỉnh")
    p.add_argument("file")
    p.add_argument("--fingerprint", required=True, help="dấu vân tay trung tâm tỉnh đọc qua điện thoại")
    p.set_defaults(func=cmd_trust)
    p = group.add_parser("export", parents=[common], help="(văn phòng) ghi gói sự kiện chưa được xác nhận")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_export)
    p = group.add_parser(
        "publish", parents=[common], help="(trung tâm tỉnh) ghi gói danh mục và lịch chung cho các văn phòng"
    )
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_publish)
    p = group.add_parser("enrol", parents=[common], help="(trung tâm tỉnh) đăng ký khóa của một văn phòng")
    p.add_argument("file", help="một gói của văn phòng đó")
    p.add_argument("--fingerprint", required=True, help="dấu vân tay văn phòng đọc qua điện thoại")
    p.set_defaults(func=cmd_enrol)
    p = group.add_parser(
        "offices", parents=[common], help="(trung tâm tỉnh) các văn phòng và dữ liệu đến ngày nào"
    )
    p.set_defaults(func=cmd_offices)
    p = group.add_parser(
        "find", parents=[common], help="(trung tâm tỉnh) tìm hồ sơ của các văn phòng theo mã hoặc CCCD"
    )
    p.add_argument("text")
    p.set_defaults(func=cmd_find)
    p = group.add_parser(
        "epoch",
        parents=[common],
        help="(văn phòng) sau khi khôi phục CSDL bằng tay: chuỗi sự kiện mới cho mọi máy",
    )
    p.set_defaults(func=cmd_epoch)
    p = group.add_parser(
        "returned", parents=[common], help="(văn phòng) hồ sơ bị mất khi khôi phục, trung tâm tỉnh đã gửi lại"
    )
    p.set_defaults(func=cmd_returned)
    p = group.add_parser("forks", parents=[common], help="(trung tâm tỉnh) các cảnh báo rẽ nhánh")
    p.add_argument("--all", action="store_true", help="cả những cảnh báo đã xử lý")
    p.set_defaults(func=cmd_forks)
    p = group.add_parser(
        "keep",
        parents=[common],
        help="(trung tâm tỉnh) giữ một nhánh sau cảnh báo rẽ nhánh; nhánh kia để riêng",
    )
    p.add_argument("fork", help="mã cảnh báo (8 ký tự đầu là đủ)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--applied", action="store_true", help="giữ nhánh đã áp dụng")
    which.add_argument("--other", action="store_true", help="giữ nhánh kia (trong cảnh báo)")
    p.set_defaults(func=cmd_keep)
    p = group.add_parser(
        "import",
        parents=[common],
        help="nhập gói: của văn phòng (ở tỉnh), xác nhận hoặc danh mục và lịch (ở văn phòng)",
    )
    p.add_argument("files", nargs="+")
    p.add_argument("--ack-dir", help="(trung tâm tỉnh) thư mục ghi gói xác nhận")
    p.add_argument("--fingerprint", help="(văn phòng) dấu vân tay trung tâm tỉnh, lần nhập đầu tiên")
    p.set_defaults(func=cmd_import)
    add_report_parsers(group, common)
