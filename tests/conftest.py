"""Shared fixtures: a fresh database per test, on SQLite (a real file) and PostgreSQL.

A template database (migrated, with a demo office, users, units and a small catalogue) is
built once per run and per backend; each test gets its own copy: a file copy on SQLite,
``CREATE DATABASE … TEMPLATE`` on PostgreSQL (the server the test command starts).
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from testdata import FIXTURES, MONDAY_9AM, NODE, PG_URL_ENV

from counter_app.db import engine as engine_module
from counter_app.db.database import Database
from counter_app.services import demo
from counter_app.services.actor import Actor
from counter_app.services.offices import find_actor


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _seed(db: Database) -> None:
    demo.ensure_demo_setup(db, now=MONDAY_9AM, catalog=FIXTURES / "test_catalog.json")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    file = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database.open(f"sqlite:///{file}", NODE)
    _seed(db)
    db.close()
    return file


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(f"{PG_URL_ENV} is not set (the test command starts PostgreSQL and sets it)")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"counter_tpl_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    template_url = str(make_url(url).set(database=name))
    db = Database.open(template_url, NODE)
    _seed(db)
    db.close()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _pg_copy(template: str) -> tuple[str, str]:
    url = os.environ[PG_URL_ENV]
    name = f"counter_t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    return str(make_url(url).set(database=name)), name


def _pg_drop(name: str) -> None:
    admin = create_engine(os.environ[PG_URL_ENV], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh seeded database, once per backend."""
    if request.param == "sqlite":
        file = tmp_path / "counter.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), file)
        yield f"sqlite:///{file}"
    else:
        url, name = _pg_copy(request.getfixturevalue("pg_template"))
        yield url
        _pg_drop(name)


@pytest.fixture
def pg_db_url(pg_template: str) -> Iterator[str]:
    """URL of a fresh seeded PostgreSQL database (for tests about PostgreSQL itself)."""
    url, name = _pg_copy(pg_template)
    yield url
    _pg_drop(name)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database.open(db_url, NODE)
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """SQLite only (for tests about the file itself)."""
    file = tmp_path / "counter.sqlite3"
    shutil.copy(sqlite_template, file)
    database = Database.open(f"sqlite:///{file}", NODE)
    yield database
    database.close()


@pytest.fixture
def impatient_db(
    tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Database]:
    """The seeded office on SQLite, waiting 0.2 s (not 30) for another program's lock before giving up."""
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    file = tmp_path / "counter.sqlite3"
    shutil.copy(sqlite_template, file)
    database = Database.open(f"sqlite:///{file}", NODE)
    yield database
    database.close()


@pytest.fixture
def officer(db: Database) -> Actor:
    return find_actor(db, "canbo")


@pytest.fixture
def supervisor(db: Database) -> Actor:
    return find_actor(db, "lanhdao")


@pytest.fixture
def admin(db: Database) -> Actor:
    return find_actor(db, "quantri")


@pytest.fixture(autouse=True)
def _umask_kept() -> Iterator[None]:
    """A data folder's ``ensure()`` sets the process umask (paths.private_files): put it back, so
    that each test starts from the same one."""
    mask = os.umask(0o022)
    os.umask(mask)
    yield
    os.umask(mask)


@pytest.fixture(autouse=True)
def _unexpected_log_warnings_fail(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """A warning or error the program logs during a test fails the test, unless the test expects it
    with ``@pytest.mark.expect_log("part of the message")`` — and then it must come (qutebrowser's
    ``logfail`` idea, issue 13): a swallowed failure shows up as a red test, not a line in a log."""
    yield
    expected = [str(marker.args[0]) for marker in request.node.iter_markers("expect_log")]
    logged = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    unexpected = [r for r in logged if not any(part in r.getMessage() for part in expected)]
    never = [part for part in expected if not any(part in r.getMessage() for r in logged)]
    if unexpected:
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()[:300]}" for r in unexpected)
        pytest.fail(f"unexpected log warnings (mark the test expect_log if they are the point):\n{lines}")
    if never:
        pytest.fail(f"expected log warnings never came: {never}")


@pytest.fixture(scope="session")
def office_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """Three commune centres, each set up from the setup file with its own code, users and node,
    made once (the exchange tests copy them)."""
    from exchange_support import build_office

    folder = tmp_path_factory.mktemp("offices")
    return {i: build_office(folder, i) for i in (1, 2, 3)}
