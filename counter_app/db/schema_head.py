"""The schema revision this version of counter_app writes, known without loading Alembic.

It is the newest script in ``migrations/versions`` (tests/db/test_migrations.py checks it against
Alembic's own head, so a new migration must move it). A file stamped with it needs no migration:
the start-up reads one row of ``alembic_version`` instead of importing Alembic (issue 11).
"""

HEAD_REVISION = "0022"
