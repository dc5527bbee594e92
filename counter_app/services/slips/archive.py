"""The slip archive on disk: safe file names, never overwriting a different slip, atomic writes."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath

from counter_app import output_files as files
from counter_app.domain.errors import UserError, describe_os_error

_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")


def safe_name(name: str, fallback: str) -> str:
    """Letters, digits, '.', '_' and '-' only (a dossier code is already safe)."""
    return _UNSAFE.sub("_", name).strip("._") or fallback


def archive(root: Path, year: int, month: int, name: str, pdf: bytes, sha: str) -> tuple[str, Path | None]:
    """Write ``pdf`` under root/YYYY/MM/name.pdf (never over a different file: -2, -3 … are added).

    Returns the path relative to ``root`` (POSIX form, as stored in the event) and the file created
    (None when an identical file was already there).
    """
    folder = PurePosixPath(f"{year:04d}", f"{month:02d}")
    for n in range(1, 1000):
        rel = folder / (f"{name}.pdf" if n == 1 else f"{name}-{n}.pdf")
        path = root / rel
        try:
            if hashlib.sha256(path.read_bytes()).hexdigest() == sha:
                return str(rel), None
            continue
        except FileNotFoundError:
            write_atomic(path, pdf)
            return str(rel), path
        except OSError as exc:
            raise UserError(
                "Không ghi được phiếu vào {folder}: {reason}.",
                folder=path.parent,
                reason=describe_os_error(exc),
            ) from exc
    raise UserError("Quá nhiều phiếu trùng tên {name} trong {folder}.", name=name, folder=root / folder)


def write_atomic(path: Path, data: bytes) -> None:
    """The archive's folder made if needed, then one atomic write, readable by the office's accounts
    only (slips hold personal data): the owner's alone (0600), or the owner's and the group's in the
    machine-wide shared data folder (0660: the officers of a counter PC share it, and one reprints
    what another issued); on Windows the folder's ACL, set by the installer, decides the same."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            "Không ghi được phiếu vào {folder}: {reason}.", folder=path.parent, reason=describe_os_error(exc)
        ) from exc
    files.write_atomic(path, data)  # the process's file mode: 0600, or 0660 in a shared folder
