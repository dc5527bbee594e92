"""The province's view of an office dossier holds every column the reports read (issue 15)

``exchange_dossiers`` gains the office's id, the receipt's office-local date, the legal deadline,
since when the dossier waits for the citizen, its apologies and when its result was returned — as
the office's own row holds them, replayed from its events. Rows projected before are filled at the
next import that touches their dossier.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

COLUMNS = (
    "office_id",
    "received_local_date",
    "legal_due_at",
    "waiting_since",
    "apology_count",
    "returned_at",
)


def upgrade() -> None:
    with op.batch_alter_table("exchange_dossiers") as batch:
        batch.add_column(sa.Column("office_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("received_local_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("legal_due_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("waiting_since", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("apology_count", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("exchange_dossiers") as batch:
        for column in reversed(COLUMNS):
            batch.drop_column(column)
