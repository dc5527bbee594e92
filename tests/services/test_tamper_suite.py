"""Every direct edit of the database the office's records must reveal (issue 14), on both backends.

Issue 14 listed 17 edits tried by hand, of which the hash chains alone caught 8. Here is each of them
— plus deleting an audit record — made the way a forger would (the append-only triggers dropped
first, foreign keys off where a row is deleted), and the whole verification run after it:
``events verify`` (the chains and their heads), the tables replayed from the events, the audit
trail, and the anchor printed before the edit. Each edit must be named by at least one of them; an
untouched office must pass all four. And a backup edited after it was made — even rehashed, which
its own chains cannot show — is refused by the restore, which checks it against the anchor kept
beside it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text, update
from testdata import MONDAY_9AM, NODE, unguard_events

from counter_app.db.database import Database
from counter_app.db.engine import sqlite_file_of
from counter_app.db.event_log import GENESIS_HASH, event_hash
from counter_app.db.models import Event, NodeHead
from counter_app.domain.errors import UserError
from counter_app.services import processing
from counter_app.services.actor import Actor
from counter_app.services.anchor import Anchor, anchor_given, anchor_now, check_anchor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.audit_trail import verify_audit
from counter_app.services.backups import make_backup
from counter_app.services.dossier_replay import verify_tables
from counter_app.services.integrity import verify_events
from counter_app.services.lookup import lookup
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.recovery import prepare_restore
from counter_app.services.users import find_actor

LATER = MONDAY_9AM + timedelta(hours=1)


def office_at_work(db: Database, officer: Actor) -> tuple[list[str], Anchor]:
    codes = []
    for i in range(3):
        person = ApplicantInput(full_name=f"Lê Thị Mai {i}", id_number=f"0381900123{i:02d}")
        codes.append(receive(db, officer, IntakeRequest("2.001955", person), now=MONDAY_9AM).code)
    processing.transfer(db, officer, codes[0], "SNV", now=LATER)
    lookup(db, officer, codes[0])
    lookup(db, officer, codes[1])
    return codes, anchor_now(db)


def findings(db: Database, printed: Anchor) -> list[str]:
    """What the whole verification names (empty: the office verifies clean)."""
    found = []
    if (broken := verify_events(db).first_broken) is not None:
        found.append(broken.render())
    found += [problem.render() for problem in verify_tables(db).problems]
    if (trail := verify_audit(db).first_broken) is not None:
        found.append(trail.render())
    if (anchor := check_anchor(db, printed)) is not None:
        found.append(anchor.render())
    return found


def sql(db: Database, *statements: str) -> None:
    """Run ``statements`` as a forger with a database tool: guards dropped, foreign keys off."""
    file = sqlite_file_of(db.url)
    if file is not None:  # the sqlite3 shell: foreign keys are off unless asked for
        with closing(sqlite3.connect(file)) as conn, conn:
            unguard_events(conn.execute)
            conn.execute("DROP TRIGGER IF EXISTS audit_records_no_update")
            conn.execute("DROP TRIGGER IF EXISTS audit_records_no_delete")
            for statement in statements:
                conn.execute(statement)
        return
    with db.write() as session:
        unguard_events(lambda s: session.execute(text(s)), db.dialect)
        session.execute(text("ALTER TABLE audit_records DISABLE TRIGGER USER"))
        session.execute(text("SET LOCAL session_replication_role = replica"))  # no foreign keys
        for statement in statements:
            session.execute(text(statement))


def rehash(db: Database) -> None:
    """The program's own hash function run over every event after an edit: the chains made whole."""
    with db.write() as session:
        unguard_events(lambda s: session.execute(text(s)), db.dialect)
        prev = GENESIS_HASH
        for event in session.execute(select(Event).order_by(Event.seq)).scalars():
            event.prev_hash = prev
            event.hash = prev = event_hash(event)
            session.flush()
        session.execute(update(NodeHead).values(last_hash=prev))


