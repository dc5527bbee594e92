"""Office administration: the office's dated printed identity, dated unit names, retired units

offices.province/level/email; table office_profiles (the identity a slip printed at an instant);
table agency_names (a unit's name at an instant); agencies.retired_at (issue 10).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-16
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from uuid6 import uuid7

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_PRINTED = (
    "name",
    "governing_body",
    "place",
    "address",
    "hotline",
    "email",
    "signatory_name",
    "signatory_title",
    "province",
    "level",
)


def upgrade() -> None:
    # Plain ADD COLUMN with a server default (instant on both backends): existing offices get "".
    op.add_column("offices", sa.Column("province", sa.String(length=100), nullable=False, server_default=""))
    op.add_column("offices", sa.Column("level", sa.String(length=30), nullable=False, server_default=""))
    op.add_column("offices", sa.Column("email", sa.String(length=200), nullable=False, server_default=""))
    op.add_column("agencies", sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True))
    profiles = op.create_table(
        "office_profiles",
        sa.Column("office_id", sa.Uuid(), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("governing_body", sa.String(length=300), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("hotline", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("signatory_name", sa.String(length=200), nullable=False),
        sa.Column("signatory_title", sa.String(length=200), nullable=False),
        sa.Column("province", sa.String(length=100), nullable=False),
        sa.Column("level", sa.String(length=30), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_office_profiles_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_profiles")),
    )
    op.create_index(op.f("ix_office_profiles_office_id"), "office_profiles", ["office_id"], unique=False)
    names = op.create_table(
        "agency_names",
        sa.Column("agency_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_agency_names_agency_id_agencies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_names")),
    )
    op.create_index(op.f("ix_agency_names_agency_id"), "agency_names", ["agency_id"], unique=False)

    # What each office and unit is called now counts from the start: earlier values were not kept.
    bind = op.get_bind()
    offices = sa.table("offices", sa.column("id", sa.Uuid()), *(sa.column(c, sa.String()) for c in _PRINTED))
    rows = bind.execute(sa.select(offices)).mappings().all()
    if rows:
        op.bulk_insert(
            profiles, [{**row, "id": uuid7(), "office_id": row["id"], "valid_from": None} for row in rows]
        )
    agencies = sa.table("agencies", sa.column("id", sa.Uuid()), sa.column("name", sa.String()))
    units = bind.execute(sa.select(agencies.c.id, agencies.c.name)).all()
    if units:
        op.bulk_insert(
            names, [{"id": uuid7(), "agency_id": i, "name": n, "valid_from": None} for i, n in units]
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_agency_names_agency_id"), table_name="agency_names")
    op.drop_table("agency_names")
    op.drop_index(op.f("ix_office_profiles_office_id"), table_name="office_profiles")
    op.drop_table("office_profiles")
    with op.batch_alter_table("agencies") as batch:
        batch.drop_column("retired_at")
    with op.batch_alter_table("offices") as batch:
        batch.drop_column("email")
        batch.drop_column("level")
        batch.drop_column("province")
