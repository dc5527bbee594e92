"""The interface's languages: Vietnamese (the source, complete by construction) and English.

- the English .ts holds exactly the messages lupdate finds in the code today, each with a finished
  translation keeping the source's placeholders, and the committed .qm files are compiled from the .ts;
- label_strings.py matches the domain's label dicts it is generated from;
- no Vietnamese text is written in the UI code outside the translation calls (a static check), and
  no call hides its text from lupdate (inside an f-string, or built at run time);
- in English, a main window driven through every page shows no Vietnamese except data (office,
  people, procedures, documents), and every text the code asked Qt to translate was found;
- in Vietnamese, Qt's own buttons (message boxes, input dialogs) are Vietnamese too;
- the settings dialog writes the language to settings.json and the receipt paper to QSettings.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from keys import type_text
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM, REPO
from waiting import writes_done

from counter_app.config import load_settings
from counter_app.db.database import Database
from counter_app.paths import resolve_paths
from counter_app.services.action_choices import transfer_units, user_names
from counter_app.services.catalog import list_procedures, show_procedure
from counter_app.services.office_overview import office_overview
from counter_app.services.offices import find_actor
from counter_app.services.tracking import filter_choices
from counter_app.ui import i18n
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import UiSession
from counter_app.ui.settings_dialog import RECEIPT_LAYOUT_KEY, SettingsDialog

TS = i18n.TRANSLATIONS_DIR / "counter_app_en.ts"
QT_VI_TS = i18n.TRANSLATIONS_DIR / "qtbase_vi.ts"
# The self-test's Qt checks write lines of its report, which is Vietnamese in every language, as the
# command line is (counter_app/selftest.py holds the rest of it).
NOT_INTERFACE = {REPO / "counter_app" / "ui" / "selftest_checks.py"}
UI_SOURCES = [
    *sorted(p for p in (REPO / "counter_app" / "ui").rglob("*.py") if p not in NOT_INTERFACE),
    REPO / "counter_app" / "app.py",
]
VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)
PLACEHOLDER = re.compile(r"\{\d+\}|%[a-zA-Z]|</?[a-zA-Z]+")  # {0}, strftime %H, HTML tags
QR = "038190012345||Nguyễn Thị Ánh Hồng|01051990|Nữ|Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa|15082021"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "update_translations", REPO / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → <translation> of every live message (vanished/obsolete ones left out)."""
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            found[(name, message.findtext("source") or "")] = translation
    return found


# ----------------------------------------------------------------------------- files
def test_given_code_then_english_ts_has_exactly_its_messages_all_translated(tmp_path: Path) -> None:
    script = _script()
    fresh = tmp_path / "fresh.ts"
    subprocess.run(script.lupdate_command(fresh), check=True, cwd=REPO)
    committed = messages(TS)
    extracted = set(messages(fresh))
    assert extracted - set(committed) == set(), "new messages: run scripts/update_translations.py"
    assert set(committed) - extracted == set(), "gone messages: run scripts/update_translations.py"
    assert len(committed) > 300
    for (context, source), translation in committed.items():
        text = translation.text or ""
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, f"unfinished translation of {where}"
        assert text.strip(), f"empty translation of {where}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        assert not VIETNAMESE.search(text), f"English translation of {where} has Vietnamese: {text!r}"


def test_given_ts_files_then_committed_qm_files_are_compiled_from_them(tmp_path: Path) -> None:
    script = _script()
    for ts in (TS, QT_VI_TS):
        qm = tmp_path / ts.with_suffix(".qm").name
        script.lrelease(ts, qm)
        assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"{ts.name}: run update_translations"


def test_given_qt_vietnamese_catalogue_then_every_message_is_translated() -> None:
    found = messages(QT_VI_TS)
    assert len(found) >= 100
    for (context, source), translation in found.items():
        assert translation.get("type") is None and (translation.text or "").strip(), f"{context}: {source}"


