"""Period report "Tình hình, kết quả giải quyết TTHC" on the hand-built history of report_fixture.py.

Every expected number is written out with the dossiers it counts (D-numbers of report_fixture.py);
the ``db`` fixture runs each test on SQLite and on PostgreSQL, so both give these very numbers.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date

import pytest
from report_fixture import TWIN_CODE, A, B, build, twin_fields
from sqlalchemy import select

from counter_app.db.database import Database
from counter_app.db.models import Agency, Field, Office
from counter_app.domain.errors import NotFoundError, PermissionDenied, ValidationError
from counter_app.services.reports import PeriodRow, ReportFilters, period_report, period_sql

FIRST, LAST = date(2026, 12, 1), date(2026, 12, 11)
COLUMNS = [
    c for c in PeriodRow.__dataclass_fields__ if c not in ("id", "on_time_rate", "avg_processing_days")
]


def row(code: str, label: str, **counts: int) -> dict[str, object]:
    """Expected columns of a row: every count not given is 0."""
    return {"code": code, "label": label, **{c: 0 for c in COLUMNS[2:]}, **counts}


# Field G09-NV23 (procedure A, 7 working days).
LABOUR = row(
    "G09-NV23",
    "Lao động, tiền lương",
    received=3,  # D4 (online), D9, D10; D6 is cancelled, D12 came on 12/12 (11/12 23:45 UTC)
    received_online=1,  # D4
    received_direct_postal=2,  # D9, D10
    carried_over=4,  # D1, D2, D13, D15 (received in November, open on 1/12 00:00); D0 closed 27/11
    to_process=7,  # 3 + 4
    resolved=2,  # D2, D4
    resolved_early=1,  # D4: resolved 3/12, due 11/12
    resolved_late=1,  # D2: resolved 7/12 10:00, legal deadline 4/12 08:00
    resolved_late_with_apology=1,  # D2: apology letter on 3/12 (still late)
    in_progress=4,  # D1, D10, D13, D15 open on 12/12 00:00
    in_progress_within_term=2,  # D10 (due 21/12); D13 (deadline 3/12 passed, but waiting for the citizen)
    in_progress_overdue=2,  # D1 (due 3/12), D15 (due 7/12, resolved only on 14/12)
    stopped=1,  # D9
    cancelled=1,  # D6 (numbered 3/12, cancelled the same day)
    processing_sample=2,  # D2, D4
)
# Field G15-TP07 (procedure B, 10 calendar days).
CIVIL = row(
    "G15-TP07",
    "Hộ tịch",
    received=4,  # D3 (Tue 1/12 06:30 = Mon 30/11 23:30 UTC), D5, D7, D14; D8 was refused
    received_direct_postal=4,  # D3, D7, D14 direct; D5 postal
    carried_over=1,  # D11 (received 27/11, withdrawn 2/12)
    to_process=5,
    resolved=1,  # D3
    resolved_on_time=1,  # D3: resolved 11/12 16:00, the day of its deadline (17:00)
    in_progress=2,  # D5 (due 14/12), D14 (withdrawn only on 14/12, due 21/12)
    in_progress_within_term=2,
    withdrawn=2,  # D11 (2/12), D7 (9/12)
    refused=1,  # D8 (3/12)
    processing_sample=1,  # D3
)
TOTAL = row(
    "",
    "Tổng cộng",
    received=7,
    received_online=1,
    received_direct_postal=6,
    carried_over=5,
    to_process=12,
    resolved=3,
    resolved_early=1,
    resolved_on_time=1,
    resolved_late=1,
    resolved_late_with_apology=1,
    in_progress=6,
    in_progress_within_term=4,
    in_progress_overdue=2,
    withdrawn=2,
    stopped=1,
    refused=1,
    cancelled=1,
    processing_sample=3,
)
# Working time from receipt to resolution, 7 h 30 a working day:
#   D2 25/11 08:00 → 7/12 10:00 = 7 h (25/11) + 22 h 30 (26, 27, 30/11) + 30 h (1–4/12) + 2 h 30 = 62 h
#   D4  2/12 09:00 → 3/12 15:00 = 6 h + 5 h 30 = 11 h 30
#   D3  1/12 06:30 → 11/12 16:00 = counted from 07:30: 60 h (1–10/12) + 6 h 30 = 66 h 30
LABOUR_DAYS = (62 + 11.5) / 2 / 7.5  # 4.9
CIVIL_DAYS = 66.5 / 7.5  # 8.8667
TOTAL_DAYS = (62 + 11.5 + 66.5) / 3 / 7.5  # 6.2222


def columns(r: PeriodRow) -> dict[str, object]:
    values = asdict(r)
    return {c: values[c] for c in COLUMNS}


def field_id(db: Database, code: str) -> uuid.UUID:
    with db.read() as session:
        return session.execute(select(Field.id).where(Field.code == code)).scalar_one()


def unit_id(db: Database, code: str) -> uuid.UUID:
    with db.read() as session:
        return session.execute(select(Agency.id).where(Agency.code == code)).scalar_one()


def test_period_by_field_every_column(db: Database) -> None:
    h = build(db)
    report = period_report(db, h.supervisor, FIRST, LAST)
    assert [columns(r) for r in report.rows] == [LABOUR, CIVIL]
    assert columns(report.total) == TOTAL
    assert report.rows[0].id == field_id(db, "G09-NV23") and report.total.id is None
    assert [r.on_time_rate for r in report.rows] == [0.5, 1.0]  # (early + on time) / resolved
    assert report.total.on_time_rate == pytest.approx(2 / 3)
    assert report.rows[0].avg_processing_days == pytest.approx(LABOUR_DAYS)
    assert report.rows[1].avg_processing_days == pytest.approx(CIVIL_DAYS)
    assert report.total.avg_processing_days == pytest.approx(TOTAL_DAYS)
    assert report.processing_exact and (report.date_from, report.date_to, report.by) == (FIRST, LAST, "field")
    for r in (*report.rows, report.total):  # the form's balance, row by row
        assert r.to_process == r.resolved + r.withdrawn + r.stopped + r.in_progress


def test_period_plans_agree(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    h = build(db)
    expected = period_report(db, h.supervisor, FIRST, LAST)
    # The reference plan classifies every dossier received up to the period's end in one statement.
    assert period_report(db, h.supervisor, FIRST, LAST, _plan="scan") == expected
    # The receipts of the period split between parallel read transactions (by rowid on SQLite).
    monkeypatch.setattr(period_sql, "PARALLEL_MIN_ROWS", 1)
    monkeypatch.setattr(period_sql.os, "cpu_count", lambda: 3)
    assert period_report(db, h.supervisor, FIRST, LAST) == expected
    # … read from the covering index, or by rowid when a statement reads a column it lacks.
    covers = period_sql.covers
    monkeypatch.setattr(period_sql, "covers", lambda *_: False)
    assert period_report(db, h.supervisor, FIRST, LAST) == expected
    monkeypatch.setattr(period_sql, "covers", covers)
    # The dossiers carried over found through the indexes (the resolutions since the start walked,
    # or sought day by day of the history), or among all those received before.
    for share, seek in ((0, 0), (10**12, 10**12), (10**12, 0)):
        monkeypatch.setattr(period_sql, "HISTORY_READ_SHARE", share)
        monkeypatch.setattr(period_sql, "DAY_SEEK_COST", seek)
        assert period_report(db, h.supervisor, FIRST, LAST) == expected, (share, seek)
    # SQLite numbers the row keys with a CASE; past LINEAR_KEYS keys, with a binary search of CASEs.
    monkeypatch.setattr(period_sql, "LINEAR_KEYS", 1)
    assert period_report(db, h.supervisor, FIRST, LAST) == expected
    assert period_report(db, h.supervisor, FIRST, LAST, _plan="scan", by="unit") == period_report(
        db, h.supervisor, FIRST, LAST, by="unit"
    )
    # Over the limit the average is estimated on time windows: with a limit of 1 for 3 resolved
    # dossiers, 10 windows each covering the middle third of its tenth of the period (26 h 24 min):
    # the third one, 3/12 13:36–22:24 local, holds D4's resolution (3/12 15:00); D2 and D3 fall outside.
    monkeypatch.setattr(period_sql, "PROCESSING_LIMIT", 1)
    monkeypatch.setattr(period_sql, "SAMPLE_WINDOWS", 10)
    sampled = period_report(db, h.supervisor, FIRST, LAST)
    assert not sampled.processing_exact
    assert (sampled.total.resolved, sampled.total.processing_sample) == (3, 1)
    assert sampled.total.avg_processing_days == pytest.approx(11.5 / 7.5)
    assert [r.avg_processing_days for r in sampled.rows][1] is None


def test_period_day_boundaries_are_office_local(db: Database) -> None:
    h = build(db)
    first_day = period_report(db, h.supervisor, FIRST, FIRST)
    # Tuesday 1/12 alone: D3 came at 06:30 local (Monday in UTC) and counts here.
    assert [
        (r.code, r.received, r.carried_over, r.in_progress, r.in_progress_within_term) for r in first_day.rows
    ] == [
        ("G09-NV23", 0, 4, 4, 4),  # D1, D2, D13, D15 carried and still open (D1 due only 3/12)
        ("G15-TP07", 1, 1, 2, 2),  # D3 received; D11 carried, withdrawn only 2/12
    ]
    monday = period_report(db, h.supervisor, date(2026, 11, 30), date(2026, 11, 30))
    assert monday.total.received == 0  # D3's UTC date is 30/11: it must not count on Monday
    assert monday.total.carried_over == 5 and monday.total.resolved == 0


def test_period_by_unit(db: Database) -> None:
    h = build(db)
    report = period_report(db, h.supervisor, FIRST, LAST, by="unit")
    assert [columns(r) for r in report.rows] == [
        # D1: transferred to Sở Nội vụ on 25/11, open and overdue at the end.
        row("SNV", "Sở Nội vụ", carried_over=1, to_process=1, in_progress=1, in_progress_overdue=1),
        # D5: postal, transferred to Sở Tư pháp on 3/12, due 14/12.
        row(
            "STP",
            "Sở Tư pháp",
            received=1,
            received_direct_postal=1,
            to_process=1,
            in_progress=1,
            in_progress_within_term=1,
        ),
        # D6: transferred to Sở Y tế, then cancelled.
        row("SYT", "Sở Y tế", cancelled=1),
        # Never transferred: D2 D3 D4 D7 D8 D9 D10 D11 D13 D14 D15.
        row(
            "",
            "Chưa chuyển đơn vị giải quyết",
            received=6,  # D3 D4 D7 D9 D10 D14
            received_online=1,  # D4
            received_direct_postal=5,
            carried_over=4,  # D2 D11 D13 D15
            to_process=10,
            resolved=3,  # D2 D3 D4
            resolved_early=1,
            resolved_on_time=1,
            resolved_late=1,
            resolved_late_with_apology=1,
            in_progress=4,  # D10 D13 D14 within term, D15 overdue
            in_progress_within_term=3,
            in_progress_overdue=1,
            withdrawn=2,  # D7 D11
            stopped=1,  # D9
            refused=1,  # D8
            processing_sample=3,
        ),
    ]
    assert columns(report.total) == TOTAL


def test_period_filters(db: Database) -> None:
    h = build(db)
    sup = h.supervisor
    only_labour = period_report(
        db, sup, FIRST, LAST, filters=ReportFilters(field_ids=(field_id(db, "G09-NV23"),))
    )
    assert [columns(r) for r in only_labour.rows] == [LABOUR]
    assert columns(only_labour.total) == {**LABOUR, "code": "", "label": "Tổng cộng"}
    assert [
        columns(r)
        for r in period_report(db, sup, FIRST, LAST, filters=ReportFilters(procedure_codes=(B,))).rows
    ] == [CIVIL]
    # canbo2 received D4 (online, early) and D5 (postal, open).
    by_c2 = period_report(db, sup, FIRST, LAST, filters=ReportFilters(officer_ids=(h.officer2.user_id,)))
    assert [columns(r) for r in by_c2.rows] == [
        row(
            "G09-NV23",
            "Lao động, tiền lương",
            received=1,
            received_online=1,
            to_process=1,
            resolved=1,
            resolved_early=1,
            processing_sample=1,
        ),
        row(
            "G15-TP07",
            "Hộ tịch",
            received=1,
            received_direct_postal=1,
            to_process=1,
            in_progress=1,
            in_progress_within_term=1,
        ),
    ]
    assert by_c2.rows[0].avg_processing_days == pytest.approx(11.5 / 7.5)
    # The unit filter: D1 only.
    snv = period_report(db, sup, FIRST, LAST, filters=ReportFilters(unit_ids=(unit_id(db, "SNV"),)))
    assert [(r.code, r.carried_over, r.in_progress_overdue, r.to_process) for r in snv.rows] == [
        ("G09-NV23", 1, 1, 1)
    ]
    # A selected field with nothing in it still gets its (empty) row; the procedure filter keeps A only.
    only_a = ReportFilters(field_ids=(field_id(db, "G15-TP07"),), procedure_codes=(A,))
    empty = period_report(db, sup, FIRST, LAST, filters=only_a)
    assert [columns(r) for r in empty.rows] == [row("G15-TP07", "Hộ tịch")]
    with db.read() as session:
        office = session.execute(select(Office.id)).scalar_one()
    one_office = ReportFilters(office_ids=(office,))
    assert period_report(db, sup, FIRST, LAST, filters=one_office) == period_report(db, sup, FIRST, LAST)


def test_period_bad_inputs(db: Database, officer, supervisor) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied, match="^Chỉ lãnh đạo mới được xem báo cáo.$"):
        period_report(db, officer, FIRST, LAST)
    with pytest.raises(ValidationError) as exc:
        period_report(db, supervisor, LAST, FIRST)
    assert exc.value.message == (
        "Khoảng thời gian không hợp lệ: ngày bắt đầu 11/12/2026 sau ngày kết thúc 01/12/2026."
    )
    unknown = uuid.UUID(int=7)
    cases = [
        (
            dict(filters=ReportFilters(office_ids=(unknown,))),
            NotFoundError,
            f"Không tìm thấy đơn vị tiếp nhận «{unknown}».",
        ),
        (
            dict(filters=ReportFilters(field_ids=("không-phải-mã",))),
            NotFoundError,
            "Không tìm thấy lĩnh vực «không-phải-mã».",
        ),
        (
            dict(filters=ReportFilters(unit_ids=(unknown,))),
            NotFoundError,
            f"Không tìm thấy đơn vị giải quyết «{unknown}».",
        ),
        (
            dict(filters=ReportFilters(officer_ids=(unknown,))),
            NotFoundError,
            f"Không tìm thấy cán bộ «{unknown}».",
        ),
        (
            dict(filters=ReportFilters(procedure_codes=("9.999999",))),
            NotFoundError,
            "Không có thủ tục mã «9.999999».",
        ),
        (
            dict(by="procedure"),
            ValidationError,
            "Báo cáo chỉ lập theo lĩnh vực («field») hoặc theo đơn vị («unit»).",
        ),
    ]
    for kwargs, error, message in cases:
        with pytest.raises(error) as caught:
            period_report(db, supervisor, FIRST, LAST, **kwargs)  # type: ignore[arg-type]
        assert caught.value.message == message, kwargs
    with pytest.raises(ValidationError, match="Ngày bắt đầu phải là một ngày"):
        period_report(db, supervisor, "2026-12-01", LAST)  # type: ignore[arg-type]
    # An empty database period: every count 0, no rates.
    empty = period_report(db, supervisor, FIRST, LAST)
    assert empty.rows == () and columns(empty.total) == row("", "Tổng cộng")
    assert empty.total.on_time_rate is None and empty.total.avg_processing_days is None


def test_two_fields_of_one_name_are_told_apart_by_their_codes(db: Database) -> None:
    twin_fields(db)  # G09-NV23 becomes G08-NG07 "Hộ tịch", the name of G15-TP07 too
    h = build(db)
    report = period_report(db, h.supervisor, FIRST, LAST)
    assert [columns(r) for r in report.rows] == [
        {**LABOUR, "code": TWIN_CODE, "label": "Hộ tịch (G08-NG07)"},
        {**CIVIL, "label": "Hộ tịch (G15-TP07)"},
    ]
    assert report.total.label == "Tổng cộng"
    # One of them alone is not ambiguous: its plain name.
    alone = period_report(
        db, h.supervisor, FIRST, LAST, filters=ReportFilters(field_ids=(field_id(db, "G15-TP07"),))
    )
    assert [(r.code, r.label) for r in alone.rows] == [("G15-TP07", "Hộ tịch")]
    # Units of distinct names keep their names.
    assert "Sở Nội vụ" in [r.label for r in period_report(db, h.supervisor, FIRST, LAST, by="unit").rows]
