"""Database errors the user cannot prevent, told apart from bugs (issue 13).

A busy or locked SQLite file, a read-only file or folder, a full or failing disk, a PostgreSQL
server that is down or dropped the connection: none is a mistake in the program, and each has a
remedy the user can take ("try again in a moment", "check the network"). The engine turns such a
driver error into ``DatabaseUnavailable`` — a ``UserError``, so every page shows it in its own
message line and the CLI prints its one «Lỗi:» line, as for any other user-facing error — while
any other database error (a constraint broken, a bad statement) stays a ``DBAPIError``: a bug,
which goes to the crash dialog and the log with its traceback. The idea is qutebrowser's
``misc/sql.py`` (environment errors apart from bugs).
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from counter_app.domain.errors import Message, UserError


class DatabaseUnavailable(UserError):
    """The database cannot be used right now; ``message`` says why and what to do."""


class DatabaseBusy(DatabaseUnavailable):
    """Another counter or program holds the database: trying again shortly may succeed."""


def unavailable(exc: DBAPIError) -> DatabaseUnavailable | None:
    """The user-facing error for an environment failure, or None for anything else (a bug)."""
    reason = " ".join(str(exc.orig).lower().split())
    busy = any(words in reason for words in ("locked", "busy", "deadlock detected", "could not serialize"))
    if busy:
        text = Message(
            "Cơ sở dữ liệu đang bận (một máy hoặc chương trình khác đang ghi). Hãy thử lại sau ít phút."
        )
    elif "readonly" in reason or "read-only" in reason:
        text = Message(
            "Tệp cơ sở dữ liệu chỉ cho đọc: không ghi được. Hãy kiểm tra quyền ghi của thư mục dữ liệu."
        )
    elif "disk" in reason and ("full" in reason or "i/o" in reason) or "no space left" in reason:
        text = Message("Không ghi được vào đĩa (đầy hoặc lỗi). Hãy giải phóng chỗ trống rồi thử lại.")
    elif "unable to open database file" in reason:
        text = Message(
            "Không mở được tệp cơ sở dữ liệu (thư mục không còn, hoặc không có quyền). Hãy kiểm tra thư mục dữ liệu."
        )
    elif "uq_events_node_id" in reason or "events.node_id, events.seq" in reason:
        # The node's chain head (node_heads) was set back by hand: every next event collides.
        text = Message(
            "Sổ sự kiện của máy này không khớp với đầu chuỗi (bảng node_heads đã bị sửa?): không ghi được gì. "
            "Hãy báo quản trị chạy «counter-cli events verify»."
        )
    elif exc.connection_invalidated:
        text = Message("Mất kết nối tới máy chủ cơ sở dữ liệu. Hãy kiểm tra mạng và máy chủ rồi thử lại.")
    elif _server_unreachable(exc, reason):
        text = Message(
            "Không kết nối được tới máy chủ cơ sở dữ liệu. Hãy kiểm tra mạng và máy chủ rồi thử lại."
        )
    else:
        return None
    error = (DatabaseBusy if busy else DatabaseUnavailable)(text)  # i18n: one of the Messages above
    error.__cause__ = exc
    return error


def _server_unreachable(exc: DBAPIError, reason: str) -> bool:
    """psycopg's OperationalError: the server refused, timed out, or closed the connection."""
    module = type(exc.orig).__module__
    return (
        module.startswith("psycopg")
        and type(exc.orig).__name__ == "OperationalError"
        or any(
            words in reason
            for words in (
                "connection refused",
                "could not connect",
                "server closed the connection",
                "connection timeout",
            )
        )
    )
