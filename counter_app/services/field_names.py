"""What a field (lĩnh vực) was called at an instant, and renaming one without rewriting history.

docs/domain-rules.md §3: fields and their names are data with effective dates. A dossier's lists and a report
over a past period show the field's name as it was then; the filter drop-downs and the catalogue
show the current name (Field.name).
"""

from __future__ import annotations

import uuid
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.models import Field, FieldName

# Sorts before every instant: the name a field had from the start.
_BEGINNING = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class FieldNames:
    """Every field's code and dated names, read once for a list or a report."""

    codes: dict[uuid.UUID, str]
    # field id → (valid-from instants ascending, names in the same order)
    history: dict[uuid.UUID, tuple[list[datetime], list[str]]]

    @classmethod
    def load(cls, session: Session) -> FieldNames:
        dated: dict[uuid.UUID, list[tuple[datetime, str]]] = defaultdict(list)
        for field_id, valid_from, name in session.execute(
            select(FieldName.field_id, FieldName.valid_from, FieldName.name)
        ):
            dated[field_id].append((valid_from or _BEGINNING, name))
        history = {}
        for field_id, names in dated.items():
            names.sort()
            history[field_id] = ([v for v, _ in names], [n for _, n in names])
        codes = {field_id: code for field_id, code in session.execute(select(Field.id, Field.code))}
        return cls(codes, history)

    def at(self, field_id: uuid.UUID | None, instant: datetime) -> str | None:
        """The name in force at ``instant`` (the earliest known name before any record)."""
        if field_id is None or field_id not in self.history:
            return None
        starts, names = self.history[field_id]
        return names[max(bisect_right(starts, instant) - 1, 0)]

    def labels_at(
        self, field_ids: Iterable[uuid.UUID | None], instant: datetime
    ) -> dict[uuid.UUID, tuple[str, str]]:
        """id → (code, name in force at ``instant``), as reports label their rows."""
        return {
            i: (self.codes[i], self.at(i, instant) or "")
            for i in field_ids
            if i is not None and i in self.codes
        }


def add_field(session: Session, code: str, name: str) -> Field:
    """A new field; its first name counts from the start."""
    field = Field(code=code, name=name)
    session.add(field)
    session.flush()
    session.add(FieldName(field_id=field.id, name=name, valid_from=None))
    return field


def rename_field(session: Session, field: Field, name: str, now: datetime) -> str | None:
    """Give ``field`` a new name from ``now`` on; the old name stays for what came before.

    Returns the previous name, or None when nothing changed.
    """
    if field.name == name:
        return None
    previous = field.name
    session.add(FieldName(field_id=field.id, name=name, valid_from=now))
    field.name = name
    return previous
