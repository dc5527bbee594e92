"""The event log is append-only in the database itself, and says what each hash covers (issue 14)

``events.hash_version``: the columns an event's hash covers (``db/event_log.HASH_VERSION``). The
events written before keep 1 (every column but ``actor_id``) and verify as they were hashed; the
events written from now on are hashed with version 2, which covers ``actor_id`` too.

Triggers refuse every UPDATE and DELETE of a row of ``events`` (and, on PostgreSQL, a TRUNCATE),
whoever runs it: a trigger binds the table's owner too, which grants do not. The application only
ever inserts events, so nothing of its own is refused; an edit by hand with a database tool now
fails with a clear error instead of silently breaking the hash chain. A forger who drops the
triggers first is still caught by ``events verify`` (the chain) and by the printed anchor.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

MESSAGE = "events are append-only: an event is never changed or deleted (counter_app)"
SQLITE_TRIGGERS = {
    "events_no_update": "UPDATE",
    "events_no_delete": "DELETE",
}
PG_FUNCTION = "counter_app_append_only"


def upgrade() -> None:
    op.add_column("events", sa.Column("hash_version", sa.SmallInteger(), nullable=False, server_default="1"))
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name, operation in SQLITE_TRIGGERS.items():
            bind.exec_driver_sql(
                f"CREATE TRIGGER {name} BEFORE {operation} ON events "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        return
    bind.exec_driver_sql(
        f"CREATE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation'; END $$"
    )
    bind.exec_driver_sql(
        f"CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events "
        f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
    )
    bind.exec_driver_sql(
        f"CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()"
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    else:
        bind.exec_driver_sql("DROP TRIGGER IF EXISTS events_no_truncate ON events")
        bind.exec_driver_sql("DROP TRIGGER IF EXISTS events_append_only ON events")
        bind.exec_driver_sql(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}()")
    op.drop_column("events", "hash_version")
