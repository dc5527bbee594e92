"""counter-cli print …: every slip as a PDF file; mistakes give one «Lỗi:» line, exit 1 and no file.

A data dir with the office, the test catalogue, a unit and dossiers in every state the slips need is
built once (through the services, at fixed instants) and copied for each test.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from testdata import FIXTURES, MONDAY_9AM, TZ

from counter_app.cli import main
from counter_app.context import open_context
from counter_app.db.models import Agency
from counter_app.services import catalog, processing, receiving
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.applicants import ApplicantInput
from counter_app.services.offices import OfficeInput, create_office

HONG = ApplicantInput(
    full_name="Nguyễn Thị Ánh Hồng",
    id_number="038190012345",
    phone="0912 345 678",
    address="Số 5 đường Lê Lợi",
)
Run = Callable[..., tuple[int, str, str]]


def at(day: int, hour: int, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=TZ)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A data dir and the keys of its dossiers: open, refused, stopped, returned (with apology), intake."""
    root = tmp_path_factory.mktemp("print-world")
    ctx = open_context(root)
    try:
        db, actor = ctx.db, SYSTEM_ACTOR
        office = OfficeInput(
            name="Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa",
            identifier_code="000.00.31.H56",
            governing_body="UBND tỉnh Thanh Hóa",
            place="Thanh Hóa",
            hotline="0237 3 999 888",
        )
        create_office(db, actor, office, now=MONDAY_9AM)
        with db.write() as session:
            session.add(Agency(code="SNV", name="Sở Nội vụ"))
        catalog.import_paths(db, actor, [FIXTURES / "test_catalog.json"], now=MONDAY_9AM)

        def receive(procedure: str = "2.001955") -> str:
            req = receiving.IntakeRequest(procedure_code=procedure, applicant=HONG)
            return receiving.receive(db, actor, req, now=MONDAY_9AM).code

        keys = {"open": receive(), "stopped": receive("2.000513"), "returned": receive()}
        refused = receiving.refuse(
            db, actor, receiving.IntakeRequest("2.001955", HONG), "Sai thủ tục.", now=MONDAY_9AM
        )
        keys["refused"] = refused.code
        processing.stop(
            db, actor, keys["stopped"], "Không bổ sung.", "Điều 19 NĐ 118/2025/NĐ-CP", now=at(1, 9)
        )
        code = keys["returned"]
        processing.transfer(db, actor, code, "SNV", now=at(23, 10, 11))
        processing.request_supplement(db, actor, code, "Thiếu chữ ký.", now=at(24, 9, 11))
        processing.supply_supplement(db, actor, code, now=at(25, 9, 11))
        processing.apologise(db, actor, code, at(21, 16), "Chờ xác minh.", now=at(10, 9))
        processing.resolve(db, actor, code, now=at(15, 9))
        processing.return_result(db, actor, code, processing.ReturnInput(), now=at(16, 9))
        pending = receiving.request_supplement_at_intake(
            db,
            actor,
            receiving.IntakeRequest("2.001955", HONG, provided=(1,)),
            "Thiếu giấy tờ.",
            now=MONDAY_9AM,
        )
        keys["intake"] = str(pending.pending_intake_id)
    finally:
        ctx.close()
    return root, keys


