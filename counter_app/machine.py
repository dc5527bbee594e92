"""The machine-wide settings file, which the installer writes and every Windows account reads.

A counter PC is used by several officers, each with their own Windows account; IT installs the
program once for all of them (issue 12). What must be the same for every account lives in one
file per machine, ``machine.json`` in the machine's configuration folder (Windows:
``C:\\ProgramData\\counter_app\\machine.json``; Linux: ``/etc/xdg/counter_app/machine.json``; the
environment variable ``COUNTER_APP_MACHINE_CONFIG`` names another file, for tests):

    {"data_dir": "C:\\\\ProgramData\\\\counter_app\\\\data",
     "database_url": "postgresql+psycopg://counter@server/office"}

* ``data_dir`` — the data folder the accounts share (database file, slips, backups). The installer
  creates it and gives the counter's local group the right to change files in it (docs/installing.md).
* ``database_url`` — a PostgreSQL server shared by several counters; empty: the SQLite file in
  ``data_dir``.

Both keys are optional, and so is the file: a developer's or a portable install has none. The
program only reads it; per-user things (printers, language, idle lock, this account's node id)
stay in each account's own settings (config.py).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from counter_app.domain.errors import UserError

MACHINE_CONFIG_ENV = "COUNTER_APP_MACHINE_CONFIG"
APP_NAME = "counter_app"


@dataclass(frozen=True)
class MachineConfig:
    data_dir: str = ""
    database_url: str = ""
    file: Path | None = None  # where it was read from (None: no file)


def machine_config_file() -> Path:
    """Where the machine-wide file is (whether or not it exists)."""
    override = os.environ.get(MACHINE_CONFIG_ENV)
    if override:
        return Path(override)
    # appauthor=False: C:\ProgramData\counter_app, not C:\ProgramData\counter_app\counter_app.
    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False, multipath=False)) / "machine.json"


def load_machine_config() -> MachineConfig:
    """The machine-wide settings; empty when there is no file. A file that cannot be used is an
    error (the counter would otherwise quietly open another database than IT set up)."""
    file = machine_config_file()
    try:
        text = file.read_text(encoding="utf-8-sig")  # Notepad may add a byte-order mark
    except FileNotFoundError:
        return MachineConfig()
    except OSError as exc:
        raise UserError(
            "Không đọc được tệp cấu hình chung của máy {file}: {reason}.",
            file=file,
            reason=exc.strerror or exc,
        ) from exc
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise UserError(
            "Tệp cấu hình chung của máy {file} không phải JSON hợp lệ: {error}.", file=file, error=str(exc)
        ) from exc
    if not isinstance(raw, dict):
        raise UserError("Tệp cấu hình chung của máy {file} phải là một đối tượng JSON ({{…}}).", file=file)
    for key in ("data_dir", "database_url"):
        if key in raw and not isinstance(raw[key], str):
            raise UserError(
                "Tệp cấu hình chung của máy {file}: «{key}» phải là một chuỗi.", file=file, key=key
            )
    data_dir = raw.get("data_dir", "").strip()
    if data_dir and not Path(data_dir).expanduser().is_absolute():
        raise UserError(
            "Tệp cấu hình chung của máy {file}: «data_dir» phải là đường dẫn đầy đủ (ví dụ C:\\ProgramData\\counter_app\\data).",
            file=file,
        )
    return MachineConfig(data_dir=data_dir, database_url=raw.get("database_url", "").strip(), file=file)
