"""The office's layer over the catalogue: received or not, a published shorter term, the handling unit.

2.001955 (7 working days) is received at MONDAY_9AM (Mon 23/11/2026; Tue 24/11 is a holiday).
"""

from __future__ import annotations

import io
import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from testdata import MONDAY_9AM, PORTAL_DETAILS, reader

from counter_app.cli import main
from counter_app.db.database import Database
from counter_app.db.models import Event, OfficeProcedure
from counter_app.domain.errors import NotFoundError, PermissionDenied, ValidationError
from counter_app.services import office_catalog
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.catalog import import_paths, list_procedures
from counter_app.services.lookup import lookup
from counter_app.services.receiving import IntakeRequest, preview_appointment, receive, refuse
from counter_app.services.slips.issue import issue_slip

CODE = "2.001955"
ANH = ApplicantInput(full_name="Phạm Văn Anh", id_number="038095001234")


def events(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Event)).scalar_one()


def rows(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(OfficeProcedure)).scalar_one()


def test_given_procedure_disabled_then_not_accepted_nor_listed_but_still_refusable(
    db: Database, officer: Actor, admin: Actor
) -> None:
    view = office_catalog.set_enabled(db, admin, CODE, False, now=MONDAY_9AM)
    assert not view.enabled
    before = events(db)
    with pytest.raises(ValidationError) as error:
        receive(db, officer, IntakeRequest(CODE, ANH), now=MONDAY_9AM)
    assert "không tiếp nhận thủ tục 2.001955" in error.value.message and events(db) == before
    # Not the office's to solve: refusing it (phiếu 03, "không thuộc thẩm quyền") still works.
    refuse(db, officer, IntakeRequest(CODE, ANH), "Không thuộc thẩm quyền của đơn vị.", now=MONDAY_9AM)
    office = officer.office_id
    assert CODE not in [p.code for p in list_procedures(db, received_at=office)]
    assert CODE in [p.code for p in list_procedures(db)]  # the guide still lists it

    office_catalog.set_enabled(db, admin, CODE, True, now=MONDAY_9AM)
    assert receive(db, officer, IntakeRequest(CODE, ANH), now=MONDAY_9AM).code


def test_given_shorter_term_then_appointment_and_deadline_follow_it_and_the_receipt_names_both(
    db: Database, officer: Actor, admin: Actor, tmp_path: Path
) -> None:
    legal = receive(db, officer, IntakeRequest(CODE, ANH), now=MONDAY_9AM)
    view = office_catalog.set_term(db, admin, CODE, Decimal(5), now=MONDAY_9AM)
    assert (view.legal_term, view.office_term) == ("7 ngày làm việc", "5 ngày làm việc")
    assert preview_appointment(db, officer, CODE, "direct", at=MONDAY_9AM) is not None

    short = receive(db, officer, IntakeRequest(CODE, ANH), now=MONDAY_9AM)

    assert short.appointment_at is not None and legal.appointment_at is not None
    assert short.appointment_at < legal.appointment_at
    assert preview_appointment(db, officer, CODE, "direct", at=MONDAY_9AM) == short.appointment_at
    dossier = lookup(db, reader(db), short.code)
    assert dossier.legal_due_at == short.appointment_at  # the outcome is judged on the published term
    received = next(e for e in dossier.events if e.kind == "received")
    assert (received.payload["term"], received.payload["legal_term"]) == (
        "5 ngày làm việc",
        "7 ngày làm việc",
    )
    pdf = issue_slip(db, officer, "receipt", short.code, now=MONDAY_9AM, archive_dir=tmp_path).pdf_bytes
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "05 ngày làm việc (đã rút ngắn; theo quy định: 07 ngày làm việc)" in text

    office_catalog.set_term(db, admin, CODE, None, now=MONDAY_9AM)
    again = receive(db, officer, IntakeRequest(CODE, ANH), now=MONDAY_9AM)
    assert again.appointment_at == legal.appointment_at


