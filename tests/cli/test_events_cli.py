"""counter-cli events anchor | verify --anchor | verify --since (issue 14): the anchor line printed and
taken back; a whole verification and an incremental one from an anchor; each broken case gives one
«Lỗi:» line (after the dossiers it names) and exit 1."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from testdata import FIXTURES, TEST_PROCEDURES, unguard_events

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def office(cli: Run, tmp_path: Path) -> Run:
    assert cli("init", "--office-code", "000.00.31.H56", "--office-name", "Trung tâm")[0] == 0
    assert cli("catalog", "import", str(FIXTURES / "test_catalog.json"))[0] == 0
    return cli


def receive(cli: Run, tmp_path: Path, i: int) -> str:
    intake = tmp_path / f"intake{i}.json"
    person = {"full_name": f"Lê Thị Mai {i}", "id_number": f"0381900123{i:02d}"}
    intake.write_text(json.dumps({"procedure": TEST_PROCEDURES[0], "applicant": person}), encoding="utf-8")
    code, out, err = cli("receive", "--json", str(intake))
    assert (code, err) == (0, ""), err
    return out.strip()


def anchor(cli: Run) -> str:
    code, out, _ = cli("events", "anchor")
    assert code == 0 and out.startswith("Dấu chuỗi sự kiện: ")
    return out.removeprefix("Dấu chuỗi sự kiện: ").strip()


def sql(tmp_path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(tmp_path / "counter.sqlite3")) as conn, conn:
        unguard_events(conn.execute)
        for statement in statements:
            conn.execute(statement)


def test_given_a_printed_anchor_then_whole_and_incremental_verifications_pass(
    office: Run, tmp_path: Path
) -> None:
    receive(office, tmp_path, 1)
    printed = anchor(office)
    receive(office, tmp_path, 2)
    receive(office, tmp_path, 3)

    code, out, err = office("events", "verify", "--anchor", printed)
    assert (code, err) == (0, "")
    assert (
        out.splitlines()[-1] == f"Khớp dấu chuỗi đã in {printed[:24]}: lịch sử đến thời điểm đó không bị sửa."
    )

    code, out, err = office("events", "verify", "--since", printed)
    assert (code, err) == (0, "")
    assert (
        out.strip()
        == f"Từ dấu chuỗi {printed[:24]}: 2 sự kiện mới nguyên vẹn; 2 hồ sơ có sự kiện mới khớp với sự kiện."
    )


def test_given_a_dossier_edited_after_the_anchor_then_the_incremental_verification_names_it(
    office: Run, tmp_path: Path
) -> None:
    receive(office, tmp_path, 1)
    printed = anchor(office)
    late = receive(office, tmp_path, 2)
    sql(tmp_path, f"UPDATE dossiers SET status = 'returned' WHERE code = '{late}'")

    code, out, err = office("events", "verify", "--since", printed)

    assert code == 1 and out.startswith(f"Hồ sơ {late}: bảng hồ sơ khác với sự kiện — trạng thái")
    assert err.strip() == "Lỗi: Bảng hồ sơ khác với sự kiện ở 1 chỗ (liệt kê ở trên)."


def test_given_the_history_cut_short_before_the_anchor_then_the_anchor_says_so(
    office: Run, tmp_path: Path
) -> None:
    receive(office, tmp_path, 1)
    printed = anchor(office)
    sql(
        tmp_path,
        "DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)",
        # the head set back to the event before, so that the chains alone look whole
        "UPDATE node_heads SET last_seq = last_seq - 1, "
        "last_hash = (SELECT hash FROM events WHERE seq = (SELECT max(seq) FROM events))",
    )

    for option in ("--anchor", "--since"):
        code, out, err = office("events", "verify", option, printed)
        assert code == 1 and "Traceback" not in err
        assert err.strip().startswith("Lỗi: ") and "lịch sử đến thời điểm in đã bị xóa bớt" in err


def test_given_text_that_is_no_anchor_then_one_error_line(office: Run) -> None:
    code, out, err = office("events", "verify", "--anchor", "hôm qua")
    assert (code, out) == (1, "")
    assert (
        err.strip()
        == "Lỗi: «hôm qua» không phải dấu chuỗi sự kiện (dạng: XXXX-XXXX-XXXX-XXXX-XXXX · nút#số, …)."
    )


# ----------------------------------------------------------------------------- audit list


def test_given_a_dossier_looked_up_then_audit_list_shows_it_and_writes_it_to_a_file(
    office: Run, tmp_path: Path
) -> None:
    code = receive(office, tmp_path, 1)
    assert office("lookup", code)[0] == 0

    status, out, err = office("audit", "list")
    assert (status, err) == (0, "")
    (line,) = out.splitlines()
    assert line.split("\t")[1:4] == ["system", "dossier_viewed", code]

    status, out, _ = office("audit", "list", "--action", "search")
    assert (status, out) == (0, "")
    status, out, _ = office("audit", "list", "--out", str(tmp_path / "trail.csv"))
    assert status == 0 and out.strip() == f"Đã ghi 1 bản ghi nhật ký truy cập vào {tmp_path / 'trail.csv'}"
    assert code in (tmp_path / "trail.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--action", "peek"], "Lỗi: Không có việc «peek» trong nhật ký (dùng: dossier_viewed, search,"),
        (["--from", "hôm qua"], "Lỗi: --from «hôm qua» không hợp lệ"),
        (["--out", "trail.pdf"], "phần mở rộng phải là .xlsx hoặc .csv"),
    ],
)
def test_given_audit_list_mistakes_then_one_error_line(
    office: Run, tmp_path: Path, args: list[str], said: str
) -> None:
    status, out, err = office("audit", "list", *[a if a != "trail.pdf" else str(tmp_path / a) for a in args])
    assert (status, out) == (1, "") and len(err.splitlines()) == 1 and said in err
