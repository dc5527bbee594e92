"""The office's layer over the catalogue: received or not, published shorter term, handling unit

Table office_procedures (docs/office-catalogue.md).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_procedures",
        sa.Column("office_id", sa.Uuid(), nullable=False),
        sa.Column("procedure_id", sa.Uuid(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("term_amount", sa.Numeric(10, 2), nullable=True),
        sa.Column("term_unit", sa.String(length=12), nullable=True),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"]),
        sa.ForeignKeyConstraint(["procedure_id"], ["procedures.id"]),
        sa.ForeignKeyConstraint(["unit_id"], ["agencies.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("office_id", "procedure_id"),
    )


def downgrade() -> None:
    op.drop_table("office_procedures")
