"""What the build needs to know about the program: its version, and the Windows version resource."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PRODUCT = "Bộ phận Một cửa (counter_app)"


def app_version() -> str:
    with (REPO / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]["version"]


def windows_version_info(path: Path) -> str:
    """Write the version resource of the .exe files (PyInstaller's text form) and return its path."""
    parts = [int(p) for p in app_version().split(".")[:4]]
    numbers = tuple(parts + [0] * (4 - len(parts)))
    dotted = ".".join(str(n) for n in numbers)
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('042A04B0', [
      StringStruct('CompanyName', 'counter_app'),
      StringStruct('FileDescription', {PRODUCT!r}),
      StringStruct('FileVersion', {dotted!r}),
      StringStruct('InternalName', 'counter_app'),
      StringStruct('OriginalFilename', 'counter-app.exe'),
      StringStruct('ProductName', {PRODUCT!r}),
      StringStruct('ProductVersion', {dotted!r})])]),
    VarFileInfo([VarStruct('Translation', [0x042A, 1200])])
  ]
)
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)
