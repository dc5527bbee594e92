"""The schema is Core tables (db/tables); the ORM classes (db/models) are mapped onto them.

A class states its columns' Python types for the type checker (``code: Mapped[str]``); those
annotations must say what the table says: the same columns, and ``| None`` exactly where the
column may be NULL. And the tables must be usable without the ORM: that is what they are for.
"""

from __future__ import annotations

import subprocess
import sys
import typing

import pytest
from sqlalchemy import Table
from sqlalchemy.orm import Mapped

import counter_app.db.models  # noqa: F401 (maps every class onto its table)
from counter_app.db import tables
from counter_app.db.base import Base

MAPPERS = sorted(Base.registry.mappers, key=lambda m: m.class_.__name__)


def _column_annotations(cls: type) -> dict[str, object]:
    """The class's own ``Mapped[...]`` annotations of plain columns (not relationships)."""
    hints = typing.get_type_hints(cls)
    relationships = {rel.key for rel in cls.__mapper__.relationships}  # type: ignore[attr-defined]
    found = {}
    for name, hint in hints.items():
        if typing.get_origin(hint) is Mapped and name not in relationships:
            found[name] = typing.get_args(hint)[0]
    return found


@pytest.mark.parametrize("mapper", MAPPERS, ids=lambda m: m.class_.__name__)
def test_each_class_states_its_tables_columns(mapper) -> None:
    table = mapper.local_table
    assert isinstance(table, Table)
    assert getattr(tables, table.name) is table, "the class is mapped onto the table of db/tables"
    annotated = _column_annotations(mapper.class_)
    assert set(annotated) == set(table.columns.keys())
    for name, python_type in annotated.items():
        optional = type(None) in typing.get_args(python_type)
        column = table.columns[name]
        assert optional == (column.nullable and not column.primary_key), (
            f"{mapper.class_.__name__}.{name}: the annotation says "
            f"{'optional' if optional else 'required'}, the column nullable={column.nullable}"
        )


def test_every_table_is_mapped_once() -> None:
    mapped = [m.local_table.name for m in MAPPERS]
    assert sorted(mapped) == sorted(tables.metadata.tables)


def test_the_tables_load_without_the_orm() -> None:
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, counter_app.db.tables as t; "
            "print(len(t.metadata.tables), 'sqlalchemy.orm' in sys.modules, 'uuid6' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert loaded == [str(len(tables.metadata.tables)), "False", "False"]
