"""The province's wording of the slips (issue 15): set at the province, checked, pushed down in the
baseline bundle, used by every slip an office issues from then on — while a slip issued before
re-prints as it was issued. The province on SQLite and PostgreSQL (``db``); the offices are SQLite
data folders."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from pathlib import Path

import pytest
from exchange_support import moment, open_office, receive_day
from pypdf import PdfReader
from sqlalchemy import select
from test_exchange_baseline import province_fingerprint, publish, signed_by_province

from counter_app.db.database import Database
from counter_app.db.models import Event, FormWording
from counter_app.domain.errors import NotFoundError, PermissionDenied, UserError, ValidationError
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.exchange.bundle import CATALOG, FORMS
from counter_app.services.exchange.downward import import_baseline
from counter_app.services.form_wording import list_texts, reset_text, set_text
from counter_app.services.slips.issue import issue_slip, reprint_slip
from counter_app.services.users import find_actor

ADMIN = SYSTEM_ACTOR
STANDARD = "Ông/Bà vui lòng mang theo Giấy này khi đến nhận kết quả."
PROVINCE_NOTE = "Ông/Bà mang theo Giấy này và CCCD khi đến nhận kết quả; tra cứu tại dichvucong.tinh.gov.vn."


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def receipt_text(office: Database, code: str, tmp_path: Path, day: int) -> str:
    officer = find_actor(office, "canbo1")
    issued = issue_slip(office, officer, "receipt", code, now=moment(day), archive_dir=tmp_path / "slips")
    return text_of(issued.pdf_bytes)


def test_a_text_worded_at_the_province_reaches_the_office_and_its_new_slips_only(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    province = db
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    (before,) = receive_day(office, 1, 0, n=1)
    assert STANDARD in receipt_text(office, before, tmp_path, 0)

    change = set_text(province, ADMIN, "receipt", "note", f"  {PROVINCE_NOTE} ", now=moment(0))
    assert (change.before, change.after) == (None, PROVINCE_NOTE)
    assert [t.text for t in list_texts(province, "receipt") if t.key == "note"] == [PROVINCE_NOTE]
    applied = import_baseline(
        office,
        ADMIN,
        publish(province, tmp_path, "goi-1"),
        now=moment(1),
        fingerprint=province_fingerprint(province),
    )
    assert [(c.kind, c.key, c.before, c.after) for c in applied.forms] == [
        ("receipt", "note", None, PROVINCE_NOTE)
    ]

    (after,) = receive_day(office, 1, 1, n=1)
    worded = receipt_text(office, after, tmp_path, 1)
    assert PROVINCE_NOTE in worded and STANDARD not in worded
    # The receipt issued before keeps its wording, archived or drawn again from its data.
    reprinted = reprint_slip(
        office, find_actor(office, "canbo1"), "receipt", before, None, tmp_path / "slips"
    )
    assert STANDARD in text_of(reprinted.pdf_bytes)
    for pdf in (tmp_path / "slips").rglob("*.pdf"):
        pdf.unlink()  # the archive lost: drawn again from each one's stored data
    assert STANDARD in text_of(
        reprint_slip(office, ADMIN, "receipt", before, None, tmp_path / "slips").pdf_bytes
    )
    again = reprint_slip(office, ADMIN, "receipt", after, None, tmp_path / "slips")
    assert again.rerendered and PROVINCE_NOTE in text_of(again.pdf_bytes)

    # Back to the standard text at the province: the next bundle takes it away at the office.
    reset_text(province, ADMIN, "receipt", "note", now=moment(2))
    applied = import_baseline(office, ADMIN, publish(province, tmp_path, "goi-2", day=2), now=moment(2))
    assert [(c.key, c.after) for c in applied.forms] == [("note", None)]
    (third,) = receive_day(office, 1, 2, n=1)
    assert STANDARD in receipt_text(office, third, tmp_path, 2)
    with office.read() as session:
        kinds = [
            e.payload.get("after")
            for e in session.execute(select(Event).where(Event.kind == "form_wording_changed")).scalars()
        ]
    assert kinds == [PROVINCE_NOTE, None]  # each change at the office an event
    office.close()


@pytest.mark.parametrize(
    ("kind", "key", "text", "error", "said"),
    [
        ("giay", "note", "x", NotFoundError, "Không có loại phiếu «giay»"),
        ("receipt", "ghi_chu", "x", NotFoundError, "Mẫu receipt không có đoạn «ghi_chu»"),
        ("receipt", "note", "   ", ValidationError, "Lời văn không được để trống."),
        ("receipt", "note", "x" * 1001, ValidationError, "Lời văn dài quá 1000 ký tự."),
        ("receipt", "footer", "Hồ sơ số", ValidationError, "phải giữ đúng các chỗ điền sẵn của mẫu: {code}"),
        ("receipt", "footer", "Hồ sơ {code} {name}", ValidationError, "phải giữ đúng các chỗ điền sẵn"),
        ("receipt", "footer", "Hồ sơ {code", ValidationError, "dấu ngoặc nhọn không khép đúng"),
    ],
)
def test_a_bad_text_is_refused_with_its_reason_and_nothing_kept(
    db: Database, kind: str, key: str, text: str, error: type[UserError], said: str
) -> None:
    with pytest.raises(error) as refused:
        set_text(db, ADMIN, kind, key, text, now=moment(0))
    assert said in str(refused.value)
    with db.read() as session:
        assert session.execute(select(FormWording)).first() is None


def test_only_an_admin_words_the_forms_and_an_unset_text_cannot_be_reset(db: Database) -> None:
    with pytest.raises(PermissionDenied):
        set_text(db, find_actor(db, "canbo"), "receipt", "note", PROVINCE_NOTE, now=moment(0))
    with pytest.raises(NotFoundError, match="chưa có lời văn riêng cho đoạn «note»"):
        reset_text(db, ADMIN, "receipt", "note", now=moment(0))


def test_a_bundle_of_a_province_before_the_wording_leaves_the_offices_wording(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    set_text(db, ADMIN, "receipt", "note", PROVINCE_NOTE, now=moment(0))
    bundle = publish(db, tmp_path, "goi-1")
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    import_baseline(office, ADMIN, bundle, now=moment(1), fingerprint=province_fingerprint(db))
    with zipfile.ZipFile(bundle) as archive:
        assert json.loads(archive.read(FORMS)) == {"slip": "receipt", "key": "note", "text": PROVINCE_NOTE}
        catalog = [line + b"\n" for line in archive.read(CATALOG).splitlines()]
    older = signed_by_province(
        db, tmp_path / "cu.zip", {"number": 2, "bundle_id": str(uuid.uuid4())}, catalog, []
    )
    applied = import_baseline(office, ADMIN, older, now=moment(2))
    assert not applied.repeated and applied.forms == ()
    with office.read() as session:
        assert session.execute(select(FormWording.text)).scalars().all() == [PROVINCE_NOTE]
    office.close()
