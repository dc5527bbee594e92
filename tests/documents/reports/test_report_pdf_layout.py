"""Report PDFs as printed: every character has a glyph of an embedded slip font, wide reports are
landscape, long lists run over pages with their header repeated and the signatures never stand alone."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from fontTools.ttLib import TTFont
from report_fixture import at
from report_samples import WEDNESDAY_NOON, build_reports, lists, page_size_mm, page_texts, register_rows
from slip_helpers import drawn_text_by_font, embedded_fonts, font_files

from counter_app.db.database import Database
from counter_app.documents.fonts import VIETNAMESE_CHARS, MissingGlyphError
from counter_app.documents.reports import (
    render_day_report,
    render_overdue_list,
    render_period_report,
    render_register_report,
    render_satisfaction_report,
)
from counter_app.documents.reports.page import fmt
from counter_app.documents.reports.period import buckets
from counter_app.services.reports import DossierLine, LabelledCount
from counter_app.services.reports.per_day import DayCount

ALPHABET = "".join(sorted(c for c in VIETNAMESE_CHARS if c.isalpha() and not c.isascii()))
LIST_HEADER = (
    "STT Mã hồ sơ Người nộp hồ sơ Điện thoại Thủ tục hành chính Lĩnh vực Đơn vị giải quyết Ngày tiếp nhận "
    "Hạn giải quyết Ngày hẹn trả Quá hạn (ngày làm việc) Trạng thái"
)
CODE = re.compile(r"(\d+) 000\.00\.31\.H56-261102-(\d{4}) ")


def every_report(db: Database) -> dict[str, bytes]:
    """Each report, with the whole Vietnamese alphabet in its names, labels and reasons."""
    r = build_reports(db)
    period = replace(r.period, rows=(replace(r.period.rows[0], label=ALPHABET), *r.period.rows[1:]))
    day = replace(
        r.day,
        received_by_field=(LabelledCount("X", ALPHABET, 1),),
        cancellations=(replace(r.day.cancellations[0], reason=ALPHABET),),
    )
    late, soon = lists(db, r.history)
    late = (late[0]._replace(applicant_name=ALPHABET), *late[1:])
    reasons = (LabelledCount(ALPHABET, ALPHABET, 1),)
    rows = register_rows(db, r.history)
    return {
        "period": render_period_report(period, r.head, r.days),
        "day": render_day_report(day, r.head),
        "overdue": render_overdue_list(late, r.head, WEDNESDAY_NOON, soon),
        "satisfaction": render_satisfaction_report(replace(r.satisfaction, by_reason=reasons), r.head),
        "register": render_register_report(
            (replace(rows[0], applicant_name=ALPHABET), *rows[1:]),
            r.head,
            date(2026, 12, 1),
            date(2026, 12, 3),
        ),
    }


def test_every_character_of_every_report_has_a_glyph_of_an_embedded_font(sqlite_db: Database) -> None:
    files = font_files()
    cmaps = {name: TTFont(path).getBestCmap() for name, path in files.items()}
    for name, pdf in every_report(sqlite_db).items():
        # Only our fonts, all embedded (the charts' labels too): no base-14 font without Vietnamese.
        for base, subtype, embedded in embedded_fonts(pdf):
            assert base in files and subtype == "/TrueType" and embedded, (name, base)
        for base, text in drawn_text_by_font(pdf).items():
            missing = sorted({c for c in text if not c.isspace() and ord(c) not in cmaps[base]})
            assert not missing, f"{name}: {base} lacks {missing}"
        assert ALPHABET in "".join(page_texts(pdf)).replace(" ", ""), name
        wide = name != "day"
        assert page_size_mm(pdf) == ((297, 210) if wide else (210, 297)), name


def lines(n: int) -> tuple[DossierLine, ...]:
    start = at(2, 8, month=11)
    return tuple(
        DossierLine(
            f"000.00.31.H56-261102-{i:04d}",
            "in_progress",
            "Đang giải quyết",
            f"Nguyễn Văn Dân {i}",
            "0912345678",
            "2.001955",
            "Đăng ký nội quy lao động của doanh nghiệp",
            "Lao động, tiền lương",
            "Sở Nội vụ",
            start,
            start + timedelta(days=10),
            start + timedelta(days=10),
            0,
            round(i / 7, 2),
        )
        for i in range(1, n + 1)
    )


def test_300_overdue_dossiers_paginate_with_the_header_on_every_page(sqlite_db: Database) -> None:
    head = build_reports(sqlite_db).head
    pages = page_texts(render_overdue_list(lines(300), head, WEDNESDAY_NOON))
    assert len(pages) >= 10
    seen: list[int] = []
    for n, page in enumerate(pages, 1):
        assert LIST_HEADER in page, n
        found = [(int(a), int(b)) for a, b in CODE.findall(page)]
        assert found, n  # every page carries rows, the signed last one too
        assert page.index(LIST_HEADER) < page.index(f"{found[0][0]} 000.00.31.H56"), n  # header above rows
        assert all(a == b for a, b in found), n  # STT matches the row's dossier
        assert page.endswith(f"Trang {n}"), n
        seen += [a for a, _ in found]
    assert seen == list(range(1, 301))  # in order, none lost or repeated at a page break
    assert "Số hồ sơ quá hạn: 300." in pages[0] and "NGƯỜI LẬP BIỂU" in pages[-1]


def test_the_signatures_never_start_a_page_of_their_own(sqlite_db: Database) -> None:
    head = build_reports(sqlite_db).head
    for n in range(10, 31):  # every way the end of the list can fall on the first page
        pages = page_texts(render_overdue_list(lines(n), head, WEDNESDAY_NOON))
        assert "NGƯỜI LẬP BIỂU" in pages[-1], n
        assert CODE.search(pages[-1]), (n, len(pages))


def test_an_undrawable_character_is_refused_not_printed(sqlite_db: Database) -> None:
    r = build_reports(sqlite_db)
    with pytest.raises(MissingGlyphError, match="U\\+1F600"):
        render_overdue_list((lines(1)[0]._replace(applicant_name="Nguyễn 😀"),), r.head, WEDNESDAY_NOON)
    bad = replace(r.period, rows=(replace(r.period.rows[0], label="Lĩnh vực Ꙛ"),))
    with pytest.raises(MissingGlyphError, match="U\\+A65A"):
        render_period_report(bad, r.head)  # the table and the chart labels
    with pytest.raises(MissingGlyphError, match="U\\+1F600"):
        render_day_report(replace(r.day, satisfaction=(LabelledCount("1", "😀", 1),)), r.head)


def test_long_periods_chart_weeks_then_months(sqlite_db: Database) -> None:
    def span(first: date, n: int) -> list[DayCount]:
        return [DayCount(first + timedelta(days=i), i % 5, i % 3) for i in range(n)]

    unit, labels, received, resolved = buckets(span(date(2026, 12, 1), 11))
    assert (unit, len(labels), labels[0], labels[-1]) == ("ngày", 11, "01/12", "11/12")
    quarter = span(date(2026, 1, 7), 90)  # Wednesday 7/1 to 6/4
    unit, labels, received, resolved = buckets(quarter)
    assert unit.startswith("tuần") and labels[:2] == ["07/01", "12/01"]  # a first partial week
    assert (sum(received), sum(resolved)) == (
        sum(d.received for d in quarter),
        sum(d.resolved for d in quarter),
    )
    year = span(date(2026, 1, 1), 365)
    unit, labels, received, resolved = buckets(year)
    assert (unit, labels[0], labels[-1], len(labels)) == ("tháng", "01/2026", "12/2026", 12)
    assert sum(received) == sum(d.received for d in year)
    r = build_reports(sqlite_db)
    long = replace(r.period, date_from=date(2026, 1, 1), date_to=date(2026, 12, 31))
    text = " ".join(page_texts(render_period_report(long, r.head, year)))
    assert "theo tháng" in text and "01/2026" in text and "12/2026" in text


def test_vietnamese_number_formats() -> None:
    assert [fmt(1234567, "int"), fmt(0, "int"), fmt(None, "int")] == ["1.234.567", "0", "-"]
    assert [fmt(2 / 3, "percent"), fmt(1.0, "percent"), fmt(0.0, "percent")] == ["66,7%", "100,0%", "0,0%"]
    assert [fmt(4.9, "decimal"), fmt(1234.5, "decimal"), fmt(3, "seq")] == ["4,90", "1.234,50", "3"]
    assert fmt(at(3, 9), "datetime") == "03/12/2026 09:00" and fmt(date(2026, 12, 3), "date") == "03/12/2026"
