"""Average processing time of the period report: working days from receipt to resolution.

Measured in Python with the office calendar (``clock.WorkClock``) on the resolved dossiers that
``period_sql.processing_rows`` returns: all of them up to ``PROCESSING_LIMIT``, else a sample.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from math import fsum

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from counter_app.db.models import Office
from counter_app.services.offices import calendar_for
from counter_app.services.reports.clock import WorkClock
from counter_app.services.reports.period_sql import Bounds, processing_rows
from counter_app.services.reports.sqlkit import gc_paused


def measure(
    session: Session,
    key: ColumnElement[object],
    bounds: Bounds,
    where: list[ColumnElement[bool]],
    resolved: int,
    out: dict[tuple[object, str], list[float]],
) -> bool:
    """Working days of the resolved dossiers measured, per (row key, outcome); whether all were."""
    if not resolved:
        return True
    with gc_paused():  # thousands of short-lived tuples: no collection of the whole heap meanwhile
        rows, exact = processing_rows(session, key, bounds, where, resolved)
        per_office: dict[uuid.UUID, tuple[list[tuple[object, str]], list[float], list[float]]] = {}
        for k, office_id, received_at, resolved_at, outcome in rows:
            cells, starts, ends = per_office.get(office_id) or per_office.setdefault(office_id, ([], [], []))
            cells.append((k, outcome))
            starts.append(received_at)
            ends.append(resolved_at)
        for office_id, (cells, starts, ends) in per_office.items():
            office = session.get(Office, office_id)
            assert office is not None
            clock = WorkClock(calendar_for(session, office))
            for cell, value in zip(cells, clock.working_days_between(starts, ends), strict=True):
                out[cell].append(value)
    return exact


def average(
    samples: dict[tuple[object, str], list[float]],
    counts: Counter[tuple[object, str]],
    keys: set[object] | None,
) -> tuple[float | None, int]:
    """Mean processing time over the resolved dossiers of ``keys`` (None: every key), and how many were
    measured. Each (key, outcome) cell's measured mean is weighted by the cell's exact count
    (post-stratification): the plain mean when every dossier was measured, and a sample that happens
    to hold too many of a slow field or of late dossiers does not bias the estimate. A cell without
    measures takes its key's mean, else (total row only) the mean of all measures."""
    mine = {cell: v for cell, v in samples.items() if v and (keys is None or cell[0] in keys)}
    if not mine:
        return None, 0
    by_key: dict[object, list[float]] = defaultdict(list)
    for (k, _), values in samples.items():
        by_key[k].extend(values)
    everything = [v for values in samples.values() for v in values]
    terms: list[float] = []
    weight = 0
    for (k, outcome), n in counts.items():
        if keys is not None and k not in keys:
            continue
        values = samples.get((k, outcome)) or by_key.get(k) or everything
        terms.append(n * fsum(values) / len(values))
        weight += n
    # fsum: correctly rounded, so the figure does not depend on the order the cells were counted in.
    return (fsum(terms) / weight if weight else None), sum(len(v) for v in mine.values())
