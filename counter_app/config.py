"""Settings stored as JSON in the config directory.

Only what a workstation needs to find its data lives here: the database URL (empty means
the embedded SQLite file), this workstation's node id for the event log, printer choices and
how long the screen may stay untouched before it locks. Office identity and the catalogue live
in the database, where every counter of an office shares them.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from counter_app.domain.errors import UserError
from counter_app.paths import AppPaths

DATABASE_URL_ENV = "COUNTER_APP_DATABASE_URL"
# The counter PC faces the public: minutes without keyboard or mouse before the screen locks
# (0: never). Whole minutes, at most two hours.
DEFAULT_IDLE_LOCK_MINUTES = 5
MAX_IDLE_LOCK_MINUTES = 120


def valid_idle_lock_minutes(value: object) -> bool:
    """A whole number of minutes from 0 (never lock) to MAX_IDLE_LOCK_MINUTES (not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_IDLE_LOCK_MINUTES


@dataclass
class Settings:
    database_url: str = ""
    node_id: str = ""
    language: str = "vi"
    printers: dict[str, str] = field(default_factory=dict)
    # A second backup folder (another disk, a USB stick) for the automatic backups (services/backups.py).
    backup_mirror_dir: str = ""
    # Minutes without input before the main window locks (ui/window_lock.py); 0 = never.
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES

    def effective_database_url(self, paths: AppPaths) -> str:
        """The environment wins (tests, scheduled jobs), then the machine-wide file IT wrote (a
        server every account of the machine uses), then this account's settings, then the SQLite
        file."""
        url = os.environ.get(DATABASE_URL_ENV) or paths.machine_database_url or self.database_url
        return url or f"sqlite:///{paths.database_file.as_posix()}"


def load_settings(paths: AppPaths, *, make_node_id: bool = True) -> Settings:
    """Read settings, creating the file (with a fresh node id) on first use."""
    file = paths.settings_file
    settings = Settings()
    if file.exists():
        try:
            raw = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError("Không đọc được tệp cấu hình {file}: {error}", file=file, error=str(exc)) from exc
        settings = _settings_from(raw, file)
    if not settings.node_id and make_node_id:
        # The node id names this workstation in the event log; generated once, kept forever. The
        # app's first look at the settings (its language, before the first window) leaves it to the
        # opening of the database: importing uuid6 reads its package metadata, ~35 ms (issue 11).
        from uuid6 import uuid7

        settings.node_id = str(uuid7())
        save_settings(paths, settings)
    return settings


def _settings_from(raw: object, file: Path) -> Settings:
    """Settings from the file's JSON, every known key checked (unknown keys are ignored)."""
    if not isinstance(raw, dict):
        raise UserError("Tệp cấu hình {file} phải là một đối tượng JSON ({{…}}).", file=file)
    for key in ("database_url", "node_id", "language", "backup_mirror_dir"):
        if key in raw and not isinstance(raw[key], str):
            raise UserError("Tệp cấu hình {file}: «{key}» phải là một chuỗi.", file=file, key=key)
    printers = raw.get("printers", {})
    if not isinstance(printers, dict) or not all(isinstance(v, str) for v in printers.values()):
        raise UserError("Tệp cấu hình {file}: «printers» phải là một đối tượng tên máy in.", file=file)
    if "idle_lock_minutes" in raw and not valid_idle_lock_minutes(raw["idle_lock_minutes"]):
        raise UserError(
            "Tệp cấu hình {file}: «idle_lock_minutes» phải là số phút nguyên từ 0 đến {limit} (0: không tự khóa máy).",
            file=file,
            limit=MAX_IDLE_LOCK_MINUTES,
        )
    return Settings(**{k: v for k, v in raw.items() if k in Settings.__dataclass_fields__})


def save_settings(paths: AppPaths, settings: Settings) -> None:
    """Write settings atomically (write a temp file, then replace)."""
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(str(paths.settings_file) + ".tmp")
    # The owner's only, whatever the umask: the settings may hold a database password.
    descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(json.dumps(asdict(settings), ensure_ascii=False, indent=2))
    if os.name == "posix":
        tmp.chmod(0o600)  # an older .tmp left behind kept its mode through O_CREAT
    os.replace(tmp, paths.settings_file)
