"""tracking by field and officer

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.create_index(
            "ix_dossiers_field_received_at", ["field_id", "received_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_dossiers_officer_received_at", ["received_by_id", "received_at", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.drop_index("ix_dossiers_officer_received_at")
        batch_op.drop_index("ix_dossiers_field_received_at")