@pytest.mark.parametrize(
    ("amount", "unit", "message"),
    [
        (Decimal(9), "working_day", "dài hơn thời hạn theo quy định (7 ngày làm việc)"),
        (Decimal(3), "day", "phải cùng đơn vị với thời hạn theo quy định"),
        (Decimal(-1), "working_day", "không được âm"),
        (Decimal(3), "weeks", "không hợp lệ"),
    ],
)
def test_given_bad_shorter_term_then_refused_and_nothing_written(
    db: Database, admin: Actor, amount: Decimal, unit: str, message: str
) -> None:
    before = (events(db), rows(db))
    with pytest.raises(ValidationError) as error:
        office_catalog.set_term(db, admin, CODE, amount, unit, now=MONDAY_9AM)
    assert message in error.value.message
    assert (events(db), rows(db)) == before


def test_given_officer_or_unknown_code_then_refused(db: Database, officer: Actor, admin: Actor) -> None:
    with pytest.raises(PermissionDenied):
        office_catalog.set_enabled(db, officer, CODE, False, now=MONDAY_9AM)
    with pytest.raises(NotFoundError):
        office_catalog.set_enabled(db, admin, "9.999999", False, now=MONDAY_9AM)
    with pytest.raises(ValidationError, match="Không có đơn vị mã «XYZ»"):
        office_catalog.set_unit(db, admin, CODE, "XYZ", now=MONDAY_9AM)
    assert rows(db) == 0


def test_given_mapped_unit_then_it_is_the_transfer_default_for_its_dossiers(
    db: Database, officer: Actor, admin: Actor
) -> None:
    first = receive(db, officer, IntakeRequest(CODE, ANH), now=MONDAY_9AM).code
    other = receive(db, officer, IntakeRequest("1.000080", ANH), now=MONDAY_9AM).code
    assert office_catalog.mapped_unit(db, officer, [first]) is None
    office_catalog.set_unit(db, admin, CODE, "SNV", now=MONDAY_9AM)
    assert office_catalog.mapped_unit(db, officer, [first]) == "SNV"
    assert office_catalog.mapped_unit(db, officer, [first, other]) is None  # not all the same
    office_catalog.set_unit(db, admin, "1.000080", "SNV", now=MONDAY_9AM)
    assert office_catalog.mapped_unit(db, officer, [first, other]) == "SNV"


def test_given_new_catalogue_version_then_the_office_layer_stays(
    db: Database, officer: Actor, admin: Actor, tmp_path: Path
) -> None:
    office_catalog.set_term(db, admin, CODE, Decimal(5), now=MONDAY_9AM)
    office_catalog.set_unit(db, admin, CODE, "STP", now=MONDAY_9AM)
    record = json.loads((PORTAL_DETAILS / f"{CODE}.json").read_text(encoding="utf-8"))
    record["data"]["name"] += " (sửa đổi)"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    summary = import_paths(db, admin, [changed], now=MONDAY_9AM + timedelta(hours=1))
    assert summary.updated == [CODE]
    view = office_catalog.show(db, officer, CODE)
    assert view.name.endswith("(sửa đổi)") and (view.office_term, view.unit_code) == (
        "5 ngày làm việc",
        "STP",
    )


def test_cli_procedure_commands_and_their_mistakes(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = Path(str(sqlite_db.engine.url.database)).parent
    sqlite_db.close()

    def cli(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([*args, "--data-dir", str(data_dir)])
        out, err = capsys.readouterr()
        return code, out, err

    assert cli("procedure", "term", CODE, "--days", "5")[0] == 0
    code, out, _ = cli("procedure", "show", CODE)
    assert code == 0 and "Thời hạn rút ngắn của đơn vị: 5 ngày làm việc" in out
    for args, message in (
        (("procedure", "show", "9.999999"), "Không có thủ tục mã «9.999999»"),
        (("procedure", "term", CODE, "--days", "abc"), "Thời hạn «abc» không hợp lệ"),
        (("procedure", "term", CODE, "--days", "3", "--clear"), "Cần đúng một trong --days N hoặc --clear"),
        (("procedure", "term", CODE), "Cần đúng một trong --days N hoặc --clear"),
        (("procedure", "unit", CODE), "Cần đúng một trong --unit-code MÃ hoặc --clear"),
        (("procedure", "unit", CODE, "--unit-code", "XYZ"), "Không có đơn vị mã «XYZ»"),
        (("procedure", "disable", CODE, "--as", "canbo"), "Lỗi:"),
    ):
        code, out, err = cli(*args)
        assert code == 1 and out == "" and err.startswith("Lỗi:") and message in err, args
