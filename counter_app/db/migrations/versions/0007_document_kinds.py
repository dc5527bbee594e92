"""What each catalogue line is at the counter, and the terms the portal states per case

required_documents.kind / part, dossier_documents.kind, procedure_versions.case_terms
(docs/catalog-rules.md).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


# Plain ADD COLUMN with a server default (SQLite and PostgreSQL): instant, no table copy. Rows
# imported before this revision were read as "every line is a document handed in".
def upgrade() -> None:
    op.add_column(
        "required_documents", sa.Column("kind", sa.String(10), nullable=False, server_default="submit")
    )
    op.add_column("required_documents", sa.Column("part", sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "dossier_documents", sa.Column("kind", sa.String(10), nullable=False, server_default="submit")
    )
    op.add_column(
        "procedure_versions", sa.Column("case_terms", sa.JSON(), nullable=False, server_default="[]")
    )


def downgrade() -> None:
    with op.batch_alter_table("procedure_versions") as batch:
        batch.drop_column("case_terms")
    with op.batch_alter_table("dossier_documents") as batch:
        batch.drop_column("kind")
    with op.batch_alter_table("required_documents") as batch:
        batch.drop_column("part")
        batch.drop_column("kind")
