"""Users: a one-time password to replace at the next log-in; log-in failures and locks per typed name

users.must_change_password, table login_throttle (issue 10: the counter PC faces the public).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


# Plain ADD COLUMN with a server default (SQLite and PostgreSQL): instant, no table copy. Users made
# before this revision chose their passwords (or are the demo's): none is forced to change it.
def upgrade() -> None:
    op.add_column(
        "users",
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "login_throttle",
        sa.Column("username_key", sa.String(length=60), nullable=False),
        sa.Column("failures", sa.JSON(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("username_key", name=op.f("pk_login_throttle")),
    )


def downgrade() -> None:
    op.drop_table("login_throttle")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("must_change_password")
