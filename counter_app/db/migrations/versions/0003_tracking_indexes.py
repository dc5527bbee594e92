"""tracking indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.create_index("ix_dossiers_received_at_id", ["received_at", "id"], unique=False)
        batch_op.create_index("ix_dossiers_status_received_at", ["status", "received_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.drop_index("ix_dossiers_status_received_at")
        batch_op.drop_index("ix_dossiers_received_at_id")
