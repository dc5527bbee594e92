"""The province's wording of the slips' forms (issue 15)

``form_wordings``: a text of a slip's form (kind, key) as the province words it, over the wording
version the code carries; edited at the province, carried to the offices in its baseline bundles.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "form_wordings",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("kind", "key", name=op.f("pk_form_wordings")),
    )


def downgrade() -> None:
    op.drop_table("form_wordings")
