"""A field (lĩnh vực) renamed by a catalogue import never rewrites history (docs/domain-rules.md §3).

Dossiers received before the rename are listed under the old name, later ones under the new; a
report over a period that ended before the rename keeps the old name; the filter drop-downs and
the catalogue show the current name.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from testdata import PORTAL_DETAILS, TZ

from counter_app.db.database import Database
from counter_app.db.models import Event, Field, FieldName
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.catalog import import_paths, show_procedure
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.reports import due_soon_list, end_of_day, period_report
from counter_app.services.tracking import TrackFilter, filter_choices, list_dossiers

OLD = "Lao động, tiền lương"
NEW = "Lao động, tiền lương và quan hệ lao động"
FRIDAY_9AM = datetime(2026, 11, 20, 9, 0, tzinfo=TZ)
RENAMED_AT = datetime(2026, 11, 23, 10, 0, tzinfo=TZ)  # Monday
INTAKE = IntakeRequest("2.001955", ApplicantInput(full_name="Vũ Thị Thu Hà"))


def _renamed_record(tmp_path: Path) -> Path:
    data = json.loads((PORTAL_DETAILS / "2.001955.json").read_text(encoding="utf-8"))
    assert data["data"]["categoriesDetails"][0]["name"] == OLD
    data["data"]["categoriesDetails"][0]["name"] = NEW
    path = tmp_path / "2.001955.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _before_and_after(db: Database, officer: Actor, admin: Actor, tmp_path: Path) -> tuple[str, str]:
    before = receive(db, officer, INTAKE, now=FRIDAY_9AM).code
    import_paths(db, admin, [_renamed_record(tmp_path)], now=RENAMED_AT)
    after = receive(db, officer, INTAKE, now=RENAMED_AT + timedelta(minutes=5)).code
    return before, after


def test_given_renamed_field_then_each_dossier_listed_under_the_name_it_was_received_under(
    db: Database, officer: Actor, supervisor: Actor, admin: Actor, tmp_path: Path
) -> None:
    before, after = _before_and_after(db, officer, admin, tmp_path)

    page = list_dossiers(db, officer, TrackFilter(), now=RENAMED_AT + timedelta(hours=1))
    listed = {row.code: row.field_name for row in page.rows}
    assert (listed[before], listed[after]) == (OLD, NEW)
    lines = due_soon_list(db, supervisor, datetime(2026, 11, 30, 8, 0, tzinfo=TZ), working_days=5)
    due = {line.code: line.field_name for line in lines}
    assert (due[before], due[after]) == (OLD, NEW)


def test_given_renamed_field_then_reports_name_it_as_at_the_period_end(
    db: Database, officer: Actor, supervisor: Actor, admin: Actor, tmp_path: Path
) -> None:
    _before_and_after(db, officer, admin, tmp_path)

    friday = period_report(db, supervisor, date(2026, 11, 20), date(2026, 11, 20))
    both = period_report(db, supervisor, date(2026, 11, 20), date(2026, 11, 23))
    assert [(r.code, r.label, r.received) for r in friday.rows] == [("G09-NV23", OLD, 1)]
    # One field, one row: the rename does not split its dossiers.
    assert [(r.code, r.label, r.received) for r in both.rows] == [("G09-NV23", NEW, 2)]
    assert [(f.label, f.count) for f in end_of_day(db, supervisor, date(2026, 11, 20)).received_by_field] == [
        (OLD, 1)
    ]
    assert [(f.label, f.count) for f in end_of_day(db, supervisor, date(2026, 11, 23)).received_by_field] == [
        (NEW, 1)
    ]


def test_given_rename_just_after_local_midnight_then_the_day_before_keeps_the_old_name(
    db: Database, officer: Actor, supervisor: Actor, admin: Actor, tmp_path: Path
) -> None:
    receive(db, officer, INTAKE, now=FRIDAY_9AM)
    # 05:00 on Saturday in Hà Nội is still Friday in UTC: the rename is after Friday's period.
    import_paths(db, admin, [_renamed_record(tmp_path)], now=datetime(2026, 11, 21, 5, 0, tzinfo=TZ))

    friday = period_report(db, supervisor, date(2026, 11, 20), date(2026, 11, 20))
    assert [(r.code, r.label) for r in friday.rows] == [("G09-NV23", OLD)]


def test_given_renamed_field_then_current_name_in_filters_and_catalogue_and_rename_is_an_event(
    db: Database, officer: Actor, admin: Actor, tmp_path: Path
) -> None:
    _before_and_after(db, officer, admin, tmp_path)

    assert NEW in [c.label for c in filter_choices(db)["fields"]]
    assert OLD not in [c.label for c in filter_choices(db)["fields"]]
    assert show_procedure(db, "2.001955").field_name == NEW
    with db.read() as session:
        field = session.execute(select(Field).where(Field.code == "G09-NV23")).scalar_one()
        history = session.execute(
            select(FieldName.name, FieldName.valid_from)
            .where(FieldName.field_id == field.id)
            .order_by(FieldName.valid_from.is_not(None), FieldName.valid_from)
        ).all()
        events = session.execute(
            select(Event.actor, Event.payload).where(Event.kind == "field_renamed")
        ).all()
    assert [(name, valid_from) for name, valid_from in history] == [(OLD, None), (NEW, RENAMED_AT)]
    assert [tuple(e) for e in events] == [
        ("quantri", {"field": "G09-NV23", "from": OLD, "to": NEW, "procedure": "2.001955"})
    ]


def test_given_same_renamed_record_imported_again_then_no_second_rename(
    db: Database, officer: Actor, admin: Actor, tmp_path: Path
) -> None:
    _before_and_after(db, officer, admin, tmp_path)
    summary = import_paths(db, admin, [tmp_path / "2.001955.json"], now=RENAMED_AT + timedelta(days=1))

    assert summary.unchanged == ["2.001955"]
    with db.read() as session:
        assert len(session.execute(select(FieldName).join(Field).where(Field.code == "G09-NV23")).all()) == 2
        assert len(session.execute(select(Event).where(Event.kind == "field_renamed")).all()) == 1


def _changed_record(tmp_path: Path, code: str, field_name: str) -> Path:
    """The portal record ``code``, its content changed, naming its field ``field_name``."""
    data = json.loads((PORTAL_DETAILS / f"{code}.json").read_text(encoding="utf-8"))
    data["data"]["name"] += " (sửa đổi)"
    data["data"]["categoriesDetails"][0]["name"] = field_name
    path = tmp_path / f"{code}-{len(field_name)}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        # The last changed record naming the field wins, once: never a rename and its undoing.
        (("1.000080", "2.000513"), ("Hộ tịch", [])),
        (
            ("2.000513", "1.000080"),
            ("Hộ tịch và chứng thực", [("Hộ tịch", "Hộ tịch và chứng thực", "1.000080")]),
        ),
    ],
)
def test_given_records_of_one_import_disagreeing_on_a_field_name_then_the_last_wins_once(
    db: Database, admin: Actor, tmp_path: Path, order: tuple[str, str], expected: tuple[str, list]
) -> None:
    names = {"1.000080": "Hộ tịch và chứng thực", "2.000513": "Hộ tịch"}
    files = [_changed_record(tmp_path, code, names[code]) for code in order]

    summary = import_paths(db, admin, files, now=RENAMED_AT)

    assert sorted(summary.updated) == ["1.000080", "2.000513"]
    with db.read() as session:
        field = session.execute(select(Field).where(Field.code == "G15-TP07")).scalar_one()
        history = (
            session.execute(select(FieldName.name).where(FieldName.field_id == field.id)).scalars().all()
        )
        events = session.execute(select(Event.payload).where(Event.kind == "field_renamed")).scalars().all()
    name, renames = expected
    assert field.name == name
    assert [(e["from"], e["to"], e["procedure"]) for e in events] == renames
    assert len(history) == 1 + len(renames)
