"""Finding a procedure by a few words on the full bundled catalogue (402 national procedures): the
names holding the words as a phrase first, then those where every word starts a word, then the rest;
ranked before the picker's limit, accent-insensitive, and fast."""

from __future__ import annotations

import pytest
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.domain.text import search_key
from counter_app.services.catalog import import_paths, list_procedures
from counter_app.services.demo import DEFAULT_CATALOG
from counter_app.services.offices import find_actor

MARRIAGE = "1.000894"  # Thủ tục đăng ký kết hôn


@pytest.fixture
def catalogue(sqlite_db: Database) -> Database:
    import_paths(sqlite_db, find_actor(sqlite_db, "quantri"), [DEFAULT_CATALOG], now=MONDAY_9AM)
    assert len(list_procedures(sqlite_db)) >= 400
    return sqlite_db


def _names(db: Database, query: str, limit: int | None = None) -> list[tuple[str, str]]:
    return [(p.code, search_key(p.name)) for p in list_procedures(db, query, limit)]


def test_ket_hon_lists_the_marriage_procedures_first(catalogue: Database) -> None:
    found = _names(catalogue, "ket hon")
    assert MARRIAGE in [code for code, _ in found[:3]]
    assert dict(found)[MARRIAGE] == "thu tuc dang ky ket hon"
    # Every name holding "kết hôn" comes before every other match (the land procedures that only hold
    # "kết" and "hôn" somewhere, as in "kết cấu" and "không"), each group by code.
    phrase = [" ket hon" in " " + name for _, name in found]
    assert phrase.count(True) >= 5 and phrase == sorted(phrase, reverse=True)
    assert [code for code, _ in found[: phrase.count(True)]] == sorted(
        c for c, _ in found[: phrase.count(True)]
    )
    # Accents, case and the picker's limit change nothing in the order.
    assert _names(catalogue, "KẾT HÔN") == found
    assert _names(catalogue, "ket hon", limit=3) == found[:3]


def test_words_starting_words_rank_above_words_inside_words(catalogue: Database) -> None:
    found = _names(catalogue, "hon ket")  # no phrase: every word must start a word of the name
    starts = [all(f" {w}" in " " + name for w in ("hon", "ket")) for _, name in found]
    assert starts[0] and starts == sorted(starts, reverse=True) and not starts[-1]
    assert MARRIAGE in [code for code, s in zip((c for c, _ in found), starts, strict=True) if s]
