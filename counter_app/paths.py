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
        """Create the directories (idempotent) and return self."""
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.backup_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
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
    return AppPaths(data, config_dir, log_dir, data / "backups", machine.database_url)
