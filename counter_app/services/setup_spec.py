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
from counter_app.domain.errors import ValidationError
from counter_app.domain.provinces import PROVINCES_2025
from counter_app.services.actor import Role

# The three kinds of one-stop unit (DOMAIN §2), and which catalogue level each one receives.
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


@dataclass(frozen=True)
class SetupSpec:
    office: OfficeProfile
    units: tuple[UnitSpec, ...] = ()
    # Codes of the procedures the office receives; None: no decision (every procedure is received).
    procedures: tuple[str, ...] | None = None
    users: tuple[UserSpec, ...] = ()
    # Portal or own-format catalogue files to import besides the bundled national catalogue.
    catalog_files: tuple[str, ...] = field(default=())


def _required(value: str, message: str, field_name: str) -> None:
    if not value.strip():
        raise ValidationError(message, field=field_name)


def check_sessions(sessions: Sessions) -> None:
    """Each weekday's spans: HH:MM, start before end, in order, not overlapping; some day worked."""
    if not any(sessions.values()):
        raise ValidationError("Phải có ít nhất một buổi làm việc trong tuần.", field="sessions")
    for day, spans in sessions.items():
        if day not in range(7):
            raise ValidationError(
                f"Thứ trong tuần «{day}» không hợp lệ (0 = Thứ Hai … 6 = Chủ nhật).", field="sessions"
            )
        previous_end: time | None = None
        for start, end in spans:
            for value in (start, end):
                if not _HHMM.match(value):
                    raise ValidationError(
                        f"{WEEKDAY_NAMES[day]}: giờ «{value}» không hợp lệ (viết dạng 07:30).",
                        field="sessions",
                    )
            a, b = time.fromisoformat(start), time.fromisoformat(end)
            if a >= b:
                raise ValidationError(
                    f"{WEEKDAY_NAMES[day]}: buổi {start}–{end} phải bắt đầu trước khi kết thúc.",
                    field="sessions",
                )
            if previous_end is not None and a < previous_end:
                raise ValidationError(
                    f"{WEEKDAY_NAMES[day]}: các buổi làm việc chồng lên nhau hoặc không theo thứ tự.",
                    field="sessions",
                )
            previous_end = b


def check_profile(profile: OfficeProfile) -> None:
    """Every field of the office page, with the message the wizard shows beside it."""
    _required(profile.name, "Tên đơn vị không được để trống.", "name")
    if not UNIT_PATTERN.match(profile.identifier_code):
        raise ValidationError(
            f"Mã định danh «{profile.identifier_code}» không hợp lệ: chữ in hoa và số, các phần cách nhau "
            "bởi dấu chấm (ví dụ 000.17.22.H56).",
            field="identifier_code",
        )
    if profile.province not in PROVINCES_2025:
        raise ValidationError(
            f"Tỉnh, thành phố «{profile.province}» không có trong 34 tỉnh, thành phố.", field="province"
        )
    if profile.level not in OFFICE_LEVELS:
        raise ValidationError(f"Cấp đơn vị «{profile.level}» không hợp lệ.", field="level")
    _required(profile.place, "Địa danh (ghi trước «, ngày … tháng … năm …») không được để trống.", "place")
    if profile.hotline and not _HOTLINE.match(profile.hotline):
        raise ValidationError(
            f"Số điện thoại đường dây nóng «{profile.hotline}» không hợp lệ.", field="hotline"
        )
    if profile.email and not _EMAIL.match(profile.email):
        raise ValidationError(f"Địa chỉ thư điện tử «{profile.email}» không hợp lệ.", field="email")
    if profile.time_policy not in TIME_POLICIES:
        raise ValidationError("Cách tính thời hạn phải là «hours» hoặc «days».", field="time_policy")
    check_sessions(profile.sessions)


def check_unit(unit: UnitSpec) -> None:
    if not _UNIT_CODE.match(unit.code):
        raise ValidationError(
            f"Mã đơn vị «{unit.code}» không hợp lệ (chữ, số, dấu chấm, gạch; không dấu cách).",
            field="unit_code",
        )
    _required(unit.name, f"Tên của đơn vị «{unit.code}» không được để trống.", "unit_name")


