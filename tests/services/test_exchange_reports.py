"""The province's period report across the offices (issue 15): each office's row is the total row of
that office's own report over the same data, judged as of its data; the field rows and the total
are the sums of the offices' (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from exchange_support import moment, node_of, open_office, work_the_day
from sqlalchemy import select

from counter_app.db.database import Database
from counter_app.db.models import Field
from counter_app.domain.errors import PermissionDenied, ValidationError
from counter_app.services.actor import SYSTEM_ACTOR, Actor, Role
from counter_app.services.exchange.office import public_key_text
from counter_app.services.exchange.province import enrol, import_events
from counter_app.services.exchange.province_day import province_day
from counter_app.services.exchange.province_reports import province_period
from counter_app.services.exchange.province_view import as_of_data
from counter_app.services.exchange.province_view import offices as office_states
from counter_app.services.exchange.upward import export_events
from counter_app.services.reports.end_of_day import end_of_day
from counter_app.services.reports.period import PeriodRow, period_report

ADMIN = SYSTEM_ACTOR
MONDAY = date(2026, 11, 23)
# The figures compared: every count.
COUNTS = [f.name for f in dataclasses.fields(PeriodRow) if f.type == "int"]


def counts(row: PeriodRow) -> dict[str, int]:
    return {name: getattr(row, name) for name in COUNTS}


@pytest.fixture
def week(db: Database, office_templates: dict[int, Path], tmp_path: Path):  # type: ignore[no-untyped-def]
    """Offices 1 and 2 send every evening of a week; office 3 sends on Wednesday evening and then
    works two more days offline. Returns the province and, per office, a copy of it as it stood
    when it last sent (the data the province has)."""
    province = db
    sent: dict[int, Database] = {}
    bundles: list[Path] = []
    for i in (1, 2, 3):
        office = open_office(office_templates[i], tmp_path / f"xa{i}", i)
        last = 4 if i < 3 else 2
        for day in range(5):
            work_the_day(office, i, day)
            if day <= last:
                bundle = tmp_path / "usb" / f"xa{i}-ngay{day}.zip"
                assert export_events(office, ADMIN, bundle, now=moment(day)) is not None
                bundles.append(bundle)
            if day == last:
                sent[i] = open_office(Path(office.url.split("///")[1]), tmp_path / f"xa{i}-as-sent", i)
        enrol(province, ADMIN, bundles[-1], public_key_text(office, now=moment(0))[1], now=moment(0))
        office.close()
    for bundle in reversed(bundles):  # out of order: the end state is the same
        assert not import_events(province, ADMIN, bundle, now=moment(6)).forks
    yield province, sent
    for office in sent.values():
        office.close()


@pytest.mark.parametrize(
    "first,last",
    [
        (MONDAY, MONDAY + timedelta(days=13)),  # the whole fortnight: judged as of each office's data
        (MONDAY + timedelta(days=2), MONDAY + timedelta(days=3)),  # carried over in, in progress out
        (MONDAY, MONDAY),  # one day, ended before any office's data
    ],
)
def test_each_offices_row_is_its_own_report_as_of_its_data(week, first: date, last: date) -> None:  # type: ignore[no-untyped-def]
    province, sent = week
    report = province_period(province, ADMIN, first, last)
    until = {s.office_code: s.data_until for s in office_states(province, ADMIN)}
    assert len(report.offices) == 3
    total: Counter[str] = Counter()
    fields: dict[str, Counter[str]] = {}
    for i, office in sent.items():
        row = next(r for r in report.offices if r.office_code == f"000.3{i}.23.H56")
        assert row.data_until == until[row.office_code]
        own = period_report(office, ADMIN, first, last, as_of=as_of_data(row.data_until))
        assert counts(row.row) == counts(own.total), f"office {i}"
        # Measured on the office's own calendar, as its bundle stated it (it works Saturday mornings).
        assert row.row.avg_processing_days == pytest.approx(own.total.avg_processing_days)
        total.update(counts(own.total))
        with office.read() as session:
            codes = dict(session.execute(select(Field.id, Field.code)).all())
        for own_row in own.rows:
            fields.setdefault(codes.get(own_row.id, ""), Counter()).update(counts(own_row))
    assert counts(report.total) == dict(total) | {k: 0 for k in COUNTS if k not in total}
    assert {r.code: counts(r) for r in report.fields} == {
        code: {k: c[k] for k in COUNTS} for code, c in fields.items() if any(c.values())
    }


def test_an_office_offline_is_judged_as_of_its_data_not_as_late(week, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    province, sent = week
    first, last = MONDAY, MONDAY + timedelta(days=13)
    row = next(
        r for r in province_period(province, ADMIN, first, last).offices if r.office_code.startswith("000.33")
    )
    assert row.data_until is not None and row.data_until.date() == (MONDAY + timedelta(days=2))
    # Judged at the fortnight's end, the dossiers it holds would be late; as of its data, none is.
    naive = period_report(sent[3], ADMIN, first, last)
    assert naive.total.in_progress_overdue > 0
    assert row.row.in_progress_overdue == 0
    assert row.row.in_progress == naive.total.in_progress > 0
    # Monday to Wednesday: five a day, one of them cancelled (counted apart); what it received
    # offline on Thursday and Friday is not there yet.
    assert (row.row.received, row.row.cancelled) == (12, 3)
    # Its own report as it stood at its data: its Thursday and Friday not counted (received after).
    live = Database.open(f"sqlite:///{tmp_path / 'xa3' / 'office3.sqlite3'}", node_of(3))
    offline = period_report(live, ADMIN, first, last, as_of=as_of_data(row.data_until))
    live.close()
    assert counts(offline.total) == counts(row.row)


def test_every_office_is_listed_even_before_its_first_bundle(
    db: Database, office_templates, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    bundle = tmp_path / "xa1.zip"
    assert export_events(office, ADMIN, bundle, now=moment(0)) is not None
    enrol(db, ADMIN, bundle, public_key_text(office, now=moment(0))[1], now=moment(0))
    report = province_period(db, ADMIN, MONDAY, MONDAY)
    assert [(r.office_code, r.data_until, r.row.to_process) for r in report.offices] == [
        ("000.31.23.H56", None, 0)
    ]
    assert report.fields == () and report.total.to_process == 0
    office.close()


def test_bad_requests_get_their_reason(db: Database) -> None:
    with pytest.raises(ValidationError, match="ngày bắt đầu 10/12/2026 sau ngày kết thúc 01/12/2026"):
        province_period(db, ADMIN, date(2026, 12, 10), date(2026, 12, 1))
    officer = Actor(None, "canbo", "Cán bộ", Role.OFFICER)
    with pytest.raises(PermissionDenied):
        province_period(db, officer, date(2026, 12, 1), date(2026, 12, 1))


def day_figures(report) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """An office's own end-of-day report, as the province's line reads it."""
    return {
        "received": report.received,
        "received_by_channel": {c.key: c.count for c in report.received_by_channel},
        "supplement_at_intake": report.supplement_at_intake,
        "supplement_in_processing": report.supplement_in_processing,
        "refusals": report.refusals,
        "guidance": report.guidance,
        "transferred": report.transferred,
        "resolved": report.resolved,
        "returned": report.returned,
        "overdue": len(report.overdue),
        "due_tomorrow": len(report.due_tomorrow),
        "cancelled": len(report.cancellations),
        "satisfaction": {int(c.key): c.count for c in report.satisfaction},
        "satisfaction_unanswered": report.satisfaction_unanswered,
    }


def province_figures(figures) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {f.name: getattr(figures, f.name) for f in dataclasses.fields(figures)}


@pytest.mark.parametrize("offset", [0, 2, 4, 9])
def test_each_offices_end_of_day_line_is_its_own_summary_as_of_its_data(week, offset: int) -> None:  # type: ignore[no-untyped-def]
    province, sent = week
    day = MONDAY + timedelta(days=offset)
    report = province_day(province, ADMIN, day)
    total: Counter[str] = Counter()
    for i, office in sent.items():
        line = next(r for r in report.offices if r.office_code == f"000.3{i}.23.H56")
        own = end_of_day(office, ADMIN, day, at=line.judged_at)
        assert own.due_tomorrow_date == line.due_tomorrow_date
        assert province_figures(line.figures) == day_figures(own), f"office {i}"
        for name, value in day_figures(own).items():
            if isinstance(value, int):
                total[name] += value
    assert {k: v for k, v in province_figures(report.total).items() if isinstance(v, int)} == {
        k: total[k] for k in province_figures(report.total) if isinstance(getattr(report.total, k), int)
    }
    if offset == 2:  # a working day of the week: something happened everywhere
        assert all(line.figures.received == 4 and line.figures.returned == 1 for line in report.offices)
    if offset == 4:  # office 3 works offline on Friday: the province has nothing of it yet
        line = next(r for r in report.offices if r.office_code.startswith("000.33"))
        assert line.figures.received == 0 and line.judged_at == as_of_data(line.data_until)


@pytest.mark.parametrize("last_act", ["resolve", "withdraw"])
def test_a_dossier_closed_by_the_offices_newest_event_is_closed_at_the_province(
    db: Database, office_templates: dict[int, Path], tmp_path: Path, last_act: str
) -> None:
    """«Dữ liệu đến» is the newest event's instant: the dossier that event closed is closed as of
    the office's data (judged just after it), as the office's own report run then shows it."""
    from exchange_support import receive_day

    from counter_app.services import processing
    from counter_app.services.users import find_actor

    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    (code,) = receive_day(office, 1, 0, n=1)
    officer = find_actor(office, "canbo1")
    processing.transfer(office, officer, code, "VHXH", now=moment(0) - timedelta(hours=7))
    if last_act == "resolve":
        processing.resolve(office, officer, code, now=moment(0) - timedelta(hours=6))
    else:
        processing.withdraw(office, officer, code, "Người nộp rút hồ sơ", now=moment(0) - timedelta(hours=6))
    bundle = tmp_path / "xa1.zip"
    assert export_events(office, ADMIN, bundle, now=moment(0)) is not None
    enrol(db, ADMIN, bundle, public_key_text(office, now=moment(0))[1], now=moment(0))
    import_events(db, ADMIN, bundle, now=moment(0))

    (row,) = province_period(db, ADMIN, MONDAY, MONDAY + timedelta(days=13)).offices
    closed = "resolved" if last_act == "resolve" else "withdrawn"
    assert (getattr(row.row, closed), row.row.in_progress) == (1, 0)
    assert row.data_until == moment(0) - timedelta(hours=6)
    (line,) = province_day(db, ADMIN, MONDAY).offices
    assert line.figures.overdue == 0 and line.figures.resolved == (1 if last_act == "resolve" else 0)
    own = period_report(office, ADMIN, MONDAY, MONDAY + timedelta(days=13), as_of=line.judged_at).total
    assert counts(row.row) == counts(own)
    office.close()
