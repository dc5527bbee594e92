"""Writing a report file: checked before the (long) report is computed, then written atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from counter_app.domain.errors import UserError, describe_os_error
from counter_app.paths import file_mode

EXTENSIONS = {".pdf": "pdf", ".xlsx": "xlsx", ".csv": "csv"}


def output_format(path: Path, allowed: tuple[str, ...] = ("pdf", "xlsx", "csv")) -> str:
    """The format named by the file's extension; another extension → UserError."""
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind not in allowed:
        names = " hoặc ".join(", ".join(f".{k}" for k in allowed).rsplit(", ", 1))
        raise UserError("Không ghi được tệp {path}: phần mở rộng phải là {names}.", path=path, names=names)
    return kind  # type: ignore[return-value]


def check_writable(path: Path) -> Path:
    """Refuse, before any work, an output file that cannot be written."""
    path = path.expanduser()
    if path.is_dir():
        raise UserError("Không ghi được tệp {path}: đó là một thư mục.", path=path)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        # Replacing it would swap a link or a device for a plain file.
        raise UserError("Không ghi được tệp {path}: đó không phải một tệp thường.", path=path)
    folder = path.parent if str(path.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise UserError(
            "Không ghi được tệp {path}: {folder} không phải là thư mục.", path=path, folder=folder
        )
    if not folder.is_dir():
        raise UserError(
            "Không ghi được tệp {path}: thư mục {folder} không tồn tại.", path=path, folder=folder
        )
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UserError("Không ghi được tệp {path}: không có quyền ghi.", path=path)
    return path


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """A temporary file in the same folder, flushed, then renamed over ``path``: never half a file.

    ``mode``: by default that of any new file of the process (``paths.private_files``: the
    owner's only, as a report, an export or a slip holds personal data); 0o644 for a file made to
    be shared (the catalogue, which holds none).
    """
    if mode is None:
        mode = file_mode()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise UserError(
            "Không ghi được tệp {path}: {reason}.", path=path, reason=describe_os_error(exc)
        ) from exc
    try:
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise UserError(
            "Không ghi được tệp {path}: {reason}.", path=path, reason=describe_os_error(exc)
        ) from exc
