"""The set-up file as data (services/setup_spec.py): a good file read whole, every bad one refused
with a message naming what is wrong, before any database is opened."""

from __future__ import annotations

import copy
import json
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
from testdata import FIXTURES

from counter_app.domain.errors import ValidationError
from counter_app.services.setup_spec import (
    DEFAULT_SESSIONS,
    SetupSpec,
    UserSpec,
    check_spec,
    spec_from_json,
)

COMMUNE = FIXTURES / "office_setup" / "commune.json"


def commune() -> dict[str, Any]:
    return json.loads(COMMUNE.read_text(encoding="utf-8"))


def test_given_the_commune_file_then_every_key_is_read() -> None:
    spec = spec_from_json(commune())

    office = spec.office
    assert office.name == "Trung tâm Phục vụ hành chính công phường Hạc Thành"
    assert (office.identifier_code, office.province, office.level) == (
        "000.31.23.H56",
        "Thanh Hóa",
        "commune_centre",
    )
    assert office.place == "Hạc Thành" and office.email == "motcua.hacthanh@thanhhoa.gov.vn"
    assert office.hotline == "0237 3 852 123" and office.signatory_title == "GIÁM ĐỐC"
    assert dict(office.sessions)[5] == (("07:30", "11:30"),) and 6 not in office.sessions
    assert dict(office.sessions)[0] == (("07:30", "11:30"), ("13:30", "17:00"))
    assert [(u.code, u.name) for u in spec.units] == [
        ("VHXH", "Phòng Văn hóa - Xã hội"),
        ("KT", "Phòng Kinh tế, Hạ tầng và Đô thị"),
    ]
    assert spec.procedures == ("1.001193", "1.000656", "1.000894", "1.004873", "1.004859", "1.001022")
    assert spec.users[0] == UserSpec("quantri.hacthanh", "Lê Văn Nam", "admin", None)
    assert spec.users[2].password == "Hac-Thanh-2026!"
    assert spec.catalog_files == ()


def test_given_only_the_office_then_defaults_and_no_decision_on_procedures() -> None:
    data = {"office": commune()["office"]}

    spec = spec_from_json(data)

    assert spec.office.sessions == DEFAULT_SESSIONS
    assert spec.units == () and spec.users == () and spec.catalog_files == ()
    assert spec.procedures is None  # absent: every procedure received; [] would receive none


