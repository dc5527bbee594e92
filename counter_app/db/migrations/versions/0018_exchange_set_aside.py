"""Choosing a branch after a fork alarm (issue 15)

``exchange_set_aside`` keeps the events of the branch the province's admin did not keep (and the
later ones descending from it); ``exchange_fork_permits`` lets the resolution that keeps the other
branch take the replaced events out of ``exchange_events`` — the guard of that append-only table
now refuses a DELETE unless a permit row for the event's node and place exists, which only that
resolution writes and removes inside its own transaction.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

MESSAGE = "exchanged events are append-only: no event of an office is ever changed or deleted (counter_app)"
PG_FUNCTION = "counter_app_exchange_append_only"
PERMITTED = (
    "EXISTS (SELECT 1 FROM exchange_fork_permits p WHERE p.node_id = OLD.node_id AND OLD.seq >= p.from_seq)"
)


def upgrade() -> None:
    op.create_table(
        "exchange_fork_permits",
        sa.Column("node_id", sa.String(length=40), nullable=False),
        sa.Column("from_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("node_id", name=op.f("pk_exchange_fork_permits")),
    )
    op.create_table(
        "exchange_set_aside",
        sa.Column("fork_id", sa.Uuid(), nullable=False),
        sa.Column("node_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("branch", sa.String(length=10), nullable=False),
        sa.Column("event", sa.JSON(), nullable=False),
        sa.Column("set_aside_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_set_aside")),
        sa.UniqueConstraint("node_id", "seq", "hash", name=op.f("uq_exchange_set_aside_node_id")),
    )
    op.create_index(op.f("ix_exchange_set_aside_fork_id"), "exchange_set_aside", ["fork_id"], unique=False)
    with op.batch_alter_table("exchange_forks") as batch:
        batch.add_column(
            sa.Column("peer_fingerprint", sa.String(length=32), server_default="", nullable=False)
        )
    _guard(permit=True)


def downgrade() -> None:
    _guard(permit=False)
    with op.batch_alter_table("exchange_forks") as batch:
        batch.drop_column("peer_fingerprint")
    op.drop_index(op.f("ix_exchange_set_aside_fork_id"), table_name="exchange_set_aside")
    op.drop_table("exchange_set_aside")
    op.drop_table("exchange_fork_permits")


def _guard(*, permit: bool) -> None:
    """The DELETE guard of exchange_events: with or without the permit's exception."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        when = f" WHEN NOT {PERMITTED}" if permit else ""
        bind.exec_driver_sql("DROP TRIGGER exchange_events_no_delete")
        bind.exec_driver_sql(
            f"CREATE TRIGGER exchange_events_no_delete BEFORE DELETE ON exchange_events{when} "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )
        return
    # Nested: a TRUNCATE (statement-level) has no OLD row to read.
    allowed = f"IF TG_OP = 'DELETE' THEN IF {PERMITTED} THEN RETURN OLD; END IF; END IF; " if permit else ""
    bind.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {allowed}RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation'; END $$"
    )
