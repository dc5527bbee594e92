"""The province's reports: each office dossier's field, each office's calendar, indexes (issue 15)

``exchange_dossiers`` gains ``field_code``: the field the dossier counts in, as its intake event
states it (events written from now on), else the field of its procedure in the province's
catalogue — which is what the rows projected before get here. Indexes serve the province's
reports: the receipts by date, the open statuses, the resolutions since an instant, the offices'
events of a day (the end-of-day summary), and one office's dossiers newest first (its list). ``exchange_peers`` keeps each office's working
calendars as its newest bundle states them (``calendars``, ``calendars_at``).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_exchange_dossiers_received_local_date": ["received_local_date"],
    "ix_exchange_dossiers_peer_received_at": ["peer_fingerprint", "received_at"],
    "ix_exchange_dossiers_status": ["status"],
    "ix_exchange_dossiers_resolved_at": ["resolved_at"],
}


def upgrade() -> None:
    with op.batch_alter_table("exchange_dossiers") as batch:
        batch.add_column(sa.Column("field_code", sa.String(60), server_default="", nullable=False))
    op.execute(
        """
        UPDATE exchange_dossiers SET field_code = COALESCE((
            SELECT f.code FROM procedures p
            JOIN procedure_versions v ON v.id = p.current_version_id
            JOIN fields f ON f.id = v.field_id
            WHERE p.code = exchange_dossiers.procedure_code), '')
        """
    )
    for name, columns in INDEXES.items():
        op.create_index(name, "exchange_dossiers", columns)
    op.create_index("ix_exchange_events_local_date", "exchange_events", ["local_date", "kind"])
    with op.batch_alter_table("exchange_peers") as batch:
        batch.add_column(sa.Column("calendars", sa.JSON(), server_default="{}", nullable=False))
        batch.add_column(sa.Column("calendars_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("exchange_peers") as batch:
        batch.drop_column("calendars_at")
        batch.drop_column("calendars")
    op.drop_index("ix_exchange_events_local_date", table_name="exchange_events")
    for name in INDEXES:
        op.drop_index(name, table_name="exchange_dossiers")
    with op.batch_alter_table("exchange_dossiers") as batch:
        batch.drop_column("field_code")
