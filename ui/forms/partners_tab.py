"""The Partners tab of the event form: the organisations behind the event and their roles.

Like the participants, changes are staged and written with the event by the form's Save.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import lists, reference
from app.fields import ORGANIZATION, PARTNER
from app.i18n import tr
from app.queries import partner_rows
from app.services import organizations, partners
from db.engine import Database
from db.enums import OrganizationKind, PartnerRole
from ui.forms.quick_form import QuickForm
from ui.simple_table import StagedRows
from ui.widgets import ChoiceField, TextField, country_field, enum_field


@dataclasses.dataclass
class PartnerRow:
    organization_id: uuid.UUID | None
    organization: str
    role: PartnerRole
    partner_id: uuid.UUID | None = None
    version: int | None = None
    new_organization: dict[str, Any] | None = None


class PartnersModel(StagedRows):
    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.FontRole and row.partner_id is None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.DisplayRole:
            return row.organization if index.column() == 0 else reference.label(row.role)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (PARTNER["organization_id"], PARTNER["role"])[section].heading()
        return None


def quick_organization_form(database: Database) -> QuickForm:
    """A new organisation typed in right here (name, acronym, kind, country)."""
    return QuickForm(
        database,
        organizations.ORGANIZATION,
        (
            ("name", ORGANIZATION["name"], TextField(tr("Full name"))),
            ("acronym", ORGANIZATION["acronym"], TextField()),
            ("kind", ORGANIZATION["kind"], enum_field(OrganizationKind)),
            ("country", ORGANIZATION["country"], country_field()),
        ),
        tr("Add as partner"),
        "quick_org",
        keep=("kind", "country"),
    )


class PartnersTab(QWidget):
    """See the module docstring."""

    changed = Signal()

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.removed: list[PartnerRow] = []
        self.model = PartnersModel()
        self.organization = ChoiceField(empty=self.tr("Choose an organisation…"), searchable=True)
        self.organization.setObjectName("partner_organization")
        self.organization.setMinimumContentsLength(40)
        self.role = enum_field(PartnerRole)
        self.role.setObjectName("partner_role")
        add = QPushButton(self.tr("Add"))
        add.setObjectName("add_partner")
        add.clicked.connect(self.add_chosen)
        self.new_button = QPushButton(self.tr("New organisation…"))
        self.new_button.setCheckable(True)
        self.quick = quick_organization_form(database)
        self.quick.setVisible(False)
        self.new_button.toggled.connect(self.quick.setVisible)
        self.quick.submitted.connect(self.add_new)
        self.table = QTableView()
        self.table.setObjectName("partners")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 180)
        remove = QPushButton(self.tr("Remove selected"))
        remove.setObjectName("remove_partner")
        remove.clicked.connect(self.remove_selected)
        self.message = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.organization, 1)
        top.addWidget(self.role)
        top.addWidget(add)
        top.addWidget(self.new_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.quick)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def load(self, session: Session, event_id: uuid.UUID | None) -> None:
        self.organization.set_items(lists.organization_choices(session))
        self.removed = []
        rows = [
            PartnerRow(
                r["organization_id"], r["organization"], r["role"], r["partner_id"], r["version"]
            )
            for r in (partner_rows(session, event_id) if event_id else [])
        ]
        self.model.set_rows(rows)
        self.message.setText("")

    def _stage(self, row: PartnerRow) -> None:
        clash = row.organization_id is not None and any(
            r.role == row.role and r.organization_id == row.organization_id for r in self.model.rows
        )
        if clash:
            self.message.setText(
                self.tr("{organization} already has that role.").format(
                    organization=row.organization
                )
            )
            return
        self.model.add(row)
        self.message.setText(self.tr("Added (saved with the event)."))
        self.changed.emit()

    def add_chosen(self) -> None:
        organization_id = self.organization.value()
        if organization_id is None:
            self.message.setText(self.tr("Choose an organisation first."))
            return
        self._stage(PartnerRow(organization_id, self.organization.currentText(), self.role.value()))

    def add_new(self, values: dict[str, Any]) -> None:
        self._stage(PartnerRow(None, values["name"], self.role.value(), new_organization=values))
        self.quick.clear()

    def remove_selected(self) -> None:
        numbers = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        removed = self.model.remove(numbers)
        self.removed.extend(r for r in removed if r.partner_id is not None)
        self.changed.emit()

    def is_dirty(self) -> bool:
        return bool(self.removed) or any(r.partner_id is None for r in self.model.rows)

    def write(self, session: Session, event_id: uuid.UUID) -> None:
        for row in self.removed:
            partners.remove_partner(session, row.partner_id, row.version)
        for row in self.model.rows:
            if row.partner_id is not None:
                continue
            organization_id = row.organization_id
            if organization_id is None:
                created = organizations.create_organization(session, **(row.new_organization or {}))
                organization_id = created.id
            partners.add_partner(session, event_id, organization_id, row.role)
