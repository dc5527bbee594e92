"""The receipt's item 3 (legal term) and the guide's processing times (issue 9): never blank, never
"0 không hẹn"; a term with no amount prints the portal's own words."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select, text
from testdata import MONDAY_9AM, unguard_events

from counter_app.db.database import Database
from counter_app.db.models import ChannelTerm, Dossier, Event, ProcedureVersion
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.dossiers import load_dossier
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.slips.common import legal_term_text, term_text
from counter_app.services.slips.dossier_slips import build_receipt

PORTAL_WORDS = "Theo thông báo của cơ quan thuế"


@dataclass
class Channel:
    channel: str
    amount: Decimal | str
    unit: str
    description: str = ""


@dataclass
class Version:
    channels: list[Channel]
    case_terms: list[dict[str, str]] = field(default_factory=list)


SEVEN = Version([Channel("direct", "7", "working_day"), Channel("online", "5", "working_day")])
NONE = Version([Channel("direct", "0", "none", PORTAL_WORDS)])


def test_a_stored_term_is_printed_with_two_digits() -> None:
    assert legal_term_text(SEVEN, "direct", "", "7 ngày làm việc") == "07 ngày làm việc"  # type: ignore[arg-type]
    assert legal_term_text(SEVEN, "direct", "", "0,5 ngày làm việc") == "0,5 ngày làm việc"  # type: ignore[arg-type]
    assert legal_term_text(SEVEN, "direct", "", "1 ngày hoặc 2 ngày") == "01 ngày hoặc 02 ngày"  # type: ignore[arg-type]


def test_no_stored_term_falls_back_to_the_channel_term_of_the_version() -> None:
    assert legal_term_text(SEVEN, "direct", "", None) == "07 ngày làm việc"  # type: ignore[arg-type]
    assert legal_term_text(SEVEN, "online", "", "") == "05 ngày làm việc"  # type: ignore[arg-type]
    assert legal_term_text(SEVEN, "postal", "", "") == "07 ngày làm việc"  # type: ignore[arg-type]  # direct's


def test_a_term_without_amount_prints_the_portal_words() -> None:
    for stored in ("không hẹn", "0 không hẹn", "", None):
        assert legal_term_text(NONE, "direct", "", stored) == PORTAL_WORDS  # type: ignore[arg-type]
    silent = Version([Channel("direct", "0", "none", "")])
    assert legal_term_text(silent, "direct", "", "không hẹn") == "Không hẹn ngày trả kết quả"  # type: ignore[arg-type]
    # The terms the portal states per case stand in for a channel without one.
    cased = Version([Channel("direct", "0", "none")], [{"name": "Chung", "amount": "3", "unit": "day"}])
    assert legal_term_text(cased, "direct", "Chung", "") == "03 ngày"  # type: ignore[arg-type]


def test_guide_processing_times_never_print_0_khong_hen() -> None:
    assert term_text("0", "none", PORTAL_WORDS) == PORTAL_WORDS
    assert term_text("0", "none", "") == "Không hẹn ngày trả kết quả"
    assert term_text("0", "none", "0 không hẹn") == "không hẹn"
    both = term_text("3", "working_day", "Trường hợp khác: 0 không hẹn")
    assert both == "3 ngày làm việc (Trường hợp khác: không hẹn)"


def _receive(db: Database, officer: Actor, procedure: str) -> str:
    applicant = ApplicantInput(full_name="Nguyễn Thị Ánh Hồng", id_number="038190012345")
    return receive(
        db, officer, IntakeRequest(procedure_code=procedure, applicant=applicant), now=MONDAY_9AM
    ).code


def test_receipt_of_a_dossier_recorded_without_a_term(db: Database, officer: Actor) -> None:
    code = _receive(db, officer, "2.001955")
    with db.write() as session:
        dossier = load_dossier(session, code)
        event = session.execute(
            select(Event).where(Event.dossier_id == dossier.id, Event.kind == "received")
        ).scalar_one()
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)  # older data, rewritten
        event.payload = {k: v for k, v in event.payload.items() if k != "term"}  # as the demo made them
    with db.read() as session:
        data = build_receipt(session, load_dossier(session, code)).data
    assert data.legal_term_text == "07 ngày làm việc"


def test_receipt_of_a_procedure_without_a_computable_term(db: Database, officer: Actor) -> None:
    code = _receive(db, officer, "2.001955")
    with db.write() as session:
        dossier = session.execute(select(Dossier).where(Dossier.code == code)).scalar_one()
        for term in session.execute(
            select(ChannelTerm).where(ChannelTerm.version_id == dossier.procedure_version_id)
        ).scalars():
            term.unit, term.amount, term.description = "none", Decimal(0), PORTAL_WORDS
        version = session.get(ProcedureVersion, dossier.procedure_version_id)
        assert version is not None
        version.case_terms = []  # and no term stated per case either
        event = session.execute(
            select(Event).where(Event.dossier_id == dossier.id, Event.kind == "received")
        ).scalar_one()
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)
        event.payload = {**event.payload, "term": "không hẹn"}
    with db.read() as session:
        data = build_receipt(session, load_dossier(session, code)).data
    assert data.legal_term_text == PORTAL_WORDS


def test_receipt_documents_keep_their_kind(db: Database, officer: Actor) -> None:
    code = _receive(db, officer, "2.001955")
    with db.write() as session:
        dossier = load_dossier(session, code)
        dossier.documents[0].kind = "show"
    with db.read() as session:
        data = build_receipt(session, load_dossier(session, code)).data
    assert [d.kind for d in data.documents] == ["show"] + ["submit"] * (len(data.documents) - 1)
