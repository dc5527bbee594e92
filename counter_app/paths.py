"""Where counter_app keeps its files.

One place decides every location. The data directory is ``--data-dir``, else the
``COUNTER_APP_DATA_DIR`` environment variable — with either, config, logs and backups live
*inside* it, so a test or a portable install never touches the real user directories — else the
machine-wide ``data_dir`` the installer wrote (machine.py: shared by the machine's accounts, with
backups inside it and each account's settings and logs in its own folders), else the account's
own platformdirs folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from counter_app.domain.errors import UserError, describe_os_error
from counter_app.machine import load_machine_config

APP_NAME = "counter_app"
APP_AUTHOR = "counter_app"
DATA_DIR_ENV = "COUNTER_APP_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    """Resolved locations of the application's files."""

    data_dir: Path
    config_dir: Path
    log_dir: Path
    backup_dir: Path
    # The database server the machine-wide file names (machine.py); "" with an overridden data
    # folder, or when the machine has none.
    machine_database_url: str = ""
    # The data folder is the machine-wide one, shared by the machine's accounts (machine.py).
    shared: bool = False

    @property
    def database_file(self) -> Path:
        return self.data_dir / "counter.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def slips_dir(self) -> Path:
        return self.data_dir / "slips"

    def ensure(self) -> AppPaths:
        """Create the directories (idempotent), only the office's to read, and return self.

        On POSIX every file the process makes from now on is the owner's only (umask 077: the
        database and its WAL, backups, logs, slips, reports; issue 14), or the owner's and its
        group's in the machine-wide shared folder (umask 007: the machine's accounts are the
        office's group), and each folder here is set to 0700 (0770): an older install's files
        inside, made readable to all, are then out of others' reach too. On Windows the folders
        keep the ACL the installer set for the counter's accounts.
        """
        private_files(self.shared)
        folder_mode = 0o770 if self.shared else 0o700
        own = (self.config_dir, self.log_dir)  # each account's own, even beside a shared data folder
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.backup_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                restrict(folder, 0o700 if folder in own else folder_mode)
            except OSError as exc:
                raise UserError(
                    "Không tạo được thư mục dữ liệu {folder}: {reason}. Hãy chọn một thư mục mà máy này ghi được.",
                    folder=folder,
                    reason=describe_os_error(exc),
                ) from exc
        return self


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Return the paths for an explicit data dir, the environment override, the machine-wide data
    folder (machine.py), or the account's own defaults, in that order."""
    override = data_dir if data_dir is not None else os.environ.get(DATA_DIR_ENV) or None
    if override is not None:
        root = Path(override).expanduser().resolve()
        return AppPaths(root, root / "config", root / "logs", root / "backups")
    config_dir = Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    log_dir = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    machine = load_machine_config()
    # The machine's shared folder (each account keeps its own settings and logs), else the account's.
    data = (
        Path(machine.data_dir).expanduser()
        if machine.data_dir
        else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    )
    return AppPaths(data, config_dir, log_dir, data / "backups", machine.database_url, bool(machine.data_dir))


def private_files(shared: bool = False) -> None:
    """New files of this process: the owner's only (or the owner's and its group's, ``shared``)."""
    if os.name == "posix":
        os.umask(0o007 if shared else 0o077)


def restrict(path: Path, mode: int) -> None:
    """Set ``path``'s permissions to ``mode`` when this account owns it (POSIX; else nothing)."""
    if os.name == "posix" and path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o777 != mode:
        path.chmod(mode)


def file_mode() -> int:
    """The permissions a new file of this process gets (0o600 after ``private_files``)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
