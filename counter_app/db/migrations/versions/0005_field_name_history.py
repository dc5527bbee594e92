"""field name history; the procedures → current version foreign key on PostgreSQL

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from uuid6 import uuid7

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


_CURRENT_VERSION_FK = "fk_procedures_current_version_id_procedure_versions"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        # 0001 declared it use_alter inside create_table, which PostgreSQL skips (SQLite has it
        # inline): a procedure could point at a version that does not exist.
        op.create_foreign_key(
            _CURRENT_VERSION_FK, "procedures", "procedure_versions", ["current_version_id"], ["id"]
        )
    field_names = op.create_table(
        "field_names",
        sa.Column("field_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["field_id"], ["fields.id"], name=op.f("fk_field_names_field_id_fields")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_names")),
    )
    op.create_index(op.f("ix_field_names_field_id"), "field_names", ["field_id"], unique=False)
    # Every existing field's current name counts from the start: earlier renames were not kept.
    fields = sa.table("fields", sa.column("id", sa.Uuid()), sa.column("name", sa.String()))
    rows = op.get_bind().execute(sa.select(fields.c.id, fields.c.name)).all()
    if rows:
        op.bulk_insert(
            field_names, [{"id": uuid7(), "field_id": i, "name": n, "valid_from": None} for i, n in rows]
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(_CURRENT_VERSION_FK, "procedures", type_="foreignkey")
    op.drop_index(op.f("ix_field_names_field_id"), table_name="field_names")
    op.drop_table("field_names")