@pytest.fixture
def data(world: tuple[Path, dict[str, str]], tmp_path: Path) -> Path:
    shutil.copytree(world[0], tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def keys(world: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return world[1]


@pytest.fixture
def cli(data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.delenv("COUNTER_APP_DATABASE_URL", raising=False)
    monkeypatch.delenv("COUNTER_APP_DATA_DIR", raising=False)

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(["print", *args, "--data-dir", str(data)])
        except SystemExit as exc:  # a usage mistake, reported by argparse
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def pdf_text(path: Path) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages
    )


COMMANDS = {
    "receipt": (["receipt", "{open}"], ["GIẤY TIẾP NHẬN HỒ SƠ", "{open}"]),
    "receipt-thermal": (["receipt", "{open}", "--layout", "thermal80"], ["{open}", "Nguyễn Thị Ánh Hồng"]),
    "guide": (["guide", "2.001955", "--case", "1"], ["PHIẾU HƯỚNG DẪN", "Mã thủ tục: 2.001955"]),
    "supplement": (["supplement", "{returned}"], ["PHIẾU YÊU CẦU BỔ SUNG", "{returned}", "Thiếu chữ ký."]),
    "supplement-intake": (["supplement", "{intake}"], ["PHIẾU YÊU CẦU BỔ SUNG", "Lý do: Thiếu giấy tờ."]),
    "refusal": (["refusal", "{refused}"], ["PHIẾU TỪ CHỐI", "{refused}", "- Sai thủ tục."]),
    "apology": (["apology", "{returned}"], ["VĂN BẢN XIN LỖI", "{returned}", "ngày 21/12/2026"]),
    "stop": (["stop", "{stopped}"], ["Về việc dừng giải quyết hồ sơ", "{stopped}"]),
    "control": (["control", "{returned}"], ["PHIẾU KIỂM SOÁT", "{returned}", "Sở Nội vụ", "Quá hạn"]),
    "result": (["result", "{returned}", "--layout", "a5"], ["BIÊN NHẬN TRẢ KẾT QUẢ", "{returned}"]),
    "handover": (["handover", "{open}", "--unit", "SNV"], ["DANH SÁCH BÀN GIAO HỒ SƠ", "{open}", "(SNV)"]),
    "register": (
        ["register", "--from", "2026-11-23", "--to", "23/11/2026"],
        ["SỔ THEO DÕI HỒ SƠ", "1 {open}", "2 {stopped}", "3 {returned}", "Tổng số: 3 hồ sơ."],
    ),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_writes_a_pdf_whose_text_contains_the_code(
    name: str, cli: Run, data: Path, keys: dict[str, str]
) -> None:
    args, expected = COMMANDS[name]
    out = data / "out.pdf"
    code, stdout, err = cli(*(a.format(**keys) for a in args), "--out", str(out))
    assert (code, err) == (0, ""), err
    assert stdout.startswith(f"Đã in {out} (phiếu mới: {data / 'slips'}") and stdout.count("\n") == 1
    text = pdf_text(out)
    for e in expected:
        assert e.format(**keys) in text, e
    archived = list((data / "slips").rglob("*.pdf"))
    assert len(archived) == 1 and archived[0].read_bytes() == out.read_bytes()


def test_printing_again_gives_the_archived_slip(cli: Run, data: Path, keys: dict[str, str]) -> None:
    first, second = data / "a.pdf", data / "b.pdf"
    assert cli("receipt", keys["open"], "--out", str(first))[0] == 0
    code, stdout, _ = cli("receipt", keys["open"].lower(), "--out", str(second))
    assert code == 0 and "(bản đã lưu: " in stdout
    assert first.read_bytes() == second.read_bytes()


BAD = {
    "unknown code": (["receipt", "000.00.31.H56-261123-0099"], "Không tìm thấy hồ sơ mã"),
    "malformed code": (["control", "H56-abc"], "không phải là mã hồ sơ hợp lệ"),
    "no apology": (["apology", "{open}"], "chưa có văn bản xin lỗi"),
    "not refused": (["refusal", "{open}"], "không bị từ chối tiếp nhận"),
    "not stopped": (["stop", "{returned}"], "không bị dừng giải quyết"),
    "not returned": (["result", "{open}"], "chưa trả kết quả"),
    "unknown intake": (
        ["supplement", "0190a1b2-0000-7000-8000-000000000000"],
        "Không tìm thấy yêu cầu bổ sung",
    ),
    "reversed range": (
        ["register", "--from", "2026-12-01", "--to", "2026-11-01"],
        "Khoảng ngày không hợp lệ",
    ),
    "bad date": (
        ["register", "--from", "1/13/2026", "--to", "2026-11-01"],
        "Ngày bắt đầu «1/13/2026» không hợp lệ",
    ),
    "unknown unit": (["handover", "{open}", "--unit", "XYZ"], "Không có đơn vị mã «XYZ»"),
    "closed dossier": (["handover", "{returned}", "--unit", "SNV"], "không bàn giao được"),
    "no such case": (["guide", "2.001955", "--case", "4"], "không có trường hợp số 4"),
    "unknown procedure": (["guide", "9.999999"], "Không có thủ tục mã «9.999999»"),
    "bad layout": (["stop", "{stopped}", "--layout", "a5"], "Lệnh không hợp lệ"),
    "missing --out": (["receipt", "{open}"], "Lệnh không hợp lệ"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_gives_one_error_line_exit_1_and_no_file(
    name: str, cli: Run, data: Path, keys: dict[str, str]
) -> None:
    args, message = BAD[name]
    out = data / "out.pdf"
    extra = [] if name == "missing --out" else ["--out", str(out)]
    code, stdout, err = cli(*(a.format(**keys) for a in args), *extra)
    assert (code, stdout) == (1, "")
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi: ") and message in lines[0], err
    assert not out.exists() and not list((data / "slips").rglob("*.pdf"))


@pytest.mark.parametrize("where", ["missing folder", "a folder", "under a file", "read-only folder"])
def test_an_unwritable_out_is_refused_before_anything_is_issued(
    where: str, cli: Run, data: Path, keys: dict[str, str]
) -> None:
    target = {
        "missing folder": data / "nope" / "r.pdf",
        "a folder": data,
        "under a file": data / "counter.sqlite3" / "r.pdf",
        "read-only folder": data / "ro" / "r.pdf",
    }[where]
    if where == "read-only folder":
        target.parent.mkdir()
        target.parent.chmod(0o500)
        if os.access(target.parent, os.W_OK):
            pytest.skip("running as a user who may write anywhere (root)")
    code, stdout, err = cli("receipt", keys["open"], "--out", str(target))
    assert (code, stdout) == (1, "")
    assert err.startswith(f"Lỗi: Không ghi được tệp {target}") and err.count("\n") == 1
    assert not list((data / "slips").rglob("*.pdf"))
    assert where == "a folder" or not target.exists()


def test_a_notice_issued_before_the_dossier_was_cancelled_still_reprints(
    cli: Run, data: Path, keys: dict[str, str]
) -> None:
    first, second = data / "a.pdf", data / "b.pdf"
    assert cli("stop", keys["stopped"], "--out", str(first))[0] == 0
    ctx = open_context(data)
    try:
        processing.cancel(ctx.db, SYSTEM_ACTOR, keys["stopped"], "Nhập nhầm.", now=at(2, 9))
    finally:
        ctx.close()
    code, stdout, _ = cli("stop", keys["stopped"], "--out", str(second))
    assert code == 0 and "(bản đã lưu: " in stdout and second.read_bytes() == first.read_bytes()
    code, _, err = cli("apology", keys["stopped"], "--out", str(data / "c.pdf"))
    assert code == 1 and "chưa có văn bản xin lỗi" in err  # never issued: still refused


# The numbers each slip's form carries (the control slip, which goes with the paper dossier, has the
# phone and no ID number; the result receipt names the receiver's ID number).
WHOLE_ON_SLIPS = {
    "receipt": ("038190012345", "0912345678"),
    "receipt-thermal": ("038190012345",),
    "supplement": ("038190012345",),
    "refusal": ("038190012345",),
    "result": ("038190012345",),
    "control": ("0912345678",),
}


@pytest.mark.parametrize("name", list(WHOLE_ON_SLIPS))
def test_the_citizens_own_slips_show_the_id_number_and_phone_whole(
    name: str, cli: Run, data: Path, keys: dict[str, str]
) -> None:
    """Masking is for lists (domain.masking): a slip the citizen takes away, or that goes with the
    dossier, carries the whole number and no star."""
    args, _ = COMMANDS[name]
    out = data / "out.pdf"
    assert cli(*(a.format(**keys) for a in args), "--out", str(out))[0] == 0
    text = pdf_text(out).replace(" ", "")
    assert all(number in text for number in WHOLE_ON_SLIPS[name]) and "*" not in text, text
