"""A small inline form (a new person, a new organisation) inside a tab of a bigger form: checked
against the record's own rules, then handed over to be saved with the bigger form."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from app.errors import ValidationError
from app.fields import Field
from app.services.records import RecordSpec
from db.engine import Database
from ui.widgets import ErrorLabel


class QuickForm(QFrame):
    """Fields in two columns, an error line and one button; ``submitted`` carries the values.

    Each field is (the key its value is handed over under, the catalogued field whose column
    heading labels it, the input)."""

    submitted = Signal(dict)

    def __init__(
        self,
        database: Database,
        spec: RecordSpec,
        fields: Sequence[tuple[str, Field, QWidget]],
        button_text: str,
        prefix: str,
        keep: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.database = database
        self.spec = spec
        self.keep = set(keep)  # fields left as they are after adding (e.g. a country)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.fields: dict[str, Any] = {}
        grid = QGridLayout(self)
        for number, (name, catalogued, field) in enumerate(fields):
            field.setObjectName(f"{prefix}_{name}")
            self.fields[name] = field
            grid.addWidget(QLabel(catalogued.heading()), number // 2, (number % 2) * 2)
            grid.addWidget(field, number // 2, (number % 2) * 2 + 1)
        last = (len(fields) + 1) // 2
        self.error = ErrorLabel()
        self.add_button = QPushButton(button_text)
        self.add_button.setObjectName(f"{prefix}_add")
        self.add_button.clicked.connect(self.submit)
        grid.addWidget(self.error, last, 0, 1, 3)
        grid.addWidget(self.add_button, last, 3, Qt.AlignmentFlag.AlignRight)

    def submit(self) -> None:
        """Check the values against the record's rules (fields beyond them, such as an
        organisation typed by name, are the receiver's) and hand them over; the receiver calls
        ``clear`` once it has taken them (it may ask the user first)."""
        values = {name: field.value() for name, field in self.fields.items()}
        try:
            with self.database.session_scope(readonly=True) as session:
                self.spec.validate(
                    session, {k: v for k, v in values.items() if k in self.spec.fields}
                )
        except ValidationError as exc:
            self.error.show_message(str(exc))
            return
        self.error.show_message(None)
        self.submitted.emit(values)

    def clear(self) -> None:
        """Empty the fields for the next record (those in ``keep`` stay: a delegation's
        country, say)."""
        for name, field in self.fields.items():
            if name not in self.keep and hasattr(field, "setText"):
                field.set_value(None)
