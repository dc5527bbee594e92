"""Applicant input: validation (every problem at once, per field) and find-or-create."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import Applicant
from counter_app.domain import text_limits
from counter_app.domain.errors import Message, ValidationError, as_message
from counter_app.domain.identity import Sex, validate_id_number
from counter_app.domain.phone import validate_email, validate_phone
from counter_app.domain.text import normalize, search_key, unprintable_char


@dataclass(frozen=True)
class ApplicantInput:
    full_name: str
    id_number: str | None = None
    old_id_number: str | None = None
    birth_date: date | None = None
    sex: str | None = None  # "male" | "female"
    phone: str | None = None
    email: str | None = None
    address: str = ""
    read_from_card: bool = False


class ApplicantErrors(ValidationError):
    """Several field problems found together: ``field_texts`` maps field → its Message, ``errors``
    field → that message in Vietnamese; the error's own text is all of them, one after the other."""

    def __init__(self, errors: Mapping[str, Message | str]) -> None:
        texts = {name: as_message(text) for name, text in errors.items()}  # i18n: Messages already
        super().__init__(Message.joined(" ", texts.values()), field=next(iter(texts)))  # i18n: joined
        self.field_texts = texts
        self.errors = {name: text.render() for name, text in texts.items()}


def validate_applicant(data: ApplicantInput) -> ApplicantInput:
    """Normalise and check every field; raise ApplicantErrors listing all the problems."""
    errors: dict[str, Message] = {}
    name = normalize(data.full_name or "")
    if not name:
        errors["full_name"] = Message("Vui lòng nhập họ tên người nộp hồ sơ.")
    elif len(name) > text_limits.NAME:
        errors["full_name"] = Message("Họ tên quá dài (tối đa {limit} ký tự).", limit=text_limits.NAME)
    elif bad := unprintable_char(name, symbols=False):
        errors["full_name"] = Message("Họ tên có ký tự không dùng được ({bad}): hãy gõ lại họ tên.", bad=bad)
    address = normalize(data.address or "")
    if bad := unprintable_char(address):
        errors["address"] = Message("Địa chỉ có ký tự không dùng được ({bad}): hãy gõ lại địa chỉ.", bad=bad)
    elif len(address) > text_limits.ADDRESS:
        errors["address"] = Message("Địa chỉ quá dài (tối đa {limit} ký tự).", limit=text_limits.ADDRESS)
    sex = None
    if data.sex:
        try:
            sex = Sex.parse(data.sex)
        except ValidationError as exc:
            errors["sex"] = exc.text
    values: dict[str, object] = {"full_name": name, "address": address}
    checks = (
        ("id_number", data.id_number, lambda v: validate_id_number(v, birth_date=data.birth_date, sex=sex)),
        ("phone", data.phone, validate_phone),
        ("email", data.email, validate_email),
    )
    for field, value, check in checks:
        if value and value.strip():
            try:
                values[field] = check(value)
            except ValidationError as exc:
                errors[field] = exc.text
        else:
            values[field] = None
    if errors:
        raise ApplicantErrors(errors)
    return replace(data, sex=str(sex) if sex else None, **values)  # type: ignore[arg-type]


def find_or_create_applicant(session: Session, data: ApplicantInput) -> Applicant:
    """The known applicant with this ID number (updated with the new details), or a new one."""
    applicant = None
    if data.id_number:
        applicant = session.execute(
            select(Applicant).where(Applicant.id_number == data.id_number).limit(1)
        ).scalar_one_or_none()
    if applicant is None:
        applicant = Applicant(id_number=data.id_number)
        session.add(applicant)
    applicant.full_name = data.full_name
    applicant.search_key = search_key(data.full_name)
    for attr in ("old_id_number", "birth_date", "sex", "phone", "email"):
        value = getattr(data, attr)
        if value:
            setattr(applicant, attr, value)
    if data.address:
        applicant.address = data.address
    applicant.read_from_card = data.read_from_card
    return applicant


SNAPSHOT_FIELDS = (
    "full_name",
    "id_number",
    "old_id_number",
    "birth_date",
    "sex",
    "phone",
    "email",
    "address",
    "read_from_card",
)


def applicant_snapshot(applicant: Applicant) -> dict[str, object]:
    """The applicant as this intake leaves the row (issue 14), for the intake's event: the dossier
    keeps who it was received from even after a later intake updates the shared row, its slips
    print it, and the verification compares the row with the newest snapshot."""
    values: dict[str, object] = {"id": str(applicant.id)}
    for name in SNAPSHOT_FIELDS:
        value = getattr(applicant, name)
        values[name] = value.isoformat() if isinstance(value, date) else value
    return values


def find_applicant(db: Database, *, id_number: str = "", phone: str = "") -> ApplicantInput | None:
    """A returning applicant's last known details, by ID number first, else by phone."""
    conditions = []
    if id_number.strip():
        conditions.append(Applicant.id_number == id_number.strip())
    elif phone.strip():
        conditions.append(Applicant.phone == phone.strip())
    if not conditions:
        return None
    with db.read() as session:
        found = session.execute(select(Applicant).where(*conditions).limit(1)).scalar_one_or_none()
        if found is None:
            return None
        return ApplicantInput(
            full_name=found.full_name,
            id_number=found.id_number,
            old_id_number=found.old_id_number,
            birth_date=found.birth_date,
            sex=found.sex,
            phone=found.phone,
            email=found.email,
            address=found.address,
            read_from_card=found.read_from_card,
        )
