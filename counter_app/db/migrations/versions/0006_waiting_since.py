"""dossiers.supplement_requested_at becomes waiting_since (supplement or financial obligation)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


# A plain RENAME COLUMN (SQLite ≥ 3.25, PostgreSQL): instant, where a batch table copy would
# rewrite every dossier of a large office.
def upgrade() -> None:
    op.execute("ALTER TABLE dossiers RENAME COLUMN supplement_requested_at TO waiting_since")


def downgrade() -> None:
    op.execute("ALTER TABLE dossiers RENAME COLUMN waiting_since TO supplement_requested_at")
