"""The command line's grammar: the top-level parser, the options every command takes, and the
commands, each added by its own module (``add_parsers``)."""

from __future__ import annotations

import argparse
from typing import NoReturn

from counter_app.cli import (
    audit,
    backups,
    calendar,
    catalog,
    database,
    dossiers,
    exchange,
    forms,
    office,
    office_setup,
    procedures,
    reports,
    slips,
    units,
    users,
)
from counter_app.cli.common import EXIT_USER_ERROR

# The commands in the order «counter-cli --help» lists them.
COMMAND_MODULES = (
    database,  # init | self-test | demo
    catalog,  # catalog import|list|show|export
    dossiers,  # due | receive | lookup | search | events verify
    slips,  # print receipt|guide|supplement|… (the slips as PDF files)
    reports,  # report day|period|register|overdue|satisfaction (PDF, XLSX, CSV)
    audit,  # audit list (who looked at what; admins, auditors)
    users,  # user add|edit|disable|enable|reset-password|unlock|list (admins)
    procedures,  # procedure show|enable|disable|term|unit (the office's layer)
    office,  # office show|set|change-code (admins; dated profile changes)
    units,  # unit add|rename|retire|list (admins)
    calendar,  # calendar off|work|remove|list|preview (admins)
    backups,  # backup [--to DIR] | backup list | restore FILE [--yes] | check
    office_setup,  # setup --from office.json [--prune] (docs/office-setup.md)
    exchange,  # exchange key|trust|export|enrol|import (offline offices and the province)
    forms,  # forms list|set|reset (the province's wording of the slips)
)


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
    for module in COMMAND_MODULES:
        module.add_parsers(sub, common)
    return parser
