"""counter-cli catalog …: the national catalogue of procedures.

    catalog import PATH…            national portal records or our own format (docs/catalog-format.md)
    catalog list [--search TEXT]    code, name, field, version: one procedure a line
    catalog show CODE               one procedure whole, as JSON
    catalog export --out FILE       every current procedure in our own format

An import is one transaction: a file that cannot be read, or a record refused, changes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from counter_app.cli.common import SubParsers, actor_of, print_json, utc_now
from counter_app.context import AppContext
from counter_app.output_files import check_writable, write_atomic


def cmd_import(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import catalog as catalog_service

    summary = catalog_service.import_paths(
        ctx.db, actor_of(ctx, args), [Path(p) for p in args.paths], now=utc_now()
    )
    print(
        f"Thêm mới {len(summary.added)}, cập nhật {len(summary.updated)}, không đổi {len(summary.unchanged)}."
    )


def cmd_list(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import catalog as catalog_service

    for item in catalog_service.list_procedures(ctx.db, args.search or ""):
        print(f"{item.code}\t{item.name}\t{item.field_name}\tv{item.version_no}")


def cmd_show(ctx: AppContext, args: argparse.Namespace) -> None:
    from dataclasses import asdict

    from counter_app.services import catalog as catalog_service

    print_json(asdict(catalog_service.show_procedure(ctx.db, args.code)))


def cmd_export(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import catalog as catalog_service
    from counter_app.services.catalog_format import write_own_format

    out = check_writable(Path(args.out))
    records = catalog_service.export_records(ctx.db)
    write_atomic(out, write_own_format(records).encode("utf-8"), mode=0o644)  # no personal data: shared
    print(f"Đã xuất {len(records)} thủ tục ra {args.out}")


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «catalog …» under ``sub`` (the top-level subcommands of counter-cli)."""
    cat = sub.add_parser("catalog", parents=[common], help="danh mục thủ tục").add_subparsers(
        dest="catalog_command", required=True
    )
    p = cat.add_parser("import", parents=[common])
    p.add_argument("paths", nargs="+")
    p.set_defaults(func=cmd_import)
    p = cat.add_parser("list", parents=[common])
    p.add_argument("--search")
    p.set_defaults(func=cmd_list)
    p = cat.add_parser("show", parents=[common])
    p.add_argument("code")
    p.set_defaults(func=cmd_show)
    p = cat.add_parser("export", parents=[common])
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_export)
