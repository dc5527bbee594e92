"""The period report's covering index (issue 11)

ix_dossiers_period_covering holds, after the office and the receipt date, every column the period
report reads of a dossier received in the period: the id (the withdraw / stop events are found by
it), what its classification looks at (status, channel, resolution instant and outcome, apologies,
legal deadline, waiting) and both row keys (field, current unit). SQLite reads the period's own
dossiers from the index alone, by ranges of receipt days, instead of the table's much wider rows.

The id comes right after the receipt date: ids grow with the receipt, so a day's entries keep the
order of its rows in the table, as in ix_dossiers_office_local_date — a query SQLite now walks this
index for (a register over a date range) reads the table in the same order as before. On SQLite,
a file whose dossiers already have planner statistics gets them for this index too (sampled, as
``Database.refresh_statistics`` does), or SQLite's default guesses would make it look more selective
than any analysed index.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-27
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

NAME = "ix_dossiers_period_covering"
COLUMNS = [
    "office_id",
    "received_local_date",
    "id",
    "status",
    "channel",
    "resolved_at",
    "outcome",
    "apology_count",
    "legal_due_at",
    "waiting_since",
    "field_id",
    "current_unit_id",
]


def upgrade() -> None:
    op.create_index(NAME, "dossiers", COLUMNS, unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        analysed = bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
        if analysed and bind.exec_driver_sql("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'dossiers'").first():
            bind.exec_driver_sql("PRAGMA analysis_limit=400")  # (db.database.ANALYSIS_LIMIT)
            bind.exec_driver_sql(f'ANALYZE "{NAME}"')


def downgrade() -> None:
    op.drop_index(NAME, table_name="dossiers")