def test_given_domain_dicts_then_label_strings_file_is_in_sync() -> None:
    generated = (REPO / "counter_app" / "ui" / "label_strings.py").read_text(encoding="utf-8")
    assert generated == i18n.render_label_strings(), "run scripts/update_translations.py"
    for _source, texts in i18n.label_texts():
        for text in texts:
            assert f'QT_TRANSLATE_NOOP("labels", "{text}")' in generated


# ----------------------------------------------------------------------------- the code
_TRANSLATE_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP"}
# Vietnamese literals that are not interface text, with the reason.
_NOT_UI_TEXT = {
    ("guide_page.py", "nếu có"),  # compared with document names (data), not shown
    ("i18n.py", "Tiếng Việt"),  # a language names itself in the language list, in every language
    ("app.py", "tạo dữ liệu mẫu nếu CSDL còn trống"),  # --help on the console, before Qt starts
    (
        "app.py",
        "tự kiểm tra bản cài đặt, không mở cửa sổ; kết quả ghi vào FILE (mặc định: self-test.txt trong thư mục nhật ký)",
    ),  # --help too
}


def _call_name(node: ast.AST) -> str:
    if isinstance(node, ast.Call):
        func = node.func
        return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return ""


def untranslatable_spots(path: Path) -> list[str]:
    """Vietnamese literals outside translation calls; translation calls lupdate cannot read."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}

    def ancestors(node: ast.AST) -> Iterator[ast.AST]:
        while node in parents:
            node = parents[node]
            yield node

    spots = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(REPO)}:{getattr(node, 'lineno', '?')}"
        if _call_name(node) in _TRANSLATE_CALLS:
            assert isinstance(node, ast.Call)
            if any(isinstance(a, ast.JoinedStr) for a in ancestors(node)):
                spots.append(f"{where}: translation call inside an f-string (lupdate cannot see it)")
            if any(isinstance(arg, ast.JoinedStr | ast.BinOp) for arg in node.args):
                spots.append(f"{where}: translation of a text built at run time")
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if isinstance(parents.get(node), ast.Expr) or not VIETNAMESE.search(node.value):
            continue  # a docstring, or no Vietnamese
        if any(_call_name(a) in _TRANSLATE_CALLS for a in ancestors(node)):
            continue
        if (path.name, node.value) not in _NOT_UI_TEXT:
            spots.append(f"{where}: Vietnamese text outside tr(): {node.value!r}")
    return spots


def test_given_ui_code_then_every_vietnamese_text_goes_through_translation() -> None:
    spots = [spot for path in UI_SOURCES for spot in untranslatable_spots(path)]
    assert not spots, "\n".join(spots)


# ----------------------------------------------------------------------------- English at run time
class _Recorder(QTranslator):
    """Translates nothing; notes every (context, source) Qt asks it about."""

    def __init__(self, into: list[tuple[str, str]]) -> None:
        super().__init__()
        self._into = into

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def, override]
        self._into.append((context, source))
        return None  # a null string: Qt goes on to the next translator

    def isEmpty(self) -> bool:  # noqa: N802
        return False


class English:
    """The English translators, between two recorders: asked = every lookup, missed = not found."""

    def __init__(self, app: QCoreApplication) -> None:
        self.asked: list[tuple[str, str]] = []
        self.missed: list[tuple[str, str]] = []
        self._app = app
        self._bottom = _Recorder(self.missed)  # asked last: only when no translator knew the text
        app.installTranslator(self._bottom)
        self.translators = i18n.install_translators(app, "en")
        self._top = _Recorder(self.asked)  # asked first: sees every lookup
        app.installTranslator(self._top)

    def untranslated(self) -> set[str]:
        """Vietnamese texts looked up and found in no context (PySide's tr() tries each base class)."""
        missed = set(self.missed)
        found = {source for context, source in self.asked if (context, source) not in missed}
        return {source for _context, source in missed if VIETNAMESE.search(source)} - found

    def remove(self) -> None:
        self._app.removeTranslator(self._top)
        i18n.remove_translators(self._app, self.translators)
        self._app.removeTranslator(self._bottom)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[English]:
    switched = English(qapp)
    yield switched
    switched.remove()  # the other tests run in Vietnamese


@pytest.fixture
def receipt_layout() -> Iterator[None]:
    """The test may change the receipt paper in QSettings: the workstation's value is put back."""
    before = QSettings().value(RECEIPT_LAYOUT_KEY)
    yield
    if before is None:
        QSettings().remove(RECEIPT_LAYOUT_KEY)
    else:
        QSettings().setValue(RECEIPT_LAYOUT_KEY, before)


class SilentPrinter:
    def print_slip(
        self, kind: str, pdf_bytes: bytes, saved_path: Path | None, *, preview: bool = False
    ) -> str:
        return f"printed {kind}"


def make_window(qtbot: QtBot, db: Database, tmp_path: Path) -> MainWindow:
    session = UiSession(
        db, find_actor(db, "canbo"), resolve_paths(tmp_path).ensure(), clock=lambda: MONDAY_9AM
    )
    window = MainWindow(session, printer=SilentPrinter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def data_texts(db: Database) -> list[str]:
    """What the database says (office, people, units, catalogue): shown as it is, in Vietnamese."""
    overview = office_overview(db)
    texts = [overview.office_name, overview.address, overview.identifier_code, overview.database]
    texts += list(user_names(db).values()) + [unit.name for unit in transfer_units(db)]
    texts += [choice.label for choices in filter_choices(db).values() for choice in choices]
    for summary in list_procedures(db, "", limit=None):
        record = show_procedure(db, summary.code)
        texts += [record.name, record.field_name]
        for case in record.cases:
            texts += [case.name, *(document.name for document in case.documents)]
        for channel in record.channels:
            texts.append(channel.description)
            texts += [str(fee.get("description") or "") for fee in channel.fees]
    texts += QR.split("|") + [QPrinterInfo.defaultPrinterName(), *i18n.LANGUAGES.values()]
    return sorted({t for t in texts if t}, key=len, reverse=True)


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(widget, text) for the texts a user can read in ``root``: labels, buttons, titles, fields, tables."""
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName()}".strip()
        texts = [widget.toolTip(), widget.windowTitle() if widget.isWindow() else ""]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts += [widget.placeholderText(), widget.text()]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QMainWindow):
            texts.append(widget.statusBar().currentMessage())
            for action in widget.menuBar().actions():
                texts.append(action.text())
                if action.menu() is not None:
                    texts += [sub.text() for sub in action.menu().actions()]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                for row in range(min(model.rowCount(), 30)):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.index(row, column).data(role)
                        texts.append(value if isinstance(value, str) else "")
        yield from ((name, text) for text in texts if text)


def vietnamese_left(roots: list[QWidget], data: list[str]) -> list[tuple[str, str]]:
    """Texts that still hold Vietnamese once the data in them (longest first) is taken out."""
    left = []
    for root in roots:
        for widget, text in shown_texts(root):
            rest = re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ")
            for value in data:
                rest = rest.replace(value, " ")
            if VIETNAMESE.search(rest):
                left.append((widget, text))
    return left


def test_given_english_when_window_opens_then_tabs_and_status_bar_are_english(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, english: English
) -> None:
    window = make_window(qtbot, sqlite_db, tmp_path)
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["Guide (F1)", "Receive (F2)", "Track (F3)", "Return (F4)", "Catalogue (F6)"]
    status = window.status_label.text()
    assert "Nguyễn Thị Lan (Counter officer)" in status
    assert " · Database: " in status and " · Printer: " in status
    assert window.menuBar().actions()[0].text() == "System"


def test_given_english_when_every_page_is_used_then_no_vietnamese_but_data_and_nothing_untranslated(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, english: English
) -> None:
    window = make_window(qtbot, sqlite_db, tmp_path)
    # Guide: a procedure with its cases, documents, terms and fees.
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    type_text(window.guide_page.picker.search, "noi quy", enter=True)
    assert window.guide_page.record is not None
    window.guide_page.record_button.click()
    # Receive: a QR scan and a procedure fill the form; accept makes a dossier.
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F2)
    page = window.receive_page
    type_text(page.applicant.id_number, QR)
    type_text(page.picker.search, "noi quy", enter=True)
    receive_texts = vietnamese_left([window], data_texts(sqlite_db))
    page.accept_dossier()
    writes_done(qtbot)
    assert page.last_result is not None
    code = page.last_result.code
    assert page.message.text().startswith(f"Dossier {code} accepted. Result due: ")
    # Track: the dossier selected, its detail and timeline, the transfer dialog.
    window.show_page(window.track_page)
    window.track_page.show_code(code)
    writes_done(qtbot)  # the dossier is read (and its audit record written) on the write lane
    assert window.track_page.detail.view is not None
    window.track_page.transfer_selected()
    dialog = window.track_page.dialog
    assert dialog is not None
    # Return: a dossier without a result yet says so.
    window.show_page(window.return_page)
    window.return_page.open_code(code)
    writes_done(qtbot)
    assert "has no result yet" in window.return_page.message.text()
    settings = window.open_settings()
    login = LoginDialog(sqlite_db, demo_hint=True)
    qtbot.addWidget(login)

    left = receive_texts + vietnamese_left([window, dialog, settings, login], data_texts(sqlite_db))
    assert not left, "Vietnamese in the English interface:\n" + "\n".join(f"{w}: {t!r}" for w, t in left)
    assert english.untranslated() == set(), "asked for, not in the .qm"
    dialog.reject()
    settings.reject()


def test_given_vietnamese_then_qt_standard_buttons_are_vietnamese(qapp: QApplication) -> None:
    translators = i18n.install_translators(qapp, "vi")
    try:
        assert translators, "no Vietnamese catalogue for Qt's own texts"
        box = QMessageBox(QMessageBox.Icon.Question, "", "")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        assert box.button(QMessageBox.StandardButton.Yes).text() == "&Có"
        assert box.button(QMessageBox.StandardButton.No).text() == "&Không"
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
        assert QCoreApplication.translate("QLineEdit", "&Paste") == "&Dán"
    finally:
        i18n.remove_translators(qapp, translators)


# ----------------------------------------------------------------------------- settings
def test_given_settings_dialog_when_saved_then_language_in_settings_json_and_paper_in_qsettings(
    qtbot: QtBot, tmp_path: Path, receipt_layout: None
) -> None:
    paths = resolve_paths(tmp_path).ensure()
    assert load_settings(paths).language == "vi"
    dialog = SettingsDialog(paths)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == ["vi", "en"]
    assert [dialog.receipt_layout.itemData(i) for i in range(dialog.receipt_layout.count())] == [
        "a4",
        "a5",
        "thermal80",
    ]
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.receipt_layout.setCurrentIndex(dialog.receipt_layout.findData("thermal80"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert load_settings(paths).language == "en"
    assert QSettings().value(RECEIPT_LAYOUT_KEY) == "thermal80"
    again = SettingsDialog(paths)
    qtbot.addWidget(again)
    assert again.language.currentData() == "en"
    assert again.receipt_layout.currentData() == "thermal80"


def test_given_no_data_folder_then_language_cannot_be_chosen_but_paper_is_saved(
    qtbot: QtBot, receipt_layout: None
) -> None:
    dialog = SettingsDialog(None)
    qtbot.addWidget(dialog)
    assert not dialog.language.isEnabled()
    dialog.receipt_layout.setCurrentIndex(dialog.receipt_layout.findData("a5"))
    dialog.save()
    assert QSettings().value(RECEIPT_LAYOUT_KEY) == "a5"


def test_given_main_window_when_ctrl_comma_then_settings_open(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    window = make_window(qtbot, sqlite_db, tmp_path)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.language.currentData() == "vi"
    dialog.reject()
