"""counter-cli, called in-process: ``main([...])`` with ``--data-dir`` a temporary folder (SQLite)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from testdata import FIXTURES, TEST_PROCEDURES, unguard_events

from counter_app.cli import main
from counter_app.db import engine as engine_module
from counter_app.services import lookup as lookup_service

OFFICE = "000.00.31.H56"
TEST_CATALOG = FIXTURES / "test_catalog.json"
HONG = {
    "full_name": "Nguyễn Thị Ánh Hồng",
    "id_number": "038190012345",
    "birth_date": "1990-05-01",
    "sex": "female",
    "phone": "0912 345 678",
    "address": "Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
}
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def office(cli: Run) -> Run:
    """A data dir with the demo office and the small test catalogue (no users: the CLI acts as system)."""
    assert cli("init", "--office-code", OFFICE, "--office-name", "Trung tâm Phục vụ hành chính công")[0] == 0
    assert cli("catalog", "import", str(TEST_CATALOG))[0] == 0
    return cli


def rows(data_dir: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(data_dir / "counter.sqlite3")) as conn:
        return conn.execute(sql).fetchall()


def written(data_dir: Path) -> tuple[object, ...]:
    """Counts of everything a failed command must leave as it was."""
    tables = (
        "dossiers",
        "applicants",
        "events",
        "procedures",
        "procedure_versions",
        "offices",
        "daily_counters",
    )
    return tuple(rows(data_dir, f"SELECT COUNT(*) FROM {table}")[0][0] for table in tables)


def assert_one_error_line(code: int, out: str, err: str, expected: str) -> None:
    assert code == 1
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Lỗi: "), err
    assert expected in lines[0], err


def _write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def write_intake(path: Path, **changes: object) -> Path:
    data: dict[str, object] = {"procedure": "2.001955", "applicant": dict(HONG)}
    data.update(changes)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- init and due -------------------------------------------------------------------------------------


def test_given_empty_data_dir_when_init_then_database_and_settings_created_and_init_is_repeatable(
    cli: Run, tmp_path: Path
) -> None:
    code, out, err = cli("init")

    assert (code, err) == (0, "")
    assert out.startswith("Cơ sở dữ liệu sẵn sàng: ") and "counter.sqlite3" in out
    assert (tmp_path / "counter.sqlite3").is_file()
    node_id = json.loads((tmp_path / "config" / "settings.json").read_text(encoding="utf-8"))["node_id"]
    assert node_id
    assert cli("init")[0] == 0
    assert (
        json.loads((tmp_path / "config" / "settings.json").read_text(encoding="utf-8"))["node_id"] == node_id
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # 3 × 7.5 h from Mon 23/11 16:10: 50 min that day, Tue 24/11 is a holiday, Wed and Thu 15 h,
        # the last 6 h 40 on Fri 27/11: 07:30–11:30 and 13:30–16:10.
        (("--days", "3"), "2026-11-27T16:10:00+07:00"),
        # Civil code: counted from the next working day (Wed 25, Thu 26, Fri 27), due at closing time.
        (("--days", "3", "--policy", "days"), "2026-11-27T17:00:00+07:00"),
        # 10 calendar days after Mon 23/11 is Thu 3/12, a working day: due at its closing time.
        (("--days", "10", "--unit", "day"), "2026-12-03T17:00:00+07:00"),
        (("--days", "0", "--unit", "none"), "không hẹn"),
    ],
    ids=["hours", "days-policy", "calendar-days", "no-appointment"],
)
def test_given_fresh_data_dir_when_due_then_exact_appointment(
    cli: Run, args: tuple[str, ...], expected: str
) -> None:
    code, out, err = cli("due", "--received", "2026-11-23T16:10", *args)

    assert (code, out, err) == (0, expected + "\n", "")


def test_given_imported_catalogue_when_due_for_procedure_then_its_term_is_used(cli: Run) -> None:
    assert cli("catalog", "import", str(TEST_CATALOG))[:2] == (
        0,
        f"Thêm mới {len(TEST_PROCEDURES)}, cập nhật 0, không đổi 0.\n",
    )

    hours = cli("due", "--received", "2026-11-23T16:10", "--procedure", "2.001955")
    days = cli("due", "--received", "2026-11-23T16:10", "--procedure", "2.001955", "--policy", "days")

    # 7 × 7.5 h = 52.5 h: Mon 50 min, Wed 25/11 … Wed 2/12 (6 days) 45 h, the last 6 h 40 on Thu 3/12
    # (07:30–11:30, 13:30–16:10). Civil code: the 7th working day after Mon 23/11 is Thu 3/12.
    assert hours == (0, "2026-12-03T16:10:00+07:00\n", "")
    assert days == (0, "2026-12-03T17:00:00+07:00\n", "")


def test_given_a_file_that_is_not_a_database_then_one_error_line_and_file_untouched(
    cli: Run, tmp_path: Path
) -> None:
    garbage = "Bảng kê hồ sơ tháng 11 (không phải cơ sở dữ liệu)\n" * 20
    (tmp_path / "counter.sqlite3").write_text(garbage, encoding="utf-8")

    code, out, err = cli("init")

    assert_one_error_line(code, out, err, "không phải là cơ sở dữ liệu (hoặc đã hỏng)")
    assert (tmp_path / "counter.sqlite3").read_text(encoding="utf-8") == garbage


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ("{not json", "Không đọc được tệp cấu hình"),
        ('["a list"]', "phải là một đối tượng JSON"),
        ('{"database_url": 5}', "«database_url» phải là một chuỗi."),
        ('{"node_id": ["x"]}', "«node_id» phải là một chuỗi."),
        ('{"printers": {"receipt": 3}}', "«printers» phải là một đối tượng tên máy in."),
        ('{"database_url": "mysql://db/x"}', "Cơ sở dữ liệu không được hỗ trợ: mysql."),
        # A server that refuses the connection: the driver's two-line message on one line.
        (
            '{"database_url": "postgresql://nobody@127.0.0.1:1/x"}',
            "Không mở được cơ sở dữ liệu 127.0.0.1:1/x",
        ),
    ],
)
def test_given_bad_settings_then_one_error_line(
    cli: Run, tmp_path: Path, settings: str, expected: str
) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text(settings, encoding="utf-8")

    code, out, err = cli("init")

    assert_one_error_line(code, out, err, expected)
    assert not (tmp_path / "counter.sqlite3").exists()


def test_given_data_dir_that_is_a_file_then_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "data"
    file.write_text("x", encoding="utf-8")

    code = main(["init", "--data-dir", str(file)])

    out, err = capsys.readouterr()
    assert_one_error_line(code, out, err, "đã có một tệp trùng tên (không phải thư mục)")


@pytest.mark.expect_log("unexpected error")
def test_given_an_unexpected_error_then_one_line_exit_2_and_the_details_in_the_log(
    office: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("hỏng bất ngờ")

    monkeypatch.setattr(lookup_service, "lookup", broken)

    code, out, err = office("lookup", f"{OFFICE}-261123-0001")

    assert (code, out) == (2, "")
    assert err == (
        "Lỗi: Lỗi không mong muốn (RuntimeError: hỏng bất ngờ). Chi tiết đã ghi vào nhật ký "
        f"{tmp_path / 'logs' / 'counter_app.log'}.\n"
    )
    log_text = (tmp_path / "logs" / "counter_app.log").read_text(encoding="utf-8")
    assert "Traceback" in log_text and "RuntimeError: hỏng bất ngờ" in log_text


def test_given_database_locked_by_another_program_then_busy_message(
    office: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    with closing(sqlite3.connect(tmp_path / "counter.sqlite3")) as other:
        other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
        code, out, err = office("receive", "--json", str(write_intake(tmp_path / "hong.json")))
        other.rollback()

    assert_one_error_line(code, out, err, "Cơ sở dữ liệu đang bận")
    assert rows(tmp_path, "SELECT COUNT(*) FROM dossiers") == [(0,)]


def test_given_reader_gone_then_broken_pipe_ends_quietly(
    office: Run, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class GonePipe:
        encoding = "utf-8"

        def write(self, _text: str) -> int:
            raise BrokenPipeError

        def flush(self) -> None:
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stdout", GonePipe())
    code, _, err = office("catalog", "list")
    assert code == 1 and "Traceback" not in err


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_given_output_that_is_not_a_plain_file_then_refused_and_left_alone(
    office: Run, tmp_path: Path, kind: str
) -> None:
    target = tmp_path / "real.json"
    target.write_text("giữ nguyên", encoding="utf-8")
    out = tmp_path / "out.json"
    if kind == "symlink":
        out.symlink_to(target)
    else:
        os.mkfifo(out)

    code, stdout, err = office("catalog", "export", "--out", str(out))

    assert_one_error_line(code, stdout, err, f"Không ghi được tệp {out}: đó không phải một tệp thường.")
    assert out.is_symlink() if kind == "symlink" else out.is_fifo()
    assert target.read_text(encoding="utf-8") == "giữ nguyên"


def test_given_catalog_export_then_whole_file_readable_by_others(office: Run, tmp_path: Path) -> None:
    out = tmp_path / "catalog.json"
    assert office("catalog", "export", "--out", str(out))[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["procedures"]
    assert out.stat().st_mode & 0o777 == 0o644
    assert not list(tmp_path.glob(".catalog.*.tmp"))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["demo", "--dossiers", "abc"], "(tham số --dossiers: giá trị 'abc' không hợp lệ (cần số nguyên))"),
        (["receive"], "(thiếu tham số bắt buộc: --json). Xem «counter-cli receive --help»."),
        (["lookup", "a", "b"], "(tham số không nhận ra: b)"),
        (["due", "--received", "2026-11-23T10:00", "--days", "3", "--unit", "week"], "'week' không có trong"),
    ],
)
def test_given_usage_mistake_then_the_reason_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*args, "--data-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert exited.value.code == 1
    assert err.startswith("Lỗi: Lệnh không hợp lệ ") and expected in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["init", "--office-code", ""], "Tham số «--office-code» không được để trống."),
        (["search", ""], "Nội dung cần tìm không được để trống."),
        (["lookup", f"{OFFICE}-261123-0001", "--as", ""], "Tham số «--as» không được để trống."),
        (["catalog", "import", ""], "Đường dẫn tệp không được để trống."),
    ],
)
def test_given_an_empty_argument_then_named_not_silently_ignored(
    office: Run, args: list[str], expected: str
) -> None:
    code, out, err = office(*args)
    assert_one_error_line(code, out, err, expected)


@pytest.mark.parametrize(
    "args", [["search", "nguyen"], ["lookup", f"{OFFICE}-261123-0001"], ["events", "verify"]]
)
def test_given_a_data_folder_without_data_when_reading_then_said_and_nothing_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    folder = tmp_path / "chua-co"

    code = main([*args, "--data-dir", str(folder)])

    out, err = capsys.readouterr()
    assert_one_error_line(code, out, err, f"Chưa có dữ liệu ở {folder}: hãy chạy «counter-cli init»")
    assert not folder.exists()


def test_given_output_redirected_on_a_non_utf8_code_page_then_utf8_not_a_crash(
    office: Run, tmp_path: Path
) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}  # what a Windows machine gives a redirected output
    env.pop("COUNTER_APP_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "counter_app.cli", "catalog", "list", "--data-dir", str(tmp_path)],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Thủ tục đăng ký" in done.stdout.decode("utf-8")


def test_given_a_pasted_page_as_a_code_then_the_error_line_stays_short(office: Run) -> None:
    code, out, err = office("lookup", "x" * 5000)
    assert_one_error_line(code, out, err, "không phải là mã hồ sơ hợp lệ")
    assert len(err) < 700


def test_given_a_refused_office_code_then_no_data_folder_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "moi"

    code = main(["init", "--office-code", "ab c", "--data-dir", str(folder)])

    out, err = capsys.readouterr()
    assert_one_error_line(code, out, err, "Mã định danh «ab c» không hợp lệ (ví dụ: 000.17.22.H56).")
    assert not folder.exists()


# --- demo and the event chain ------------------------------------------------------------------------------


def test_given_office_made_by_init_when_demo_then_completed_and_dossiers_under_its_code(
    cli: Run, tmp_path: Path
) -> None:
    assert cli("init", "--office-code", "000.00.31.H57", "--office-name", "Trung tâm xã Đông Sơn")[0] == 0

    code, out, _ = cli("demo", "--dossiers", "5")

    assert code == 0 and "5 hồ sơ mới" in out
    assert rows(tmp_path, "SELECT COUNT(*) FROM dossiers WHERE code LIKE '000.00.31.H57-%'") == [(5,)]
    assert rows(tmp_path, "SELECT COUNT(*) FROM offices") == [(1,)]
    # Running it again adds dossiers, never a second set of users or units.
    assert cli("demo", "--dossiers", "2")[0] == 0
    assert rows(tmp_path, "SELECT COUNT(*) FROM users WHERE username = 'canbo'") == [(1,)]


@pytest.mark.parametrize("count", ["-5", "10000000000"])
def test_given_demo_count_out_of_range_then_one_error_line(cli: Run, count: str) -> None:
    code, out, err = cli("demo", "--dossiers", count)
    assert_one_error_line(code, out, err, "Số hồ sơ mẫu phải từ 0 đến 10.000.000.")


@pytest.mark.parametrize("years", ["0", "21", "-1"])
def test_given_demo_years_out_of_range_then_one_error_line_and_no_demo_office(
    cli: Run, tmp_path: Path, years: str
) -> None:
    code, out, err = cli("demo", "--dossiers", "5", "--years", years)
    assert_one_error_line(code, out, err, "Số năm dữ liệu mẫu phải từ 1 đến 20.")
    assert rows(tmp_path, "SELECT COUNT(*) FROM offices") == [(0,)]


def test_given_demo_over_three_years_then_dossiers_in_each_of_them(cli: Run, tmp_path: Path) -> None:
    code, out, _ = cli("demo", "--dossiers", "30", "--years", "3")
    assert code == 0 and "30 hồ sơ mới" in out
    [(oldest, newest)] = rows(
        tmp_path, "SELECT MIN(received_local_date), MAX(received_local_date) FROM dossiers"
    )
    span = date.fromisoformat(newest) - date.fromisoformat(oldest)
    assert 2 * 365 < span.days <= 3 * 366


def test_given_demo_data_when_one_event_payload_is_edited_then_verify_names_node_and_sequence(
    cli: Run, tmp_path: Path
) -> None:
    code, out, _ = cli("demo", "--dossiers", "50")
    assert code == 0 and "50 hồ sơ mới" in out
    assert rows(tmp_path, "SELECT COUNT(*) FROM dossiers") == [(50,)]
    code, out, err = cli("events", "verify")
    assert (code, err) == (0, "")
    assert (
        out.startswith("Chuỗi sự kiện nguyên vẹn: ")
        and ", 1 nút; hồ sơ và người nộp khớp với sự kiện: 50 hồ sơ; nhật ký truy cập nguyên vẹn: " in out
    )
    node_id = json.loads((tmp_path / "config" / "settings.json").read_text(encoding="utf-8"))["node_id"]
    [(seq, kind, payload)] = rows(
        tmp_path, "SELECT seq, kind, payload FROM events WHERE kind = 'transfer' ORDER BY seq LIMIT 1"
    )
    edited = {**json.loads(str(payload)), "to_unit": "STP"}
    with closing(sqlite3.connect(tmp_path / "counter.sqlite3")) as conn, conn:
        unguard_events(conn.execute)
        conn.execute(
            "UPDATE events SET payload = ? WHERE node_id = ? AND seq = ?",
            (json.dumps(edited, ensure_ascii=False), node_id, seq),
        )

    code, out, err = cli("events", "verify")

    assert_one_error_line(code, out, err, f"Nút {node_id}, sự kiện số {seq} ({kind})")
    assert err == (
        f"Lỗi: Chuỗi sự kiện bị phá vỡ — Nút {node_id}, sự kiện số {seq} ({kind}): "
        "nội dung đã bị sửa (mã băm không khớp).\n"
    )


# --- receive, lookup, search -----------------------------------------------------------------------------


def test_given_intake_json_when_received_then_code_printed_and_lookup_shows_dossier_with_events(
    office: Run, tmp_path: Path
) -> None:
    code, out, err = office("receive", "--json", str(write_intake(tmp_path / "hong.json")))

    assert (code, err) == (0, "")
    dossier_code = out.strip()
    assert re.fullmatch(rf"{re.escape(OFFICE)}-\d{{6}}-0001", dossier_code)
    code, out, err = office("lookup", dossier_code.lower())
    assert (code, err) == (0, "")
    view = json.loads(out)
    assert (view["code"], view["status"], view["procedure_code"]) == (dossier_code, "received", "2.001955")
    assert (view["applicant_name"], view["applicant_phone"]) == ("Nguyễn Thị Ánh Hồng", "0912345678")
    assert [(e["kind"], e["actor"]) for e in view["events"]] == [("received", "system")]
    assert view["events"][0]["payload"]["code"] == dossier_code
    assert len(view["documents"]) == 4
    code, out, _ = office("search", "nguyen thi anh hong")
    assert code == 0
    assert [line.split("\t")[:3] for line in out.splitlines()] == [
        [dossier_code, "Nguyễn Thị Ánh Hồng", "received"]
    ]
    # lookup is the dossier's detail: the CCCD whole. search is a list: found by the whole number (as
    # typed, any spacing), it prints neither the ID number nor the phone.
    assert view["applicant_id_number"] == "038190012345"
    for text in ("038190012345", "038 190 012 345", "0912 345 678", "+84912345678"):
        code, out, _ = office("search", text)
        assert code == 0 and [line.split("\t")[0] for line in out.splitlines()] == [dossier_code], text
        assert "038190012345" not in out and "0912345678" not in out


def test_given_request_id_when_receive_retried_then_same_code_said_on_stderr_and_new_content_refused(
    office: Run, tmp_path: Path
) -> None:
    job = write_intake(tmp_path / "job.json", request_id="batch-7/row-12")
    code, first, err = office("receive", "--json", str(job))
    assert (code, err) == (0, "")

    code, again, err = office("receive", "--json", str(job))  # the script lost the first answer

    assert (code, again) == (0, first)
    assert err.strip() == (
        f"Hồ sơ {first.strip()} đã được tiếp nhận trước đó với cùng «request_id»: không tạo hồ sơ mới."
    )
    before = written(tmp_path)
    changed = write_intake(tmp_path / "other.json", request_id="batch-7/row-12", case=1, channel="postal")
    code, out, err = office("receive", "--json", str(changed))
    assert_one_error_line(code, out, err, f"Mã yêu cầu «batch-7/row-12» đã dùng cho hồ sơ {first.strip()}")
    assert written(tmp_path) == before
    code, out, err = office("receive", "--json", str(write_intake(tmp_path / "n.json", request_id=7)))
    assert_one_error_line(code, out, err, "«request_id» phải là chuỗi ký tự")


# --- mistakes: one "Lỗi:" line, exit 1, nothing written ------------------------------------------------------


def _bad_json(tmp: Path) -> list[str]:
    (tmp / "bad.json").write_text('{"procedure": "2.001955", ', encoding="utf-8")
    return ["receive", "--json", str(tmp / "bad.json")]


BAD_COMMANDS: list[tuple[str, Callable[[Path], list[str]], str]] = [
    (
        "malformed --received",
        lambda tmp: ["due", "--received", "23/11/2026 16:10", "--days", "3"],
        "Thời điểm «23/11/2026 16:10» không hợp lệ (dạng đúng: 2026-11-23T16:10).",
    ),
    (
        "malformed --days",
        lambda tmp: ["due", "--received", "2026-11-23T16:10", "--days", "ba"],
        "Thời hạn «ba»",
    ),
    (
        "negative --days",
        lambda tmp: ["due", "--received", "2026-11-23T16:10", "--days", "-1"],
        "Thời hạn giải quyết không được âm.",
    ),
    (
        "due, unknown procedure",
        lambda tmp: ["due", "--received", "2026-11-23T16:10", "--procedure", "9.999999"],
        "Không có thủ tục mã «9.999999» trong danh mục.",
    ),
    (
        "receive, unknown procedure",
        lambda tmp: ["receive", "--json", str(write_intake(tmp / "x.json", procedure="9.999999"))],
        "Không có thủ tục mã «9.999999» trong danh mục.",
    ),
    ("receive, bad JSON", _bad_json, "bad.json: JSON sai ở dòng 1, cột 27."),
    (
        "receive, BOM-less Latin-1 file",
        lambda tmp: [
            "receive",
            "--json",
            str(_write_bytes(tmp / "latin.json", b'{"procedure": "2.001955"}' + b"\xff")),
        ],
        "latin.json: không phải văn bản UTF-8 (byte thứ 26).",
    ),
    (
        "receive, JSON nested too deep",
        lambda tmp: ["receive", "--json", str(_write_bytes(tmp / "deep.json", b"[" * 100_000))],
        "deep.json: JSON lồng nhau quá nhiều tầng.",
    ),
    (
        "receive, case true",
        lambda tmp: ["receive", "--json", str(write_intake(tmp / "x.json", case=True))],
        "«case» phải là một số nguyên",
    ),
    (
        "receive, case 1.9",
        lambda tmp: ["receive", "--json", str(write_intake(tmp / "x.json", case=1.9))],
        "«case» phải là một số nguyên",
    ),
    (
        "receive, documents as a string",
        lambda tmp: ["receive", "--json", str(write_intake(tmp / "x.json", documents="123"))],
        "«documents» phải là danh sách số thứ tự giấy tờ",
    ),
    (
        "receive, procedure as a number",
        lambda tmp: ["receive", "--json", str(write_intake(tmp / "x.json", procedure=1.000080))],
        "«procedure» phải là chuỗi ký tự",
    ),
    (
        "receive, read_from_card not a boolean",
        lambda tmp: [
            "receive",
            "--json",
            str(write_intake(tmp / "x.json", applicant={**HONG, "read_from_card": "yes"})),
        ],
        "«read_from_card» phải là true hoặc false.",
    ),
    (
        "receive, unknown applicant key",
        lambda tmp: ["receive", "--json", str(write_intake(tmp / "x.json", applicant={**HONG, "ten": "A"}))],
        "«applicant» có khóa không biết: ten",
    ),
    (
        "receive, impossible birth date",
        lambda tmp: [
            "receive",
            "--json",
            str(write_intake(tmp / "x.json", applicant={**HONG, "birth_date": "1990-02-31"})),
        ],
        "«birth_date» «1990-02-31» không phải ngày hợp lệ",
    ),
    (
        "due, NaN days",
        lambda tmp: ["due", "--received", "2026-11-23T10:00", "--days", "NaN"],
        "Thời hạn «NaN» không hợp lệ (ví dụ đúng: 3 hoặc 0.5).",
    ),
    (
        "due, year out of range",
        lambda tmp: ["due", "--received", "0001-01-01T08:00", "--days", "3"],
        "năm phải trong khoảng 2000–2099.",
    ),
    (
        "report, year out of range",
        lambda tmp: ["report", "day", "--date", "9999-12-31", "--out", str(tmp / "d.pdf")],
        "năm phải trong khoảng 2000–2099.",
    ),
    (
        "receive, missing file",
        lambda tmp: ["receive", "--json", str(tmp / "missing.json")],
        "{tmp}/missing.json: không đọc được tệp (không có tệp hay thư mục này).",
    ),
    (
        "receive, invalid CCCD",
        lambda tmp: [
            "receive",
            "--json",
            str(write_intake(tmp / "x.json", applicant={**HONG, "id_number": "0381900"})),
        ],
        "12 chữ số",
    ),
    (
        "receive, CCCD as a number",
        lambda tmp: [
            "receive",
            "--json",
            str(write_intake(tmp / "x.json", applicant={**HONG, "id_number": 38190012345})),
        ],
        "«id_number» phải là chuỗi ký tự.",
    ),
    (
        "receive, case not a number",
        lambda tmp: ["receive", "--json", str(write_intake(tmp / "x.json", case="một"))],
        "«case» phải là một số",
    ),
    (
        "receive, missing required document",
        lambda tmp: ["receive", "--json", str(write_intake(tmp / "x.json", documents=[1, 2]))],
        "Hồ sơ còn thiếu 1 giấy tờ bắt buộc",
    ),
    (
        "lookup, unknown code",
        lambda tmp: ["lookup", f"{OFFICE}-261123-0001"],
        f"Không tìm thấy hồ sơ mã «{OFFICE}-261123-0001».",
    ),
    ("lookup, malformed code", lambda tmp: ["lookup", "0001"], "«0001» không phải là mã hồ sơ hợp lệ."),
    (
        "catalog import, missing path",
        lambda tmp: ["catalog", "import", str(tmp / "nowhere")],
        "{tmp}/nowhere: không có tệp hay thư mục này.",
    ),
    (
        "catalog import, malformed file",
        lambda tmp: ["catalog", "import", str(TEST_CATALOG), str(_bad_json(tmp)[2])],
        "Không nhập danh mục, chưa ghi gì: {tmp}/bad.json: JSON sai ở dòng 1, cột 27.",
    ),
    (
        "catalog export, missing folder",
        lambda tmp: ["catalog", "export", "--out", str(tmp / "nowhere" / "catalog.json")],
        "Không ghi được tệp {tmp}/nowhere/catalog.json",
    ),
    (
        "init, office already there",
        lambda tmp: ["init", "--office-code", OFFICE],
        f"Đã có đơn vị mã định danh «{OFFICE}».",
    ),
    (
        "unknown user",
        lambda tmp: ["receive", "--as", "ai_do", "--json", str(write_intake(tmp / "x.json"))],
        "ai_do",
    ),
]


@pytest.mark.parametrize(("case", "make_args", "expected"), BAD_COMMANDS, ids=[c[0] for c in BAD_COMMANDS])
def test_given_mistake_when_command_runs_then_one_error_line_exit_1_and_nothing_written(
    office: Run, tmp_path: Path, case: str, make_args: Callable[[Path], list[str]], expected: str
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    args = make_args(inputs)
    before = written(tmp_path)

    code, out, err = office(*args)

    assert_one_error_line(code, out, err, expected.replace("{tmp}", str(inputs)))
    assert written(tmp_path) == before
    assert rows(tmp_path, "SELECT COUNT(*) FROM dossiers") == [(0,)]
