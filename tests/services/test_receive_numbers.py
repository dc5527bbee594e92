"""A receipt that fails once it holds the office's numbers gives them back (both backends)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.db.models import DailyCounter, Dossier, DossierDocument, Event
from counter_app.services import receiving
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.integrity import verify_events
from counter_app.services.receiving import IntakeRequest, receive, refuse

REQUEST = IntakeRequest("2.001955", ApplicantInput(full_name="Lê Thị Mai", phone="0912345678"))


def test_given_a_receipt_failing_after_its_numbers_then_the_next_one_gets_them(
    db: Database, officer: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = receive(db, officer, REQUEST, now=MONDAY_9AM)

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(receiving, "write_together", disk_full)
        with pytest.raises(OSError, match="disk full"):
            receive(db, officer, REQUEST, now=MONDAY_9AM)
        with pytest.raises(OSError, match="disk full"):
            refuse(db, officer, REQUEST, "Hồ sơ không thuộc thẩm quyền", now=MONDAY_9AM)
    second = receive(db, officer, REQUEST, now=MONDAY_9AM)
    refused = refuse(db, officer, REQUEST, "Hồ sơ không thuộc thẩm quyền", now=MONDAY_9AM)

    assert [first.code[-4:], second.code[-4:], refused.code[-4:]] == ["0001", "0002", "0003"]
    with db.read() as session:
        lines = dict(session.execute(select(Dossier.code, Dossier.register_seq)).all())
        assert lines == {first.code: 1, second.code: 2, refused.code: None}
        counters = sorted(session.execute(select(DailyCounter.last_seq)).scalars())
        assert counters == [2, 3]  # the book's two lines, the day's three numbers
        documents = session.execute(select(func.count()).select_from(DossierDocument)).scalar_one()
        assert documents == 3 * 4  # the four documents of 2.001955, for each dossier written
        kinds = sorted(session.execute(select(Event.kind).where(Event.dossier_id.is_not(None))).scalars())
        assert kinds == ["received", "received", "refused"]
    assert verify_events(db).first_broken is None
