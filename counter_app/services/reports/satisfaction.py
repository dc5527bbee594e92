"""Satisfaction of the citizens served in a range of office-local days.

Counted over the results returned on those days (``return_result`` events: satisfaction is asked when
the result is handed over), excluding dossiers cancelled since. A return without an answer counts as
"unanswered". By level (1 Rất hài lòng … 5 Rất không hài lòng), by reason (a return may give several),
by procedure and by the officer who returned the result. The satisfied share is levels 1–2 over the
answered returns (None without answers).
"""

from __future__ import annotations

import json
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import String, cast, func, select

from counter_app.db.database import Database
from counter_app.db.models import Dossier, Event, Procedure, ProcedureVersion, User
from counter_app.domain.lifecycle import Status
from counter_app.services.actor import Actor
from counter_app.services.reports.common import (
    NO_FILTERS,
    SATISFACTION_LEVELS,
    LabelledCount,
    ReportFilters,
    all_offices,
    build_filters,
    check_range,
    names,
    report_session,
    require_supervisor,
)


@dataclass(frozen=True)
class SatisfactionGroup:
    key: str  # procedure code / officer username ("" when unknown)
    label: str
    levels: tuple[int, int, int, int, int]  # returns answered with level 1 … 5
    unanswered: int
    answered: int
    satisfied_share: float | None


@dataclass(frozen=True)
class SatisfactionReport:
    date_from: date
    date_to: date
    returned: int
    answered: int
    unanswered: int
    satisfied_share: float | None
    by_level: tuple[LabelledCount, ...]
    by_reason: tuple[LabelledCount, ...]
    by_procedure: tuple[SatisfactionGroup, ...]
    by_officer: tuple[SatisfactionGroup, ...]


def _group(key: str, label: str, counts: Counter[int | None]) -> SatisfactionGroup:
    levels = tuple(counts[level] for level in SATISFACTION_LEVELS)
    answered = sum(levels)
    share = (levels[0] + levels[1]) / answered if answered else None
    return SatisfactionGroup(key, label, levels, counts[None], answered, share)  # type: ignore[arg-type]


def satisfaction_report(
    db: Database,
    actor: Actor,
    date_from: date,
    date_to: date,
    *,
    filters: ReportFilters = NO_FILTERS,
) -> SatisfactionReport:
    """Satisfaction (module docstring); ``filters.officer_ids`` selects the officers who returned the
    results (not who received the dossiers)."""
    require_supervisor(actor)
    first, last = check_range(date_from, date_to)
    with report_session(db) as session:
        # The officers are matched to the return events below, not to the dossiers' receiver, so they
        # are checked apart (after the rest, as they always were).
        flt = build_filters(session, replace(filters, officer_ids=()))
        officers = build_filters(session, ReportFilters(officer_ids=filters.officer_ids)).officer_ids
        offices = all_offices(session, flt.office_ids)
        where = [
            Event.kind == "return_result",
            Event.local_date >= first,
            Event.local_date <= last,
            Event.office_id.in_([o.id for o in offices]),
            Dossier.status != str(Status.CANCELLED),
            *flt.conditions(),
        ]
        if officers is not None:
            where.append(Event.actor_id.in_(officers))
        reasons_text = cast(Dossier.satisfaction_reasons, String)  # PostgreSQL cannot group by json
        grouped = (
            select(
                Dossier.procedure_version_id, Event.actor_id, Dossier.satisfaction, reasons_text, func.count()
            )
            .select_from(Event)
            .join(Dossier, Dossier.id == Event.dossier_id)
            .where(*where)
            .group_by(Dossier.procedure_version_id, Event.actor_id, Dossier.satisfaction, reasons_text)
        )
        versions = dict(
            session.execute(
                select(ProcedureVersion.id, Procedure.code).join(
                    Procedure, Procedure.id == ProcedureVersion.procedure_id
                )
            ).all()
        )
        by_procedure: dict[str, Counter[int | None]] = defaultdict(Counter)
        by_officer: dict[uuid.UUID | None, Counter[int | None]] = defaultdict(Counter)
        reasons: Counter[str] = Counter()
        for version_id, officer, level, text, n in session.execute(grouped):
            by_procedure[versions.get(version_id, "")][level] += n
            by_officer[officer][level] += n
            for reason in (json.loads(text) if text else None) or ():  # SQL NULL or JSON null
                reasons[str(reason)] += n
        procedure_names = dict(
            session.execute(
                select(Procedure.code, ProcedureVersion.name)
                .join(ProcedureVersion, ProcedureVersion.id == Procedure.current_version_id)
                .where(Procedure.code.in_([k for k in by_procedure if k]))
            ).all()
        )
        users = names(session, User, [k for k in by_officer if isinstance(k, uuid.UUID)])
    overall: Counter[int | None] = Counter()
    for counts in by_procedure.values():
        overall.update(counts)
    total = _group("", "", overall)
    procedures = [_group(str(k), procedure_names.get(k, ""), c) for k, c in by_procedure.items()]
    people = [_group(*users.get(k, ("", "Không rõ")), c) for k, c in by_officer.items()]  # type: ignore[arg-type]
    return SatisfactionReport(
        first,
        last,
        returned=total.answered + total.unanswered,
        answered=total.answered,
        unanswered=total.unanswered,
        satisfied_share=total.satisfied_share,
        by_level=tuple(LabelledCount(str(k), v, overall[k]) for k, v in SATISFACTION_LEVELS.items()),
        by_reason=tuple(
            LabelledCount(r, r, n) for r, n in sorted(reasons.items(), key=lambda x: (-x[1], x[0]))
        ),
        by_procedure=tuple(sorted(procedures, key=lambda g: g.key)),
        by_officer=tuple(sorted(people, key=lambda g: (g.key, g.label))),
    )
