"""Supervisor's reports: pure queries over dossiers and events (no Qt, no PDF).

Every function checks the actor is a supervisor, counts by office-local days and returns frozen
dataclasses of plain values. Counting rules: ``common.py`` (population, open, waiting, overdue),
``period.py`` (the period report), ``end_of_day.py``, ``per_day.py`` (the period's day chart), ``lists.py`` and ``satisfaction.py``.
The reports over a set of dossiers take the user's choice of them as one ``ReportFilters``.
"""

from counter_app.services.reports.common import LabelledCount, ReportFilters
from counter_app.services.reports.dossier_lines import DossierLine
from counter_app.services.reports.end_of_day import Cancellation, DayReport, OfficerDay, end_of_day
from counter_app.services.reports.lists import RegisterRow, due_soon_list, overdue_list, register
from counter_app.services.reports.period import PeriodReport, PeriodRow, period_report
from counter_app.services.reports.satisfaction import (
    SatisfactionGroup,
    SatisfactionReport,
    satisfaction_report,
)

__all__ = [
    "Cancellation",
    "DayReport",
    "DossierLine",
    "LabelledCount",
    "OfficerDay",
    "PeriodReport",
    "PeriodRow",
    "RegisterRow",
    "ReportFilters",
    "SatisfactionGroup",
    "SatisfactionReport",
    "due_soon_list",
    "end_of_day",
    "overdue_list",
    "period_report",
    "register",
    "satisfaction_report",
]
