"""Dossiers with what names them: the applicant, the procedure (version) and the unit holding each.

Every screen and list that shows dossiers one per line — the dossier opened by its code
(``lookup``), the citizen search, the tracking list, the report lists (``reports/dossier_lines``),
the register (``reports/lists``, ``slips/batch``) — reads the same joins; they are written here once.
Each join follows a foreign key to a primary key and filters nothing, so a query's plan stays the
one its own WHERE and ORDER BY choose (these queries are benchmarked at 1M dossiers).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select

from counter_app.db.tables import agencies, applicants, dossiers, procedure_versions, procedures


def named_dossiers(*columns: Any, procedure: bool = True, unit: bool = True) -> Select[Any]:
    """``SELECT columns FROM dossiers JOIN applicants JOIN procedure_versions``, then ``JOIN
    procedures`` (with ``procedure``) and ``LEFT JOIN agencies`` on the current unit (with ``unit``).

    A caller leaves out a join it reads nothing from, so its statement stays what it was.
    """
    stmt = (
        select(*columns)
        .join(applicants, applicants.c.id == dossiers.c.applicant_id)
        .join(procedure_versions, procedure_versions.c.id == dossiers.c.procedure_version_id)
    )
    if procedure:
        stmt = stmt.join(procedures, procedures.c.id == procedure_versions.c.procedure_id)
    if unit:
        # Outer: a dossier not handed to a unit yet has none.
        stmt = stmt.outerjoin(agencies, agencies.c.id == dossiers.c.current_unit_id)
    return stmt
