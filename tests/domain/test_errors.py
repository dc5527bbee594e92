"""A user-facing error carries a Vietnamese template and its values (counter_app/domain/errors.py).

``message`` is the text rendered in Vietnamese, exactly what an f-string gave before (the command line
prints it, the tests read it); the template, the values and their nested messages are what the
interface translates (counter_app/ui/messages.py).
"""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from counter_app.domain.errors import (
    LABELS_CONTEXT,
    MESSAGES_CONTEXT,
    Message,
    NotFoundError,
    UserError,
    ValidationError,
    describe_os_error,
)
from counter_app.domain.identity import validate_id_number
from counter_app.domain.lifecycle import Action, Status, next_status
from counter_app.domain.phone import validate_phone

# A fake translation: (context, Vietnamese) → English; anything else is left as it is (as Qt does).
ENGLISH = {
    (MESSAGES_CONTEXT, "Không tìm thấy hồ sơ mã «{code}»."): "No dossier with the code «{code}».",
    (MESSAGES_CONTEXT, "Ngày {day:%d/%m/%Y}: {reason}."): "Day {day:%d/%m/%Y}: {reason}.",
    (MESSAGES_CONTEXT, "không có quyền truy cập"): "access denied",
    (MESSAGES_CONTEXT, "Chỉ {role} mới được {what}."): "Only the {role} role may {what}.",
    (MESSAGES_CONTEXT, "in phiếu"): "print slips",
    (LABELS_CONTEXT, "Quản trị"): "Administrator",
}


def english(context: str, source: str) -> str:
    return ENGLISH.get((context, source), source)


def test_given_template_and_values_then_message_is_the_vietnamese_text_and_both_are_kept() -> None:
    error = NotFoundError("Không tìm thấy hồ sơ mã «{code}».", code="000.00.31.H56-261123-0099", field="code")

    assert error.message == "Không tìm thấy hồ sơ mã «000.00.31.H56-261123-0099»."
    assert str(error) == error.message and error.args == (error.message,)
    assert error.template == "Không tìm thấy hồ sơ mã «{code}»."
    assert dict(error.params) == {"code": "000.00.31.H56-261123-0099"}
    assert error.field == "code"
    assert error.text.render(english) == "No dossier with the code «000.00.31.H56-261123-0099»."


def test_given_plain_text_without_values_then_it_is_shown_as_written_braces_and_all() -> None:
    error = ValidationError("«sessions» phải là một đối tượng JSON { … }.")
    assert error.message == "«sessions» phải là một đối tượng JSON { … }."
    assert error.template == error.message and dict(error.params) == {}


def test_given_format_specs_and_nested_messages_then_each_part_is_translated_on_its_own() -> None:
    error = UserError(
        "Ngày {day:%d/%m/%Y}: {reason}.", day=date(2026, 11, 23), reason=describe_os_error(PermissionError())
    )
    assert error.message == "Ngày 23/11/2026: không có quyền truy cập."
    assert error.text.render(english) == "Day 23/11/2026: access denied."


def test_given_a_domain_label_then_it_is_looked_up_as_a_label_and_lower_cased_where_the_sentence_wants() -> (
    None
):
    error = UserError(
        "Chỉ {role} mới được {what}.", role=Message.label("Quản trị", lower=True), what=Message("in phiếu")
    )
    assert error.message == "Chỉ quản trị mới được in phiếu."
    assert error.text.render(english) == "Only the administrator role may print slips."


def test_given_several_messages_joined_then_each_is_translated_and_the_separator_kept() -> None:
    text = Message.joined(" ", [describe_os_error(PermissionError()), Message("in phiếu")])
    assert text.render() == "không có quyền truy cập in phiếu"
    assert text.render(english) == "access denied print slips"


def test_given_a_message_and_values_beside_it_then_type_error() -> None:
    with pytest.raises(TypeError):
        UserError(Message("in phiếu"), code="x")


def test_given_an_error_pickled_then_its_text_and_field_come_back() -> None:
    error = ValidationError(
        "Chỉ {role} mới được {what}.", role=Message.label("Quản trị", lower=True), what="x", field="f"
    )
    again = pickle.loads(pickle.dumps(error))
    assert (again.message, again.field, again.text) == (error.message, error.field, error.text)
    assert again.text.render(english) == "Only the administrator role may x."


def test_given_domain_checks_then_their_messages_render_as_before_and_carry_their_parts() -> None:
    with pytest.raises(ValidationError) as short:
        validate_phone("091234567")
    assert short.value.message == "Số di động phải gồm 10 chữ số (kể cả số 0 đầu); số đã nhập thiếu 1 chữ số."
    assert short.value.params["problem"] == Message("thiếu {count} chữ số", count=1)

    with pytest.raises(ValidationError) as wrong:
        validate_id_number("12345")
    assert wrong.value.template == (
        "Số CCCD phải gồm 12 chữ số, số CMND cũ gồm 9 chữ số (số đã nhập có {count} chữ số)."
    )
    assert wrong.value.message.endswith("(số đã nhập có 5 chữ số).")

    with pytest.raises(UserError) as step:
        next_status(Status.CANCELLED, Action.RESOLVE)
    assert step.value.message == "Không thể cập nhật kết quả khi hồ sơ đang ở trạng thái «Đã hủy»."
    assert step.value.params["status"] == Message.label("Đã hủy")
