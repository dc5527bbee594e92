"""An event as one line of a bundle, and back: every column its hash covers, and the hash.

The line carries exactly what ``db.event_log.hash_fields`` hashes, so the receiver recomputes each
event's hash from the line alone; nothing else of the office's database travels with it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from counter_app.db.event_log import HASHED_FIELDS, canonical_json, hash_fields
from counter_app.domain.errors import Message

_UUIDS = ("id", "office_id", "dossier_id", "actor_id")
_LONGEST = {"node_id": 40, "kind": 40, "actor": 60, "prev_hash": 64}


def event_line(row: Any) -> dict[str, object]:
    """The JSON-able line of an event: a row (an ``Event``, a row with its columns) or a mapping of
    its typed columns (``event_fields`` and the hash)."""
    line: dict[str, object] = {}
    read = row.__getitem__ if isinstance(row, Mapping) else lambda name: getattr(row, name)
    for name in (*HASHED_FIELDS, "hash"):
        value = read(name)
        if isinstance(value, uuid.UUID):
            value = str(value)
        elif isinstance(value, datetime):
            value = value.astimezone(UTC).isoformat(timespec="microseconds")
        elif isinstance(value, date):
            value = value.isoformat()
        line[name] = value
    return line


def line_bytes(line: dict[str, object]) -> bytes:
    return (canonical_json(line) + "\n").encode("utf-8")


def event_fields(line: dict[str, object]) -> dict[str, Any]:
    """The typed columns of a line (ValueError, with a Message, when it is not an event's line)."""
    try:
        fields: dict[str, Any] = {name: line[name] for name in HASHED_FIELDS}
        for name in _UUIDS:
            fields[name] = uuid.UUID(str(fields[name])) if fields[name] is not None else None
        fields["occurred_at"] = datetime.fromisoformat(str(fields["occurred_at"])).astimezone(UTC)
        fields["local_date"] = date.fromisoformat(str(fields["local_date"]))
        fields["seq"], fields["hash_version"] = int(fields["seq"]), int(fields["hash_version"])
        if not isinstance(line["hash"], str) or not isinstance(fields["payload"], dict):
            raise TypeError
        for name, longest in _LONGEST.items():  # the columns' sizes: PostgreSQL refuses longer
            if not isinstance(fields[name], str) or len(fields[name]) > longest:
                raise TypeError
        if len(line["hash"]) > _LONGEST["prev_hash"]:
            raise TypeError
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(Message("một dòng không phải sự kiện ({error})", error=type(exc).__name__)) from exc
    return fields


def typed_line(line: dict[str, object]) -> dict[str, Any]:
    """A stored line's typed columns and its hash (a line already checked once)."""
    return {**event_fields(line), "hash": line["hash"]}


def hash_matches(line: dict[str, object], fields: dict[str, Any] | None = None) -> bool:
    """The line's hash recomputed from its columns (``fields``: already read by ``event_fields``)."""
    return hash_fields(**(fields if fields is not None else event_fields(line))) == line["hash"]
