"""Slip input data ↔ JSON, so that an archived slip can be re-rendered on any workstation.

Only what the slip dataclasses use is supported: str, int, bool, None, aware ``datetime`` (ISO 8601
with its offset, so the office-local day never shifts), ``date``, nested frozen dataclasses, and
``tuple[X, ...]``. Anything else is a programming error and raises TypeError.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_json(value: object) -> Any:
    """A JSON-ready structure (dicts, lists, strings, numbers) for a slip dataclass."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise TypeError(f"naive datetime cannot be archived: {value!r}")
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot archive {type(value).__name__}: {value!r}")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_json(cls: type[T], raw: Any) -> T:
    """Rebuild ``cls`` from what ``to_json`` produced (unknown keys are an error, missing ones default)."""
    return _convert(cls, raw)


def _convert(tp: Any, raw: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if raw is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _convert(inner, raw)
    if origin is tuple:
        (inner, _ellipsis) = typing.get_args(tp)
        return tuple(_convert(inner, v) for v in raw)
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        unknown = set(raw) - set(hints)
        if unknown:
            raise TypeError(f"{tp.__name__}: unknown fields {sorted(unknown)}")
        return tp(**{name: _convert(hints[name], value) for name, value in raw.items()})
    if tp is datetime:
        return datetime.fromisoformat(raw)
    if tp is date:
        return date.fromisoformat(raw)
    if tp in (str, int, bool, float):
        if not isinstance(raw, tp) or (tp is int and isinstance(raw, bool)):
            raise TypeError(f"expected {tp.__name__}, got {raw!r}")
        return raw
    raise TypeError(f"unsupported type {tp!r}")
