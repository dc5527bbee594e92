"""counter-cli setup --from office.json [--prune]: set up (or bring up to date) the office of a
database from a file — the same service as the desktop's first-start wizard (docs/office-setup.md).

Prints one line per change, then the one-time password of each user it created without a password
in the file (shown this once), or «Không có gì thay đổi.». The file is read and checked before the
data folder is opened: a bad file (JSON syntax with its line and column, a wrong shape, a refused
value, a catalogue file that cannot be read) prints one «Lỗi: …» line, exits 1 and writes nothing —
not even an empty database. Unknown procedure codes need the database's catalogue: they are
refused once it is open, with nothing of the office written.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from counter_app.cli.common import ONE_TIME_PASSWORD_NOTE, SubParsers, actor_of, utc_now
from counter_app.context import AppContext
from counter_app.domain.errors import ValidationError
from counter_app.jsonfile import read_json
from counter_app.services.setup_spec import SetupSpec, spec_from_json


def read_spec(path: Path) -> SetupSpec:
    """The spec of a set-up file, its catalogue files taken relative to the file's folder; any
    mistake a ValidationError naming the file."""
    raw = read_json(path)  # "«path»: JSON sai ở dòng L, cột C." and the like
    try:
        spec = spec_from_json(raw)
    except ValidationError as exc:
        raise ValidationError(f"{path}: {exc.message}", field=exc.field) from None
    return replace(spec, catalog_files=tuple(str(path.parent / p) for p in spec.catalog_files))


def check_setup_file(args: argparse.Namespace) -> None:
    """Before the data folder is opened (cli/run.py: _check_arguments): the file read and checked, and the
    catalogue files it names read whole (the procedure codes need the database's catalogue: they
    are checked by apply_setup, before anything of the office is written)."""
    from counter_app.services.office_setup import procedure_choices

    args.spec = read_spec(Path(getattr(args, "from")))
    if args.spec.catalog_files:
        procedure_choices([Path(p) for p in args.spec.catalog_files])


def cmd_setup(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.office_setup import apply_setup

    spec = getattr(args, "spec", None) or read_spec(Path(getattr(args, "from")))
    result = apply_setup(ctx.db, actor_of(ctx, args), spec, now=utc_now(), prune=args.prune)
    for line in result.changes:
        print(line)
    for username, password in result.one_time_passwords.items():
        print(f"Mật khẩu dùng một lần của {username}: {password}")
    if result.one_time_passwords:
        print(ONE_TIME_PASSWORD_NOTE)
    if not result.changes:
        print("Không có gì thay đổi.")


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «setup» under ``sub`` (the top-level subcommands of counter-cli)."""
    p = sub.add_parser("setup", parents=[common], help="thiết lập đơn vị từ tệp JSON (docs/office-setup.md)")
    p.add_argument("--from", dest="from", required=True, help="tệp thiết lập đơn vị (JSON)")
    p.add_argument(
        "--prune",
        action="store_true",
        help="thôi tiếp nhận thủ tục, vô hiệu hóa người dùng, thôi dùng đơn vị không có trong tệp",
    )
    p.set_defaults(func=cmd_setup, precheck=check_setup_file)
