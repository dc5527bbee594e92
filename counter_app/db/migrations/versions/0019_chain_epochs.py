"""Epochs after a restore, and the lost events sent back (issue 15)

``chain_epochs`` (an office): the new chain each workstation's node writes to after the database
was restored from a backup; ``chain_restores``: the restores themselves. ``exchange_returned`` (an office): the events it lost in that restore,
sent back by the province. ``exchange_rewinds`` (the province): the offices' restarted chains,
until the office has its lost events back.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chain_epochs",
        sa.Column("chain_id", sa.String(length=40), nullable=False),
        sa.Column("base_node_id", sa.String(length=40), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("continues_chain", sa.String(length=40), nullable=False),
        sa.Column("continues_seq", sa.BigInteger(), nullable=False),
        sa.Column("continues_hash", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("restored_from", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("chain_id", name=op.f("pk_chain_epochs")),
        sa.UniqueConstraint("base_node_id", "epoch", name=op.f("uq_chain_epochs_base_node_id")),
    )
    op.create_table(
        "chain_restores",
        sa.Column("restored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("restored_from", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain_restores")),
    )
    op.create_table(
        "exchange_returned",
        sa.Column("node_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("dossier_id", sa.Uuid(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event", sa.JSON(), nullable=False),
        sa.Column("bundle_id", sa.Uuid(), nullable=False),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("node_id", "seq", name=op.f("pk_exchange_returned")),
    )
    op.create_table(
        "exchange_rewinds",
        sa.Column("chain_id", sa.String(length=40), nullable=False),
        sa.Column("peer_fingerprint", sa.String(length=32), nullable=False),
        sa.Column("continues_chain", sa.String(length=40), nullable=False),
        sa.Column("continues_seq", sa.BigInteger(), nullable=False),
        sa.Column("continues_hash", sa.String(length=64), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("returned_to", sa.BigInteger(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("chain_id", name=op.f("pk_exchange_rewinds")),
    )


def downgrade() -> None:
    op.drop_table("exchange_rewinds")
    op.drop_table("exchange_returned")
    op.drop_table("chain_restores")
    op.drop_table("chain_epochs")
