"""Page 4, Thủ tục tiếp nhận: the procedures of the national catalogue the office receives.

The list is the bundled catalogue at the level chosen on page 1 (setup_choices.choices_for_level),
grouped by field: ticking a field ticks its procedures. Catalogue files added from disk (portal
records or our own format) join it, ticked. What is ticked — of what is listed — is received.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from counter_app.domain.errors import UserError
from counter_app.domain.text import search_key
from counter_app.services.setup_choices import ProcedureChoice, choices_for_level
from counter_app.ui.messages import shown
from counter_app.ui.setup.common import error_label, hint_label

CODE_ROLE = Qt.ItemDataRole.UserRole  # column 0: the procedure's code; column 1: its field
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # what the search box is compared with
ALL_FIELDS = ""


def field_names(choices: Iterable[ProcedureChoice]) -> Counter[str]:
    """How many fields (by code) bear each field name."""
    return Counter(name for _code, name in {(c.field_code, c.field_name) for c in choices})


def field_label(code: str, name: str, names: Counter[str]) -> str:
    """A field's name; with its code when another field has the same name (Hộ tịch of the Ministry
    of Justice and of Foreign Affairs)."""
    label = name or QCoreApplication.translate("setup", "(Chưa có lĩnh vực)")
    return f"{label} ({code})" if names[name] > 1 and code else label


class SwallowEnter(QObject):
    """Enter in a search field filters, it does not press the wizard's default button."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            return True
        return super().eventFilter(watched, event)


