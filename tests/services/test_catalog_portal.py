"""Reading the national portal's records: groups, lines, required flags and terms (docs/catalog-rules.md)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from testdata import FIXTURES, PORTAL_DETAILS, TZ

from counter_app.domain.appointment import Policy, Term, TermUnit, appointment_for, latest_appointment
from counter_app.domain.calendar import WorkingCalendar
from counter_app.services.catalog import read_records
from counter_app.services.catalog_files import read_catalog_file
from counter_app.services.catalog_format import (
    CatalogFileError,
    ProcedureRecord,
    clean_document_name,
    write_own_format,
)
from counter_app.services.catalog_portal import (
    ALTERNATIVE,
    COMMON,
    GENERAL_CASE,
    NOTE_PART,
    SHOW_PART,
    SUBMIT_PART,
    case_title,
    document_kind,
    group_kind,
    is_required,
)
from counter_app.services.procedure_terms import terms_for, terms_label


def portal(code: str) -> ProcedureRecord:
    (record,) = read_catalog_file(PORTAL_DETAILS / f"{code}.json")
    return record


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("", COMMON),
        ("* Giấy tờ phải nộp:", SUBMIT_PART),
        ("Giấy tờ phải nộp (Hồ sơ của người nhận nuôi con nuôi)", SUBMIT_PART),
        ("Thành phần hồ sơ:", SUBMIT_PART),
        (" * Giấy tờ phải xuất trình:", SHOW_PART),
        ("* Lưu ý :", NOTE_PART),
        ("*Lưu ý:", NOTE_PART),
        ("* Đăng ký tạm trú theo danh sách, hồ sơ gồm:", ALTERNATIVE),
        ("a) Thành phần hồ sơ đối với trường hợp giao đất", ALTERNATIVE),
        ("Đối với trường hợp cấp lại Giấy chứng nhận bị mất:", ALTERNATIVE),
    ],
)
def test_given_group_heading_then_its_kind(heading: str, kind: str) -> None:
    assert group_kind(heading) == kind


@pytest.mark.parametrize(
    ("group", "name", "counts", "kind"),
    [
        (COMMON, "Tờ khai đăng ký kết hôn theo mẫu", (1, 0), "submit"),
        (SHOW_PART, "Hộ chiếu/Thẻ căn cước công dân", (1, 0), "show"),
        (COMMON, "Xuất trình bản chính giấy tờ tùy thân của người nộp hồ sơ (để đối chiếu).", (1, 1), "show"),
        # 0/0 is not always a note: a document whose counts the portal left blank stays a document.
        (SHOW_PART, "Giấy tờ có giá trị chứng minh thông tin về cư trú", (0, 0), "show"),
        (SUBMIT_PART, "Chứng cứ chứng minh quan hệ cha, con hoặc quan hệ mẹ, con gồm:", (0, 0), "heading"),
        (SHOW_PART, "Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm bản sao", (0, 0), "note"),
        (COMMON, "Ví dụ: Trường hợp giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", (0, 0), "note"),
        # A remark stays a note even when the portal gave it counts (1.002755: "Lưu ý:" 1/1).
        (COMMON, "Lưu ý:- Trường hợp nộp hồ sơ trực tiếp", (1, 1), "note"),
        (NOTE_PART, "Bản chụp các giấy tờ gửi kèm theo hồ sơ phải bảo đảm rõ nét", (0, 0), "note"),
    ],
)
def test_given_line_then_its_kind(group: str, name: str, counts: tuple[int, int], kind: str) -> None:
    assert document_kind(group, name, *counts) == kind


@pytest.mark.parametrize(
    ("kind", "name", "required"),
    [
        ("submit", "Tờ khai thay đổi thông tin cư trú", True),
        ("submit", "Tờ khai đăng ký kết hôn theo mẫu (nếu người có yêu cầu lựa chọn nộp trực tiếp)", False),
        ("submit", "Trường hợp không có văn bản nêu trên thì phải có văn bản cam đoan", False),
        ("submit", "Văn bản ủy quyền trong trường hợp ủy quyền thực hiện", False),
        ("submit", "Giấy chứng sinh; nếu không có người làm chứng thì phải có giấy cam đoan", True),
        ("submit", "Giấy tờ chứng minh nơi cư trú (nếu có)", False),
        ("show", "Hộ chiếu/Thẻ căn cước công dân", True),
        ("heading", "Chứng cứ chứng minh quan hệ cha, con gồm:", False),
        ("note", "Lưu ý: mang theo bản chính", False),
    ],
)
def test_given_line_then_required_only_when_unconditional_document(
    kind: str, name: str, required: bool
) -> None:
    assert is_required(kind, name) is required


def test_given_case_heading_then_closing_words_dropped() -> None:
    assert case_title("* Đăng ký tạm trú theo danh sách, hồ sơ gồm:") == "Đăng ký tạm trú theo danh sách"
    assert case_title("* Hồ sơ đăng ký tạm trú gồm: ") == "Hồ sơ đăng ký tạm trú"
    assert case_title("Hồ sơ gồm:") == "Hồ sơ gồm"  # nothing would be left: kept whole
    assert case_title("Đối với trường hợp mất Trang bổ sung:") == "Đối với trường hợp mất Trang bổ sung"


def test_given_temporary_residence_then_three_cases_each_with_the_common_note() -> None:
    record = portal("1.004194")  # Đăng ký tạm trú: three alternatives and an unnamed note
    assert [c.name for c in record.cases] == [
        "Hồ sơ đăng ký tạm trú",
        "Đăng ký tạm trú theo danh sách",
        "Đăng ký tạm trú tại nơi đơn vị đóng quân trong Công an nhân dân, Quân đội nhân nhân "
        "(đơn vị đóng quân, nhà ở công vụ)",
    ]
    for case in record.cases:
        notes = [d for d in case.documents if d.kind == "note"]
        assert any(d.name.startswith("*Lưu ý") or d.name.startswith("Lưu ý") for d in notes), case.name
        assert not any(d.required for d in notes)
    first = [d.name for d in record.cases[0].documents if d.kind == "submit"]
    assert len(first) == 2 and all("danh sách" not in n for n in first)


def test_given_parts_of_one_dossier_then_one_case_with_submitted_shown_notes_and_headings() -> None:
    record = portal("1.000080")  # Giấy tờ phải nộp / phải xuất trình / Lưu ý / unnamed: one dossier
    (case,) = record.cases
    kinds = {d.kind for d in case.documents}
    assert kinds == {"submit", "show", "heading", "note"}
    shown = [d for d in case.documents if d.kind == "show"]
    assert all(d.part == "Giấy tờ phải xuất trình" for d in shown) and len(shown) == 3
    assert [d.name for d in case.documents if d.kind == "heading"][0].endswith("gồm:")


def test_given_common_documents_and_an_addition_then_a_general_case_comes_first() -> None:
    record = portal("1.115494")  # "… giao rừng, cho thuê rừng thì phải có thêm các tài liệu sau"
    assert [c.name for c in record.cases][0] == GENERAL_CASE
    general, forest = record.cases
    assert len(general.documents) == 2 and len(forest.documents) == 6
    assert [d.name for d in forest.documents[:2]] == [d.name for d in general.documents]


def test_given_every_record_then_no_case_and_no_line_lost() -> None:
    """Every entry the portal lists reaches at least one case (a common part reaches them all)."""
    for path in sorted(PORTAL_DETAILS.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))["data"]
        (record,) = read_catalog_file(path)
        listed = {
            clean_document_name(c["name"]) for g in raw["executionCases"] for c in g["profileComponents"]
        }
        kept = {d.name for case in record.cases for d in case.documents}
        assert listed - {""} == kept, path.name
        assert all(c.documents for c in record.cases) or len(record.cases) == 1, path.name


# --- terms -------------------------------------------------------------------------------------------


def test_given_channel_term_other_then_case_terms_are_used_latest_first() -> None:
    record = portal("1.000894")  # Đăng ký kết hôn: channels OTHER; cases[] say 1 working day and 1 day
    assert {c.unit for c in record.channels} == {"none"}
    terms = terms_for(record, "direct", record.cases[0].name)
    assert set(terms) == {Term(1, TermUnit.WORKING_DAY), Term(1, TermUnit.DAY)}  # type: ignore[arg-type]
    assert terms_label(terms) == "1 ngày làm việc hoặc 1 ngày"
    calendar = WorkingCalendar()
    friday = datetime(2026, 12, 4, 15, 0, tzinfo=TZ)
    each = [appointment_for(friday, t, calendar, Policy.HOURS) for t in terms]
    # 1 working day from Friday 15:00 ends Monday afternoon; 1 calendar day (Saturday) is pushed to
    # Monday's closing: the later one is promised.
    assert latest_appointment(friday, terms, calendar, Policy.HOURS) == max(each)
    assert max(each) == datetime(2026, 12, 7, 17, 0, tzinfo=TZ) and min(each) < max(each)


def test_given_stated_case_matching_chosen_case_then_it_alone_decides() -> None:
    record = portal("1.000894")
    record.case_terms = [
        {"name": "Đăng ký tạm trú theo danh sách", "amount": "5", "unit": "working_day"},
        {"name": "Đăng ký tạm trú cá nhân", "amount": "2", "unit": "working_day"},
    ]
    assert terms_for(record, "direct", "Đăng ký tạm trú theo danh sách") == (Term(5, TermUnit.WORKING_DAY),)  # type: ignore[arg-type]
    assert len(terms_for(record, "direct", "Trường hợp khác hẳn")) == 2


def test_given_computable_channel_term_then_case_terms_ignored() -> None:
    record = portal("2.001955")
    assert terms_for(record, "online") == (Term(7, TermUnit.WORKING_DAY),)  # type: ignore[arg-type]


def test_given_no_computable_term_anywhere_then_no_appointment() -> None:
    record = portal("1.001022")
    (term,) = terms_for(record, "direct")
    assert term.unit is TermUnit.NONE
    assert latest_appointment(datetime(2026, 12, 4, 9, tzinfo=TZ), (term,), WorkingCalendar()) is None


def test_given_other_terms_for_one_channel_then_named_in_words_never_zero() -> None:
    record = portal("1.115464")  # 5 and 10 working days, and a "1 OTHER" for one case
    direct = next(c for c in record.channels if c.channel == "direct")
    assert (direct.amount, direct.unit) == ("5", "working_day")
    assert "Trường hợp khác: 10 ngày làm việc" in direct.description
    assert "0 không hẹn" not in direct.description and "không hẹn" not in direct.description


# --- own format, version 2 --------------------------------------------------------------------------


def test_given_portal_records_exported_then_reimported_unchanged(tmp_path: Path) -> None:
    records = read_records([PORTAL_DETAILS / f"{c}.json" for c in ("1.004194", "1.000894", "1.115494")])
    file = tmp_path / "own.json"
    file.write_text(write_own_format(records), encoding="utf-8")
    assert read_catalog_file(file) == sorted(records, key=lambda r: r.code)


def test_given_version_1_file_then_every_line_handed_in(tmp_path: Path) -> None:
    v1 = {
        "format": "counter_app.catalog",
        "version": 1,
        "procedures": [
            {
                "code": "9.000001",
                "name": "Thủ tục cũ",
                "cases": [{"name": "", "documents": [{"name": "Đơn"}]}],
            }
        ],
    }
    file = tmp_path / "v1.json"
    file.write_text(json.dumps(v1, ensure_ascii=False), encoding="utf-8")
    (record,) = read_catalog_file(file)
    assert [(d.kind, d.part, d.required) for d in record.cases[0].documents] == [("submit", "", True)]
    assert record.case_terms == []


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda p: p["cases"][0]["documents"][0].update(kind="ghi chú"), "loại dòng «ghi chú» không rõ"),
        (lambda p: p["cases"][0]["documents"][0].update(part=3), "phần hồ sơ của giấy tờ phải là chuỗi"),
        (lambda p: p.update(case_terms=[{"name": "x", "amount": "1"}]), "«case_terms» phải có name, amount"),
        (lambda p: p.update(case_terms=[{"name": "x", "amount": "-1", "unit": "day"}]), "không hợp lệ"),
        (lambda p: p.update(case_terms=[{"name": "x", "amount": "1", "unit": "none"}]), "không rõ: 'none'"),
    ],
)
def test_given_bad_v2_value_then_file_and_reason_named(tmp_path: Path, change, reason: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads((FIXTURES / "test_catalog.json").read_text(encoding="utf-8"))
    change(data["procedures"][0])
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogFileError) as error:
        read_catalog_file(file)
    assert str(file) in error.value.message and reason in error.value.message


def test_given_bundled_catalogue_then_it_is_what_the_importer_makes_of_the_records() -> None:
    """resources/catalog/default_catalog.json must be rebuilt whenever the rules change."""
    bundled = json.loads(
        (Path(__file__).parents[2] / "resources/catalog/default_catalog.json").read_text("utf-8")
    )
    fresh = json.loads(write_own_format(read_records([PORTAL_DETAILS])))
    assert bundled == fresh
