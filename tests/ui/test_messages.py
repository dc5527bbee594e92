"""The core's messages in the interface's language (counter_app/ui/messages.py).

- the headless code hides no template from the translation: every ``UserError`` / ``Message`` is
  given a literal Vietnamese template (or says why not, ``# i18n: …``), with exactly the values its
  placeholders name; the scan itself finds an f-string, a concatenation and a variable;
- counter_app/ui/message_strings.py is what the scan generates, and the English .ts translates every
  template it lists, keeping its placeholders;
- in English, a service's error shows in English on a real page (receive: a CCCD number of the
  wrong length, a phone number one digit short — a nested fragment; track: an unknown code); in
  Vietnamese, the page shows exactly the error's ``message``, as before;
- a translation that does not fit its values is logged and the Vietnamese shown instead.
"""

from __future__ import annotations

import json
import string
import textwrap
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from keys import type_text
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from testdata import MONDAY_9AM, NODE, REPO, unguard_events

from counter_app.db.database import Database
from counter_app.domain.appointment import Term, TermUnit
from counter_app.domain.errors import MESSAGES_CONTEXT, NotFoundError, ValidationError
from counter_app.services.backups import size_message, size_text
from counter_app.services.catalog_files import read_catalog_file
from counter_app.services.catalog_format import OWN_FORMAT, CatalogFileError
from counter_app.services.integrity import verify_events
from counter_app.services.offices import find_actor
from counter_app.ui import i18n
from counter_app.ui.messages import render_message_strings, scan_messages, shown
from counter_app.ui.pages.receive_page import ReceivePage
from counter_app.ui.pages.track.page import TrackPage
from counter_app.ui.session import UiSession

TS = i18n.TRANSLATIONS_DIR / "counter_app_en.ts"
UNKNOWN_CODE = "000.00.31.H56-261123-0099"


def _fields(template: str) -> list[str]:
    return sorted(
        f"{name}!{conv}:{spec}" for _, name, spec, conv in string.Formatter().parse(template) if name
    )


# ----------------------------------------------------------------------------- the code
def test_given_headless_code_then_no_call_hides_its_template_and_each_template_gets_its_values() -> None:
    scan = scan_messages()
    assert scan.hidden == [], "\n".join(scan.hidden)
    assert scan.unfilled == [], "\n".join(scan.unfilled)
    templates = {text for texts in scan.texts.values() for text in texts}
    assert len(templates) > 300
    assert "Không tìm thấy hồ sơ mã «{code}»." in templates  # services/lookup.py
    assert "Thứ Hai" in templates  # WEEKDAY_NAMES, through Message(WEEKDAY_NAMES[…])
    assert "in phiếu" in templates  # a fragment handed to require_role(…, what)
    assert "sao lưu" in templates  # ensure_room's default purpose


def test_given_calls_that_hide_their_text_then_the_scan_names_them_unless_they_say_why(
    tmp_path: Path,
) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "errors.py").write_text(
        textwrap.dedent(
            """
            class UserError(Exception):
                def __init__(self, template, /, *, field=None, **params):
                    super().__init__(template)

            class ValidationError(UserError):
                pass

            class Message:
                def __init__(self, template, /, **params):
                    self.template = template
            """
        )
    )
    (package / "rules.py").write_text(
        textwrap.dedent(
            """
            from pkg.errors import Message, UserError, ValidationError

            CONSTANT = "Hằng số."
            DAYS = ("Thứ Hai", "Thứ Ba")

            def require_role(actor, minimum, what):
                raise UserError("Chỉ được {what}.", what=Message(what))

            def f_string(x):
                raise ValidationError(f"Sai {x}.")

            def concatenated(x):
                raise ValidationError("Sai " + x)

            def variable(text):
                raise UserError(text)

            def reraised(exc):
                raise UserError(exc.text)  # i18n: exc's own message, re-raised

            def templated(x, day):
                require_role(None, None, "in phiếu")
                require_role(None, None, f"in {x}")
                raise ValidationError("Sai «{x}» ({day}).", x=x, day=Message(DAYS[day]), field="x")

            def constant():
                raise UserError(CONSTANT)

            def unfilled(x):
                raise ValidationError("Sai «{x}».", y=x)
            """
        )
    )
    scan = scan_messages(package)

    hidden = sorted(line.split(": ", 1)[0] for line in scan.hidden)
    assert hidden == ["pkg/rules.py:11", "pkg/rules.py:14", "pkg/rules.py:17", "pkg/rules.py:24"]
    assert "require_role(what=…)" in scan.hidden[-1]
    assert scan.unfilled == ["pkg/rules.py:31: placeholders ['x'] but values ['y']"]
    assert scan.texts["pkg.rules"] == [
        "Chỉ được {what}.",
        "in phiếu",
        "Sai «{x}» ({day}).",
        "Thứ Hai",
        "Thứ Ba",
        "Hằng số.",
        "Sai «{x}».",
    ]


