"""The type checker passes on the packages that pyproject.toml's ``[tool.mypy]`` lists (issue 13).

mypy runs in this process with the project's configuration, so the test checks exactly what
``python -m mypy`` checks by hand (docs/architecture.md §8). Its cache goes to pytest's cache when
there is one, else to a fresh folder: a clean clone checks from scratch in a few seconds.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from mypy import api

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = REPO / "pyproject.toml"


def _checked_packages() -> list[str]:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["mypy"]["packages"]


def test_the_checked_packages_include_the_headless_core_at_least() -> None:
    assert {"counter_app.domain", "counter_app.db"} <= set(_checked_packages())


def test_given_the_checked_packages_when_mypy_runs_then_it_reports_no_error(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = request.config.cache.mkdir("mypy") if getattr(request.config, "cache", None) else tmp_path
    monkeypatch.chdir(REPO)  # the packages are found from the repository's root
    stdout, stderr, status = api.run(["--config-file", str(PYPROJECT), "--cache-dir", str(cache)])
    assert status == 0, f"mypy found errors in {', '.join(_checked_packages())}:\n{stdout}{stderr}"
    assert stdout.startswith("Success: no issues found in"), stdout
