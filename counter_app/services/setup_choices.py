"""What the set-up wizard lists: a procedure the office may receive, and which ones suit its level.

Plain data and rules, no database: the wizard imports them before the database stack loads (issue
11). Reading the catalogue files into choices is services/office_setup.procedure_choices, which
re-exports these.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from counter_app.domain.errors import ValidationError
from counter_app.services.setup_spec import CATALOG_LEVELS, OFFICE_LEVELS


@dataclass(frozen=True)
class ProcedureChoice:
    """A procedure the wizard offers to receive. ``level``: the catalogue's "province", "ward",
    "province,ward", or "" (the portal marks no level)."""

    code: str
    name: str
    field_code: str
    field_name: str
    level: str


def record_levels(level: str) -> frozenset[str]:
    """The catalogue levels of a record: "province,ward" → {"province", "ward"}; "" → {}."""
    return frozenset(part.strip() for part in level.split(",") if part.strip())


def choices_for_level(choices: Iterable[ProcedureChoice], level: str) -> list[ProcedureChoice]:
    """The choices an office of ``level`` (setup_spec.OFFICE_LEVELS) may receive.

    A record of several levels ("province,ward") is offered to each of them. A record without a
    level ("", 17 of the bundled 402) is offered at every level: the portal left it unmarked, and
    hiding a procedure an office does receive is worse than listing one it leaves unticked."""
    if level not in CATALOG_LEVELS:
        raise ValidationError(
            "Cấp đơn vị «{level}» không hợp lệ (dùng: {names}).",
            level=level,
            names=", ".join(OFFICE_LEVELS),
            field="level",
        )
    offered = CATALOG_LEVELS[level]
    return [c for c in choices if not record_levels(c.level) or record_levels(c.level) & offered]
