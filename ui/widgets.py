"""Field widgets for the forms: each reads and writes a stored value (None meaning empty), says
when it changed, and has room for a validation message right under it."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import reference
from ui.formatting import QT_DATE_FORMAT

_NO_DATE = QDate(1900, 1, 1)


class Field:
    """What every field widget offers the form."""

    changed: Signal

    def value(self) -> Any: ...
    def set_value(self, value: Any) -> None: ...


class TextField(QLineEdit):
    changed = Signal()

    def __init__(self, placeholder: str = "", max_length: int = 500) -> None:
        super().__init__()
        self.setPlaceholderText(placeholder)
        self.setMaxLength(max_length)
        self.textEdited.connect(lambda _: self.changed.emit())

    def value(self) -> str | None:
        return self.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))
        self.setCursorPosition(0)  # a value too long for the box shows its beginning


class NotesField(QPlainTextEdit):
    changed = Signal()

    def __init__(self, lines: int = 3) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)
        self.textChanged.connect(self.changed.emit)

    def value(self) -> str | None:
        return self.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setPlainText("" if value is None else str(value))
        self.blockSignals(False)


class DateField(QDateEdit):
    """A date with a calendar; ``optional`` dates can be left empty (shown blank)."""

    changed = Signal()

    def __init__(self, optional: bool = False) -> None:
        super().__init__()
        self.optional = optional
        self.setCalendarPopup(True)
        self.setDisplayFormat(QT_DATE_FORMAT)
        self.setMinimumDate(_NO_DATE)
        self.setMaximumDate(QDate(2100, 12, 31))
        if optional:
            self.setSpecialValueText(" ")
        self.setDate(_NO_DATE if optional else QDate.currentDate())
        self.dateChanged.connect(lambda _: self.changed.emit())

    def value(self) -> dt.date | None:
        if self.optional and self.date() == _NO_DATE:
            return None
        return self.date().toPython()

    def set_value(self, value: dt.date | None) -> None:
        self.blockSignals(True)
        self.setDate(
            QDate(value) if value else (_NO_DATE if self.optional else QDate.currentDate())
        )
        self.blockSignals(False)


class CountField(QSpinBox):
    """A whole number that may be empty (shown as a dash)."""

    changed = Signal()

    def __init__(self, maximum: int = 100_000) -> None:
        super().__init__()
        self.setRange(-1, maximum)
        self.setSpecialValueText("—")
        self.setValue(-1)
        self.valueChanged.connect(lambda _: self.changed.emit())

    def value(self) -> int | None:  # type: ignore[override]
        number = super().value()
        return None if number < 0 else number

    def set_value(self, value: int | None) -> None:
        self.blockSignals(True)
        self.setValue(-1 if value is None else value)
        self.blockSignals(False)


class FlagField(QCheckBox):
    changed = Signal()

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.toggled.connect(lambda _: self.changed.emit())

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setChecked(bool(value))
        self.blockSignals(False)


class ChoiceField(QComboBox):
    """A choice among (value, label) pairs; typing filters the list when ``searchable``."""

    changed = Signal()

    def __init__(
        self,
        items: Iterable[tuple[Any, str]] = (),
        *,
        empty: str | None = None,
        searchable: bool = False,
    ) -> None:
        super().__init__()
        self._empty = empty
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        if searchable:
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = self.completer()
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.lineEdit().editingFinished.connect(self._settle_typed_text)
        self.set_items(items)
        self.currentIndexChanged.connect(lambda _: self.changed.emit())

    def set_items(self, items: Iterable[tuple[Any, str]]) -> None:
        """Replace the choices, keeping the current one if it is still there.

        Values stay Python objects (UUIDs, enumeration members) in a list beside the combo box;
        Qt only sees the labels, so lookups never depend on how Qt compares wrapped objects.
        """
        chosen = self.value()
        self.blockSignals(True)
        self.clear()
        self._values: list[Any] = []
        if self._empty is not None:
            self.addItem(self._empty)
            self._values.append(None)
        for value, text in items:
            self.addItem(text)
            self._values.append(value)
        self.blockSignals(False)
        self.set_value(chosen)

    def _settle_typed_text(self) -> None:
        """Typed text that names no item falls back to the current choice, never free text."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        self.setCurrentIndex(index if index >= 0 else self.currentIndex())
        self.setEditText(self.itemText(self.currentIndex()))
        self.lineEdit().setCursorPosition(0)  # a long name shows its beginning

    def value(self) -> Any:
        index = self.currentIndex()
        values = getattr(self, "_values", [])
        return values[index] if 0 <= index < len(values) else None

    def set_value(self, value: Any) -> None:
        values = getattr(self, "_values", [])
        index = next((i for i, v in enumerate(values) if v == value and v is not None), -1)
        if index < 0 and self.count():
            index = 0  # the empty choice, or else the first one
        self.blockSignals(True)
        self.setCurrentIndex(index)
        if self.isEditable():
            self.setEditText(self.itemText(index) if index >= 0 else "")
            self.lineEdit().setCursorPosition(0)  # a long name shows its beginning
        self.blockSignals(False)


def enum_field(enum_cls: type[enum.Enum], *, empty: str | None = None) -> ChoiceField:
    return ChoiceField(reference.choices(enum_cls), empty=empty)


def country_items() -> list[tuple[str, str]]:
    """Every country as "English — Russian (CC)", Central Asia first."""
    countries = reference.countries()
    first = [countries[c] for c in reference.CENTRAL_ASIA]
    rest = sorted((c for c in countries.values() if c.code not in reference.CENTRAL_ASIA),
                  key=lambda c: c.name_en)  # fmt: skip
    return [(c.code, f"{c.name_en} — {c.name_ru} ({c.code})") for c in (*first, *rest)]


def country_field() -> ChoiceField:
    return ChoiceField(country_items(), empty="", searchable=True)


class FieldsOfWorkField(QListWidget):
    """The OSCE fields of work as a checkable list (English and Russian names)."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        for field in reference.FIELDS_OF_WORK:
            item = QListWidgetItem(f"{field.name_en} — {field.name_ru}")
            item.setData(Qt.ItemDataRole.UserRole, field.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.itemChanged.connect(lambda _: self.changed.emit())

    def value(self) -> list[str]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, codes: Iterable[str] | None) -> None:
        wanted = set(codes or [])
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.blockSignals(False)


class ErrorLabel(QLabel):
    """The validation message shown under a field (hidden when there is none)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class FieldBox(QWidget):
    """A field widget with its error label underneath."""

    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self.field = field
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(field)
        layout.addWidget(self.error)
        layout.addStretch(1)  # a row taller than the field keeps the field beside its label


def is_uuid(value: Any) -> bool:
    return isinstance(value, uuid.UUID)


def menu_button(name: str, text: str, menu_items: Iterable[tuple[str, Any]]) -> QToolButton:
    """A button that opens a menu of ``(text, slot)`` items at once, its arrow drawn beside the
    text rather than over its last letters (as Qt's style does for a tool button by itself)."""
    button = QToolButton()
    button.setObjectName(name)
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setStyleSheet(
        "QToolButton { padding: 3px 18px 3px 8px; }"
        "QToolButton::menu-indicator { subcontrol-origin: padding;"
        " subcontrol-position: right center; right: 5px; }"
    )
    menu = QMenu(button)
    for item_text, slot in menu_items:
        menu.addAction(item_text, slot)
    button.setMenu(menu)
    return button
