"""Copying a live SQLite database: the online backup API into a hidden temporary file, renamed when good.

SQLite's backup API copies the database as one consistent snapshot (one read transaction, with what
is still in the WAL) while other connections keep reading and writing (WAL mode: writers are never
blocked by it). The copy is switched to the rollback journal (``DELETE``) so that it is one
self-contained file that opens read-only anywhere.

Until it is complete — and, for a backup, verified — the copy exists only under a hidden temporary
name beside its final place (``.<name>.<random>.partial``); ``StagedFile.commit`` flushes it to disk
and renames it (atomic on one file system). A process killed in the middle leaves the source and
every earlier copy as they were, and never a partial file under a final name; at worst a hidden
``.partial`` file, which ``remove_stale_partials`` clears later.

The start-up migration's backup (``counter_app.db.migrate``) and the backups service
(``counter_app.services.backups``) both copy through ``online_copy`` / ``snapshot`` here.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from types import TracebackType

PARTIAL_SUFFIX = ".partial"
SQLITE_HEADER = b"SQLite format 3\x00"
# What SQLite leaves beside a database file (a hot journal, the WAL and its index).
SIDE_FILES = ("-journal", "-wal", "-shm")

Progress = Callable[[int, int], object]


def sqlite_uri(path: Path, mode: str) -> str:
    """A ``file:`` URI for sqlite3.connect(uri=True): ``ro`` (read-only) or ``rw`` (existing file only)."""
    return f"{path.resolve().as_uri()}?mode={mode}"


def has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


class StagedFile:
    """A hidden temporary file beside its final place; ``commit`` puts it there, else it is removed.

    Used as a context manager: leaving the block without ``commit`` (an error, a failed check)
    deletes the temporary file and any journal SQLite made beside it.
    """

    def __init__(self, folder: Path, name_hint: str) -> None:
        fd, tmp = tempfile.mkstemp(prefix=f".{name_hint}.", suffix=PARTIAL_SUFFIX, dir=folder)
        os.close(fd)
        self.path = Path(tmp)
        self.committed: Path | None = None

    def commit(self, target: Path) -> Path:
        """Flush the file to disk and rename it to ``target`` (replacing a file of that name)."""
        fsync_file(self.path)
        os.replace(self.path, target)
        fsync_dir(target.parent)
        self.committed = target
        return target

    def discard(self) -> None:
        if self.committed is None:
            for path in (self.path, *(Path(f"{self.path}{side}") for side in SIDE_FILES)):
                with contextlib.suppress(OSError):
                    path.unlink()

    def __enter__(self) -> StagedFile:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.discard()


def snapshot(
    source: Path, dest: Path, *, pages: int = -1, progress: Progress | None = None, read_only: bool = False
) -> None:
    """Copy the database ``source`` into the (empty or absent) file ``dest`` with the backup API.

    The source is opened read-write (it is only read, and closing the last connection tidies its
    WAL as any connection of the application does); ``read_only`` for a file that may sit on
    read-only media (a backup being restored).

    ``pages=-1`` copies everything in one step inside one read transaction: a consistent snapshot
    that concurrent writers never restart. Smaller steps release the source between steps (and
    SQLite restarts the copy when another connection writes meanwhile); ``progress(done, total)``
    is called after each step.
    """
    callback = None
    if progress is not None:

        def callback(_status: int, remaining: int, total: int) -> None:
            progress(total - remaining, total)

    source_uri = sqlite_uri(source, "ro" if read_only else "rw")
    with (
        closing(sqlite3.connect(source_uri, uri=True, timeout=30)) as src,
        closing(sqlite3.connect(dest)) as copy,
    ):
        src.backup(copy, pages=pages, progress=callback)
        copy.execute("PRAGMA journal_mode=DELETE")
        copy.commit()


def online_copy(source: Path, target: Path, *, pages: int = -1, progress: Progress | None = None) -> Path:
    """``snapshot`` into a temporary file beside ``target``, flushed, then renamed to ``target``."""
    with StagedFile(target.parent, target.name) as staged:
        snapshot(source, staged.path, pages=pages, progress=progress)
        return staged.commit(target)


def remove_stale_partials(folder: Path, older_than_s: float = 6 * 3600) -> list[Path]:
    """Delete temporary files left by a copy that was killed (older than ``older_than_s``: a copy
    running right now in another process keeps its file)."""
    removed: list[Path] = []
    limit = time.time() - older_than_s
    for path in folder.glob(f".*{PARTIAL_SUFFIX}*"):
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
    return removed
