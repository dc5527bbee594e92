"""Two workstations receiving at the same moment never get the same dossier code."""

from __future__ import annotations

import multiprocessing as mp

from sqlalchemy import select
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.db.models import DailyCounter, Dossier
from counter_app.services.applicants import ApplicantInput
from counter_app.services.integrity import verify_events
from counter_app.services.offices import find_actor
from counter_app.services.receiving import IntakeRequest, receive

PROCESSES = 4
EACH = 15


def _worker(url: str, node: str, start: mp.synchronize.Barrier, out: mp.Queue) -> None:  # type: ignore[name-defined]
    db = Database.open(url, node, migrate=False)
    actor = find_actor(db, "canbo")
    request = IntakeRequest("2.001955", ApplicantInput(full_name="Trần Văn Bình", phone="0912345678"))
    start.wait()  # every process starts receiving at the same moment
    codes = [receive(db, actor, request, now=MONDAY_9AM).code for _ in range(EACH)]
    db.close()
    out.put(codes)


def test_given_concurrent_processes_when_receiving_then_codes_unique_and_gapless(
    db: Database, db_url: str
) -> None:
    ctx = mp.get_context("spawn")
    barrier, queue = ctx.Barrier(PROCESSES), ctx.Queue()
    workers = [
        ctx.Process(target=_worker, args=(db_url, f"node-{i}", barrier, queue)) for i in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    codes = [code for _ in workers for code in queue.get(timeout=120)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0

    expected = [f"000.00.31.H56-261123-{n:04d}" for n in range(1, PROCESSES * EACH + 1)]
    assert sorted(codes) == expected
    with db.read() as session:
        assert sorted(session.execute(select(Dossier.code)).scalars()) == expected
        counters = dict(session.execute(select(DailyCounter.unit_code, DailyCounter.last_seq)).all())
        assert counters == {"000.00.31.H56": PROCESSES * EACH, "B:000.00.31.H56": PROCESSES * EACH}
        # The register book's lines too: one per dossier, none twice, none skipped.
        lines = sorted(session.execute(select(Dossier.register_seq)).scalars())
        assert lines == list(range(1, PROCESSES * EACH + 1))
    report = verify_events(db)
    assert report.first_broken is None
    assert report.nodes == PROCESSES + 1  # the seeding node and one per workstation
