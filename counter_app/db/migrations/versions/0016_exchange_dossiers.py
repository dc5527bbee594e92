"""The province's view of the offices' dossiers (issue 15)

``exchange_dossiers``: each office dossier as its exchanged events establish it, replayed at every
import — what the provincial hotline looks up by code or CCCD, read-only.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_dossiers",
        sa.Column("dossier_id", sa.Uuid(), nullable=False),
        sa.Column("peer_fingerprint", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("procedure_code", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("applicant_name", sa.String(length=200), nullable=False),
        sa.Column("applicant_id_number", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("appointment_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("current_unit", sa.String(length=40), nullable=True),
        sa.Column("last_event_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("dossier_id", name=op.f("pk_exchange_dossiers")),
    )
    op.create_index(op.f("ix_exchange_dossiers_code"), "exchange_dossiers", ["code"], unique=False)
    op.create_index(
        "ix_exchange_dossiers_id_number", "exchange_dossiers", ["applicant_id_number"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_exchange_dossiers_code", table_name="exchange_dossiers")
    op.drop_index("ix_exchange_dossiers_id_number", table_name="exchange_dossiers")
    op.drop_table("exchange_dossiers")
