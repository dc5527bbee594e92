"""Issuing, archiving and re-printing slips (SQLite and PostgreSQL). Dossiers are received at MONDAY_9AM
by «canbo» (Nguyễn Thị Lan); slips are issued at 00:30 local on 1/12 (30/11 in UTC): the archive month is local.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update
from testdata import MONDAY_9AM, TZ, reader

from counter_app.db.database import Database
from counter_app.db.models import Applicant, Dossier, Event
from counter_app.domain.errors import NotFoundError, TransitionError, UserError, ValidationError
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.processing import (
    ReturnInput,
    apologise,
    confirm_payment,
    request_payment,
    request_supplement,
    resolve,
    return_result,
    stop,
    supply_supplement,
    transfer,
)
from counter_app.services.receiving import IntakeRequest, receive, refuse, request_supplement_at_intake
from counter_app.services.slips import issue as slips
from counter_app.services.slips.issue import (
    DateRange,
    GuideKey,
    HandoverKey,
    issue_or_reprint,
    issue_slip,
    reprint_slip,
)

ADDRESS = "Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa"
HONG = ApplicantInput(
    full_name="Nguyễn Thị Ánh Hồng", id_number="038190012345", phone="0912 345 678", address=ADDRESS
)
DECEMBER_1 = datetime(2026, 12, 1, 0, 30, tzinfo=TZ)  # 30/11 17:30 UTC
UNKNOWN_CODE = "000.00.31.H56-261123-0099"


@pytest.fixture
def arch(tmp_path: Path) -> Path:
    return tmp_path / "slips"  # the data dir's slips folder (the database file lives beside it)


def at(day: int, hour: int, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=TZ)


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def received(db: Database, officer: Actor, procedure: str = "2.001955", now: datetime = MONDAY_9AM) -> str:
    return receive(db, officer, IntakeRequest(procedure_code=procedure, applicant=HONG), now=now).code


def events(db: Database, kind: str | None = None) -> list[Event]:
    with db.read() as session:
        stmt = select(Event).order_by(Event.occurred_at, Event.seq)
        return list(session.execute(stmt.where(Event.kind == kind) if kind else stmt).scalars())


def files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_issue_archives_under_the_local_month_and_records_one_event(
    db: Database, officer: Actor, arch: Path
) -> None:
    code = received(db, officer)
    before = len(events(db))
    slip = issue_slip(db, officer, "receipt", code, now=DECEMBER_1, archive_dir=arch)
    assert slip.path == arch / "2026" / "12" / f"{code}-receipt-a4.pdf"
    assert files(arch) == [f"2026/12/{code}-receipt-a4.pdf"]
    assert slip.path.read_bytes() == slip.pdf_bytes
    assert slip.sha256 == hashlib.sha256(slip.pdf_bytes).hexdigest()
    new = events(db)[before:]
    assert [(e.kind, e.actor, e.actor_id) for e in new] == [
        ("slip_issued", officer.username, officer.user_id)
    ]
    p = new[0].payload
    assert (p["slip"], p["key"], p["layout"], p["form_version"]) == ("receipt", code, "a4", "2025")
    assert (p["sha256"], p["path"], p["code"]) == (slip.sha256, f"2026/12/{code}-receipt-a4.pdf", code)
    assert p["data"]["dossier_code"] == code and p["data"]["applicant"]["address"] == ADDRESS
    with db.read() as session:
        assert (
            new[0].dossier_id == session.execute(select(Dossier.id).where(Dossier.code == code)).scalar_one()
        )
    text = text_of(slip.pdf_bytes)
    for expected in (
        code,
        "tiếp nhận hồ sơ của: Ông/Bà: Nguyễn Thị Ánh Hồng",
        "Thanh Hóa, ngày 23 tháng 11 năm 2026",
        "3. Thời gian giải quyết hồ sơ theo quy định là: 07 ngày làm việc",
        "4. Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 23/11/2026",
        "09 giờ 00 phút, Thứ Năm, ngày 03/12/2026",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 1",
        "Nguyễn Thị Lan",
        "0237 3 999 888",
    ):
        assert expected in text, expected
    again = reprint_slip(db, reader(db), "receipt", code.lower(), "a4", arch)
    assert (again.pdf_bytes, again.reprinted, again.rerendered) == (slip.pdf_bytes, True, False)
    assert len(events(db)) == before + 1  # a re-print is not a new issue


def test_reprint_renders_the_stored_data_not_todays(db: Database, officer: Actor, arch: Path) -> None:
    code = received(db, officer)
    slip = issue_slip(db, officer, "receipt", code, layout="a5", now=DECEMBER_1, archive_dir=arch)
    slip.path.unlink()
    with db.write() as session:
        session.execute(update(Applicant).values(address="Số 99 đường Trần Phú, phường Điện Biên"))
    again = reprint_slip(db, reader(db), "receipt", code, "a5", arch)
    assert again.rerendered and ADDRESS in text_of(again.pdf_bytes)
    assert "Trần Phú" not in text_of(again.pdf_bytes)
    assert again.pdf_bytes == slip.pdf_bytes  # same fonts: the very same document
    assert slip.path.read_bytes() == slip.pdf_bytes  # and its archive copy is back
    slip.path.write_bytes(b"%PDF-1.4 tampered")
    tampered = reprint_slip(db, reader(db), "receipt", code, "a5", arch)
    assert tampered.rerendered and tampered.pdf_bytes == slip.pdf_bytes
    # Issuing it again gives the same receipt: the dossier keeps the applicant as it was received
    # from (its event's snapshot, issue 14), whatever the shared applicant row says since.
    second = issue_slip(db, officer, "receipt", code, layout="a5", now=DECEMBER_1, archive_dir=arch)
    assert second.path.name == f"{code}-receipt-a5.pdf" and second.pdf_bytes == slip.pdf_bytes
    assert "Trần Phú" not in text_of(second.pdf_bytes)


def test_the_slips_of_a_dossiers_life(db: Database, officer: Actor, supervisor: Actor, arch: Path) -> None:
    code = received(db, officer)
    transfer(db, officer, code, "SNV", now=at(23, 10, 11))
    request_supplement(db, officer, code, "Nội quy chưa có chữ ký của người đại diện.", now=at(25, 9, 11))
    supply_supplement(db, officer, code, now=at(26, 9, 11))
    apologise(db, officer, code, at(21, 16), "Chờ ý kiến của Sở Tư pháp.", now=at(10, 9))

    def issue(kind: str, now: datetime = DECEMBER_1) -> str:
        return text_of(issue_or_reprint(db, officer, kind, code, now=now, archive_dir=arch).pdf_bytes)

    supplement = issue("supplement")
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in supplement and f"Mã hồ sơ: {code}" in supplement
    assert "Thanh Hóa, ngày 25 tháng 11 năm 2026" in supplement  # dated the day of the request
    assert "- Nội quy chưa có chữ ký của người đại diện." in supplement and "NGƯỜI HƯỚNG DẪN" in supplement
    first = issue_or_reprint(db, officer, "apology", code, now=DECEMBER_1, archive_dir=arch)
    apology = text_of(first.pdf_bytes)
    assert "Thời gian hẹn trả kết quả giải quyết hồ sơ:" in apology
    assert "16 giờ 00 phút, Thứ Hai, ngày 21/12/2026" in apology and "Lê Văn Minh" in apology
    assert issue_or_reprint(db, officer, "apology", code, now=at(10, 10), archive_dir=arch).reprinted
    apologise(db, supervisor, code, at(28, 16), "Chờ ý kiến thêm.", now=at(11, 9))  # a second letter
    second = issue_or_reprint(db, officer, "apology", code, now=at(11, 10), archive_dir=arch)
    assert not second.reprinted and "ngày 28/12/2026" in text_of(second.pdf_bytes)
    assert second.path.name.endswith("-apology-a4-2.pdf") and first.path.read_bytes() == first.pdf_bytes
    resolve(db, officer, code, now=at(15, 9))
    return_result(db, officer, code, ReturnInput(), now=at(16, 9))
    control = issue("control", at(16, 10))
    for expected in (
        f"Mã hồ sơ: {code}",
        "1 Bộ phận Một cửa Sở Nội vụ 10 giờ 00 phút, 23/11/2026 Trước hạn Chuyển xử lý",
        "2 Sở Nội vụ Nguyễn Thị Ánh Hồng 09 giờ 00 phút, 25/11/2026 Trước hạn Yêu cầu bổ sung hồ sơ",
        "3 Nguyễn Thị Ánh Hồng Sở Nội vụ 09 giờ 00 phút, 26/11/2026 Nhận hồ sơ bổ sung",
        "5 Bộ phận Một cửa Nguyễn Thị Ánh Hồng 09 giờ 00 phút, 11/12/2026 Quá hạn Xin lỗi, hẹn lại ngày trả: 28/12/2026",
        "6 Sở Nội vụ Bộ phận Một cửa 09 giờ 00 phút, 15/12/2026 Quá hạn Có kết quả giải quyết",
        "7 Bộ phận Một cửa Nguyễn Thị Ánh Hồng 09 giờ 00 phút, 16/12/2026 Quá hạn Trả kết quả",
    ):
        assert expected in control, expected
    result = issue("result", at(16, 10))
    assert "Người nhận kết quả: Ông/Bà Nguyễn Thị Ánh Hồng" in result
    assert "Thời gian trả kết quả: 09 giờ 00 phút, ngày 16/12/2026" in result
    # issue_or_reprint re-prints while nothing changed, and issues anew when something did.
    count = len(events(db, "slip_issued"))
    assert issue_or_reprint(db, officer, "control", code, now=at(17, 9), archive_dir=arch).reprinted
    assert len(events(db, "slip_issued")) == count


def test_control_slip_rows_for_a_financial_obligation(db: Database, officer: Actor, arch: Path) -> None:
    code = received(db, officer)
    transfer(db, officer, code, "SNV", now=at(23, 10, 11))
    request_payment(db, officer, code, "Lệ phí 100.000 đồng", now=at(25, 9, 11))
    # Waited 18 working hours: the legal deadline Thu 3/12 09:00 moves to Mon 7/12 14:00.
    confirm_payment(db, officer, code, "Biên lai 0012345", now=at(27, 14, 11))
    resolve(db, officer, code, now=at(7, 10))

    control = text_of(
        issue_or_reprint(db, officer, "control", code, now=at(7, 11), archive_dir=arch).pdf_bytes
    )

    for expected in (
        "2 Sở Nội vụ Nguyễn Thị Ánh Hồng 09 giờ 00 phút, 25/11/2026 Trước hạn Chờ thực hiện nghĩa vụ tài",
        "Lệ phí 100.000 đồng",
        "3 Nguyễn Thị Ánh Hồng Sở Nội vụ 14 giờ 00 phút, 27/11/2026 Đã thực hiện nghĩa vụ tài",
        "(Biên lai 0012345)",
        # Judged against the moved deadline: on its day, before its hour.
        "4 Sở Nội vụ Bộ phận Một cửa 10 giờ 00 phút, 07/12/2026 Đúng hạn Có kết quả giải quyết",
    ):
        assert expected in control, expected


def test_refusal_stop_and_intake_supplement(db: Database, officer: Actor, arch: Path) -> None:
    refused = refuse(db, officer, IntakeRequest("2.001955", HONG), "Không thuộc thẩm quyền.", now=MONDAY_9AM)
    text = text_of(
        issue_slip(db, officer, "refusal", refused.code, now=DECEMBER_1, archive_dir=arch).pdf_bytes
    )
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text and "- Không thuộc thẩm quyền." in text
    code = received(db, officer, "2.000513")
    stop(db, officer, code, "Không bổ sung hồ sơ.", "Khoản 4 Điều 19 Nghị định 118/2025/NĐ-CP", now=at(1, 9))
    text = text_of(issue_slip(db, officer, "stop", code, now=DECEMBER_1, archive_dir=arch).pdf_bytes)
    assert "Lý do: Không bổ sung hồ sơ." in text
    assert "Căn cứ pháp lý: Khoản 4 Điều 19 Nghị định 118/2025/NĐ-CP" in text
    pending = request_supplement_at_intake(
        db,
        officer,
        IntakeRequest("2.001955", HONG, provided=(1, 2)),
        "Còn thiếu hai giấy tờ.",
        now=MONDAY_9AM,
    )
    slip = issue_slip(
        db, officer, "supplement", str(pending.pending_intake_id), now=DECEMBER_1, archive_dir=arch
    )
    assert slip.path.name == f"intake-{pending.pending_intake_id}-supplement-a4.pdf"
    text = text_of(slip.pdf_bytes)
    assert "Mã hồ sơ" not in text and "Hồ sơ của: Ông/Bà Nguyễn Thị Ánh Hồng" in text
    for i, doc in enumerate(pending.missing, 1):
        assert f"{i} {doc.name} {doc.original_qty:02d}" in text
    assert f"Tổng số: {len(pending.missing):02d} giấy tờ cần bổ sung." in text and "Nguyễn Thị Lan" in text
    assert (
        reprint_slip(
            db, reader(db), "supplement", str(pending.pending_intake_id).upper(), None, arch
        ).pdf_bytes
        == slip.pdf_bytes
    )


def test_register_handover_and_guide(db: Database, officer: Actor, arch: Path) -> None:
    first = received(db, officer)
    second = received(db, officer, "2.000513", now=at(25, 10, 11))
    refuse(db, officer, IntakeRequest("2.001955", HONG), "Sai thủ tục.", now=at(26, 9, 11))  # not in the book
    third = received(db, officer, now=at(1, 9))
    november = issue_slip(
        db,
        officer,
        "register",
        DateRange(date(2026, 11, 1), date(2026, 11, 30)),
        now=DECEMBER_1,
        archive_dir=arch,
    )
    assert november.path.name == "2026-11-01_2026-11-30-register-a4.pdf"
    text = text_of(november.pdf_bytes)
    assert f"1 {first} Đăng ký nội quy lao động của doanh nghiệp Nguyễn Thị Ánh Hồng" in text
    assert f"2 {second} " in text and "Tổng số: 2 hồ sơ." in text
    december = text_of(
        issue_slip(
            db, officer, "register", (date(2026, 12, 1), date(2026, 12, 31)), now=at(2, 9), archive_dir=arch
        ).pdf_bytes
    )
    assert f"3 {third} " in december  # the book runs on
    receipt = text_of(issue_slip(db, officer, "receipt", third, now=at(2, 9), archive_dir=arch).pdf_bytes)
    assert "Quyển số: 2026, Số thứ tự: 3" in receipt

    handover = issue_slip(
        db, officer, "handover", HandoverKey("SNV", (first, second, first)), now=DECEMBER_1, archive_dir=arch
    )
    text = text_of(handover.pdf_bytes)
    assert "Bên nhận: Sở Nội vụ (SNV)" in text and "Người giao: Nguyễn Thị Lan" in text
    assert f"1 {first} Nguyễn Thị Ánh Hồng" in text and f"2 {second} " in text
    assert "Tổng số: 02 hồ sơ." in text
    again = reprint_slip(
        db, reader(db), "handover", HandoverKey(" SNV ", (first.lower(), second)), None, arch
    )
    assert again.pdf_bytes == handover.pdf_bytes

    guide = issue_slip(db, officer, "guide", GuideKey("2.001955"), now=DECEMBER_1, archive_dir=arch)
    assert guide.path.relative_to(arch).as_posix() == "2026/12/guide-2.001955-1-20261201T003000.pdf"
    text = text_of(guide.pdf_bytes)
    assert "PHIẾU HƯỚNG DẪN" in text and "Mã thủ tục: 2.001955" in text and "Nguyễn Thị Lan" in text
    assert reprint_slip(db, reader(db), "guide", "2.001955", None, arch).pdf_bytes == guide.pdf_bytes


def test_bad_keys_are_refused_with_a_message_and_nothing_is_written(
    db: Database, officer: Actor, arch: Path
) -> None:
    code = received(db, officer)
    before = len(events(db))
    cases: list[tuple[str, object, str | None, type[UserError], str]] = [
        ("receipt", UNKNOWN_CODE, None, NotFoundError, "Không tìm thấy hồ sơ"),
        ("receipt", "abc", None, ValidationError, "không phải là mã hồ sơ"),
        ("receipt", code, "a6", ValidationError, "không in được khổ «a6»"),
        ("apology", code, None, TransitionError, "chưa có văn bản xin lỗi"),
        ("refusal", code, None, TransitionError, "không bị từ chối tiếp nhận"),
        ("stop", code, None, TransitionError, "không bị dừng giải quyết"),
        ("result", code, None, TransitionError, "chưa trả kết quả"),
        ("supplement", code, None, TransitionError, "chưa có yêu cầu bổ sung"),
        ("supplement", "phiếu-số-1", None, ValidationError, "không phải mã hồ sơ"),
        ("supplement", str(uuid.uuid4()), None, NotFoundError, "Không tìm thấy yêu cầu bổ sung"),
        ("register", DateRange(date(2026, 12, 2), date(2026, 12, 1)), None, ValidationError, "Khoảng ngày"),
        ("handover", HandoverKey("XYZ", (code,)), None, NotFoundError, "Không có đơn vị mã «XYZ»"),
        ("handover", HandoverKey("SNV", ()), None, ValidationError, "Chưa có mã hồ sơ"),
        ("guide", GuideKey("2.001955", 5), None, ValidationError, "không có trường hợp số 5"),
        ("guide", GuideKey("9.999999"), None, NotFoundError, "Không có thủ tục mã «9.999999»"),
        ("letter", code, None, ValidationError, "Không có loại phiếu «letter»"),
    ]
    for kind, key, layout, error, message in cases:
        with pytest.raises(error, match=message):
            issue_slip(db, officer, kind, key, layout=layout, now=DECEMBER_1, archive_dir=arch)
    with pytest.raises(NotFoundError, match="chưa được in lần nào"):
        reprint_slip(db, reader(db), "receipt", code, "a4", arch)
    with pytest.raises(NotFoundError, match="Không tìm thấy hồ sơ"):
        reprint_slip(db, reader(db), "control", UNKNOWN_CODE, None, arch)
    assert files(arch) == [] and len(events(db)) == before


def test_a_failed_write_or_commit_leaves_neither_file_nor_event(
    db: Database, officer: Actor, arch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = received(db, officer)
    blocker = arch.parent / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(UserError, match="Không ghi được phiếu"):
        issue_slip(db, officer, "receipt", code, now=DECEMBER_1, archive_dir=blocker)

    monkeypatch.setattr(slips, "record", lambda *a, **k: 1 / 0)  # fails after the file was written
    with pytest.raises(ZeroDivisionError):
        issue_slip(db, officer, "receipt", code, now=DECEMBER_1, archive_dir=arch)
    assert files(arch) == [] and events(db, "slip_issued") == []
