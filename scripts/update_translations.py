"""Bring the translations up to date with the code.

    .venv/bin/python scripts/update_translations.py

1. regenerates counter_app/ui/label_strings.py from the domain's label dicts, and
   counter_app/ui/message_strings.py from the headless core's messages (an AST scan of every
   UserError and Message with its literal Vietnamese template: counter_app/ui/messages.py); it stops
   when a call hides its template from the scan (an f-string, a concatenation, a variable);
2. runs lupdate over counter_app/ui and counter_app/app.py into
   resources/translations/counter_app_en.ts (existing translations are kept, vanished ones dropped);
3. runs lrelease: counter_app_en.ts → counter_app_en.qm, and qtbase_vi.ts → qtbase_vi.qm (Qt's own
   texts in Vietnamese, maintained by hand: Qt ships no Vietnamese catalogue).

Then translate the new messages (Qt Linguist, or edit the .ts: fill <translation>, drop
type="unfinished"), run this script again, and commit the .ts and .qm files. tests/ui/test_translations.py
fails while a message is unfinished or the files are out of date.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from counter_app.ui.i18n import TRANSLATIONS_DIR, render_label_strings  # noqa: E402
from counter_app.ui.messages import render_message_strings, scan_messages  # noqa: E402

LABEL_STRINGS = REPO / "counter_app" / "ui" / "label_strings.py"
MESSAGE_STRINGS = REPO / "counter_app" / "ui" / "message_strings.py"
SOURCES = (REPO / "counter_app" / "ui", REPO / "counter_app" / "app.py")
APP_TS = TRANSLATIONS_DIR / "counter_app_en.ts"
QT_TS = TRANSLATIONS_DIR / "qtbase_vi.ts"


def tool(name: str) -> str:
    """lupdate / lrelease: the binaries PySide6 ships, else the pyside6-* wrappers on PATH."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper is None:
        raise SystemExit(f"{name} not found (install PySide6)")
    return wrapper


def lupdate_command(ts_file: Path) -> list[str]:
    return [
        tool("lupdate"),
        "-silent",
        "-extensions",
        "py",
        "-locations",
        "none",  # no line numbers: the .ts changes only when a message does
        "-no-obsolete",
        "-source-language",
        "vi_VN",
        "-target-language",
        "en",
        *(str(path) for path in SOURCES),
        "-ts",
        str(ts_file),
    ]


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


def main() -> int:
    scan = scan_messages()
    if scan.hidden or scan.unfilled:
        print("messages the translation cannot see or fill:", *scan.hidden, *scan.unfilled, sep="\n  ")
        return 1
    for generated, text in (
        (LABEL_STRINGS, render_label_strings()),
        (MESSAGE_STRINGS, render_message_strings(scan)),
    ):
        if not generated.exists() or generated.read_text(encoding="utf-8") != text:
            generated.write_text(text, encoding="utf-8")
            print(f"wrote {generated.relative_to(REPO)}")
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(lupdate_command(APP_TS), check=True, cwd=REPO)
    lrelease(APP_TS, APP_TS.with_suffix(".qm"))
    lrelease(QT_TS, QT_TS.with_suffix(".qm"))
    content = APP_TS.read_text(encoding="utf-8")
    total = content.count("<message")
    unfinished = content.count('type="unfinished"')
    print(f"{APP_TS.relative_to(REPO)}: {total} messages, {unfinished} unfinished")
    return 1 if unfinished else 0


if __name__ == "__main__":
    sys.exit(main())
