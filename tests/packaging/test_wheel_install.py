"""A normal (not editable) install from the wheel carries everything the program reads (issue 12):
the wheel is built from this repository, installed into a fresh virtual environment, and that
environment's ``counter-cli self-test`` passes from a folder outside the repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from fresh_process import child_env

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = child_env()
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        list(args),
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=1200,
        check=False,
    )


def test_given_the_wheel_in_a_fresh_environment_then_self_test_passes_with_installed_resources(
    tmp_path: Path,
) -> None:
    # Built from a copy of the repository's files, as a clean checkout would be: setuptools never
    # empties the source tree's build/, where a moved or deleted module would linger into the wheel.
    source = tmp_path / "source"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    built = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        str(source),
        "--no-deps",
        "-q",
        "-w",
        str(tmp_path),
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    [wheel] = tmp_path.glob("counter_app-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "counter_app/resources/fonts/LiberationSerif-Regular.ttf" in names
    assert "counter_app/resources/catalog/default_catalog.json" in names
    assert "counter_app/db/migrations/env.py" in names
    assert not [n for n in names if n.startswith(("tests/", "resources/", "benchmarks/"))]
    assert not [n for n in names if n.startswith("counter_app/cli_")]  # the old modules, now counter_app/cli/

    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", str(venv), cwd=tmp_path).returncode == 0
    scripts = venv / ("Scripts" if sys.platform == "win32" else "bin")
    installed = run(str(scripts / "python"), "-m", "pip", "install", "-q", str(wheel), cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr[-3000:]

    done = run(str(scripts / "counter-cli"), "self-test", cwd=tmp_path)

    assert done.returncode == 0, done.stdout + done.stderr
    resources = next(line for line in done.stdout.splitlines() if line.startswith("OK   Tệp đi kèm"))
    assert str(venv) in resources and str(Path("site-packages", "counter_app", "resources")) in resources
    assert done.stdout.rstrip().endswith("Kết quả: đạt.")
