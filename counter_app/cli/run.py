"""counter-cli's ``main``: the arguments checked, the data folder opened, the command run, and every
mistake turned into one «Lỗi: …» line on stderr and an exit status (``common.EXIT_*``)."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Sequence

from counter_app.cli.argparse_vi import install as install_vietnamese_argparse
from counter_app.cli.common import EXIT_UNEXPECTED, EXIT_USER_ERROR
from counter_app.cli.parser import build_parser
from counter_app.config import DATABASE_URL_ENV
from counter_app.context import open_context
from counter_app.domain.errors import UserError, ValidationError
from counter_app.logsetup import setup_logging
from counter_app.paths import AppPaths, resolve_paths

log = logging.getLogger("counter_app.cli")  # the name the log file has always shown


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
        args.precheck(args)  # a command's own checks before anything is opened (init, setup)
    command = getattr(args, "catalog_command", None) or args.command
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
        # backup, restore, check: opened unmigrated (cli/backups.py), so a damaged file stays checkable
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
