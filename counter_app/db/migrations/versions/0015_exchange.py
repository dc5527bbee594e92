"""The exchange with the provincial centre (issue 15): keys, acknowledgements, offices' chains

``exchange_keys`` holds this database's Ed25519 key pair and, in an office, the province's public
key; ``exchange_acks`` how far the province has acknowledged each of the office's chains. At the
province: ``exchange_peers`` (enrolled offices), ``exchange_events`` (their events as hashed there,
append-only by triggers like ``events``), ``exchange_chains`` (each chain's applied head),
``exchange_pending`` (events that came before the ones they follow), ``exchange_forks`` (two
different events at one place of a chain). Both sides: ``exchange_bundles`` (every bundle read or
written).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

MESSAGE = "exchanged events are append-only: no event of an office is ever changed or deleted (counter_app)"
SQLITE_TRIGGERS = {"exchange_events_no_update": "UPDATE", "exchange_events_no_delete": "DELETE"}
PG_FUNCTION = "counter_app_exchange_append_only"
TABLES = (
    "exchange_pending",
    "exchange_peers",
    "exchange_keys",
    "exchange_forks",
    "exchange_events",
    "exchange_chains",
    "exchange_bundles",
    "exchange_acks",
)


def upgrade() -> None:
    op.create_table(
        "exchange_acks",
        sa.Column("node_id", sa.String(length=40), nullable=False),
        sa.Column("acked_seq", sa.BigInteger(), nullable=False),
        sa.Column("acked_hash", sa.String(length=64), nullable=False),
        sa.Column("acked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("node_id", name=op.f("pk_exchange_acks")),
    )
    op.create_table(
        "exchange_bundles",
        sa.Column("bundle_id", sa.Uuid(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("peer_fingerprint", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_exchange_bundles")),
    )
    op.create_table(
        "exchange_chains",
        sa.Column("node_id", sa.String(length=40), nullable=False),
        sa.Column("peer_fingerprint", sa.String(length=32), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("node_id", name=op.f("pk_exchange_chains")),
    )
    op.create_table(
        "exchange_events",
        sa.Column("node_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("dossier_id", sa.Uuid(), nullable=True),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("hash_version", sa.SmallInteger(), nullable=False),
        sa.Column("bundle_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_events")),
        sa.UniqueConstraint("node_id", "seq", name=op.f("uq_exchange_events_node_id")),
    )
    op.create_index(op.f("ix_exchange_events_dossier_id"), "exchange_events", ["dossier_id"], unique=False)
    op.create_table(
        "exchange_forks",
        sa.Column("node_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("stored_hash", sa.String(length=64), nullable=False),
        sa.Column("incoming_hash", sa.String(length=64), nullable=False),
        sa.Column("bundle_id", sa.Uuid(), nullable=False),
        sa.Column("branch", sa.JSON(), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_forks")),
    )
    op.create_index(op.f("ix_exchange_forks_node_id"), "exchange_forks", ["node_id"], unique=False)
    op.create_table(
        "exchange_keys",
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("private_key", sa.String(length=64), nullable=True),
        sa.Column("fingerprint", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("role", name=op.f("pk_exchange_keys")),
    )
    op.create_table(
        "exchange_peers",
        sa.Column("fingerprint", sa.String(length=32), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("office_code", sa.String(length=40), nullable=False),
        sa.Column("office_name", sa.String(length=300), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("enrolled_by", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_exchange_peers")),
    )
    op.create_table(
        "exchange_pending",
        sa.Column("node_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("peer_fingerprint", sa.String(length=32), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("event", sa.JSON(), nullable=False),
        sa.Column("bundle_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("node_id", "seq", name=op.f("pk_exchange_pending")),
    )

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name, operation in SQLITE_TRIGGERS.items():
            bind.exec_driver_sql(
                f"CREATE TRIGGER {name} BEFORE {operation} ON exchange_events "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        return
    bind.exec_driver_sql(
        f"CREATE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation'; END $$"
    )
    bind.exec_driver_sql(
        "CREATE TRIGGER exchange_events_append_only BEFORE UPDATE OR DELETE ON exchange_events "
        f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
    )
    bind.exec_driver_sql(
        "CREATE TRIGGER exchange_events_no_truncate BEFORE TRUNCATE ON exchange_events "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()"
    )


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_index("ix_exchange_forks_node_id", table_name="exchange_forks")
    op.drop_index("ix_exchange_events_dossier_id", table_name="exchange_events")
    for table in TABLES:
        op.drop_table(table)  # exchange_events' triggers go with it
    if bind.dialect.name != "sqlite":
        bind.exec_driver_sql(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}()")
