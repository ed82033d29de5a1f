"""What every record form shares: fields bound to the record's spec, validation shown next to
each field as the user types, one-transaction saving, conflict handling, the unsaved-changes
guard, and a Changes tab with the record's audit trail."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from app.services.records import RecordSpec
from db.engine import Database
from ui.errors import show_error
from ui.history import ChangesTab
from ui.widgets import ChoiceField, ErrorLabel, FieldBox, enum_field

log = logging.getLogger(__name__)


class RecordForm(QWidget):
    """A window editing one record (``record_id``) or creating one (``record_id=None``)."""

    saved = Signal(object)  # the record's id
    spec: RecordSpec
    noun = "record"

    def __init__(
        self, database: Database, record_id: uuid.UUID | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.database = database
        self.record_id = record_id
        self.version: int | None = None
        self.boxes: dict[str, FieldBox] = {}
        self._loaded: dict[str, Any] = {}
        self._initial: dict[str, Any] = {}  # a new record's values as the form first showed them
        self._validate_timer = QTimer(self, singleShot=True, interval=250)
        self._validate_timer.timeout.connect(self.validate_now)

        self.banner = ErrorLabel()
        self.tabs = QTabWidget()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        self.build()
        self.changes_tab = ChangesTab(database, self.spec)
        if record_id is not None:
            self.tabs.addTab(self.changes_tab, self.tr("Changes"))
        self.load()

    # --- for subclasses --------------------------------------------------------------------------

    def build(self) -> None:
        """Create the tabs and fields (calling ``add_field``)."""
        raise NotImplementedError

    def read(self, session: Session, record: Any) -> dict[str, Any]:
        """The field values of a loaded record (default: the spec's fields)."""
        return {name: getattr(record, name) for name in self.boxes}

    def load_extra(self, session: Session, record: Any | None) -> None:
        """Load what the form shows besides the fields (participants, history…)."""

    def write(self, session: Session, changes: dict[str, Any]) -> Any:
        """Create or update the record with ``changes``; return it."""
        raise NotImplementedError

    def write_extra(self, session: Session, record: Any) -> None:
        """Write staged changes besides the fields, in the same transaction."""

    def extra_dirty(self) -> bool:
        return False

    def title(self) -> str:
        return self.noun.capitalize()

    def open_related(self, section: str, record_id: uuid.UUID) -> None:
        """Open another record's form through the main window (when there is one)."""
        opener = getattr(self.parentWidget(), "show_record", None)
        if opener is not None:
            opener(section, record_id)

    # --- fields ----------------------------------------------------------------------------------

    def add_field(self, form: QFormLayout, name: str, field: QWidget) -> QWidget:
        """Add the row of the catalogued field ``name`` (``app.fields``), labelled as the
        catalogue says, with ``field`` as its input."""
        box = FieldBox(field)
        self.boxes[name] = box
        form.addRow(self.spec.catalogue[name].form_title(), box)
        field.changed.connect(self._field_changed)  # type: ignore[attr-defined]
        return field

    def choices(self, name: str, *, empty: str | None = None) -> ChoiceField:
        """A drop-down of the catalogued choices of field ``name``."""
        choices = self.spec.catalogue[name].choices
        assert choices is not None, name
        return enum_field(choices, empty=empty)

    def new_values(self) -> dict[str, Any]:
        """What a new record starts with: the service's defaults."""
        return self.spec.new_values()

    def field(self, name: str) -> Any:
        return self.boxes[name].field

    def values(self) -> dict[str, Any]:
        return {name: box.field.value() for name, box in self.boxes.items()}  # type: ignore[attr-defined]

    def changes(self) -> dict[str, Any]:
        current = self.values()
        if self.record_id is None:
            return {k: v for k, v in current.items() if v not in (None, "", [])}
        return {k: v for k, v in current.items() if v != self._loaded.get(k)}

    def is_dirty(self) -> bool:
        """Whether the user changed anything: for a new record, anything but the defaults the
        form filled in (an untouched "New event" closes without asking)."""
        if self.record_id is None:
            return self.values() != self._initial or self.extra_dirty()
        return bool(self.changes()) or self.extra_dirty()

    def _field_changed(self) -> None:
        self._update_title()
        self._validate_timer.start()

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.title()}{' *' if self.is_dirty() else ''} — Convene")

    # --- loading, validating, saving -------------------------------------------------------------

    def load(self) -> None:
        with self.database.session_scope(readonly=True) as session:
            record = None
            if self.record_id is not None:
                record = session.get(self.spec.model, self.record_id)
                if record is None:
                    raise NotFoundError(
                        self.tr("The {noun} no longer exists.").format(noun=self.noun)
                    )
                self.version = record.version
                self._loaded = self.read(session, record)
                for name, value in self._loaded.items():
                    self.boxes[name].field.set_value(value)  # type: ignore[attr-defined]
            else:
                for name, value in self.new_values().items():
                    if name in self.boxes:
                        self.boxes[name].field.set_value(value)  # type: ignore[attr-defined]
            self.load_extra(session, record)
            if self.record_id is not None:
                self.changes_tab.load(session, self.record_id)
        self._initial = self.values()
        self.show_problems([])
        self._update_title()

    def validate_now(self) -> list[FieldProblem]:
        """Check the current values against the same rules saving uses; show the problems."""
        values = {k: v for k, v in self.values().items() if k in self.spec.fields}
        try:
            with self.database.session_scope(readonly=True) as session:
                current = session.get(self.spec.model, self.record_id) if self.record_id else None
                self.spec.validate(session, values, current=current)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return exc.problems
        self.show_problems([])
        return []

    def show_problems(self, problems: list[FieldProblem]) -> None:
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem.message)
        for name, box in self.boxes.items():
            box.error.show_message(" ".join(by_field.pop(name, [])))
        self.banner.show_message(" ".join(m for ms in by_field.values() for m in ms))
        if problems:
            first = next((self.boxes[p.field] for p in problems if p.field in self.boxes), None)
            if first is not None:
                self._reveal(first)

    def _reveal(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(widget):
                self.tabs.setCurrentIndex(index)
                return

    def save(self) -> bool:
        """Write the changes in one transaction; True when saved (or nothing to save)."""
        if not self.is_dirty():
            return True
        try:
            with self.database.session_scope() as session:
                record = self.write(session, self.changes())
                self.write_extra(session, record)
                record_id = record.id
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except ConflictError as exc:
            self._conflict(str(exc))
            return False
        except NotFoundError as exc:
            show_error(
                self, self.tr("{problem} Your changes could not be saved.").format(problem=exc)
            )
            return False
        except Exception as exc:  # a database or disk problem: plain words, details in the log
            log.exception("saving %s failed", self.noun)
            show_error(
                self,
                self.tr("Your changes could not be saved. {problem}").format(problem=_plain(exc)),
            )
            return False
        self.record_id = record_id
        if self.tabs.indexOf(self.changes_tab) < 0:
            self.tabs.addTab(self.changes_tab, self.tr("Changes"))
        self.load()
        self.saved.emit(record_id)
        return True

    def _conflict(self, message: str) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed by someone else"))
        box.setText(message)
        box.setInformativeText(
            self.tr(
                "Reload shows their version; your unsaved changes in this window are then lost. "
                "Keep editing lets you copy your changes before reloading."
            )
        )
        reload_button = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is reload_button:
            self.load()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to this {noun}?").format(noun=self.noun),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.save()
            ):
                event.ignore()
                return
        event.accept()


def _plain(exc: Exception) -> str:
    from app.database_messages import database_message
    from db.errors import describe_database_error

    text = database_message(describe_database_error(exc))
    return text[0].upper() + text[1:] + "."


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: 600; margin-top: 6px;")
    return label


def action_button(text: str, object_name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(object_name)
    return button
