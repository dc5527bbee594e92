"""Setting up an office from a SetupSpec: the first-start wizard and ``counter-cli setup --from``.

Both build a ``SetupSpec`` (services/setup_spec.py) and call ``apply_setup``, so an office set up by
hand on its first start and the hundred offices IT deploys from files follow the same rules
(docs/office-setup.md):

* the catalogue is a baseline: the bundled national catalogue is imported when the database has no
  procedure, and the spec's own catalogue files every time (unchanged records are skipped), in a
  transaction of its own before the office's — a baseline, the same for every office;
* everything the office decides — its profile, units, which procedures it receives, its users — is
  then ONE transaction with an event per change;
* applying the same spec again changes nothing and writes no event; a changed spec changes exactly
  what differs, and ``prune`` also takes away what the spec no longer lists.

The office's identifier code is never changed by a set-up: it starts every dossier code already
issued (``counter-cli office change-code`` is the deliberate way).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import Office, OfficeProcedure, Procedure, ProcedureVersion, User
from counter_app.domain.errors import Message, ValidationError
from counter_app.services.actor import ROLE_LABELS, Actor, Role, require_role
from counter_app.services.catalog import expand_paths, import_catalog
from counter_app.services.catalog_files import read_catalog_file
from counter_app.services.catalog_format import ProcedureRecord
from counter_app.services.demo import DEFAULT_CATALOG
from counter_app.services.office_catalog import set_enabled_in
from counter_app.services.office_profile import create_office_in, update_profile_in
from counter_app.services.setup_choices import ProcedureChoice
from counter_app.services.setup_choices import choices_for_level as choices_for_level  # re-exported
from counter_app.services.setup_choices import record_levels as record_levels  # re-exported
from counter_app.services.setup_spec import SetupSpec, UserSpec, check_spec
from counter_app.services.units import (
    UnitInfo,
    add_unit_in,
    find_unit,
    list_units,
    rename_unit_in,
    retire_unit_in,
)
from counter_app.services.users import (
    create_user_in,
    edit_user_in,
    set_active_in,
    user_by_name,
)

SET_UP = "thiết lập đơn vị"
# Unknown procedure codes named in a message before "… và N mã khác".
_NAMED_CODES = 20


def needs_setup(db: Database) -> bool:
    """True on the first start: the database has no office yet (the desktop opens the wizard)."""
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Office)).scalar_one() == 0


# ---- what the wizard lists ---------------------------------------------------------------------


def _read_files(paths: Iterable[Path]) -> list[ProcedureRecord]:
    """Every record of the files (folders: their *.json), a code found again replacing the earlier
    one (the province's file after the national one); a bad file raises ValidationError naming it."""
    by_code: dict[str, ProcedureRecord] = {}
    for path in expand_paths(paths):  # a missing path: CatalogFileError (a ValidationError) naming it
        for record in read_catalog_file(path):
            by_code.pop(record.code, None)
            by_code[record.code] = record
    return list(by_code.values())


def procedure_choices(paths: Sequence[Path] = (DEFAULT_CATALOG,)) -> list[ProcedureChoice]:
    """The procedures of the bundled catalogue and the files the user picked, by code, read from the
    files alone (the database is not touched: the wizard lists them before anything is written)."""
    records = _read_files(paths)
    return sorted(
        (ProcedureChoice(r.code, r.name, r.field_code, r.field_name, r.level) for r in records),
        key=lambda choice: choice.code,
    )


# ---- applying a spec ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SetupResult:
    created_office: bool
    # One Vietnamese line per change, in the order made; () when the database already was so.
    changes: tuple[str, ...]
    # username → the generated one-time password of each user created without a password in the
    # spec: shown once, never stored in clear.
    one_time_passwords: dict[str, str] = field(default_factory=dict)


def _office_of(session: Session, spec: SetupSpec) -> Office | None:
    """The office the spec is about: the one with its identifier code, else the database's first
    (which _check_identifier then refuses); None when the database has no office."""
    same = select(Office).where(Office.identifier_code == spec.office.identifier_code)
    found = session.execute(same).scalar_one_or_none()
    if found is not None:
        return found
    return session.execute(select(Office).order_by(Office.identifier_code).limit(1)).scalar_one_or_none()


def _check_identifier(office: Office | None, spec: SetupSpec) -> None:
    if office is not None and office.identifier_code != spec.office.identifier_code:
        raise ValidationError(
            "Cơ sở dữ liệu này là của đơn vị mã định danh «{code}», tệp thiết lập ghi «{written}». Thiết lập không đổi mã định danh (mã hồ sơ đã cấp bắt đầu bằng nó): nếu thật sự cần đổi, dùng «counter-cli office change-code MÃ_MỚI --yes»; nếu không, sửa mã trong tệp cho đúng.",
            code=office.identifier_code,
            written=spec.office.identifier_code,
            field="identifier_code",
        )


def _unknown_codes_message(unknown: Sequence[str]) -> Message:
    more = (
        Message(" và {count} mã khác", count=len(unknown) - _NAMED_CODES)
        if len(unknown) > _NAMED_CODES
        else ""
    )
    return Message(
        "Không có trong danh mục {count} mã thủ tục: {named}{more}. Chưa ghi gì; hãy sửa "
        "danh sách «procedures» hoặc thêm tệp danh mục có các thủ tục này («catalog_files»).",
        count=len(unknown),
        named=", ".join(unknown[:_NAMED_CODES]),
        more=more,
    )


def apply_setup(
    db: Database, actor: Actor, spec: SetupSpec, *, now: datetime, prune: bool = False
) -> SetupResult:
    """Bring the database's office to what ``spec`` says (docs/office-setup.md).

    Checked before anything is written: the spec itself (check_spec), the identifier code against
    the office already there, the procedure codes against the catalogue (the database's and the
    files about to be imported). Then the catalogue baseline (its own transaction) and the office's
    transaction. ``prune``: procedures the spec does not list stop being received, users it does not
    list are disabled, units it does not list are retired — for each part the spec lists at all."""
    require_role(actor, Role.ADMIN, SET_UP)
    check_spec(spec)
    with db.read() as session:
        _check_identifier(_office_of(session, spec), spec)
        known = set(session.execute(select(Procedure.code)).scalars())
    paths = ([] if known else [DEFAULT_CATALOG]) + [Path(p) for p in spec.catalog_files]
    records = _read_files(paths) if paths else []
    if spec.procedures is not None:
        available = known | {r.code for r in records}
        unknown = [code for code in spec.procedures if code not in available]
        if unknown:
            raise ValidationError(_unknown_codes_message(unknown), field="procedures")  # i18n: a Message
    units_before = list_units(db, include_retired=True)

    changes: list[str] = []
    if records:
        summary = import_catalog(db, actor, records, now=now)
        if summary.added or summary.updated:
            changes.append(
                f"Danh mục thủ tục: thêm mới {len(summary.added)}, cập nhật {len(summary.updated)} "
                f"(không đổi {len(summary.unchanged)})."
            )
    passwords: dict[str, str] = {}
    with db.write() as session:
        # Again, inside the transaction: another workstation may have set up an office meanwhile.
        office = _office_of(session, spec)
        _check_identifier(office, spec)
        created = office is None
        if office is None:
            office = create_office_in(session, db, actor, spec.office, now)
            changes.append(f"Tạo đơn vị «{spec.office.name}», mã định danh {spec.office.identifier_code}.")
        else:
            changes.extend(update_profile_in(session, db, actor, office, spec.office, now))
        changes.extend(_apply_units(session, db, actor, spec, units_before, now, prune))
        changes.extend(_apply_procedures(session, db, actor, office, spec, now, created, prune))
        changes.extend(_apply_users(session, db, actor, office, spec, now, prune, passwords))
    return SetupResult(created, tuple(changes), passwords)


def _apply_units(
    session: Session,
    db: Database,
    actor: Actor,
    spec: SetupSpec,
    before: Sequence[UnitInfo],
    now: datetime,
    prune: bool,
) -> list[str]:
    """Units added, renamed (dated: services/units.py), a retired one listed again brought back;
    with ``prune``, the active units the spec does not list are retired. A code is matched whatever
    its case ("snv" is the unit SNV)."""
    lines: list[str] = []
    for unit in spec.units:
        old = find_unit(session, unit.code)
        if old is None or old.retired_at is not None:
            old_name = old.name if old is not None else ""
            outcome = add_unit_in(session, db, actor, unit.code, unit.name, now)
            if outcome == "added":
                lines.append(f"Thêm đơn vị xử lý «{unit.code}» — {unit.name}.")
            elif outcome == "reactivated":
                renamed = f" (trước đây: «{old_name}»)" if old_name != unit.name else ""
                lines.append(f"Dùng lại đơn vị xử lý «{unit.code}» — {unit.name}{renamed}.")
        else:
            old_name = old.name
            if rename_unit_in(session, db, actor, old.code, unit.name, now):
                lines.append(f"Đổi tên đơn vị xử lý «{old.code}»: «{old_name}» → «{unit.name}».")
    if prune and spec.units:
        listed = {unit.code.casefold() for unit in spec.units}
        for info in sorted(before, key=lambda u: u.code):
            keep = not info.active or info.code.casefold() in listed
            if not keep and retire_unit_in(session, db, actor, info.code, now):
                lines.append(f"Thôi dùng đơn vị xử lý «{info.code}» — {info.name}.")
    return lines


def _procedure_states(session: Session, office: Office) -> list[tuple[Procedure, str, bool]]:
    """Every procedure of the catalogue with its current name and whether the office receives it."""
    disabled = set(
        session.execute(
            select(OfficeProcedure.procedure_id).where(
                OfficeProcedure.office_id == office.id, OfficeProcedure.enabled.is_(False)
            )
        ).scalars()
    )
    rows = session.execute(
        select(Procedure, ProcedureVersion.name)
        .join(ProcedureVersion, ProcedureVersion.id == Procedure.current_version_id)
        .order_by(Procedure.code)
    ).all()
    return [(procedure, name, procedure.id not in disabled) for procedure, name in rows]


def _apply_procedures(
    session: Session,
    db: Database,
    actor: Actor,
    office: Office,
    spec: SetupSpec,
    now: datetime,
    created: bool,
    prune: bool,
) -> list[str]:
    """A new office receives the listed procedures only; later, listed ones are received again and,
    with ``prune``, the others stop being received. No list: nothing decided, nothing changed."""
    if spec.procedures is None:
        return []
    wanted = set(spec.procedures)
    states = _procedure_states(session, office)
    if created:
        off = [p for p, _name, enabled in states if p.code not in wanted and enabled]
        for procedure in off:
            set_enabled_in(session, db, actor, office, procedure, False, now=now)
        return [
            f"Đơn vị tiếp nhận {len(wanted)} thủ tục; {len(off)} thủ tục khác của danh mục không tiếp nhận."
        ]
    lines = []
    for procedure, name, enabled in states:
        if procedure.code in wanted and not enabled:
            set_enabled_in(session, db, actor, office, procedure, True, now=now)
            lines.append(f"Tiếp nhận thủ tục {procedure.code} — {name}.")
        elif prune and procedure.code not in wanted and enabled:
            set_enabled_in(session, db, actor, office, procedure, False, now=now)
            lines.append(f"Không tiếp nhận thủ tục {procedure.code} — {name}.")
    return lines


def _role_label(role: str) -> str:
    return f"{role} ({ROLE_LABELS[Role(role)].lower()})"


def _apply_users(
    session: Session,
    db: Database,
    actor: Actor,
    office: Office,
    spec: SetupSpec,
    now: datetime,
    prune: bool,
    passwords: dict[str, str],
) -> list[str]:
    """Users created, enabled again, renamed or given another role; with ``prune``, the active users
    the spec does not list are disabled.

    The order keeps an admin at every step (users.py refuses to leave none): the spec's users are
    created and enabled, and admins promoted, before anyone is demoted or disabled."""
    lines: list[str] = []
    present: dict[str, tuple[UserSpec, User]] = {}
    for wanted in spec.users:
        user = user_by_name(session, wanted.username)
        if user is None:
            new = create_user_in(
                session,
                db,
                actor,
                username=wanted.username,
                full_name=wanted.full_name,
                role=wanted.role,
                password=wanted.password,  # a password from the file is a one-time password too
                office_id=office.id,
                now=now,
                must_change=not wanted.own_password,
            )
            if new.one_time_password is not None:
                passwords[new.user.username] = new.one_time_password
            lines.append(
                f"Thêm người dùng «{new.user.username}» — {new.user.full_name}, {_role_label(wanted.role)}."
            )
        else:
            present[user.username] = (wanted, user)
    for username, (_wanted, user) in present.items():
        if not user.active:
            set_active_in(session, db, actor, username, True, now=now)
            lines.append(f"Kích hoạt lại người dùng «{username}».")
    # Promotions to admin first, then the other edits.
    ordered = sorted(present.items(), key=lambda item: item[1][0].role != Role.ADMIN)
    for username, (wanted, user) in ordered:
        old_name, old_role = user.full_name, user.role
        update = edit_user_in(
            session, db, actor, username, full_name=wanted.full_name, role=wanted.role, now=now
        )
        if update.changed:
            if update.user.full_name != old_name:
                lines.append(f"Người dùng «{username}»: họ tên «{old_name}» → «{update.user.full_name}».")
            if str(update.user.role) != old_role:
                lines.append(
                    f"Người dùng «{username}»: vai trò {_role_label(old_role)} → "
                    f"{_role_label(str(update.user.role))}."
                )
    if prune and spec.users:
        listed = {u.username.casefold() for u in spec.users}
        # The office's users (and those of no office, made before users had one).
        of_office = (User.office_id == office.id) | User.office_id.is_(None)
        others = session.execute(
            select(User.username).where(User.active.is_(True), of_office).order_by(User.username)
        ).scalars()
        for username in list(others):
            if username.casefold() not in listed:
                set_active_in(session, db, actor, username, False, now=now)
                lines.append(f"Vô hiệu hóa người dùng «{username}» (không có trong tệp thiết lập).")
    return lines
