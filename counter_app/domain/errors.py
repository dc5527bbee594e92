"""Errors a user can cause.

Every error that a user's input or action can trigger is a ``UserError`` carrying a
Vietnamese message ready to show in the UI or print on the CLI's stderr. Anything else
that escapes is a bug and goes to the crash dialog / traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """A mistake the user can correct; ``message`` is Vietnamese and shown as is."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        # Name of the input field the message belongs to (for inline validation), if any.
        self.field = field


class ValidationError(UserError):
    """Input data does not satisfy a rule (CCCD, phone number, date …)."""


class NotFoundError(UserError):
    """A code or identifier that does not exist."""


class TransitionError(UserError):
    """A lifecycle step that is impossible from the dossier's current status."""


class PermissionDenied(UserError):
    """The actor's role does not allow the action."""


def describe_os_error(exc: OSError) -> str:
    """A file-system error in Vietnamese (the OS's own text is English on most machines)."""
    if isinstance(exc, FileNotFoundError):
        return "không có tệp hay thư mục này"
    if isinstance(exc, IsADirectoryError):
        return "đây là một thư mục, không phải tệp"
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return "đã có một tệp trùng tên (không phải thư mục)"
    if isinstance(exc, PermissionError):
        return "không có quyền truy cập"
    return exc.strerror or str(exc)
