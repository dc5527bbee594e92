"""The Linux one-folder build of packaging/counter_app.spec (issue 12), smoke-tested as IT would.

The build (packaging/build.sh: PyInstaller, then the frozen ``counter-cli self-test``) runs once for
the module; then the frozen programs, on their own (no source tree on their path): ``init``,
``demo --dossiers 50``, ``print receipt … --layout a4`` (text and barcode read back), ``report
day``, and ``counter-app`` started on a real X server (Xvfb) until its first window is on screen —
the log-in on an office, the set-up wizard on a new data folder.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from fresh_process import child_env

REPO = Path(__file__).resolve().parents[2]
DIST = REPO / "packaging" / "dist" / "counter_app"
# The Windows build is packaging/build.ps1, run by .github/workflows/windows.yml.
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux one-folder build")


def frozen_env() -> dict[str, str]:
    env = child_env()
    env.pop("PYTHONPATH", None)
    env["PYTHON"] = sys.executable  # build.sh's interpreter: the one running the tests
    return env


@pytest.fixture(scope="module")
def frozen() -> Path:
    done = subprocess.run(
        ["bash", "packaging/build.sh"],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=frozen_env(),
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    assert "Tự kiểm tra counter_app — Python" in done.stdout and "(bản đóng gói)" in done.stdout
    assert done.stdout.rstrip().endswith("Kết quả: đạt."), done.stdout
    return DIST


def cli(frozen: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(frozen / "counter-cli"), *args],
        cwd=cwd,  # not the repository: nothing of the source tree can be picked up
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=frozen_env(),
        timeout=600,
        check=False,
    )


def test_given_the_build_then_both_programs_share_one_folder_with_resources_and_migrations(
    frozen: Path,
) -> None:
    internal = frozen / "_internal"
    assert (frozen / "counter-app").is_file() and (frozen / "counter-cli").is_file()
    assert (internal / "counter_app" / "resources" / "fonts" / "LiberationSerif-Regular.ttf").is_file()
    assert (internal / "counter_app" / "resources" / "translations" / "counter_app_en.qm").is_file()
    assert sorted(p.name for p in (internal / "counter_app" / "db" / "migrations" / "versions").glob("0*.py"))
    assert (internal / "counter_app" / "db" / "migrations" / "env.py").is_file()


def test_given_frozen_cli_then_init_demo_print_and_report_work_from_any_folder(
    frozen: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"

    init = cli(frozen, "--data-dir", str(data), "init", cwd=tmp_path)
    demo = cli(frozen, "--data-dir", str(data), "demo", "--dossiers", "50", cwd=tmp_path)

    assert init.returncode == 0 and "Cơ sở dữ liệu sẵn sàng" in init.stdout, init.stderr
    assert demo.returncode == 0 and "50 hồ sơ mới" in demo.stdout, demo.stderr
    with sqlite3.connect(data / "counter.sqlite3") as conn:
        code, day = conn.execute(
            "SELECT code, received_local_date FROM dossiers ORDER BY rowid DESC LIMIT 1"
        ).fetchone()
    receipt = tmp_path / "receipt.pdf"
    printed = cli(
        frozen, "--data-dir", str(data), "--as", "canbo", "print", "receipt", code, "--layout", "a4",
        "--out", str(receipt), cwd=tmp_path,
    )  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    document = pdfium.PdfDocument(receipt.read_bytes())
    text = document[0].get_textpage().get_text_range()
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in " ".join(text.split()) and code in text
    image = document[0].render(scale=200 / 72).to_pil()
    assert code in [found.text for found in zxingcpp.read_barcodes(image)]

    report = tmp_path / "day.pdf"
    day_report = cli(
        frozen, "--data-dir", str(data), "--as", "lanhdao", "report", "day", "--date", day, "--out", str(report),
        cwd=tmp_path,
    )  # fmt: skip
    assert day_report.returncode == 0, day_report.stderr
    report_text = " ".join(pdfium.PdfDocument(report.read_bytes())[0].get_textpage().get_text_range().split())
    assert "BÁO CÁO" in report_text.upper()


def test_given_frozen_cli_and_a_mistake_then_one_error_line_and_exit_1(frozen: Path, tmp_path: Path) -> None:
    done = cli(frozen, "--data-dir", str(tmp_path / "data"), "lookup", "not-a-code", cwd=tmp_path)

    assert done.returncode == 1
    assert done.stderr.startswith("Lỗi:") and "Traceback" not in done.stderr


# ------------------------------------------------------------------------------------------ GUI


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    if shutil.which("Xvfb") is None or shutil.which("xwininfo") is None:
        pytest.fail("Xvfb and xwininfo are installed by scripts/setup.sh --test")
    number = next(n for n in itertools.count(91) if not Path(f"/tmp/.X{n}-lock").exists())
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            assert time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.1)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def shown_windows(display: str) -> list[str]:
    """Titles of the top-level windows on the X server that are mapped (on screen)."""
    env = {**os.environ, "DISPLAY": display}
    tree = subprocess.run(
        ["xwininfo", "-root", "-children"], capture_output=True, text=True, env=env, check=True
    ).stdout
    titles = []
    for window_id, title in re.findall(r"^\s+(0x[0-9a-f]+) \"(.*?)\":", tree, re.MULTILINE):
        state = subprocess.run(
            ["xwininfo", "-id", window_id], capture_output=True, text=True, env=env, check=False
        ).stdout
        if "Map State: IsViewable" in state:
            titles.append(title)
    return titles


def first_window(frozen: Path, display: str, data: Path, cwd: Path) -> str:
    env = {**frozen_env(), "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [str(frozen / "counter-app"), "--data-dir", str(data)],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert app.poll() is None, (
                f"counter-app ended ({app.returncode}): {app.stderr.read() if app.stderr else ''}"
            )
            titles = [t for t in shown_windows(display) if "Bộ phận Một cửa" in t]
            if titles:
                return titles[0]
            time.sleep(0.2)
        pytest.fail("no window of counter-app on screen within 120 s")
    finally:
        app.kill()
        app.wait(10)


def test_given_an_office_then_frozen_gui_shows_its_log_in_first(
    frozen: Path, display: str, tmp_path: Path
) -> None:
    data = tmp_path / "office"
    assert cli(frozen, "--data-dir", str(data), "demo", "--dossiers", "0", cwd=tmp_path).returncode == 0

    assert first_window(frozen, display, data, tmp_path) == "Đăng nhập — Bộ phận Một cửa"


def test_given_a_new_data_folder_then_frozen_gui_shows_the_set_up_wizard(
    frozen: Path, display: str, tmp_path: Path
) -> None:
    assert first_window(frozen, display, tmp_path / "new", tmp_path) == "Thiết lập đơn vị — Bộ phận Một cửa"
