"""Row labels: a name shared by two rows gets each row's code; every other row keeps its name."""

from __future__ import annotations

from counter_app.services.reports.labels import distinct_labels


def test_only_the_shared_names_get_their_codes() -> None:
    rows = {
        1: ("G15-TP07", "Hộ tịch"),
        2: ("G08-NG07", "Hộ  TỊCH"),  # the same name as a reader sees it (case, spaces)
        3: ("G09-NV23", "Lao động, tiền lương"),
        4: ("G01-XX01", "Hồ tịch"),  # another word (tone marks count)
    }
    assert distinct_labels(rows) == {
        1: ("G15-TP07", "Hộ tịch (G15-TP07)"),
        2: ("G08-NG07", "Hộ  TỊCH (G08-NG07)"),
        3: ("G09-NV23", "Lao động, tiền lương"),
        4: ("G01-XX01", "Hồ tịch"),
    }


def test_a_row_without_code_keeps_its_name() -> None:
    assert distinct_labels({1: ("", "Chưa xác định"), 2: ("X", "Chưa xác định")}) == {
        1: ("", "Chưa xác định"),
        2: ("X", "Chưa xác định (X)"),
    }
