"""The auditor stands beside the counter's ladder (officer < supervisor < admin), not on it: reads
the reports and the audit (a dossier's events), and every change is refused them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from testdata import FIXTURES, MONDAY_9AM

from counter_app.db.database import Database
from counter_app.db.models import Dossier, Event, Office, User
from counter_app.domain.errors import PermissionDenied
from counter_app.services.action_choices import may
from counter_app.services.actor import Actor, Role, require_reader, require_role
from counter_app.services.applicants import ApplicantInput
from counter_app.services.catalog import import_paths
from counter_app.services.integrity import verify_events
from counter_app.services.lookup import lookup
from counter_app.services.offices import OfficeInput, add_calendar_override, create_office
from counter_app.services.processing import (
    ReturnInput,
    apologise,
    cancel,
    confirm_payment,
    request_payment,
    request_supplement,
    resolve,
    return_result,
    start,
    stop,
    supply_supplement,
    transfer,
    withdraw,
)
from counter_app.services.receiving import (
    IntakeRequest,
    receive,
    record_guidance,
    refuse,
    request_supplement_at_intake,
)
from counter_app.services.reports import (
    due_soon_list,
    end_of_day,
    overdue_list,
    period_report,
    register,
    satisfaction_report,
)
from counter_app.services.reports.files import ReportRequest, build_report
from counter_app.services.reports.per_day import daily_counts
from counter_app.services.slips.issue import issue_or_reprint, issue_slip
from counter_app.services.users import (
    create_user,
    disable_user,
    edit_user,
    enable_user,
    find_actor,
    list_users,
    reset_password,
    unlock_user,
)

NOW = MONDAY_9AM
LATER = NOW + timedelta(hours=2)
AUDITOR_REFUSED = "Vai trò «Kiểm tra, giám sát» chỉ được xem nhật ký và báo cáo, không được "


@pytest.fixture
def auditor(db: Database, admin: Actor) -> Actor:
    create_user(
        db,
        admin,
        username="kiemtra",
        full_name="Đỗ Thị Hà",
        role="auditor",
        password="Hoa sen nở 2026",
        now=NOW,
    )
    return find_actor(db, "kiemtra")


def state(db: Database) -> tuple[object, ...]:
    with db.read() as session:
        events = session.execute(select(func.count()).select_from(Event)).scalar_one()
        dossiers = session.execute(select(Dossier.code, Dossier.status).order_by(Dossier.code)).all()
        users = session.execute(select(User.username, User.role, User.active).order_by(User.username)).all()
        offices = session.execute(select(func.count()).select_from(Office)).scalar_one()
    return events, tuple(dossiers), tuple(users), offices


def test_given_auditor_then_every_report_is_read(db: Database, officer: Actor, auditor: Actor) -> None:
    code = receive(db, officer, IntakeRequest("2.001955", ApplicantInput("Lê Văn An")), now=NOW).code
    day = NOW.date()

    assert end_of_day(db, auditor, day, at=LATER).received == 1
    assert period_report(db, auditor, day, day).rows
    assert overdue_list(db, auditor, LATER) == ()
    assert due_soon_list(db, auditor, LATER, 10)
    assert [row.code for row in register(db, auditor, day, day)] == [code]
    assert satisfaction_report(db, auditor, day, day) is not None
    assert daily_counts(db, auditor, day, day)
    assert build_report(db, auditor, ReportRequest("period", "csv", day, day), now=LATER)
    # The audit: a dossier and its events.
    assert [event.kind for event in lookup(db, auditor, code).events] == ["received"]
    assert verify_events(db).first_broken is None


def test_given_auditor_then_every_write_is_refused_and_nothing_written(
    db: Database, officer: Actor, auditor: Actor, tmp_path: Path
) -> None:
    code = receive(db, officer, IntakeRequest("2.001955", ApplicantInput("Lê Văn An")), now=NOW).code
    request = IntakeRequest("2.001955", ApplicantInput("Lê Thị Bé"))
    with db.read() as session:
        office_id = session.execute(select(Office.id)).scalar_one()
    before = state(db)
    writes: dict[str, Callable[[], object]] = {
        "receive": lambda: receive(db, auditor, request, now=LATER),
        "supplement at intake": lambda: request_supplement_at_intake(
            db, auditor, request, "Thiếu", now=LATER
        ),
        "refuse": lambda: refuse(db, auditor, request, "Không thuộc thẩm quyền", now=LATER),
        "guidance": lambda: record_guidance(db, auditor, "2.001955", 1, now=LATER),
        "transfer": lambda: transfer(db, auditor, code, "SNV", now=LATER),
        "start": lambda: start(db, auditor, code, now=LATER),
        "request supplement": lambda: request_supplement(db, auditor, code, "Thiếu bản sao", now=LATER),
        "supply supplement": lambda: supply_supplement(db, auditor, code, now=LATER),
        "request payment": lambda: request_payment(db, auditor, code, "Lệ phí 50.000 đồng", now=LATER),
        "confirm payment": lambda: confirm_payment(db, auditor, code, now=LATER),
        "resolve": lambda: resolve(db, auditor, code, now=LATER),
        "return": lambda: return_result(db, auditor, code, ReturnInput(), now=LATER),
        "withdraw": lambda: withdraw(db, auditor, code, "Công dân xin rút", now=LATER),
        "stop": lambda: stop(db, auditor, code, "Dừng", now=LATER),
        "apologise": lambda: apologise(db, auditor, code, NOW + timedelta(days=30), "Chậm", now=LATER),
        "cancel": lambda: cancel(db, auditor, code, "Nhập nhầm", now=LATER),
        "issue slip": lambda: issue_slip(
            db, auditor, "receipt", code, now=LATER, archive_dir=tmp_path / "slips"
        ),
        "print slip": lambda: issue_or_reprint(
            db, auditor, "receipt", code, now=LATER, archive_dir=tmp_path / "slips"
        ),
        "import catalogue": lambda: import_paths(db, auditor, [FIXTURES / "test_catalog.json"], now=LATER),
        "create office": lambda: create_office(db, auditor, OfficeInput("Xã A", "000.00.99.H56"), now=LATER),
        "calendar": lambda: add_calendar_override(
            db, auditor, office_id, date(2026, 12, 26), "work", "", now=LATER
        ),
        "add user": lambda: create_user(
            db, auditor, username="moi", full_name="Mới", role="officer", now=LATER
        ),
        "edit user": lambda: edit_user(db, auditor, "kiemtra", role="admin", now=LATER),
        "disable user": lambda: disable_user(db, auditor, "canbo", now=LATER),
        "enable user": lambda: enable_user(db, auditor, "canbo", now=LATER),
        "reset password": lambda: reset_password(db, auditor, "canbo", now=LATER),
        "unlock": lambda: unlock_user(db, auditor, "canbo", now=LATER),
        "list users": lambda: list_users(db, auditor, now=LATER),
    }
    for what, write in writes.items():
        with pytest.raises(PermissionDenied) as info:
            write()
        assert info.value.message.startswith(AUDITOR_REFUSED), what
    assert state(db) == before
    assert not (tmp_path / "slips").exists()  # no slip archived


def test_given_the_ladder_and_the_auditor_then_checks_admit_as_they_should(auditor: Actor) -> None:
    assert [may(auditor, role) for role in (Role.OFFICER, Role.SUPERVISOR, Role.ADMIN)] == [False] * 3
    require_reader(auditor, Role.SUPERVISOR, "xem báo cáo")  # beside the ladder, admitted to read
    officer = Actor(None, "x", "X", Role.OFFICER)
    with pytest.raises(PermissionDenied) as info:
        require_reader(officer, Role.SUPERVISOR, "xem báo cáo")
    assert info.value.message == "Chỉ lãnh đạo mới được xem báo cáo."
    admin = Actor(None, "y", "Y", Role.ADMIN)
    require_reader(admin, Role.SUPERVISOR, "xem báo cáo")
    require_role(admin, Role.OFFICER, "tiếp nhận hồ sơ")
