"""Reading scattered rows into the page cache in parallel, before a report reads them in its own order.

The end-of-day lists read ~1,700 dossiers at a million a year — overdue or due tomorrow, received
over months — and each one's applicant: two rows a dossier, each on a page of its own. With a cold
page cache (the first report of the morning, a workstation just started) a read waits on the disk
once per page, one at a time, and those waits were over half the report (issue 11). The disk answers
several reads at once about as fast as one, so the rows are first read here by a few connections in
parallel threads (SQLite's driver waits on the disk without holding the GIL), then the report's own
query reads them from memory.

Only the pages are shared: what the report shows still comes from its own statement, in its own
read transaction (``report_session``); a row changed between the two reads is simply read again.
SQLite only: PostgreSQL's server reads its own pages. With a warm cache it costs ~12 ms at 1M
dossiers a year (bench_reports.py with and without it: 121.9 → 133.6 ms warm, 505 → 449 ms cold).
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import CompoundSelect, Select, bindparam, func, literal_column, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.tables import applicants, dossiers
from counter_app.domain.errors import UserError

log = logging.getLogger(__name__)

# Parallel reads the disk is given at once: on the 2-core test machine 1,700 cold dossier+applicant
# reads by row id (plain sqlite3, 200k folder, a test suite running beside) took 530–800 ms one at a
# time, 190–370 ms four at a time, no less eight at a time (benchmarks/bench_reports.py measures the
# report itself, cold and warm, with and without this: --no-read-ahead).
READERS = 4
# Fewer rows than this are read faster by the report alone than the threads take to start.
MIN_ROWS = 200
# More rows than this are left to the report: reading them twice would cost more CPU, with a warm
# cache, than the parallel reads save with a cold one. Listing the candidates stops there too.
MAX_ROWS = 20_000
# Row ids bound per statement: below the 999 host parameters an older SQLite allows.
PER_STATEMENT = 500

# One number back, not a row per dossier: SQLite reads each dossier's row and its applicant's (the
# pages are what this is for) while no Python object is made for them.
_DOSSIER_AND_APPLICANT = (
    select(func.count(applicants.c.full_name))
    .select_from(dossiers)
    .join(applicants, applicants.c.id == dossiers.c.applicant_id)
    .where(literal_column("dossiers.rowid").in_(bindparam("rowids", expanding=True)))
)


def prefetch_dossiers(db: Database, session: Session, rowids: Select[Any] | CompoundSelect) -> int:
    """Read the dossiers whose row ids ``rowids`` lists, and their applicants, in ``READERS``
    parallel parts (SQLite; a no-op elsewhere, and for fewer than ``MIN_ROWS`` or more than
    ``MAX_ROWS`` rows, which are listed no further). The number of dossiers read (0 when skipped).

    Best effort: it only warms the cache, so a part that fails (a busy file, no free connection)
    is logged and left to the report's own read."""
    if db.dialect != "sqlite":
        return 0
    listed = session.execute(rowids.limit(MAX_ROWS + 1)).scalars().all()
    if not MIN_ROWS <= len(listed) <= MAX_ROWS:
        return 0
    ordered = sorted(listed)
    size = -(-len(ordered) // READERS)
    parts = [ordered[i : i + size] for i in range(0, len(ordered), size)]
    with ThreadPoolExecutor(max_workers=len(parts)) as pool:
        return sum(pool.map(lambda part: _read(db, part), parts))


def _read(db: Database, part: list[int]) -> int:
    try:
        with db.engine.connect() as conn:
            return sum(
                conn.execute(_DOSSIER_AND_APPLICANT, {"rowids": part[i : i + PER_STATEMENT]}).scalar_one()
                for i in range(0, len(part), PER_STATEMENT)
            )
    except (DBAPIError, UserError, TimeoutError) as exc:
        log.info("rows not read ahead: %s", exc)
        return 0