def check_spec(spec: SetupSpec) -> None:
    """Everything that needs no database; apply_setup checks the rest (users, procedure codes)."""
    check_profile(spec.office)
    seen: set[str] = set()
    for unit in spec.units:
        check_unit(unit)
        if unit.code.casefold() in seen:
            raise ValidationError(f"Mã đơn vị «{unit.code}» bị lặp lại.", field="unit_code")
        seen.add(unit.code.casefold())
    names: set[str] = set()
    for user in spec.users:
        if user.role not in {r.value for r in Role}:
            raise ValidationError(f"Vai trò «{user.role}» của «{user.username}» không hợp lệ.", field="role")
        if user.username.strip().casefold() in names:
            raise ValidationError(f"Tên đăng nhập «{user.username}» bị lặp lại.", field="username")
        names.add(user.username.strip().casefold())
    if spec.users and not any(u.role == Role.ADMIN for u in spec.users):
        raise ValidationError("Phải có ít nhất một người dùng vai trò quản trị (admin).", field="role")


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
    if not isinstance(value, str):
        raise ValidationError(f"{where} phải là chuỗi ký tự.")
    return value.strip()


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValidationError(f"«{where}» phải là một danh sách.")
    return value


def _object(value: Any, where: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError(f"«{where}» phải là một đối tượng JSON.")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise ValidationError(f"«{where}» có khóa không biết: {', '.join(unknown)}.")
    return value


def _sessions(value: Any) -> Sessions:
    """{"0": [["07:30", "11:30"], …], …} or {"Thứ Hai": …}; weekday 0 is Monday."""
    data = _object(value, "sessions", {str(d) for d in range(7)})
    result: dict[int, tuple[Span, ...]] = {}
    for key, spans in data.items():
        pairs = []
        for span in _list(spans, f"sessions.{key}"):
            if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, str) for x in span)):
                raise ValidationError(f'«sessions.{key}»: mỗi buổi là ["giờ bắt đầu", "giờ kết thúc"].')
            pairs.append((span[0].strip(), span[1].strip()))
        if pairs:
            result[int(key)] = tuple(pairs)
    return MappingProxyType(result)


def spec_from_json(data: Any) -> SetupSpec:
    """A spec from the parsed JSON file; a wrong shape raises ValidationError naming the key."""
    top = _object(data, "tệp thiết lập", _TOP_KEYS)
    if "office" not in top:
        raise ValidationError("Tệp thiết lập thiếu mục «office».")
    office = _object(top["office"], "office", _OFFICE_KEYS)
    for key in ("name", "identifier_code", "province", "level"):
        if key not in office:
            raise ValidationError(f"Mục «office» thiếu «{key}».")
    fields = {key: _text(value, f"office.{key}") for key, value in office.items()}
    sessions = _sessions(top["sessions"]) if "sessions" in top else DEFAULT_SESSIONS
    profile = OfficeProfile(**fields, sessions=sessions)
    units = tuple(
        UnitSpec(_text(u.get("code"), "units[].code"), _text(u.get("name"), "units[].name"))
        for u in (_object(x, "units[]", {"code", "name"}) for x in _list(top.get("units", []), "units"))
    )
    procedures = (
        tuple(_text(code, "procedures[]") for code in _list(top["procedures"], "procedures"))
        if "procedures" in top
        else None
    )
    users = []
    for raw in _list(top.get("users", []), "users"):
        user = _object(raw, "users[]", {"username", "full_name", "role", "password"})
        for key in ("username", "full_name", "role"):
            if key not in user:
                raise ValidationError(f"Một người dùng trong «users» thiếu «{key}».")
        password = user.get("password")
        users.append(
            UserSpec(
                _text(user["username"], "users[].username"),
                _text(user["full_name"], "users[].full_name"),
                _text(user["role"], "users[].role"),
                None if password is None else _text(password, "users[].password"),
            )
        )
    files = tuple(_text(p, "catalog_files[]") for p in _list(top.get("catalog_files", []), "catalog_files"))
    spec = SetupSpec(profile, units, procedures, tuple(users), files)
    check_spec(spec)
    return spec
