"""Prepared hot-path reads give the same rows as Connection.execute, and fail the same way."""

from __future__ import annotations

from datetime import UTC, timedelta

import psycopg
import pytest
from sqlalchemy import bindparam, column, or_, select, table
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from testdata import MONDAY_9AM, NODE

from counter_app.db.database import Database
from counter_app.db.errors import DatabaseUnavailable
from counter_app.db.models import Applicant, Dossier, Event
from counter_app.db.prepared import PreparedSelect, read_cursor
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.processing import transfer
from counter_app.services.receiving import IntakeRequest, receive

# Every kind of value the lookup reads: UUID, aware instants (and NULL ones), JSON, Vietnamese text.
_DOSSIER = (
    select(
        Dossier.id,
        Dossier.code,
        Dossier.received_at,
        Dossier.appointment_at,
        Dossier.resolved_at,
        Dossier.satisfaction,
        Applicant.full_name,
    )
    .join(Applicant, Applicant.id == Dossier.applicant_id)
    .where(Dossier.code == bindparam("code"))
)
_EVENTS = (
    select(Event.id, Event.seq, Event.kind, Event.occurred_at, Event.payload)
    .where(Event.dossier_id == bindparam("dossier_id"))
    .order_by(Event.seq)
)
# A parameter used twice (positional parameter styles must repeat its value) beside a literal
# the statement binds itself ("cancelled").
_BY_CODE_OR_NAME = (
    select(Dossier.code)
    .join(Applicant, Applicant.id == Dossier.applicant_id)
    .where(
        or_(Dossier.code == bindparam("text"), Applicant.full_name == bindparam("text")),
        Dossier.status != "cancelled",
    )
)


def _received(db: Database, officer: Actor) -> str:
    code = receive(
        db, officer, IntakeRequest("2.001955", ApplicantInput(full_name="Phạm Thị Ngọc Ánh")), now=MONDAY_9AM
    ).code
    transfer(db, officer, code, "SNV", now=MONDAY_9AM + timedelta(hours=1))
    return code


def test_given_dossier_then_prepared_rows_equal_connection_execute(db: Database, officer: Actor) -> None:
    code = _received(db, officer)
    prepared_dossier, prepared_events = PreparedSelect(_DOSSIER), PreparedSelect(_EVENTS)

    with read_cursor(db.engine) as reader:
        dossier = prepared_dossier.rows(reader, code=code)
        events = prepared_events.rows(reader, dossier_id=dossier[0].id)
    with db.engine.connect() as conn:
        expected_dossier = conn.execute(_DOSSIER, {"code": code}).all()
        expected_events = conn.execute(_EVENTS, {"dossier_id": dossier[0].id}).all()

    assert [tuple(r) for r in dossier] == [tuple(r) for r in expected_dossier]
    assert [tuple(r) for r in events] == [tuple(r) for r in expected_events]
    row = dossier[0]
    assert (row.code, row.full_name, row.resolved_at, row.satisfaction) == (
        code,
        "Phạm Thị Ngọc Ánh",
        None,
        None,
    )
    assert row.received_at == MONDAY_9AM and row.received_at.tzinfo == UTC
    assert [(e.kind, e.payload.get("to_unit")) for e in events] == [("received", None), ("transfer", "SNV")]


def test_given_parameter_used_twice_and_a_literal_then_all_are_bound(db: Database, officer: Actor) -> None:
    code = _received(db, officer)
    prepared = PreparedSelect(_BY_CODE_OR_NAME)
    with read_cursor(db.engine) as reader:
        by_code = prepared.rows(reader, text=code)
        by_name = prepared.rows(reader, text="Phạm Thị Ngọc Ánh")
        neither = prepared.rows(reader, text="Phạm")
    assert [r.code for r in by_code] == [code]
    assert [r.code for r in by_name] == [code]
    assert neither == []


def test_given_no_match_then_no_rows(db: Database) -> None:
    with read_cursor(db.engine) as reader:
        assert PreparedSelect(_DOSSIER).rows(reader, code="000.00.31.H56-261123-9999") == []


@pytest.mark.parametrize("params", [{}, {"code": "x", "extra": 1}, {"cod": "x"}])
def test_given_wrong_parameters_then_argument_error_before_any_query(db: Database, params: dict) -> None:
    with pytest.raises(ArgumentError, match="do not match"), read_cursor(db.engine) as reader:
        PreparedSelect(_DOSSIER).rows(reader, **params)
    assert db.engine.pool.checkedout() == 0


def test_given_database_error_then_wrapped_like_sqlalchemy_and_connection_returned(db: Database) -> None:
    missing = select(table("no_such_table", column("x"))).where(column("x") == bindparam("x"))
    with pytest.raises(DBAPIError) as caught, read_cursor(db.engine) as reader:
        PreparedSelect(missing).rows(reader, x=1)
    assert "no_such_table" in str(caught.value)
    assert db.engine.pool.checkedout() == 0


def test_given_reads_done_then_transaction_ended_and_connection_back_in_pool(db: Database) -> None:
    with read_cursor(db.engine) as reader:
        PreparedSelect(_DOSSIER).rows(reader, code="000.00.31.H56-261123-0001")
        connection = reader.cursor.connection
    assert db.engine.pool.checkedout() == 0
    # A finished read leaves no transaction open on the pooled connection (a WAL reader holding
    # its snapshot would stop checkpoints; a PostgreSQL one would sit "idle in transaction").
    if db.dialect == "sqlite":
        assert connection.in_transaction is False
    else:
        assert connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE


@pytest.mark.postgres
def test_given_connection_lost_mid_read_then_lost_connection_said_and_next_read_on_a_fresh_connection(
    pg_db_url: str,
) -> None:
    db = Database.open(pg_db_url, NODE)
    try:
        with pytest.raises(DatabaseUnavailable) as caught, read_cursor(db.engine) as reader:
            pid = reader.cursor.execute("SELECT pg_backend_pid()").fetchone()[0]
            with psycopg.connect(_libpq_url(pg_db_url), autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            PreparedSelect(_DOSSIER).rows(reader, code="000.00.31.H56-261123-0001")

        # The user is told, as everywhere (db/errors.py); the driver's error is kept as the cause.
        assert caught.value.message.startswith("Mất kết nối tới máy chủ cơ sở dữ liệu")
        assert isinstance(caught.value.__cause__, psycopg.OperationalError)
        assert db.engine.pool.checkedout() == 0
        with read_cursor(db.engine) as reader:
            assert PreparedSelect(_DOSSIER).rows(reader, code="000.00.31.H56-261123-0001") == []
    finally:
        db.close()


def _libpq_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