class SetupProceduresPage(QWizardPage):
    def __init__(
        self,
        level: Callable[[], str],
        load: Callable[[], list[ProcedureChoice]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._level = level
        self._load = load  # the bundled catalogue, read once (by the wizard, off the GUI thread if slow)
        self._shown_level: str | None = None
        self._extra: dict[str, ProcedureChoice] = {}  # from files added on this page, by code
        self.files: list[str] = []
        self._ticked: dict[str, bool] = {}  # by code; a procedure never seen is ticked
        self._listed: list[ProcedureChoice] = []
        self._items: dict[str, QTreeWidgetItem] = {}
        self._groups: dict[tuple[str, str], QTreeWidgetItem] = {}
        self._bulk = False  # ticking many at once: the count is shown once, at the end
        self.setTitle(self.tr("Thủ tục tiếp nhận"))
        self.setSubTitle(
            self.tr(
                "Các thủ tục của Cơ sở dữ liệu quốc gia ở cấp đơn vị đã chọn. Bỏ dấu những thủ tục đơn vị "
                "không tiếp nhận; đánh dấu một lĩnh vực là chọn mọi thủ tục của lĩnh vực đó."
            )
        )
        self.field_filter = QComboBox()
        self.field_filter.setMinimumContentsLength(30)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm theo tên hoặc mã thủ tục (có dấu hay không dấu)…"))
        self.search.setClearButtonEnabled(True)
        self._enter_filter = SwallowEnter(self)
        self.search.installEventFilter(self._enter_filter)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Lĩnh vực, thủ tục"), self.tr("Mã")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setUniformRowHeights(True)
        self.count = QLabel()
        self.select_all = QPushButton(self.tr("Chọn tất cả"))
        self.select_none = QPushButton(self.tr("Bỏ chọn tất cả"))
        self.add_files = QPushButton(self.tr("Nhập thêm từ tệp…"))
        self.added = hint_label("")
        self.added.hide()
        self.error = error_label()
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Lĩnh vực:")))
        filters.addWidget(self.field_filter, 1)
        filters.addWidget(self.search, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        buttons.addWidget(self.select_all)
        buttons.addWidget(self.select_none)
        buttons.addWidget(self.add_files)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.added)
        layout.addWidget(self.error)
        self.field_filter.currentIndexChanged.connect(lambda _index: self.apply_filter())
        self.search.textChanged.connect(lambda _text: self.apply_filter())
        self.tree.itemChanged.connect(self._item_changed)
        self.select_all.clicked.connect(lambda: self.tick_shown(True))
        self.select_none.clicked.connect(lambda: self.tick_shown(False))
        self.add_files.clicked.connect(self._ask_files)

    # ---- the list -----------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802
        level = self._level()
        if level != self._shown_level:
            self._shown_level = level
            self._fill()

    def field_item(self, field_code: str, field_name: str) -> QTreeWidgetItem:
        """The field's row of the list (its check box ticks all its procedures)."""
        return self._groups[(field_code, field_name)]

    def procedure_item(self, code: str) -> QTreeWidgetItem:
        return self._items[code]

    def listed(self) -> list[ProcedureChoice]:
        return list(self._listed)

    def chosen_codes(self) -> tuple[str, ...]:
        return tuple(choice.code for choice in self._listed if self._ticked.get(choice.code, True))

    def chosen(self) -> list[ProcedureChoice]:
        return [choice for choice in self._listed if self._ticked.get(choice.code, True)]

    def _fill(self) -> None:
        by_code = {choice.code: choice for choice in choices_for_level(self._load(), self._shown_level or "")}
        by_code.update(self._extra)  # a file's version of a procedure wins over the bundled one
        self._listed = sorted(by_code.values(), key=lambda c: (c.field_name, c.field_code, c.name, c.code))
        self.tree.blockSignals(True)  # building the list is no ticking by the user
        self.tree.clear()
        self._items = {}
        groups: dict[tuple[str, str], QTreeWidgetItem] = {}
        names = field_names(self._listed)
        for choice in self._listed:
            key = (choice.field_code, choice.field_name)
            group = groups.get(key)
            if group is None:
                group = groups[key] = QTreeWidgetItem(self.tree, [self._field_label(*key, names)])
                group.setData(0, CODE_ROLE, None)
                group.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsAutoTristate
                )
            on = self._ticked.setdefault(choice.code, True)
            item = QTreeWidgetItem(group, [choice.name, choice.code])
            item.setData(0, CODE_ROLE, choice.code)
            item.setData(1, CODE_ROLE, f"{choice.field_code}\t{choice.field_name}")
            item.setData(0, KEY_ROLE, search_key(f"{choice.code} {choice.name}"))
            item.setToolTip(0, choice.name)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self._items[choice.code] = item
        self.tree.blockSignals(False)
        self._groups = groups
        self._fill_field_filter(groups, names)
        self.apply_filter()
        self._show_count()

    def _field_label(self, code: str, name: str, names: Counter[str]) -> str:
        return field_label(code, name, names)

    def _fill_field_filter(self, groups: dict[tuple[str, str], QTreeWidgetItem], names: Counter[str]) -> None:
        current = self.field_filter.currentData()
        self.field_filter.blockSignals(True)
        self.field_filter.clear()
        self.field_filter.addItem(self.tr("Mọi lĩnh vực"), ALL_FIELDS)
        for code, name in sorted(groups, key=lambda key: self._field_label(*key, names)):
            self.field_filter.addItem(self._field_label(code, name, names), f"{code}\t{name}")
        index = self.field_filter.findData(current)
        self.field_filter.setCurrentIndex(max(index, 0))
        self.field_filter.blockSignals(False)

    def apply_filter(self) -> None:
        field = self.field_filter.currentData() or ALL_FIELDS
        phrase = search_key(self.search.text())  # the words as typed, together, any tone marks
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            shown = 0
            for child_index in range(group.childCount()):
                item = group.child(child_index)
                choice_field = item.data(1, CODE_ROLE)
                visible = field in (ALL_FIELDS, choice_field) and phrase in item.data(0, KEY_ROLE)
                item.setHidden(not visible)
                shown += visible
            group.setHidden(shown == 0)
            group.setExpanded(bool(phrase) or field != ALL_FIELDS or self.tree.topLevelItemCount() == 1)

    def shown_codes(self) -> list[str]:
        return [
            code for code, item in self._items.items() if not item.isHidden() and not item.parent().isHidden()
        ]

    def tick(self, codes: Iterable[str], on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self._bulk = True  # one count at the end, not one per procedure
        for code in codes:
            self._ticked[code] = on
            if code in self._items:
                self._items[code].setCheckState(0, state)
        self._bulk = False
        self._show_count()

    def tick_shown(self, on: bool) -> None:
        """Chọn tất cả / Bỏ chọn tất cả: every procedure the filters show."""
        self.tick(self.shown_codes(), on)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        code = item.data(0, CODE_ROLE)
        if code:  # a field's own state follows its procedures (Qt's auto tristate)
            self._ticked[code] = item.checkState(0) == Qt.CheckState.Checked
        if not self._bulk:
            self.error.hide()
            self._show_count()

    def _show_count(self) -> None:
        for group in self._groups.values():
            children = [group.child(i) for i in range(group.childCount())]
            ticked = sum(self._ticked.get(child.data(0, CODE_ROLE), True) for child in children)
            group.setText(1, f"{ticked}/{len(children)}")
        self.count.setText(
            self.tr("Đã chọn {0} thủ tục (trong {1} thủ tục)").format(
                len(self.chosen_codes()), len(self._listed)
            )
        )

    # ---- files ----------------------------------------------------------------------------------
    def _ask_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Nhập thêm thủ tục từ tệp"),
            "",
            self.tr("Danh mục thủ tục (*.json);;Mọi tệp (*)"),
        )
        if paths:
            self.add_catalog_files(paths)

    def add_catalog_files(self, paths: Sequence[str]) -> bool:
        """Read ``paths`` (portal records or our own format); their procedures are listed, ticked.
        A file that cannot be read: its reason in a message, nothing changes."""
        # Reading files needs the catalogue services, which load the database stack: imported here,
        # not when the wizard shows (issue 11).
        from counter_app.services.office_setup import procedure_choices

        try:
            choices = procedure_choices(paths=tuple(Path(p) for p in paths))
        except (UserError, OSError) as exc:
            message = shown(exc) if isinstance(exc, UserError) else str(exc)
            QMessageBox.warning(self, self.tr("Không nhập được tệp"), message)
            return False
        for choice in choices:
            self._extra[choice.code] = choice
            self._ticked[choice.code] = True
        self.files.extend(str(p) for p in paths if str(p) not in self.files)
        self._fill()
        self.added.setText(
            self.tr("Đã thêm {0} thủ tục từ {1} tệp (đã đánh dấu chọn).").format(len(choices), len(paths))
        )
        self.added.show()
        return True

    def validatePage(self) -> bool:  # noqa: N802
        if self.chosen_codes():
            self.error.hide()
            return True
        self.show_error("procedures", self.tr("Hãy chọn ít nhất một thủ tục đơn vị tiếp nhận."))
        return False

    def show_error(self, field: str, message: str) -> bool:
        if field not in ("procedures", "catalog_files"):
            return False
        self.error.setText(message)
        self.error.show()
        self.tree.setFocus()
        return True
