"""The repository stands alone (issue 12): nothing in it points at documents kept outside it.

Every file git knows of — tracked, or new and not ignored — is read. None may name the team's
reference shelf beside the repository (its folder, its domain and architecture notes, or sections of
them): what the code relies on is written down under ``docs/``. And every citation of a section of
a page under ``docs/`` (the page's path, then the section sign and a number) must name a page that
exists and has a heading for that section.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
THIS = Path(__file__).resolve().relative_to(REPO).as_posix()
# What used to point outside the repository (this file is the one place allowed to spell them).
OUTSIDE = ("../shared", "DOMAIN §", "DOMAIN.md", "ARCHITECTURE.md")
DOC_PAGE = re.compile(r"docs/([A-Za-z0-9_.-]+\.md)")
SECTION_CITATION = re.compile(r"docs/([A-Za-z0-9_.-]+\.md)\s*§\s*(\d+)")


def _repository_files() -> list[str]:
    """Paths (relative, POSIX) of the files git tracks, and of new ones it does not ignore."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout: nothing to list the repository's files with")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    # A tracked file deleted in the working tree (not committed yet) has nothing left to read.
    return sorted({p for p in listed.split("\0") if p and (REPO / p).is_file()})


def _text(path: str) -> str | None:
    """The file as UTF-8 text; None for a binary file (fonts, compiled translations, databases)."""
    data = (REPO / path).read_bytes()
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _section_numbers(page: Path) -> set[int]:
    """The numbers of the page's "§N" headings (``## §3 …``)."""
    text = page.read_text(encoding="utf-8")
    return {int(n) for n in re.findall(r"^#{1,6}[ \t]+§(\d+)(?!\d)", text, flags=re.MULTILINE)}


def test_given_the_repository_when_every_file_is_read_then_none_points_outside_it() -> None:
    found = []
    for path in _repository_files():
        if path == THIS:
            continue
        data = (REPO / path).read_bytes()
        found += [f"{path}: «{needle}»" for needle in OUTSIDE if needle.encode("utf-8") in data]
    assert not found, "Files that still point outside the repository:\n" + "\n".join(found)


def test_given_the_repository_when_a_docs_page_is_named_then_the_page_exists() -> None:
    missing = []
    for path in _repository_files():
        text = _text(path)
        if text is None:
            continue
        for name in sorted(set(DOC_PAGE.findall(text))):
            if not (REPO / "docs" / name).is_file():
                missing.append(f"{path}: docs/{name}")
    assert not missing, "Pages named but absent from docs/:\n" + "\n".join(missing)


def test_given_the_repository_when_a_docs_section_is_cited_then_the_page_has_that_heading() -> None:
    sections: dict[str, set[int]] = {}
    broken, cited = [], 0
    for path in _repository_files():
        text = _text(path)
        if text is None:
            continue
        for name, number in SECTION_CITATION.findall(text):
            cited += 1
            page = REPO / "docs" / name
            if name not in sections:
                sections[name] = _section_numbers(page) if page.is_file() else set()
            if int(number) not in sections[name]:
                broken.append(f"{path}: docs/{name} §{number}")
    assert not broken, "Citations of sections that do not exist:\n" + "\n".join(sorted(set(broken)))
    # The code does cite the pages this replaced; a pattern that matched nothing would prove nothing.
    assert cited > 0


def test_given_the_rule_pages_when_read_then_their_sections_are_numbered_from_one_without_gaps() -> None:
    for name in ("domain-rules.md", "report-rules.md", "architecture.md"):
        numbers = sorted(_section_numbers(REPO / "docs" / name))
        assert numbers == list(range(1, len(numbers) + 1)) and numbers, (name, numbers)
