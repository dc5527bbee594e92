"""What setting up an office means, as data: the office, its sessions, units, procedures and users.

The first-start wizard (ui/setup_wizard.py) and ``counter-cli setup --from office.json`` both build a
``SetupSpec`` and hand it to services/office_setup.apply_setup, so the rules live once. This module
only describes and checks a spec (no database); the file format is docs/office-setup.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from types import MappingProxyType
from typing import Any

from counter_app.domain.calendar import WEEKDAY_NAMES
from counter_app.domain.dossier_code import UNIT_PATTERN
from counter_app.domain.errors import Message, ValidationError, as_message
from counter_app.domain.passwords import check_password_policy
from counter_app.domain.provinces import PROVINCES_2025
from counter_app.domain.text import normalize, search_key, unprintable_char
from counter_app.domain.usernames import check_full_name, check_username
from counter_app.services.actor import Role

# The three kinds of one-stop unit (docs/domain-rules.md §3), and which catalogue level each one receives.
OFFICE_LEVELS: Mapping[str, str] = MappingProxyType(
    {
        "province_centre": "Trung tâm Phục vụ hành chính công tỉnh",
        "commune_centre": "Trung tâm Phục vụ hành chính công xã, phường",
        "department_unit": "Bộ phận Một cửa của sở, ngành",
    }
)
# The catalogue's "level" values (services/catalog_portal: "province", "ward") an office level offers.
CATALOG_LEVELS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "province_centre": frozenset({"province"}),
        "commune_centre": frozenset({"ward"}),
        "department_unit": frozenset({"province"}),
    }
)
TIME_POLICIES: Mapping[str, str] = MappingProxyType(
    {
        "hours": "Theo giờ làm việc (N ngày × số giờ làm việc một ngày)",
        "days": "Theo ngày (hết giờ làm việc của ngày cuối cùng)",
    }
)

Span = tuple[str, str]  # ("07:30", "11:30"), office-local wall time
# Weekday (0 = Thứ Hai … 6 = Chủ nhật) → its sessions; a weekday absent is not worked.
Sessions = Mapping[int, tuple[Span, ...]]
DEFAULT_SESSIONS: Sessions = MappingProxyType(
    {day: (("07:30", "11:30"), ("13:30", "17:00")) for day in range(5)}
)
SATURDAY_MORNING: tuple[Span, ...] = (("07:30", "11:30"),)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HOTLINE = re.compile(r"^[0-9 .()+-]{3,20}$")
_UNIT_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,59}$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# The longest each printed field may be (the columns of the offices table).
_PROFILE_LENGTHS: Mapping[str, tuple[str, int]] = MappingProxyType(
    {
        "name": ("Tên đơn vị", 300),
        "governing_body": ("Tên cơ quan chủ quản", 300),
        "place": ("Địa danh", 100),
        "address": ("Địa chỉ", 500),
        "email": ("Địa chỉ thư điện tử", 200),
        "signatory_name": ("Họ tên người ký", 200),
        "signatory_title": ("Chức danh người ký", 200),
    }
)


@dataclass(frozen=True)
class OfficeProfile:
    """Everything the office prints and computes with; ``identifier_code`` starts every dossier code."""

    name: str
    identifier_code: str
    province: str
    level: str
    governing_body: str = ""
    place: str = ""  # "…, ngày … tháng … năm …"
    address: str = ""
    hotline: str = ""
    email: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    time_policy: str = "hours"
    sessions: Sessions = field(default_factory=lambda: DEFAULT_SESSIONS)


@dataclass(frozen=True)
class UnitSpec:
    """A unit that receives transfers (an agency, a specialist division)."""

    code: str
    name: str


@dataclass(frozen=True)
class UserSpec:
    username: str
    full_name: str
    role: str
    password: str | None = None  # used only when the user is created; None: a one-time password
    # The person typed this password for themselves (the wizard's first administrator): no change
    # is forced at the first log-in. A password written in a setup file is someone else's choice,
    # so it is a one-time password (the JSON format has no key for this).
    own_password: bool = False


@dataclass(frozen=True)
class SetupSpec:
    office: OfficeProfile
    units: tuple[UnitSpec, ...] = ()
    # Codes of the procedures the office receives; None: no decision (every procedure is received).
    procedures: tuple[str, ...] | None = None
    users: tuple[UserSpec, ...] = ()
    # Portal or own-format catalogue files to import besides the bundled national catalogue.
    catalog_files: tuple[str, ...] = field(default=())


def _required(value: str, message: str | Message, field_name: str) -> None:
    if not value.strip():
        raise ValidationError(message, field=field_name)


def check_sessions(sessions: Sessions) -> None:
    """Each weekday's spans: HH:MM, start before end, in order, not overlapping; some day worked."""
    if not any(sessions.values()):
        raise ValidationError("Phải có ít nhất một buổi làm việc trong tuần.", field="sessions")
    for day, spans in sessions.items():
        if day not in range(7):
            raise ValidationError(
                "Thứ trong tuần «{day}» không hợp lệ (0 = Thứ Hai … 6 = Chủ nhật).", day=day, field="sessions"
            )
        previous_end: time | None = None
        for start, end in spans:
            for value in (start, end):
                if not _HHMM.match(value):
                    raise ValidationError(
                        "{weekday}: giờ «{value}» không hợp lệ (viết dạng 07:30).",
                        weekday=Message(WEEKDAY_NAMES[day]),
                        value=value,
                        field="sessions",
                    )
            a, b = time.fromisoformat(start), time.fromisoformat(end)
            if a >= b:
                raise ValidationError(
                    "{weekday}: buổi {start}–{end} phải bắt đầu trước khi kết thúc.",
                    weekday=Message(WEEKDAY_NAMES[day]),
                    start=start,
                    end=end,
                    field="sessions",
                )
            if previous_end is not None and a < previous_end:
                raise ValidationError(
                    "{weekday}: các buổi làm việc chồng lên nhau hoặc không theo thứ tự.",
                    weekday=Message(WEEKDAY_NAMES[day]),
                    field="sessions",
                )
            previous_end = b


