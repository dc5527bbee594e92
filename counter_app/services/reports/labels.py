"""Row labels a reader can tell apart.

Two fields (or units) may carry one name: "Hộ tịch" is both G15-TP07 and G08-NG07 in the national
catalogue. When rows of one report would read the same, each of them gets its code appended —
"Hộ tịch (G15-TP07)", "Hộ tịch (G08-NG07)" — and every other row keeps its plain name. Names are
compared as a reader sees them: case and runs of spaces do not make them different.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TypeVar

from counter_app.domain.text import normalize

K = TypeVar("K")


def _seen_as(label: str) -> str:
    return normalize(label).casefold()


def with_code(code: str, label: str) -> str:
    return f"{label} ({code})" if code else label


def distinct_labels(rows: Mapping[K, tuple[str, str]]) -> dict[K, tuple[str, str]]:
    """key → (code, label) with the code appended to each label that another row shares."""
    counts = Counter(_seen_as(label) for _, label in rows.values())
    return {
        key: (code, with_code(code, label) if counts[_seen_as(label)] > 1 else label)
        for key, (code, label) in rows.items()
    }
