"""The supervisor's reports as PDF bytes: pure functions from the report dataclasses of
``counter_app.services.reports`` (and a ``ReportHead``: office, date, who prepared it) to PDF.

Built with the slip toolkit (fonts, header, glyph checks, footer); the tables are the very
``counter_app.exports`` tables the XLSX and CSV files hold, so the numbers cannot differ.
"""

from counter_app.documents.reports.end_of_day import render_day_report
from counter_app.documents.reports.lists import (
    register_data,
    render_overdue_list,
    render_register_report,
    render_satisfaction_report,
)
from counter_app.documents.reports.page import LANDSCAPE, PORTRAIT, ReportHead
from counter_app.documents.reports.period import render_period_report

__all__ = [
    "LANDSCAPE",
    "PORTRAIT",
    "ReportHead",
    "register_data",
    "render_day_report",
    "render_overdue_list",
    "render_period_report",
    "render_register_report",
    "render_satisfaction_report",
]