_PRINTED_FIELDS = {
    "name": "Tên đơn vị",
    "identifier_code": "Mã định danh",
    "governing_body": "Cơ quan chủ quản",
    "place": "Địa danh",
    "address": "Địa chỉ",
    "hotline": "Đường dây nóng",
    "email": "Thư điện tử",
    "signatory_name": "Họ tên người ký",
    "signatory_title": "Chức vụ người ký",
}


def _printable(value: str, label: str | Message, field_name: str) -> None:
    """A character no slip can show (a control character, NUL) is refused, not stored: PostgreSQL
    refuses a NUL outright, and every slip would print the rest garbled."""
    bad = unprintable_char(value)
    if bad is not None:
        raise ValidationError(
            "{label} có ký tự không in được ({bad}).", label=as_message(label), bad=bad, field=field_name
        )


def check_profile(profile: OfficeProfile) -> None:
    """Every field of the office page, with the message the wizard shows beside it."""
    for name, label in _PRINTED_FIELDS.items():
        _printable(getattr(profile, name), label, name)
    _required(profile.name, "Tên đơn vị không được để trống.", "name")
    _length(profile.identifier_code, 40, "Mã định danh", "identifier_code")
    if not UNIT_PATTERN.match(profile.identifier_code):
        raise ValidationError(
            "Mã định danh «{identifier_code}» không hợp lệ: chữ in hoa và số, các phần cách nhau bởi dấu chấm (ví dụ 000.17.22.H56).",
            identifier_code=profile.identifier_code,
            field="identifier_code",
        )
    if profile.province not in PROVINCES_2025:
        raise ValidationError(
            "Tỉnh, thành phố «{province}» không có trong 34 tỉnh, thành phố.",
            province=profile.province,
            field="province",
        )
    if profile.level not in OFFICE_LEVELS:
        raise ValidationError(
            "Cấp đơn vị «{level}» không hợp lệ (dùng: {names}).",
            level=profile.level,
            names=", ".join(OFFICE_LEVELS),
            field="level",
        )
    _required(profile.place, "Địa danh (ghi trước «, ngày … tháng … năm …») không được để trống.", "place")
    if profile.hotline and not _HOTLINE.match(profile.hotline):
        raise ValidationError(
            "Số điện thoại đường dây nóng «{hotline}» không hợp lệ.", hotline=profile.hotline, field="hotline"
        )
    if profile.email and not _EMAIL.match(profile.email):
        raise ValidationError(
            "Địa chỉ thư điện tử «{email}» không hợp lệ.", email=profile.email, field="email"
        )
    if profile.time_policy not in TIME_POLICIES:
        raise ValidationError("Cách tính thời hạn phải là «hours» hoặc «days».", field="time_policy")
    for name, (label, limit) in _PROFILE_LENGTHS.items():
        _length(getattr(profile, name), limit, label, name)
    check_sessions(profile.sessions)


