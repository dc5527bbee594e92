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
SQLite only: PostgreSQL's server reads its own pages. With a warm cache this costs a few
milliseconds (the rows are found in memory by their row ids).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import bindparam, literal_column, select

from counter_app.db.database import Database
from counter_app.db.tables import applicants, dossiers

# Parallel reads the disk is given at once: on the 2-core test machine 1,700 cold dossier+applicant
# reads took 530–800 ms one at a time, 190–370 ms four at a time, no less eight at a time
# (benchmarks/bench_reports.py measures the report itself, cold and warm).
READERS = 4
# Fewer rows than this are read faster by the report alone than the threads take to start.
MIN_ROWS = 200
# More rows than this (an end of day of long ago, with months of resolutions since) are left to the
# report: reading them twice would cost more CPU, with a warm cache, than the parallel reads save.
MAX_ROWS = 20_000

_DOSSIER_AND_APPLICANT = (
    select(dossiers.c.code, applicants.c.full_name)
    .join(applicants, applicants.c.id == dossiers.c.applicant_id)
    .where(literal_column("dossiers.rowid").in_(bindparam("rowids", expanding=True)))
)


def prefetch_dossiers(db: Database, rowids: Sequence[int]) -> int:
    """Read the dossiers of these row ids and their applicants in ``READERS`` parallel parts (SQLite;
    a no-op elsewhere, and outside ``MIN_ROWS``…``MAX_ROWS``). The number of dossiers read."""
    if db.dialect != "sqlite" or not MIN_ROWS <= len(rowids) <= MAX_ROWS:
        return 0
    ordered = sorted(rowids)
    size = -(-len(ordered) // READERS)
    parts = [ordered[i : i + size] for i in range(0, len(ordered), size)]

    def read(part: list[int]) -> int:
        with db.engine.connect() as conn:
            return len(conn.execute(_DOSSIER_AND_APPLICANT, {"rowids": part}).all())

    with ThreadPoolExecutor(max_workers=len(parts)) as pool:
        return sum(pool.map(read, parts))
