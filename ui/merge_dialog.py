"""Merging two people (or two organisations): both side by side, the surviving value picked per
field, then everything moves to the survivor (``app.services.merging``)."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import lists
from app.errors import ConveneError
from app.i18n import tr_n
from app.queries import organization_people, person_history
from app.services import merging
from app.services.organizations import ORGANIZATION
from app.services.people import PERSON
from db.engine import Database
from db.models import Organization, Person
from ui.errors import show_error
from ui.formatting import show_value
from ui.jobs import user_message

log = logging.getLogger(__name__)

_KINDS = {
    "people": (Person, PERSON, merging.merge_people, "person", "people"),
    "organizations": (
        Organization,
        ORGANIZATION,
        merging.merge_organizations,
        "organisation",
        "organisations",
    ),
}
_COUNTRY_FIELDS = {"nationality", "country"}


class _WrappedLabel(QLabel):
    """A value beside its radio button, wrapped to the column's width; clicking it chooses."""

    def __init__(self, text: str, button: QRadioButton) -> None:
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        # level with its button, however many lines the cell's height was given for
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def mousePressEvent(self, event: Any) -> None:
        self.button.setChecked(True)


def _choice(text: str) -> tuple[QRadioButton, QWidget]:
    """A radio button whose text wraps (a radio button's own text cannot): the button keeps the
    text for tests and accessibility, shown by a label beside it."""
    button = QRadioButton()
    button.setAccessibleName(text)
    button.setToolTip(text)
    cell = QWidget()
    row = QHBoxLayout(cell)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(_WrappedLabel(text, button), 1, Qt.AlignmentFlag.AlignTop)
    button.value_text = text  # type: ignore[attr-defined]
    return button, cell


class MergeDialog(QDialog):
    """See the module docstring. ``accept`` merges; the dialog stays open on a refusal."""

    def __init__(
        self,
        database: Database,
        section: str,
        first: uuid.UUID,
        second: uuid.UUID,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.database = database
        self.model, self.spec, self._merge, _noun, _plural = _KINDS[section]
        person = self.model is Person
        self.setWindowTitle(
            self.tr("Merge two people") if person else self.tr("Merge two organisations")
        )
        self.records: list[Any] = []
        self.links: list[int] = []
        with database.session_scope(readonly=True) as session:
            names = dict(lists.organization_choices(session))
            for record_id in (first, second):
                record = session.get(self.model, record_id)
                self.records.append(record)
                count = (
                    len(person_history(session, record_id))
                    if self.model is Person
                    else len(organization_people(session, record_id))
                )
                self.links.append(count)
        self.versions = tuple(r.version for r in self.records)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setColumnStretch(1, 1)  # the two records share the width; long values wrap
        grid.setColumnStretch(2, 1)
        self.survivor = QButtonGroup(self)
        for column in range(len(self.records)):
            links = self.links[column]
            choice = QRadioButton(
                tr_n("Keep this person  (%n event(s))", links)
                if person
                else tr_n("Keep this organisation  (%n [person|people])", links)
            )
            choice.setObjectName(f"keep_{column}")
            choice.setStyleSheet("font-weight: 600;")
            self.survivor.addButton(choice, column)
            grid.addWidget(choice, 0, column + 1)
        self.survivor.button(0 if self.links[0] >= self.links[1] else 1).setChecked(True)
        self.pickers: dict[str, QButtonGroup] = {}
        row = 1
        for rule in self.spec.rules:
            values = [getattr(r, rule.name) for r in self.records]
            if values[0] in (None, "") and values[1] in (None, ""):
                continue
            grid.addWidget(QLabel(rule.title()), row, 0, Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self)
            for column, value in enumerate(values):
                kind = "country" if rule.name in _COUNTRY_FIELDS else "text"
                text = (
                    names.get(value, "") if rule.name.endswith("_id") else show_value(value, kind)
                )
                button, cell = _choice(text or "—")
                button.setObjectName(f"{rule.name}_{column}")
                group.addButton(button, column)
                grid.addWidget(cell, row, column + 1)
            filled = [i for i, v in enumerate(values) if v not in (None, "")]
            group.button(filled[0] if len(filled) == 1 else 0).setChecked(True)
            self.pickers[rule.name] = group
            row += 1
        grid.setRowStretch(row, 1)  # rows keep their height; room left over goes below them
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        explanation = QLabel(
            self.tr(
                "Pick the value to keep for each field. Everything linked to the other person"
                " moves to the one you keep; the other goes to the recycle bin. The merge is"
                " recorded in the change history of both."
            )
            if person
            else self.tr(
                "Pick the value to keep for each field. Everything linked to the other"
                " organisation moves to the one you keep; the other goes to the recycle bin."
                " The merge is recorded in the change history of both."
            )
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        merge_button = buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        merge_button.setObjectName("merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(860, 560)

    def chosen_values(self) -> dict[str, Any]:
        return {
            name: getattr(self.records[group.checkedId()], name)
            for name, group in self.pickers.items()
        }

    def accept(self) -> None:
        keep = self.survivor.checkedId()
        drop = 1 - keep
        try:
            with self.database.session_scope() as session:
                self.result = self._merge(
                    session,
                    self.records[keep].id,
                    self.records[drop].id,
                    self.chosen_values(),
                    (self.versions[keep], self.versions[drop]),
                )
        except ConveneError as exc:
            show_error(self, str(exc))
            return
        except Exception as exc:
            log.exception("merge failed")
            show_error(
                self, self.tr("Nothing was merged. {problem}").format(problem=user_message(exc))
            )
            return
        super().accept()