def _length(value: str, limit: int, label: str | Message, field_name: str) -> None:
    if len(value) > limit:
        raise ValidationError(
            "{label} dài quá {limit} ký tự.", label=as_message(label), limit=limit, field=field_name
        )


def check_unit(unit: UnitSpec) -> None:
    _printable(unit.name, Message("Tên của đơn vị «{code}»", code=unit.code), "unit_name")
    if not _UNIT_CODE.match(unit.code):
        raise ValidationError(
            "Mã đơn vị «{code}» không hợp lệ (chữ, số, dấu chấm, gạch; không dấu cách).",
            code=unit.code,
            field="unit_code",
        )
    _required(unit.name, Message("Tên của đơn vị «{code}» không được để trống.", code=unit.code), "unit_name")
    _length(unit.name, 300, Message("Tên của đơn vị «{code}»", code=unit.code), "unit_name")


def check_user(user: UserSpec) -> None:
    """A user of the users page: username, full name, role, and a chosen password (the policy)."""
    name = check_username(user.username)
    check_full_name(user.full_name)
    if user.role not in {r.value for r in Role}:
        choices = ", ".join(r.value for r in Role)
        raise ValidationError(
            "Vai trò «{role}» của «{username}» không hợp lệ (dùng: {choices}).",
            role=user.role,
            username=user.username,
            choices=choices,
            field="role",
        )
    if user.password is not None:
        try:
            check_password_policy(user.password, name)
        except ValidationError as exc:
            raise ValidationError(
                "Mật khẩu của «{name}»: {problem}", name=name, problem=exc.text, field="password"
            ) from None


def check_spec(spec: SetupSpec) -> None:
    """Everything that needs no database; apply_setup checks the rest (procedure codes, the office's
    identifier code against the database's)."""
    check_profile(spec.office)
    seen: set[str] = set()
    for unit in spec.units:
        check_unit(unit)
        if unit.code.casefold() in seen:
            raise ValidationError("Mã đơn vị «{code}» bị lặp lại.", code=unit.code, field="unit_code")
        seen.add(unit.code.casefold())
    for code in spec.procedures or ():
        if not code.strip():
            raise ValidationError("Danh sách thủ tục có một mã để trống.", field="procedures")
    names: set[str] = set()
    for user in spec.users:
        check_user(user)
        if user.username.strip().casefold() in names:
            raise ValidationError(
                "Tên đăng nhập «{username}» bị lặp lại.", username=user.username, field="username"
            )
        names.add(user.username.strip().casefold())
    if spec.users and not any(u.role == Role.ADMIN for u in spec.users):
        raise ValidationError("Phải có ít nhất một người dùng vai trò quản trị (admin).", field="role")
    for path in spec.catalog_files:
        if not path.strip():
            raise ValidationError("Danh sách tệp danh mục có một đường dẫn để trống.", field="catalog_files")


# ---- the JSON file (docs/office-setup.md) ----------------------------------------------------

_OFFICE_KEYS = {
    "name",
    "identifier_code",
    "province",
    "level",
    "governing_body",
    "place",
    "address",
    "hotline",
    "email",
    "signatory_name",
    "signatory_title",
    "time_policy",
}
_TOP_KEYS = {"office", "sessions", "units", "procedures", "users", "catalog_files"}


def _text(value: Any, where: str) -> str:
    """A string value, in NFC with its runs of spaces made one (what the office prints and compares)."""
    if not isinstance(value, str):
        raise ValidationError("«{where}» phải là chuỗi ký tự (đặt trong dấu nháy kép).", where=where)
    return normalize(value)


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValidationError("«{where}» phải là một danh sách [ … ].", where=where)
    return value


