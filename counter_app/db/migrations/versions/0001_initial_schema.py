"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agencies")),
        sa.UniqueConstraint("code", name=op.f("uq_agencies_code")),
    )
    op.create_table(
        "applicants",
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column(
            "search_key",
            sa.String(length=200).with_variant(sa.String(length=200, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("id_number", sa.String(length=12), nullable=True),
        sa.Column("old_id_number", sa.String(length=12), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(length=8), nullable=True),
        sa.Column("phone", sa.String(length=15), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("read_from_card", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applicants")),
    )
    with op.batch_alter_table("applicants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_applicants_id_number"), ["id_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_applicants_phone"), ["phone"], unique=False)
        batch_op.create_index(batch_op.f("ix_applicants_search_key"), ["search_key"], unique=False)

    op.create_table(
        "cancelled_numbers",
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_cancelled_numbers")),
    )
    op.create_table(
        "daily_counters",
        sa.Column("unit_code", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("unit_code", "day", name=op.f("pk_daily_counters")),
    )
    op.create_table(
        "fields",
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fields")),
        sa.UniqueConstraint("code", name=op.f("uq_fields_code")),
    )
    op.create_table(
        "node_heads",
        sa.Column("node_id", sa.String(length=40), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("node_id", name=op.f("pk_node_heads")),
    )
    op.create_table(
        "offices",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("identifier_code", sa.String(length=40), nullable=False),
        sa.Column("governing_body", sa.String(length=300), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("hotline", sa.String(length=40), nullable=False),
        sa.Column("signatory_name", sa.String(length=200), nullable=False),
        sa.Column("signatory_title", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("time_policy", sa.String(length=10), nullable=False),
        sa.Column("sessions", sa.JSON(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offices")),
        sa.UniqueConstraint("identifier_code", name=op.f("uq_offices_identifier_code")),
    )
    op.create_table(
        "procedures",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("current_version_id", sa.Uuid(), nullable=True),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["current_version_id"],
            ["procedure_versions.id"],
            name=op.f("fk_procedures_current_version_id_procedure_versions"),
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedures")),
        sa.UniqueConstraint("code", name=op.f("uq_procedures_code")),
    )
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_procedures_search_key"), ["search_key"], unique=False)

    op.create_table(
        "calendar_overrides",
        sa.Column("office_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_calendar_overrides_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_overrides")),
        sa.UniqueConstraint("office_id", "day", name=op.f("uq_calendar_overrides_office_id")),
    )
    op.create_table(
        "procedure_versions",
        sa.Column("procedure_id", sa.Uuid(), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("field_id", sa.Uuid(), nullable=True),
        sa.Column("level", sa.String(length=60), nullable=False),
        sa.Column("full_online", sa.Boolean(), nullable=False),
        sa.Column("supplement_rule", sa.String(length=10), nullable=False),
        sa.Column("legal_bases", sa.JSON(), nullable=False),
        sa.Column("results", sa.JSON(), nullable=False),
        sa.Column("requirements", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["field_id"], ["fields.id"], name=op.f("fk_procedure_versions_field_id_fields")
        ),
        sa.ForeignKeyConstraint(
            ["procedure_id"], ["procedures.id"], name=op.f("fk_procedure_versions_procedure_id_procedures")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_versions")),
        sa.UniqueConstraint("procedure_id", "version_no", name=op.f("uq_procedure_versions_procedure_id")),
    )
    op.create_table(
        "users",
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"], name=op.f("fk_users_office_id_offices")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "channel_terms",
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("unit", sa.String(length=12), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("fees", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["procedure_versions.id"],
            name=op.f("fk_channel_terms_version_id_procedure_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_terms")),
        sa.UniqueConstraint("version_id", "channel", name=op.f("uq_channel_terms_version_id")),
    )
    op.create_table(
        "procedure_cases",
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["procedure_versions.id"],
            name=op.f("fk_procedure_cases_version_id_procedure_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_cases")),
    )
    op.create_table(
        "dossiers",
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=False),
        sa.Column("procedure_version_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("field_id", sa.Uuid(), nullable=True),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("applicant_id", sa.Uuid(), nullable=False),
        sa.Column("representative", sa.JSON(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_local_date", sa.Date(), nullable=False),
        sa.Column("received_by_id", sa.Uuid(), nullable=True),
        sa.Column("appointment_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("legal_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("current_unit_id", sa.Uuid(), nullable=True),
        sa.Column("return_method", sa.String(length=10), nullable=False),
        sa.Column("postal_address", sa.String(length=500), nullable=True),
        sa.Column("outcome", sa.String(length=10), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("apology_count", sa.Integer(), nullable=False),
        sa.Column("supplement_requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("register_seq", sa.Integer(), nullable=True),
        sa.Column("returned_to", sa.JSON(), nullable=True),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("satisfaction_reasons", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("intake_token", sa.String(length=64), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["applicant_id"], ["applicants.id"], name=op.f("fk_dossiers_applicant_id_applicants")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["procedure_cases.id"], name=op.f("fk_dossiers_case_id_procedure_cases")
        ),
        sa.ForeignKeyConstraint(
            ["current_unit_id"], ["agencies.id"], name=op.f("fk_dossiers_current_unit_id_agencies")
        ),
        sa.ForeignKeyConstraint(["field_id"], ["fields.id"], name=op.f("fk_dossiers_field_id_fields")),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"], name=op.f("fk_dossiers_office_id_offices")),
        sa.ForeignKeyConstraint(
            ["procedure_version_id"],
            ["procedure_versions.id"],
            name=op.f("fk_dossiers_procedure_version_id_procedure_versions"),
        ),
        sa.ForeignKeyConstraint(
            ["received_by_id"], ["users.id"], name=op.f("fk_dossiers_received_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossiers")),
        sa.UniqueConstraint("code", name=op.f("uq_dossiers_code")),
        sa.UniqueConstraint("intake_token", name=op.f("uq_dossiers_intake_token")),
    )
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dossiers_applicant_id"), ["applicant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dossiers_field_id"), ["field_id"], unique=False)
        batch_op.create_index(
            "ix_dossiers_office_local_date", ["office_id", "received_local_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_dossiers_status"), ["status"], unique=False)
        batch_op.create_index("ix_dossiers_status_appointment", ["status", "appointment_at"], unique=False)

    op.create_table(
        "guidance_records",
        sa.Column("office_id", sa.Uuid(), nullable=False),
        sa.Column("procedure_version_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("officer_id", sa.Uuid(), nullable=True),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["procedure_cases.id"], name=op.f("fk_guidance_records_case_id_procedure_cases")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_guidance_records_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["users.id"], name=op.f("fk_guidance_records_officer_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["procedure_version_id"],
            ["procedure_versions.id"],
            name=op.f("fk_guidance_records_procedure_version_id_procedure_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guidance_records")),
    )
    with op.batch_alter_table("guidance_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guidance_records_local_date"), ["local_date"], unique=False)

    op.create_table(
        "required_documents",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("original_qty", sa.Integer(), nullable=False),
        sa.Column("copy_qty", sa.Integer(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["procedure_cases.id"], name=op.f("fk_required_documents_case_id_procedure_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_required_documents")),
    )
    op.create_table(
        "dossier_documents",
        sa.Column("dossier_id", sa.Uuid(), nullable=False),
        sa.Column("required_document_id", sa.Uuid(), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("original_qty", sa.Integer(), nullable=False),
        sa.Column("copy_qty", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_dossier_documents_dossier_id_dossiers")
        ),
        sa.ForeignKeyConstraint(
            ["required_document_id"],
            ["required_documents.id"],
            name=op.f("fk_dossier_documents_required_document_id_required_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_documents")),
    )
    with op.batch_alter_table("dossier_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dossier_documents_dossier_id"), ["dossier_id"], unique=False)

    op.create_table(
        "events",
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
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_events_actor_id_users")),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_events_dossier_id_dossiers")),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"], name=op.f("fk_events_office_id_offices")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("node_id", "seq", name=op.f("uq_events_node_id")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_dossier_id"), ["dossier_id"], unique=False)
        batch_op.create_index("ix_events_kind_local_date", ["kind", "local_date"], unique=False)

    op.create_table(
        "pending_intakes",
        sa.Column("office_id", sa.Uuid(), nullable=False),
        sa.Column("applicant_id", sa.Uuid(), nullable=False),
        sa.Column("procedure_version_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("provided", sa.JSON(), nullable=False),
        sa.Column("missing", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("dossier_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["applicant_id"], ["applicants.id"], name=op.f("fk_pending_intakes_applicant_id_applicants")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["procedure_cases.id"], name=op.f("fk_pending_intakes_case_id_procedure_cases")
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_pending_intakes_dossier_id_dossiers")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_pending_intakes_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["procedure_version_id"],
            ["procedure_versions.id"],
            name=op.f("fk_pending_intakes_procedure_version_id_procedure_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_intakes")),
    )
    with op.batch_alter_table("pending_intakes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pending_intakes_applicant_id"), ["applicant_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pending_intakes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pending_intakes_applicant_id"))

    op.drop_table("pending_intakes")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_kind_local_date")
        batch_op.drop_index(batch_op.f("ix_events_dossier_id"))

    op.drop_table("events")
    with op.batch_alter_table("dossier_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dossier_documents_dossier_id"))

    op.drop_table("dossier_documents")
    op.drop_table("required_documents")
    with op.batch_alter_table("guidance_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guidance_records_local_date"))

    op.drop_table("guidance_records")
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.drop_index("ix_dossiers_status_appointment")
        batch_op.drop_index(batch_op.f("ix_dossiers_status"))
        batch_op.drop_index("ix_dossiers_office_local_date")
        batch_op.drop_index(batch_op.f("ix_dossiers_field_id"))
        batch_op.drop_index(batch_op.f("ix_dossiers_applicant_id"))

    op.drop_table("dossiers")
    op.drop_table("procedure_cases")
    op.drop_table("channel_terms")
    op.drop_table("users")
    op.drop_table("procedure_versions")
    op.drop_table("calendar_overrides")
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedures_search_key"))

    op.drop_table("procedures")
    op.drop_table("offices")
    op.drop_table("node_heads")
    op.drop_table("fields")
    op.drop_table("daily_counters")
    op.drop_table("cancelled_numbers")
    with op.batch_alter_table("applicants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applicants_search_key"))
        batch_op.drop_index(batch_op.f("ix_applicants_phone"))
        batch_op.drop_index(batch_op.f("ix_applicants_id_number"))

    op.drop_table("applicants")
    op.drop_table("agencies")
