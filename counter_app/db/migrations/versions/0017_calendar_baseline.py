"""The province's calendar baseline (issue 15)

``calendar_baseline``: days off and working days the province decides for every office (a holiday
moved, a provincial day off), edited at the province and carried to the offices in its baseline
bundles; an office's own ``calendar_overrides`` still win over it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_baseline",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_baseline")),
    )


def downgrade() -> None:
    op.drop_table("calendar_baseline")
