"""Every real procedure, every case: receive, then issue every slip that applies (issue 9's sweep).

The 402 records of the national portal kept in tests/fixtures/dvcqg are imported as an office would
import them; then, on SQLite through the service layer, for each procedure and each of its cases:
accept a dossier with every required line and every other optional one ticked, and check that the
dossier holds exactly what was ticked and has an appointment wherever the portal states a
computable term; issue the receipt (A4, A5, 80 mm), the control slip, the guidance slip (A4, A5);
record an intake supplement request and a refusal and issue their slips. Nothing may raise.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from testdata import NODE, PORTAL_DETAILS, TZ

from counter_app.db.database import Database
from counter_app.services import demo
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.catalog import import_paths, show_procedure
from counter_app.services.catalog_format import ProcedureRecord
from counter_app.services.lookup import lookup
from counter_app.services.offices import find_actor
from counter_app.services.receiving import IntakeRequest, receive, refuse, request_supplement_at_intake
from counter_app.services.slips.issue import GuideKey, issue_slip

START = datetime(2026, 12, 7, 8, 0, tzinfo=TZ)  # a Monday morning
APPLICANT = ApplicantInput(
    full_name="Trần Văn Bình",
    id_number="038095001234",
    phone="0912 345 678",
    address="Số 1 Lê Lợi, Thanh Hóa",
)
COMPUTABLE = {"WORKING_DAY", "DAY", "HOUR", "MONTH"}
CODES = sorted(p.stem for p in PORTAL_DETAILS.glob("*.json"))


def states_a_term(code: str) -> bool:
    """Read straight from the portal record: a computable term for the direct channel, or a
    computable term in its ``cases[]`` (docs/catalog-rules.md)."""
    data = json.loads((PORTAL_DETAILS / f"{code}.json").read_text(encoding="utf-8"))["data"]
    methods = [m for m in data["executionMethods"] if m["submissionMethod"] == "DIRECT"]
    direct = methods[:1] or data["executionMethods"][:1]
    if direct and direct[0].get("processingTimeUnit") in COMPUTABLE:
        return isinstance(direct[0].get("processingTime"), int | float)
    return any(
        (c.get("processingDay") or {}).get("type") in COMPUTABLE
        and isinstance((c.get("processingDay") or {}).get("qty"), int | float)
        for c in data.get("cases") or []
    )


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Actor, Path]]:
    root = tmp_path_factory.mktemp("sweep")
    db = Database.open(f"sqlite:///{root / 'counter.sqlite3'}", NODE)
    demo.ensure_demo_setup(db, now=START, catalog=PORTAL_DETAILS / "2.001955.json")
    import_paths(db, find_actor(db, "quantri"), [PORTAL_DETAILS], now=START)
    yield db, find_actor(db, "canbo"), root / "slips"
    db.close()
    shutil.rmtree(root, ignore_errors=True)


def ticked_for(case_documents: list) -> tuple[int, ...]:  # type: ignore[type-arg]
    """Every required line and every other optional one: some unticked optional lines each time."""
    tickable = [d for d in case_documents if d.kind in ("submit", "show")]
    optional = [d for d in tickable if not d.required]
    return tuple(
        ordinal
        for ordinal, d in enumerate(case_documents, 1)
        if d in tickable and (d.required or optional.index(d) % 2 == 0)
    )


def barcode_of(pdf: bytes) -> list[str]:
    page = pdfium.PdfDocument(io.BytesIO(pdf))[0]
    image = page.render(scale=300 / 72).to_pil()
    return [r.text for r in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("code", CODES)
def test_given_real_procedure_then_every_case_received_and_every_slip_issued(
    office: tuple[Database, Actor, Path], code: str
) -> None:
    db, officer, archive = office
    record: ProcedureRecord = show_procedure(db, code)
    now = START + timedelta(minutes=CODES.index(code))
    for case_no, case in enumerate(record.cases, 1):
        ticked = ticked_for(case.documents)
        request = IntakeRequest(code, APPLICANT, case_no=case_no, provided=ticked)
        dossier = receive(db, officer, request, now=now)

        view = lookup(db, officer, dossier.code)
        expected = [(d.name, d.kind) for i, d in enumerate(case.documents, 1) if i in ticked]
        assert [(d["name"], d["kind"]) for d in view.documents] == expected, (code, case_no)
        if states_a_term(code):
            assert dossier.appointment_at is not None, (code, case_no)

        for kind, key, layouts in (
            ("receipt", dossier.code, ("a4", "a5", "thermal80")),
            ("control", dossier.code, ("a4",)),
            ("guide", GuideKey(code, case_no), ("a4", "a5")),
        ):
            for layout in layouts:
                slip = issue_slip(db, officer, kind, key, layout=layout, now=now, archive_dir=archive)
                assert slip.pdf_bytes.startswith(b"%PDF"), (code, case_no, kind, layout)
                if kind == "receipt" and layout == "a4" and CODES.index(code) % 25 == 0:
                    assert dossier.code in barcode_of(slip.pdf_bytes), (code, case_no)

        pending = request_supplement_at_intake(
            db,
            officer,
            IntakeRequest(code, APPLICANT, case_no=case_no, provided=()),
            "Thiếu giấy tờ.",
            now=now,
        )
        issue_slip(db, officer, "supplement", str(pending.pending_intake_id), now=now, archive_dir=archive)
        refused = refuse(
            db, officer, IntakeRequest(code, APPLICANT, case_no=case_no), "Sai thẩm quyền.", now=now
        )
        issue_slip(db, officer, "refusal", refused.code, now=now, archive_dir=archive)
