"""Indexes for reports that follow the period, not the history (issue 11)

ix_dossiers_resolved_at also holds the receipt date, and ix_dossiers_received_resolved is the other
way round: the period report finds the dossiers carried over into a period (received before it,
resolved since its start) inside an index — one seek a day of the history, or the resolutions since
the start — never reading the rows of those received in the period. ix_dossiers_status_legal_due:
the open dossiers due or overdue at an instant (end of day, overdue and due-soon lists) without
reading every open one.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-20
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_dossiers_resolved_at", table_name="dossiers")
    op.create_index(
        "ix_dossiers_resolved_at", "dossiers", ["resolved_at", "received_local_date"], unique=False
    )
    op.create_index(
        "ix_dossiers_received_resolved", "dossiers", ["received_local_date", "resolved_at"], unique=False
    )
    op.create_index("ix_dossiers_status_legal_due", "dossiers", ["status", "legal_due_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_dossiers_status_legal_due", table_name="dossiers")
    op.drop_index("ix_dossiers_received_resolved", table_name="dossiers")
    op.drop_index("ix_dossiers_resolved_at", table_name="dossiers")
    op.create_index("ix_dossiers_resolved_at", "dossiers", ["resolved_at"], unique=False)
