"""Where the files shipped with the program are (fonts, translations, catalogue, password list…).

They live in the repository's top-level ``resources/`` (the layout is fixed) and are installed as
the package data ``counter_app/resources/`` (pyproject maps one onto the other), so each way of
running the program finds them in one of two places:

* installed from a wheel, or frozen by PyInstaller: ``counter_app/resources/`` beside the code;
* from a source tree (a clone, an editable install): ``resources/`` beside the ``counter_app`` folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_dir() -> Path:
    """The folder of the shipped files (the installed one first)."""
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    # Neither: a broken install. Name the installed place; whoever opens a file there says what is missing.
    return _PACKAGE / "resources"


def resource_path(*parts: str) -> Path:
    """A shipped file or folder: ``resource_path("fonts", "LiberationSerif-Regular.ttf")``."""
    return resource_dir().joinpath(*parts)
