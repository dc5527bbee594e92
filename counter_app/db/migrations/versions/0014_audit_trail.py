"""The audit trail: who looked at what, append-only and chained, apart from the events (issue 14)

``audit_records`` holds one row per read the office must account for (a dossier's detail opened, a
search and the codes it returned, a re-print, a report exported), chained per node like the events
(``audit_heads``) and guarded the same way: triggers refuse every UPDATE and DELETE (and TRUNCATE on
PostgreSQL), whoever runs them.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

MESSAGE = "audit records are append-only: a record is never changed or deleted (counter_app)"
SQLITE_TRIGGERS = {"audit_records_no_update": "UPDATE", "audit_records_no_delete": "DELETE"}
PG_FUNCTION = "counter_app_audit_append_only"


def upgrade() -> None:
    op.create_table(
        "audit_records",
        sa.Column("node_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_audit_records_actor_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_records")),
        sa.UniqueConstraint("node_id", "seq", name=op.f("uq_audit_records_node_id")),
    )
    op.create_index("ix_audit_records_at", "audit_records", ["at"], unique=False)
    op.create_table(
        "audit_heads",
        sa.Column("node_id", sa.String(length=40), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("node_id", name=op.f("pk_audit_heads")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name, operation in SQLITE_TRIGGERS.items():
            bind.exec_driver_sql(
                f"CREATE TRIGGER {name} BEFORE {operation} ON audit_records "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        return
    bind.exec_driver_sql(
        f"CREATE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation'; END $$"
    )
    bind.exec_driver_sql(
        "CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records "
        f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
    )
    bind.exec_driver_sql(
        "CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()"
    )


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_table("audit_heads")
    op.drop_index("ix_audit_records_at", table_name="audit_records")
    op.drop_table("audit_records")  # its triggers go with it
    if bind.dialect.name != "sqlite":
        bind.exec_driver_sql(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}()")