LAST = "(SELECT max(seq) FROM events)"
EDITS: dict[str, Callable[[Database, list[str]], None]] = {
    # the 8 the chains caught before
    "an event's payload": lambda db, c: sql(db, "UPDATE events SET payload = '{}' WHERE seq = 5"),
    "an event's kind": lambda db, c: sql(db, "UPDATE events SET kind = 'refused' WHERE seq = 5"),
    "an event's time": lambda db, c: sql(db, "UPDATE events SET local_date = '2026-01-01' WHERE seq = 5"),
    "an event's actor name": lambda db, c: sql(db, "UPDATE events SET actor = 'mallory' WHERE seq = 5"),
    "an event in the middle deleted": lambda db, c: sql(db, "DELETE FROM events WHERE seq = 5"),
    "an event's link": lambda db, c: sql(db, f"UPDATE events SET prev_hash = '{'0' * 64}' WHERE seq = 5"),
    "two events swapped": lambda db, c: sql(
        db,
        "UPDATE events SET seq = -1 WHERE seq = 5",
        "UPDATE events SET seq = 5 WHERE seq = 6",
        "UPDATE events SET seq = 6 WHERE seq = -1",
    ),
    "an event's dossier": lambda db, c: sql(
        db,
        f"UPDATE events SET dossier_id = (SELECT id FROM dossiers WHERE code = '{c[2]}') WHERE seq = {LAST}",
    ),
    # the 9 it missed, and the head
    "the applicant's name": lambda db, c: sql(db, "UPDATE applicants SET full_name = 'Lê Thị Mây'"),
    "the applicant's CCCD": lambda db, c: sql(db, "UPDATE applicants SET id_number = '038190099999'"),
    "an appointment": lambda db, c: sql(
        db, f"UPDATE dossiers SET appointment_at = NULL WHERE code = '{c[1]}'"
    ),
    "a status": lambda db, c: sql(db, f"UPDATE dossiers SET status = 'returned' WHERE code = '{c[1]}'"),
    "a dossier row deleted": lambda db, c: sql(
        db,
        f"DELETE FROM dossier_documents WHERE dossier_id = (SELECT id FROM dossiers WHERE code = '{c[2]}')",
        f"DELETE FROM dossiers WHERE code = '{c[2]}'",
    ),
    "an event's actor_id": lambda db, c: sql(db, f"UPDATE events SET actor_id = NULL WHERE seq = {LAST}"),
    "the last event deleted, its head set back": lambda db, c: sql(
        db,
        f"DELETE FROM events WHERE seq = {LAST}",
        f"UPDATE node_heads SET last_seq = last_seq - 1, last_hash = (SELECT hash FROM events WHERE seq = {LAST})",
    ),
    "every event deleted": lambda db, c: sql(db, "DELETE FROM events", "DELETE FROM node_heads"),
    "a payload changed, every hash recomputed": lambda db, c: (
        sql(db, "UPDATE events SET actor = 'mallory' WHERE seq = 5"),
        rehash(db),
    ),
    "the head's sequence number": lambda db, c: sql(db, "UPDATE node_heads SET last_seq = last_seq - 1"),
    # and the audit trail
    "an audit record deleted": lambda db, c: sql(db, "DELETE FROM audit_records WHERE seq = 1"),
    "an audit record changed": lambda db, c: sql(
        db, "UPDATE audit_records SET actor = 'mallory' WHERE seq = 2"
    ),
}


def test_given_an_untouched_office_then_the_whole_verification_passes(db: Database, officer: Actor) -> None:
    _codes, printed = office_at_work(db, officer)
    assert findings(db, printed) == []


@pytest.mark.parametrize("edit", list(EDITS))
def test_given_a_direct_edit_then_the_verification_names_it(db: Database, officer: Actor, edit: str) -> None:
    codes, printed = office_at_work(db, officer)
    EDITS[edit](db, codes)
    assert findings(db, printed), f"{edit}: not detected"


# ------------------------------------------------------------------------------------ a backup edited


def test_given_a_backup_edited_and_rehashed_then_the_restore_refuses_it_by_its_anchor(
    sqlite_db: Database, tmp_path: Path
) -> None:
    officer = find_actor(sqlite_db, "canbo")
    office_at_work(sqlite_db, officer)
    live = sqlite_file_of(sqlite_db.url)
    assert live is not None
    made = make_backup(live, [tmp_path / "backups"]).backups[0].path
    untouched = prepare_restore(live, made)  # the backup as made: accepted
    untouched.staged.discard()
    assert check_anchor(sqlite_db, anchor_given(str(made))) is None  # the live log still leads to it

    forged = Database.open(f"sqlite:///{made}", NODE, migrate=False)
    sql(forged, "UPDATE events SET actor = 'mallory' WHERE seq = 5")
    rehash(forged)
    assert verify_events(forged).first_broken is None  # its own chains cannot tell
    forged.close()

    with pytest.raises(UserError, match="Không khớp dấu chuỗi ghi khi sao lưu — Dấu chuỗi tính lại là"):
        prepare_restore(live, made)
    assert sorted(p.name for p in live.parent.iterdir() if "restore" in p.name) == []  # nothing staged left
