"""The tracking list: filters, due/overdue, keyset pages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event, select
from testdata import MONDAY_9AM, reader

from counter_app.db.database import Database
from counter_app.db.models import Field
from counter_app.domain.errors import ValidationError
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.demo import generate_dossiers
from counter_app.services.offices import find_actor
from counter_app.services.processing import resolve
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.tracking import TrackFilter, TrackPage, filter_choices, list_dossiers

BINH = ApplicantInput(full_name="Trần Văn Bình")


def _receive(db: Database, officer: Actor, code: str, when=MONDAY_9AM) -> str:  # type: ignore[no-untyped-def]
    return receive(db, officer, IntakeRequest(code, BINH), now=when).code


def test_given_dossiers_then_newest_first_and_pages_follow(db: Database, officer: Actor) -> None:
    codes = [_receive(db, officer, "2.001955", MONDAY_9AM + timedelta(minutes=i)) for i in range(5)]
    first = list_dossiers(db, reader(db), TrackFilter(), now=MONDAY_9AM, limit=2)
    second = list_dossiers(db, reader(db), TrackFilter(), now=MONDAY_9AM, limit=2, after=first.next_key)
    third = list_dossiers(db, reader(db), TrackFilter(), now=MONDAY_9AM, limit=2, after=second.next_key)
    seen = [r.code for r in first.rows + second.rows + third.rows]
    assert seen == list(reversed(codes))
    assert third.next_key is None
    assert first.rows[0].applicant_name == "Trần Văn Bình"
    assert first.rows[0].officer == "Nguyễn Thị Lan"


def test_given_due_filters_then_only_matching_open_dossiers(db: Database, officer: Actor) -> None:
    # 15 working hours (1.115563) from Mon 23/11 09:00: 6 h on Monday, Tuesday 24/11 is a holiday,
    # 7.5 h on Wednesday, the last 1.5 h end Thu 26/11 09:00. 7 working days (2.001955) → Thu 03/12.
    hours = _receive(db, officer, "1.115563")
    days = _receive(db, officer, "2.001955")
    done = _receive(db, officer, "1.115563")
    resolve(db, officer, done, now=MONDAY_9AM + timedelta(hours=1))
    thursday_8am = MONDAY_9AM + timedelta(days=3, hours=-1)

    def codes(due: str, now):  # type: ignore[no-untyped-def]
        return {r.code for r in list_dossiers(db, reader(db), TrackFilter(due=due), now=now).rows}

    assert codes("due_today", thursday_8am) == {hours}
    assert codes("due_today", MONDAY_9AM) == set()
    assert codes("due_2_days", MONDAY_9AM) == {hours}  # Monday → Wednesday → Thursday
    assert codes("overdue", MONDAY_9AM + timedelta(days=3)) == set()  # exactly at the appointment
    assert codes("overdue", MONDAY_9AM + timedelta(days=3, minutes=1)) == {hours}
    assert codes("overdue", MONDAY_9AM + timedelta(days=20)) == {hours, days}


def test_given_status_and_date_filters_then_applied(db: Database, officer: Actor) -> None:
    early = _receive(db, officer, "2.001955")
    later = _receive(db, officer, "2.001955", MONDAY_9AM + timedelta(days=2))
    resolve(db, officer, early, now=MONDAY_9AM + timedelta(hours=2))
    resolved = list_dossiers(db, reader(db), TrackFilter(statuses=("resolved",)), now=MONDAY_9AM).rows
    assert [r.code for r in resolved] == [early]
    on_wednesday = list_dossiers(
        db,
        reader(db),
        TrackFilter(received_from=date(2026, 11, 25), received_to=date(2026, 11, 25)),
        now=MONDAY_9AM,
    ).rows
    assert [r.code for r in on_wednesday] == [later]


def test_given_reversed_range_or_unknown_due_then_message(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        list_dossiers(
            db,
            reader(db),
            TrackFilter(received_from=date(2026, 12, 2), received_to=date(2026, 12, 1)),
            now=MONDAY_9AM,
        )
    assert "«từ ngày» sau «đến ngày»" in info.value.message
    with pytest.raises(ValidationError):
        list_dossiers(db, reader(db), TrackFilter(due="someday"), now=MONDAY_9AM)


def test_given_several_statuses_then_merged_newest_first_across_pages(db: Database, officer: Actor) -> None:
    codes = [_receive(db, officer, "2.001955", MONDAY_9AM + timedelta(minutes=i)) for i in range(6)]
    for code in codes[::2]:
        resolve(db, officer, code, now=MONDAY_9AM + timedelta(hours=3))
    wanted = TrackFilter(statuses=("received", "resolved"))
    first = list_dossiers(db, reader(db), wanted, now=MONDAY_9AM, limit=4)
    rest = list_dossiers(db, reader(db), wanted, now=MONDAY_9AM, limit=4, after=first.next_key)
    assert [r.code for r in first.rows + rest.rows] == list(reversed(codes))
    assert rest.next_key is None


def test_given_two_fields_of_one_name_then_the_filter_choices_tell_them_apart(db: Database) -> None:
    # The test catalogue's 2.001955 is in G09-NV23; make it a second "Hộ tịch" beside G15-TP07.
    with db.write() as session:
        field = session.execute(select(Field).where(Field.code == "G09-NV23")).scalar_one()
        field.code, field.name = "G08-NG07", "Hộ tịch"
    labels = [c.label for c in filter_choices(db)["fields"]]
    assert "Hộ tịch (G08-NG07)" in labels and "Hộ tịch (G15-TP07)" in labels
    assert "Hộ tịch" not in labels and labels == sorted(labels)


def _walk(db: Database, filters: TrackFilter, limit: int) -> list[TrackPage]:
    pages = [list_dossiers(db, reader(db), filters, now=MONDAY_9AM, limit=limit)]
    while pages[-1].next_key is not None:
        pages.append(
            list_dossiers(db, reader(db), filters, now=MONDAY_9AM, limit=limit, after=pages[-1].next_key)
        )
    return pages


def test_given_many_dossiers_received_at_one_instant_then_the_pages_hold_each_once_in_order(
    db: Database, officer: Actor
) -> None:
    # Page boundaries fall inside runs of equal received_at: only the id tells the rows apart there.
    monday = [_receive(db, officer, "2.001955") for _ in range(9)]
    monday += [_receive(db, officer, "1.115563", MONDAY_9AM + timedelta(minutes=1)) for _ in range(8)]
    wednesday = [_receive(db, officer, "2.001955", MONDAY_9AM + timedelta(days=2)) for _ in range(5)]
    for code in monday[::3]:
        resolve(db, officer, code, now=MONDAY_9AM + timedelta(hours=2))
    every = list_dossiers(db, reader(db), TrackFilter(), now=MONDAY_9AM, limit=100).rows
    newest_first = sorted(every, key=lambda r: (r.received_at, r.id), reverse=True)
    assert [r.code for r in every] == [r.code for r in newest_first]
    assert sorted(r.code for r in every) == sorted(monday + wednesday)

    for filters, wanted in (
        (TrackFilter(), every),
        (TrackFilter(received_to=date(2026, 11, 23)), [r for r in every if r.code in monday]),
        (TrackFilter(received_from=date(2026, 11, 25)), [r for r in every if r.code in wednesday]),
        (TrackFilter(statuses=("received", "resolved")), every),
        (TrackFilter(statuses=("resolved",)), [r for r in every if r.code in monday[::3]]),
    ):
        pages = _walk(db, filters, limit=4)
        assert [r.code for page in pages for r in page.rows] == [r.code for r in wanted], filters
        assert all(len(page.rows) == 4 for page in pages[:-1])
    # A key past the «đến ngày» bound (the newest Wednesday row) still leaves Monday only.
    after_range = list_dossiers(
        db,
        reader(db),
        TrackFilter(received_to=date(2026, 11, 23)),
        now=MONDAY_9AM,
        after=(every[0].received_at, every[0].id),
    )
    assert [r.code for r in after_range.rows] == [r.code for r in every if r.code in monday]


def _plans(db: Database, filters: TrackFilter, after: object) -> list[str]:
    """EXPLAIN QUERY PLAN of each statement the list runs for one page (SQLite)."""
    statements: list[tuple[str, object]] = []

    def grab(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().startswith("SELECT") and "ORDER BY dossiers.received_at DESC" in statement:
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", grab)
    try:
        list_dossiers(db, reader(db), filters, now=MONDAY_9AM, after=after)  # type: ignore[arg-type]
    finally:
        event.remove(db.engine, "before_cursor_execute", grab)
    assert statements
    with db.engine.connect() as conn:
        return [
            detail
            for statement, parameters in statements
            for *_, detail in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)  # type: ignore[arg-type]
        ]


DEEP_PAGE_FILTERS = {
    "all": (lambda officer_id: TrackFilter(), "ix_dossiers_received_at_id"),
    "received between": (
        lambda officer_id: TrackFilter(received_from=date(2026, 1, 1), received_to=date(2026, 11, 23)),
        "ix_dossiers_received_at_id",
    ),
    "statuses": (
        lambda officer_id: TrackFilter(statuses=("returned", "in_progress")),
        "ix_dossiers_status_received_at",
    ),
    "officer": (lambda officer_id: TrackFilter(officer_id=officer_id), "ix_dossiers_officer_received_at"),
}


@pytest.mark.parametrize("name", DEEP_PAGE_FILTERS)
def test_given_a_deep_page_then_sqlite_searches_an_index_range_from_the_key(
    sqlite_db: Database, name: str
) -> None:
    generate_dossiers(sqlite_db, 400, now=MONDAY_9AM)
    make, index = DEEP_PAGE_FILTERS[name]
    filters = make(find_actor(sqlite_db, "canbo").user_id)
    deep = _walk(sqlite_db, filters, limit=50)[-2].next_key
    assert deep is not None

    plans = _plans(sqlite_db, filters, deep)

    on_dossiers = [p for p in plans if p.split()[1:2] == ["dossiers"]]
    assert on_dossiers, plans
    assert all(
        p.startswith(f"SEARCH dossiers USING INDEX {index} (") and "(received_at,id)<(?,?)" in p
        for p in on_dossiers
    ), plans
    assert not any("TEMP B-TREE" in p for p in plans), plans