def _object(value: Any, where: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError("«{where}» phải là một đối tượng JSON {{ … }}.", where=where)
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise ValidationError(
            "«{where}» có khóa không biết: {unknown} (dùng: {allowed}).",
            where=where,
            unknown=", ".join(unknown),
            allowed=", ".join(sorted(allowed)),
        )
    return value


def _missing(data: dict[str, Any], keys: tuple[str, ...], where: str) -> None:
    for key in keys:
        if key not in data:
            raise ValidationError("«{where}» thiếu «{key}».", where=where, key=key)


# "Thứ Hai" … "Chủ nhật" (any case, with or without tone marks) name a weekday as well as "0" … "6".
_WEEKDAY_KEYS = {search_key(name): day for day, name in enumerate(WEEKDAY_NAMES)}


def _weekday(key: str) -> int:
    if key in {str(d) for d in range(7)}:
        return int(key)
    day = _WEEKDAY_KEYS.get(search_key(key))
    if day is None:
        raise ValidationError(
            "«sessions» có khóa không biết: «{key}» (dùng 0 = Thứ Hai … 6 = Chủ nhật, hoặc tên thứ).", key=key
        )
    return day


def _sessions(value: Any) -> Sessions:
    """{"0": [["07:30", "11:30"], …], …} or {"Thứ Hai": …}; weekday 0 is Monday, a day absent or
    with no span is not worked."""
    if not isinstance(value, dict):
        raise ValidationError("«sessions» phải là một đối tượng JSON { … }.")
    result: dict[int, tuple[Span, ...]] = {}
    for key, spans in value.items():
        day = _weekday(key)
        if day in result:
            raise ValidationError(
                "«sessions»: {weekday} được ghi hai lần.", weekday=Message(WEEKDAY_NAMES[day])
            )
        pairs = []
        for span in _list(spans, f"sessions.{key}"):
            if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, str) for x in span)):
                raise ValidationError(
                    '«sessions.{key}»: mỗi buổi là ["giờ bắt đầu", "giờ kết thúc"].', key=key
                )
            pairs.append((span[0].strip(), span[1].strip()))
        result[day] = tuple(pairs)
    return MappingProxyType({day: spans for day, spans in sorted(result.items()) if spans})


def province_name(text: str) -> str:
    """The province as PROVINCES_2025 spells it, for a name typed with other tone marks, case or
    none ("Thanh Hoá", "thanh hoa"); the text unchanged when it names none of them."""
    if text in PROVINCES_2025:
        return text
    key = search_key(text)
    found = [name for name in PROVINCES_2025 if search_key(name) == key]
    return found[0] if len(found) == 1 else text


def spec_from_json(data: Any) -> SetupSpec:
    """A spec from the parsed JSON file (docs/office-setup.md); a wrong shape or a bad value raises
    ValidationError naming the key, then check_spec's checks run."""
    top = _object(data, "tệp thiết lập", _TOP_KEYS)
    if "office" not in top:
        raise ValidationError("Tệp thiết lập thiếu mục «office».")
    office = _object(top["office"], "office", _OFFICE_KEYS)
    _missing(office, ("name", "identifier_code", "province", "level"), "office")
    fields = {key: _text(value, f"office.{key}") for key, value in office.items()}
    fields["province"] = province_name(fields["province"])
    sessions = _sessions(top["sessions"]) if "sessions" in top else DEFAULT_SESSIONS
    profile = OfficeProfile(**fields, sessions=sessions)
    units = []
    for i, raw in enumerate(_list(top.get("units", []), "units")):
        unit = _object(raw, f"units[{i}]", {"code", "name"})
        _missing(unit, ("code", "name"), f"units[{i}]")
        units.append(
            UnitSpec(_text(unit["code"], f"units[{i}].code"), _text(unit["name"], f"units[{i}].name"))
        )
    procedures: tuple[str, ...] | None = None
    if "procedures" in top:
        codes = [
            _text(code, f"procedures[{i}]") for i, code in enumerate(_list(top["procedures"], "procedures"))
        ]
        procedures = tuple(dict.fromkeys(codes))  # a code listed twice is received once
    users = []
    for i, raw in enumerate(_list(top.get("users", []), "users")):
        where = f"users[{i}]"
        user = _object(raw, where, {"username", "full_name", "role", "password"})
        _missing(user, ("username", "full_name", "role"), where)
        password = user.get("password")
        if password is not None and not isinstance(password, str):
            raise ValidationError(
                "«{where}.password» phải là chuỗi ký tự (đặt trong dấu nháy kép).", where=where
            )
        users.append(
            UserSpec(
                _text(user["username"], f"{where}.username").lower(),
                _text(user["full_name"], f"{where}.full_name"),
                _text(user["role"], f"{where}.role").lower(),
                password,  # as written: spaces in a password are part of it
            )
        )
    files = tuple(
        _text(p, f"catalog_files[{i}]")
        for i, p in enumerate(_list(top.get("catalog_files", []), "catalog_files"))
    )
    spec = SetupSpec(profile, tuple(units), procedures, tuple(users), files)
    check_spec(spec)
    return spec
