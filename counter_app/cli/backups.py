"""counter-cli backup | backup list | restore | check: backups and recovery from the command line.

    backup [--to DIR]      back up now into <data dir>/backups (verified, rotated) and also into DIR
                           (default: settings.json's "backup_mirror_dir", if set); PostgreSQL: pg_dump
    backup list            every backup: time, size, verified or not, last dossier code, file
    restore FILE [--yes]   FILE a path or a name from «backup list»; verified first; without --yes it
                           only says what would be lost; the current database is set aside, never deleted
    check                  SQLite integrity, foreign keys, event chains, slips missing from the archive:
                           one line per problem, exit 1 if any

These commands open the database without migrating it (a backup, a check or a restore never changes
the schema; a damaged file can still be checked and replaced). A mistake prints one «Lỗi: …» line,
exits 1 and changes nothing. See docs/backups.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from counter_app.cli.common import SubParsers
from counter_app.context import AppContext
from counter_app.db.engine import sqlite_file_of
from counter_app.domain.errors import UserError

# The backup and check services are imported by the commands that use them: building this parser
# is part of every counter-cli call (issue 11: start-up).
KIND_LABELS = {"sqlite": "sao lưu", "dump": "pg_dump", "migration": "trước nâng cấp"}


def _folders(ctx: AppContext, to: str | None = None) -> list[Path]:
    from counter_app.services import backups

    mirror = to if to is not None else getattr(ctx.settings, "backup_mirror_dir", "")
    return backups.folders_for(ctx.paths.backup_dir, mirror)


def _sqlite_file(ctx: AppContext) -> Path | None:
    return sqlite_file_of(ctx.db.url) if ctx.db.dialect == "sqlite" else None


def _require_file(ctx: AppContext, file: Path | None) -> Path:
    assert file is not None
    if not file.exists():
        raise UserError(
            f"Chưa có dữ liệu ở {ctx.paths.data_dir}: hãy chạy «counter-cli init» (hoặc khôi phục bằng "
            "«counter-cli restore TỆP --yes»), hoặc chọn đúng thư mục bằng --data-dir."
        )
    return file


def cmd_backup(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import backups

    if args.to is not None and not Path(args.to).expanduser().is_dir():
        raise UserError(f"Thư mục {args.to} không tồn tại (ổ đĩa hoặc USB chưa cắm?). Chưa ghi gì.")
    folders = _folders(ctx, args.to)
    file = _sqlite_file(ctx)
    if file is None:
        from counter_app.services.anchor import read_anchor_file
        from counter_app.services.backups_pg import pg_dump_backup

        made = pg_dump_backup(ctx.db, folders)
        for info in made:
            print(f"Đã sao lưu {info.path} ({backups.size_text(info.size)}) bằng pg_dump.")
        if made and (anchor := read_anchor_file(made[0].path)) is not None:
            print(f"Dấu chuỗi sự kiện (ghi bên bản sao lưu, .anchor.txt): {anchor.text}")
        return
    result = backups.make_backup(_require_file(ctx, file), folders)
    v = result.verification
    first, *copies = result.backups
    print(
        f"Đã sao lưu {first.path} ({backups.size_text(first.size)}), đã kiểm tra: toàn vẹn SQLite, khóa ngoại, "
        f"{v.events_checked} sự kiện; {v.dossiers} hồ sơ"
        + (f", hồ sơ cuối {v.last_code}." if v.last_code else ".")
    )
    for copy in copies:
        print(f"Đã chép sang {copy.path}.")
    if v.anchor is not None:
        print(f"Dấu chuỗi sự kiện (ghi bên bản sao lưu, .anchor.txt): {v.anchor.text}")
    if result.deleted or result.compressed:
        print(f"Xoay vòng: xóa {len(result.deleted)} bản cũ, nén {len(result.compressed)} bản cũ hơn 7 ngày.")


def cmd_backup_list(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import backups

    folders = _folders(ctx)
    found = backups.list_backups(folders)
    if not found:
        print(f"Chưa có bản sao lưu nào trong {', '.join(str(f) for f in folders)}.")
        return
    for info in found:
        checked = "đã kiểm tra" if info.verified else "chưa kiểm tra"
        print(
            f"{info.taken_at:%Y-%m-%d %H:%M:%S}\t{backups.size_text(info.size)}\t{checked}\t"
            f"{info.last_code or '-'}\t{KIND_LABELS[info.kind]}\t{info.path}"
        )


def cmd_restore(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import recovery

    file = _sqlite_file(ctx)
    if file is None:
        raise UserError(
            "Trên PostgreSQL, quản trị CSDL khôi phục bằng pg_restore (xem docs/backups.md); "
            "counter-cli chỉ khôi phục tệp SQLite."
        )
    source = recovery.resolve_backup_file(args.file, _folders(ctx))
    plan = recovery.prepare_restore(file, source)
    try:
        print(plan.summary())
        if not args.yes:
            raise UserError(
                "Chưa khôi phục: thêm --yes để xác nhận (cơ sở dữ liệu hiện tại sẽ được để riêng, không bị xóa)."
            )
        result = recovery.apply_restore(plan)
    finally:
        plan.staged.discard()
    print(f"Đã khôi phục {file} từ {source}.")
    if result.set_aside is not None:
        print(f"Cơ sở dữ liệu trước đó được để riêng ở {result.set_aside}.")


def cmd_check(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.db_check import check_database

    file = _sqlite_file(ctx)
    if file is not None:
        _require_file(ctx, file)
    report = check_database(ctx.db, ctx.paths.slips_dir)
    if report.problems:
        for line in report.problems:
            print(line)
        raise UserError(f"Kiểm tra {ctx.db.label} thấy {len(report.problems)} vấn đề (liệt kê ở trên).")
    print(f"Không có vấn đề: {ctx.db.label} — {', '.join(report.checks)}.")


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «backup», «backup list», «restore» and «check» under ``sub`` (the top-level subcommands)."""
    p = sub.add_parser(
        "backup", parents=[common], help="sao lưu ngay (đã kiểm tra, xoay vòng); «backup list»"
    )
    p.add_argument("--to", help="thư mục thứ hai (ổ khác, USB) nhận thêm một bản")
    p.set_defaults(func=cmd_backup, migrate=False)
    group = p.add_subparsers(dest="backup_command")
    q = group.add_parser("list", parents=[common], help="các bản sao lưu")
    q.set_defaults(func=cmd_backup_list, migrate=False)

    p = sub.add_parser("restore", parents=[common], help="khôi phục từ một bản sao lưu (cần --yes)")
    p.add_argument("file", help="tệp sao lưu (đường dẫn, hoặc tên trong «backup list»)")
    p.add_argument("--yes", action="store_true", help="xác nhận: thay cơ sở dữ liệu hiện tại (được để riêng)")
    p.set_defaults(func=cmd_restore, migrate=False)

    p = sub.add_parser("check", parents=[common], help="kiểm tra toàn vẹn, khóa ngoại, chuỗi sự kiện, phiếu")
    p.set_defaults(func=cmd_check, migrate=False)
