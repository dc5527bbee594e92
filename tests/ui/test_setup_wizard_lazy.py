"""The set-up wizard makes its later pages when they are first needed (issue 11: only the office page
is built before a new office's first window shows) and behaves as it did when all six were made at
once: the same pages in the same order, «Tiếp» on the office page, each page's first field focused
when it is reached, every value kept going back and forth, and the defaults of pages never visited
in the SetupSpec. (tests/ui/test_wizard_first.py checks, in a fresh process, that the later pages'
modules are not even imported before the first window.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget, QWizard
from pytestqt.qtbot import QtBot
from setup_support import FINISH, NEXT, NOW, OFFICE, click, fill_admin, fill_office, to_page

from counter_app.services.office_setup import procedure_choices
from counter_app.services.setup_spec import DEFAULT_SESSIONS, UnitSpec, UserSpec
from counter_app.ui.setup.common import error_label
from counter_app.ui.setup_wizard import SetupWizard

BACK = QWizard.WizardButton.BackButton
PAGES = [
    "SetupOfficePage",
    "SetupHoursPage",
    "SetupUnitsPage",
    "SetupProceduresPage",
    "SetupAdminPage",
    "SetupSummaryPage",
]


@pytest.fixture(scope="module")
def catalogue() -> list:  # type: ignore[type-arg]
    return procedure_choices()


@pytest.fixture
def wizard(qtbot: QtBot, catalogue: list) -> SetupWizard:  # type: ignore[type-arg]
    """As a new office's start shows it: no database yet."""
    w = SetupWizard(None, clock=lambda: NOW, catalog=lambda: catalogue)
    qtbot.addWidget(w, before_close_func=lambda widget: widget.hide())
    w.show()
    qtbot.waitExposed(w)
    return w


def made(w: SetupWizard) -> list[str]:
    """The pages added to the wizard so far, in id order (asking QWizard, which makes none)."""
    return [type(w.page(page_id)).__name__ for page_id in w.pageIds()]


def first_field(w: SetupWizard, page_id: int) -> QWidget:
    """The field that had the focus on reaching each page when all six were made at once."""
    return [
        lambda: w.office_page.findChild(QScrollArea),  # around the form
        lambda: w.hours_page.days[0][0].tick,  # Thứ Hai, Sáng
        lambda: w.units_page.table,
        lambda: w.procedures_page.field_filter,
        lambda: w.admin_page.full_name,
        lambda: w.summary_page.text,
    ][page_id]()


def test_given_a_new_wizard_then_only_the_office_page_is_made_and_it_offers_tiep(
    wizard: SetupWizard,
) -> None:
    assert made(wizard) == PAGES[:1]
    assert wizard.currentPage() is wizard.office_page
    assert wizard.button(NEXT).isVisible() and wizard.button(NEXT).isEnabled()
    assert not wizard.button(FINISH).isVisible() and not wizard.button(BACK).isVisible()
    assert made(wizard) == PAGES[:1]


def test_given_tiep_then_each_later_page_is_made_when_first_reached_its_first_field_focused(
    qtbot: QtBot, wizard: SetupWizard
) -> None:
    click(qtbot, wizard, NEXT)  # the empty office page is refused: nothing more is made
    assert wizard.currentId() == 0 and made(wizard) == PAGES[:1]
    fill_office(wizard)

    for page_id in range(1, len(PAGES)):
        if page_id == 5:
            fill_admin(wizard)
        click(qtbot, wizard, NEXT)
        assert wizard.currentId() == page_id
        assert made(wizard) == PAGES[: page_id + 1]
        assert QApplication.focusWidget() is first_field(wizard, page_id), PAGES[page_id]

    assert wizard.button(FINISH).isVisible() and not wizard.button(NEXT).isVisible()
    # Back to the start, each page keeps its place and gets the focus as before; nothing is remade.
    pages = wizard.pages()
    for page_id in reversed(range(len(PAGES) - 1)):
        click(qtbot, wizard, BACK)
        assert wizard.currentPage() is pages[page_id]
        assert QApplication.focusWidget() is first_field(wizard, page_id), PAGES[page_id]
    assert made(wizard) == PAGES and all(a is b for a, b in zip(wizard.pages(), pages, strict=True))


def test_given_every_page_filled_when_back_to_the_start_and_on_again_then_every_value_is_kept(
    qtbot: QtBot, wizard: SetupWizard
) -> None:
    fill_office(wizard)
    click(qtbot, wizard, NEXT)
    wizard.hours_page.days[5][0].tick.setChecked(True)  # Saturday morning
    wizard.hours_page.policies["days"].setChecked(True)
    click(qtbot, wizard, NEXT)
    wizard.units_page.add_row("SNV", "Sở Nội vụ")
    click(qtbot, wizard, NEXT)
    dropped = wizard.procedures_page.listed()[0].code
    wizard.procedures_page.tick([dropped], False)
    click(qtbot, wizard, NEXT)
    fill_admin(wizard)
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.summary_page
    spec = wizard.spec()
    assert spec.office.name == OFFICE["name"] and spec.office.time_policy == "days"
    assert spec.office.sessions[5] == (("07:30", "11:30"),)
    assert spec.units == (UnitSpec("SNV", "Sở Nội vụ"),)
    assert dropped not in spec.procedures and len(spec.procedures) == len(wizard.procedures_page.listed()) - 1
    assert spec.users[0].username == "quantri1"

    while wizard.currentId() > 0:
        click(qtbot, wizard, BACK)
    assert wizard.spec() == spec
    for _ in range(len(PAGES) - 1):
        click(qtbot, wizard, NEXT)

    assert wizard.currentPage() is wizard.summary_page
    assert wizard.spec() == spec
    assert "Sở Nội vụ" in wizard.summary_page.text.toPlainText()


def test_given_pages_never_visited_then_the_spec_has_their_defaults(wizard: SetupWizard) -> None:
    spec = wizard.spec()  # asking for it makes the pages it reads, in order, as they start

    assert made(wizard) == PAGES[:5]
    assert wizard.currentPage() is wizard.office_page
    assert spec.office.name == "" and spec.office.province == "" and spec.office.level == ""
    assert spec.office.time_policy == "hours" and spec.office.sessions == dict(DEFAULT_SESSIONS)
    assert (spec.units, spec.procedures, spec.catalog_files) == ((), (), ())  # the list fills when shown
    assert spec.users == (UserSpec(username="", full_name="", role="admin", password="", own_password=True),)


def test_given_a_later_page_asked_for_first_then_every_page_before_it_is_made_in_order(
    qtbot: QtBot, wizard: SetupWizard
) -> None:
    summary = wizard.summary_page

    assert made(wizard) == PAGES and wizard.page(5) is summary
    to_page(qtbot, wizard, summary)  # «Tiếp» goes through each of them
    assert wizard.currentPage() is summary


def test_given_an_error_label_then_its_text_can_be_selected_with_the_mouse(qtbot: QtBot) -> None:
    label = error_label()  # its flag set by name, without Qt's namespace (ui/setup/common.py)
    qtbot.addWidget(label)
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
