"""The table model (merged header cells), sheet names, and writing the output file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from counter_app.domain.errors import UserError
from counter_app.exports.tables import Column, HeaderCell, Table
from counter_app.exports.xlsx import sheet_name, workbook_bytes
from counter_app.output_files import check_writable, output_format, write_atomic


def test_header_cells_merge_shared_prefixes_and_span_short_paths_down() -> None:
    table = Table(
        "t",
        "T",
        (
            Column(("STT",), "seq"),
            Column(("A", "Tổng số")),
            Column(("A", "B", "x")),
            Column(("A", "B", "y")),
            Column(("C", "z")),
            Column(("D",), "percent"),
        ),
        rows=((1, 2, 1, 1, 0, 0.5),),
        numbered=True,
    )
    assert (table.depth, table.header_rows) == (3, 4)
    assert table.header_cells() == [
        HeaderCell(0, 0, "STT", rowspan=3),
        HeaderCell(0, 1, "A", colspan=3),
        HeaderCell(0, 4, "C"),
        HeaderCell(0, 5, "D", rowspan=3),
        HeaderCell(1, 1, "Tổng số", rowspan=2),
        HeaderCell(1, 2, "B", colspan=2),
        HeaderCell(1, 4, "z", rowspan=2),
        HeaderCell(2, 2, "x"),
        HeaderCell(2, 3, "y"),
    ]
    assert [c.flat_name for c in table.columns] == [
        "STT",
        "A - Tổng số",
        "A - B - x",
        "A - B - y",
        "C - z",
        "D (%)",
    ]
    assert table.column_numbers()[-1] == "(6)"
    with pytest.raises(AssertionError):
        Table("t", "T", (Column(("a",)),), rows=((1, 2),))


def test_sheet_names_are_legal_and_unique() -> None:
    taken: set[str] = set()
    assert sheet_name("Quá hạn", taken) == "Quá hạn"
    assert sheet_name("quá hạn", taken) == "quá hạn (2)"
    assert sheet_name("a/b:c*?[d]", taken) == "a-b-c---d-"
    assert len(sheet_name("x" * 40, taken)) == 31
    table = Table("Quá hạn", "T", (Column(("n",)),), rows=())
    assert workbook_bytes([table, table])[:2] == b"PK"  # two sheets of one name: both written


def test_output_file_checks_and_atomic_write(tmp_path: Path) -> None:
    assert [output_format(Path(f"r.{e}")) for e in ("pdf", "XLSX", "csv")] == ["pdf", "xlsx", "csv"]
    with pytest.raises(UserError, match=r"phần mở rộng phải là \.pdf, \.xlsx hoặc \.csv\.$"):
        output_format(Path("r.txt"))
    with pytest.raises(UserError, match=r"phần mở rộng phải là \.pdf\.$"):
        output_format(Path("r.xlsx"), ("pdf",))
    with pytest.raises(UserError, match="đó là một thư mục"):
        check_writable(tmp_path)
    with pytest.raises(UserError, match="không tồn tại"):
        check_writable(tmp_path / "missing" / "r.pdf")
    out = tmp_path / "r.csv"
    write_atomic(out, b"abc")
    write_atomic(out, b"new")
    assert out.read_bytes() == b"new" and os.listdir(tmp_path) == ["r.csv"]  # no temporary file left
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(UserError, match="không có quyền ghi"):
            check_writable(locked / "r.pdf")