# ----------------------------------------------------------------------------- the files
def test_given_scan_then_message_strings_file_is_in_sync() -> None:
    generated = (REPO / "counter_app" / "ui" / "message_strings.py").read_text(encoding="utf-8")
    assert generated == render_message_strings(), "run scripts/update_translations.py"


def test_given_english_ts_then_every_core_template_is_translated_keeping_its_placeholders() -> None:
    scan = scan_messages()
    wanted = {text for texts in scan.texts.values() for text in texts}
    found: dict[str, ET.Element] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") == MESSAGES_CONTEXT:
            for message in context.iter("message"):
                found[message.findtext("source") or ""] = message.find("translation")  # type: ignore[assignment]
    assert set(found) == wanted, "run scripts/update_translations.py"
    for source, translation in found.items():
        assert translation.get("type") is None and (translation.text or "").strip(), f"untranslated: {source}"
        assert _fields(translation.text or "") == _fields(source), f"placeholders differ: {source}"


# ----------------------------------------------------------------------------- at run time
def receive_page(qtbot: QtBot, db: Database) -> ReceivePage:
    page = ReceivePage(UiSession(db, find_actor(db, "canbo"), clock=lambda: MONDAY_9AM))
    qtbot.addWidget(page)
    page.show()
    return page


def accept_with(qtbot: QtBot, page: ReceivePage, field: str, text: str) -> str:
    """Fill the form with one bad field, accept, and return the inline message shown beside it."""
    type_text(page.applicant.full_name, "Trần Văn Bình")
    qtbot.keyClicks(getattr(page.applicant, field), text)
    qtbot.keyClicks(page.picker.search, "noi quy")
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
    page.accept_dossier()
    label = page.applicant.errors[field]
    qtbot.waitUntil(lambda: not label.isHidden())
    return label.text()


def track_page_message(qtbot: QtBot, db: Database, code: str) -> str:
    page = TrackPage(UiSession(db, find_actor(db, "canbo"), clock=lambda: MONDAY_9AM))
    qtbot.addWidget(page)
    page.show()
    page.show_code(code)
    qtbot.waitUntil(lambda: bool(page.message.text()))
    return page.message.text()


def test_given_english_when_a_wrong_cccd_is_accepted_then_the_service_error_is_english(
    qtbot: QtBot, sqlite_db: Database, english: None
) -> None:
    text = accept_with(qtbot, receive_page(qtbot, sqlite_db), "id_number", "12345")
    assert text == "A CCCD number has 12 digits, an old CMND number 9 (the number entered has 5)."


def test_given_english_when_a_phone_lacks_a_digit_then_the_nested_fragment_is_english_too(
    qtbot: QtBot, sqlite_db: Database, english: None
) -> None:
    text = accept_with(qtbot, receive_page(qtbot, sqlite_db), "phone", "091234567")
    assert text == (
        "A mobile number has 10 digits (including the leading 0); the number entered has 1 digit(s) missing."
    )