def test_given_text_as_people_type_it_then_read_as_the_office_prints_it() -> None:
    data = commune()
    data["office"]["province"] = "thanh hoa"  # no tone marks, lower case
    data["office"]["name"] = unicodedata.normalize("NFD", "  Trung tâm   Phục vụ hành chính công  ")
    data["sessions"] = {"Thứ Hai": [["07:00", "11:00"]], "thu bay": [[" 08:00 ", "10:00"]]}
    data["users"][0]["role"] = " Admin "
    data["users"][0]["username"] = "QuanTri.HacThanh"
    data["procedures"] = ["1.001193", "1.001193", " 1.000656 "]
    data["users"][2]["password"] = " Hac-Thanh-2026! "

    spec = spec_from_json(data)

    assert spec.office.province == "Thanh Hóa"
    assert spec.office.name == "Trung tâm Phục vụ hành chính công"
    assert unicodedata.is_normalized("NFC", spec.office.name)
    assert dict(spec.office.sessions) == {0: (("07:00", "11:00"),), 5: (("08:00", "10:00"),)}
    assert (spec.users[0].username, spec.users[0].role) == ("quantri.hacthanh", "admin")
    assert spec.procedures == ("1.001193", "1.000656")  # a code listed twice is received once
    assert spec.users[2].password == " Hac-Thanh-2026! "  # a password is taken as written


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """A change to the commune file: the key at a dotted path (list indexes as numbers) set, or
    deleted when ``value`` is _DELETE."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        key: Any = int(last) if isinstance(target, list) else last
        if value is _DELETE:
            del target[key]
        else:
            target[key] = value

    return change


_DELETE = object()

BAD = [
    ("unknown top key", _set("offices", {}), "«tệp thiết lập» có khóa không biết: offices"),
    ("no office", _set("office", _DELETE), "Tệp thiết lập thiếu mục «office»"),
    ("office a list", _set("office", []), "«office» phải là một đối tượng JSON"),
    ("unknown office key", _set("office.phone", "1"), "«office» có khóa không biết: phone"),
    ("office without level", _set("office.level", _DELETE), "«office» thiếu «level»"),
    ("office without code", _set("office.identifier_code", _DELETE), "«office» thiếu «identifier_code»"),
    ("name a number", _set("office.name", 12), "«office.name» phải là chuỗi ký tự"),
    ("email null", _set("office.email", None), "«office.email» phải là chuỗi ký tự"),
    ("empty name", _set("office.name", "   "), "Tên đơn vị không được để trống"),
    ("NUL in name", _set("office.name", "Trung tâm\u0000"), "Tên đơn vị có ký tự không in được (U+0000)"),
    ("control in address", _set("office.address", "Số 5\u0007"), "Địa chỉ có ký tự không in được (U+0007)"),
    ("code too long", _set("office.identifier_code", "000." * 10 + "H5"), "Mã định danh dài quá 40 ký tự"),
    ("bad code", _set("office.identifier_code", "H56 31"), "Mã định danh «H56 31» không hợp lệ"),
    ("unknown province", _set("office.province", "Hà Tây"), "«Hà Tây» không có trong 34 tỉnh"),
    ("old province", _set("office.province", "Bắc Giang"), "«Bắc Giang» không có trong 34 tỉnh"),
    (
        "bad level",
        _set("office.level", "commune"),
        "Cấp đơn vị «commune» không hợp lệ (dùng: province_centre",
    ),
    ("empty place", _set("office.place", ""), "Địa danh"),
    ("bad hotline", _set("office.hotline", "gọi 1022"), "đường dây nóng «gọi 1022» không hợp lệ"),
    ("bad email", _set("office.email", "motcua@"), "thư điện tử «motcua@» không hợp lệ"),
    ("bad policy", _set("office.time_policy", "weeks"), "«hours» hoặc «days»"),
    ("address too long", _set("office.address", "x" * 501), "Địa chỉ dài quá 500 ký tự"),
    ("sessions a list", _set("sessions", []), "«sessions» phải là một đối tượng JSON"),
    ("weekday 7", _set("sessions.7", [["07:30", "11:30"]]), "«sessions» có khóa không biết: «7»"),
    ("weekday twice", _set("sessions.Thứ Hai", [["07:30", "11:30"]]), "Thứ Hai được ghi hai lần"),
    ("span of three", _set("sessions.0", [["07:30", "09:00", "11:30"]]), '«sessions.0»: mỗi buổi là ["giờ'),
    ("spans not a list", _set("sessions.0", "07:30-11:30"), "«sessions.0» phải là một danh sách"),
    ("bad hour", _set("sessions.1", [["7h30", "11:30"]]), "Thứ Ba: giờ «7h30» không hợp lệ"),
    ("end before start", _set("sessions.2", [["11:30", "07:30"]]), "Thứ Tư: buổi 11:30–07:30 phải bắt đầu"),
    (
        "overlap",
        _set("sessions.3", [["07:30", "11:30"], ["11:00", "17:00"]]),
        "Thứ Năm: các buổi làm việc chồng",
    ),
    ("no day worked", _set("sessions", {"0": []}), "Phải có ít nhất một buổi làm việc"),
    ("units an object", _set("units", {}), "«units» phải là một danh sách"),
    ("unit a string", _set("units.0", "VHXH"), "«units[0]» phải là một đối tượng JSON"),
    ("unit without name", _set("units.1.name", _DELETE), "«units[1]» thiếu «name»"),
    ("unit unknown key", _set("units.0.head", "A"), "«units[0]» có khóa không biết: head"),
    ("unit bad code", _set("units.0.code", "VH XH"), "Mã đơn vị «VH XH» không hợp lệ"),
    ("unit empty name", _set("units.0.name", " "), "Tên của đơn vị «VHXH» không được để trống"),
    ("unit twice", _set("units.1.code", "vhxh"), "Mã đơn vị «vhxh» bị lặp lại"),
    ("procedures a string", _set("procedures", "1.001193"), "«procedures» phải là một danh sách"),
    ("procedure a number", _set("procedures.0", 1.001193), "«procedures[0]» phải là chuỗi ký tự"),
    ("procedure empty", _set("procedures.2", ""), "Danh sách thủ tục có một mã để trống"),
    ("user without role", _set("users.1.role", _DELETE), "«users[1]» thiếu «role»"),
    ("user unknown key", _set("users.1.email", "a@b.vn"), "«users[1]» có khóa không biết: email"),
    ("bad role", _set("users.1.role", "chief"), "Vai trò «chief» của «canbo.lan» không hợp lệ"),
    ("bad username", _set("users.1.username", "cán bộ"), "Tên đăng nhập «cán bộ» không hợp lệ"),
    ("empty username", _set("users.1.username", ""), "Tên đăng nhập không được để trống"),
    ("username twice", _set("users.1.username", "Canbo.Hung"), "Tên đăng nhập «canbo.hung» bị lặp lại"),
    ("empty full name", _set("users.1.full_name", ""), "Họ tên không được để trống"),
    (
        "short password",
        _set("users.2.password", "ngan"),
        "Mật khẩu của «canbo.hung»: Mật khẩu phải có ít nhất 10",
    ),
    ("common password", _set("users.2.password", "1234567890"), "quá phổ biến"),
    ("password a number", _set("users.2.password", 1234567890), "«users[2].password» phải là chuỗi ký tự"),
    ("no admin", _set("users.0.role", "officer"), "ít nhất một người dùng vai trò quản trị"),
    ("files a string", _set("catalog_files", "a.json"), "«catalog_files» phải là một danh sách"),
    ("file empty", _set("catalog_files", [""]), "tệp danh mục có một đường dẫn để trống"),
]


@pytest.mark.parametrize(("change", "expected"), [(c, e) for _n, c, e in BAD], ids=[n for n, _c, _e in BAD])
def test_given_a_bad_file_then_refused_with_what_is_wrong(
    change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    data = commune()
    change(data)

    with pytest.raises(ValidationError) as error:
        spec_from_json(data)

    assert expected in error.value.message


@pytest.mark.parametrize("value", [[], "office", 3, None])
def test_given_json_that_is_not_an_object_then_refused(value: object) -> None:
    with pytest.raises(ValidationError, match="«tệp thiết lập» phải là một đối tượng JSON"):
        spec_from_json(value)


def test_given_a_spec_built_in_code_then_check_spec_applies_the_same_rules() -> None:
    spec = spec_from_json(commune())
    no_admin = SetupSpec(spec.office, spec.units, spec.procedures, spec.users[1:])
    with pytest.raises(ValidationError, match="quản trị"):
        check_spec(no_admin)
    check_spec(SetupSpec(spec.office))  # users are optional (a later run that changes no user)
    data = copy.deepcopy(commune())
    data["users"] = []
    assert spec_from_json(data).users == ()