def test_given_english_when_an_unknown_code_is_shown_then_track_page_says_so_in_english(
    qtbot: QtBot, sqlite_db: Database, english: None
) -> None:
    assert track_page_message(qtbot, sqlite_db, UNKNOWN_CODE) == f"No dossier with the code «{UNKNOWN_CODE}»."


def test_given_vietnamese_then_pages_show_the_errors_message_as_before(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    text = accept_with(qtbot, receive_page(qtbot, sqlite_db), "id_number", "12345")
    assert text == "Số CCCD phải gồm 12 chữ số, số CMND cũ gồm 9 chữ số (số đã nhập có 5 chữ số)."
    message = track_page_message(qtbot, sqlite_db, UNKNOWN_CODE)
    assert message == f"Không tìm thấy hồ sơ mã «{UNKNOWN_CODE}»."
    error = NotFoundError("Không tìm thấy hồ sơ mã «{code}».", code=UNKNOWN_CODE)
    assert shown(error) == error.message == message


class _Misfit(QTranslator):
    """Translates one template into a text naming a placeholder the error does not give."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def, override]
        return "Wrong {nothing}." if source == "Sai «{x}»." else None

    def isEmpty(self) -> bool:  # noqa: N802
        return False


@pytest.mark.expect_log("does not fit its values")
def test_given_a_translation_that_does_not_fit_then_logged_and_the_vietnamese_shown(
    qapp: QApplication,
) -> None:
    misfit = _Misfit()
    qapp.installTranslator(misfit)
    try:
        assert shown(ValidationError("Sai «{x}».", x="1")) == "Sai «1»."
    finally:
        qapp.removeTranslator(misfit)


# ----------------------------------------------------------------------------- beyond errors
# Texts the core hands the desktop that are not errors: a term, a size, a file's reason for
# refusal, a broken link of the event chain. Each is a Message; the desktop shows it translated.


def test_given_english_then_a_term_and_a_size_take_a_decimal_point(qapp: QApplication, english: None) -> None:
    half = Term(Decimal("4.5"), TermUnit.WORKING_DAY)
    assert shown(half.message) == "4.5 working day(s)" and half.label == "4,5 ngày làm việc"
    assert shown(Term(Decimal("7"), TermUnit.WORKING_DAY).message) == "7 working day(s)"
    assert shown(size_message(73_400_000)) == "73.4 MB" and size_text(73_400_000) == "73,4 MB"
    assert shown(size_message(2_000_000_000)) == "2.0 GB"


def test_given_vietnamese_then_the_same_texts_keep_the_decimal_comma(qapp: QApplication) -> None:
    assert shown(Term(Decimal("0.5"), TermUnit.DAY).message) == "0,5 ngày"
    assert shown(size_message(256_000_000)) == "256,0 MB"


def test_given_english_when_a_catalogue_file_is_refused_then_its_reason_is_english(
    qapp: QApplication, english: None, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    record = {"code": "1.1", "name": "Thủ tục", "supplement_rule": "later"}
    bad.write_text(json.dumps({"format": OWN_FORMAT, "version": 1, "procedures": [record]}), encoding="utf-8")

    with pytest.raises(CatalogFileError) as caught:
        read_catalog_file(bad)

    assert (
        shown(caught.value)
        == f"{bad}: invalid file — «supplement_rule» must be restart or pause (found 'later')."
    )
    assert caught.value.message == (
        f"{bad}: tệp không hợp lệ — «supplement_rule» phải là restart hoặc pause (gặp 'later')."
    )


def test_given_english_when_the_event_chain_is_broken_then_the_link_is_named_in_english(
    qapp: QApplication, english: None, sqlite_db: Database
) -> None:
    with sqlite_db.write() as session:
        unguard_events(lambda sql: session.execute(text(sql)))
        session.execute(text("UPDATE events SET actor = 'x' WHERE seq = 2"))

    broken = verify_events(sqlite_db).first_broken

    assert broken is not None and shown(broken).startswith(f"Node {NODE}, event number 2 (")
    assert shown(broken).endswith("its content was changed (the hash does not match).")
    assert broken.render().endswith("nội dung đã bị sửa (mã băm không khớp).")
