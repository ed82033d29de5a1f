"""The Participants tab of the event form: who took part, in which role and status.

Changes are staged here and written by the form's Save, with the event, in one transaction:
people added from the database (search as you type, any part of the name, either script),
people created inline, role/status/mode edits (several rows at once), removals.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import lists, reference
from app.fields import PARTICIPATION, PERSON, PERSON_NAME, PERSON_NAME_LOCAL
from app.i18n import tr, tr_n
from app.people_at_entry import organisation_for, people_alike
from app.queries import participant_rows
from app.search import search_people
from app.services import organizations, participations, people
from db.engine import Database
from db.enums import AttendanceMode, ParticipationRole, ParticipationStatus, Sex
from db.models import Person
from ui.alike_dialog import NEW, ask_alike
from ui.forms.quick_form import QuickForm
from ui.simple_table import StagedRows
from ui.widgets import TextField, country_field, enum_field


@dataclasses.dataclass
class ParticipantRow:
    """One line of the tab: a saved participation, or one staged to be added."""

    person_id: uuid.UUID | None
    name: str
    name_local: str
    sex: Sex
    nationality: str | None
    organization_id: uuid.UUID | None
    organization: str
    position: str | None
    role: ParticipationRole
    status: ParticipationStatus
    mode: AttendanceMode
    participation_id: uuid.UUID | None = None
    version: int | None = None
    new_person: dict[str, Any] | None = None  # values for a person created on saving
    new_organization: dict[str, Any] | None = None  # and for their organisation, if new
    original: tuple[Any, ...] | None = None

    def editable(self) -> tuple[Any, ...]:
        return (self.role, self.status, self.mode)

    @property
    def changed(self) -> bool:
        return self.original is not None and self.editable() != self.original


_COLUMNS = (
    PERSON_NAME.heading_source,
    PERSON_NAME_LOCAL.heading_source,
    PERSON["sex"].heading_source,
    PERSON["nationality"].heading_source,
    PERSON["organization_id"].heading_source,
    PARTICIPATION["role"].heading_source,
    PARTICIPATION["status"].heading_source,
    PARTICIPATION["mode"].heading_source,
)
_ENUM_COLUMNS = {
    5: ("role", ParticipationRole),
    6: ("status", ParticipationStatus),
    7: ("mode", AttendanceMode),
}


class ParticipantsModel(StagedRows):
    edited = Signal()

    def add(self, row: ParticipantRow) -> None:
        super().add(row)
        self.edited.emit()

    def remove(self, numbers: list[int]) -> list[ParticipantRow]:
        removed = super().remove(numbers)
        self.edited.emit()
        return removed

    def set_field(self, numbers: list[int], field: str, value: Any) -> None:
        column = next(c for c, (name, _) in _ENUM_COLUMNS.items() if name == field)
        for number in numbers:
            setattr(self.rows[number], field, value)
            self.dataChanged.emit(self.index(number, column), self.index(number, column))
        self.edited.emit()

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in _ENUM_COLUMNS else base

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.FontRole and row.participation_id is None:
            font = QFont()
            font.setItalic(True)  # not saved yet
            return font
        if role == Qt.ItemDataRole.EditRole and index.column() in _ENUM_COLUMNS:
            return getattr(row, _ENUM_COLUMNS[index.column()][0])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            row.name,
            row.name_local,
            reference.label(row.sex),
            reference.country_name(row.nationality),
            row.organization,
            reference.label(row.role),
            reference.label(row.status),
            reference.label(row.mode),
        )
        return values[index.column()]

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in _ENUM_COLUMNS:
            return False
        setattr(self.rows[index.row()], _ENUM_COLUMNS[index.column()][0], value)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(_COLUMNS[section], PERSON_NAME.note if section == 0 else "")
        return None


class EnumDelegate(QStyledItemDelegate):
    """Edits role, status and mode cells with a combo box of their labels."""

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for _member, text in reference.choices(_ENUM_COLUMNS[index.column()][1]):
            combo.addItem(text)
        return combo

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:
        current = index.data(Qt.ItemDataRole.EditRole)
        members = list(_ENUM_COLUMNS[index.column()][1])
        editor.setCurrentIndex(members.index(current) if current in members else -1)

    def setModelData(self, editor: QComboBox, model: Any, index: QModelIndex) -> None:
        members = list(_ENUM_COLUMNS[index.column()][1])
        model.setData(index, members[editor.currentIndex()], Qt.ItemDataRole.EditRole)


class PersonSearch(QLineEdit):
    """Type any part of a name (Latin or Cyrillic) or an e-mail; pick a person from the list."""

    chosen = Signal(object)  # Person

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setObjectName("person_search")
        self.setPlaceholderText(
            self.tr("Add a person: type part of a name (Latin or Cyrillic) or an e-mail")
        )
        self.setClearButtonEnabled(True)
        self._found: list[Person] = []
        self._names = QStringListModel(self)
        self._completer = QCompleter(self._names, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self._completer.activated[QModelIndex].connect(self._pick)
        self.setCompleter(self._completer)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _: self._timer.start())

    def run_search(self) -> list[Person]:
        text = self.text().strip()
        with self.database.session_scope(readonly=True) as session:
            self._found = search_people(session, text, limit=30) if len(text) >= 2 else []
            labels = [self._describe(session, p) for p in self._found]
        self._names.setStringList(labels)
        if labels:
            self._completer.complete()
        return self._found

    @staticmethod
    def _describe(session: Session, person: Person) -> str:
        organization = person.organization.display_name() if person.organization else ""
        parts = [person.display_name(), reference.country_name(person.nationality), organization]
        return " · ".join(p for p in parts if p)

    def _pick(self, index: QModelIndex) -> None:
        self.choose(index.row())

    def choose(self, number: int) -> None:
        if 0 <= number < len(self._found):
            self.chosen.emit(self._found[number])
            QTimer.singleShot(0, self.clear)


def quick_person_form(database: Database) -> QuickForm:
    """A new person typed in right here; checked against the person rules before staging."""
    return QuickForm(
        database,
        people.PERSON,
        (
            ("family_name", PERSON["family_name"], TextField(tr("Latin"))),
            ("given_name", PERSON["given_name"], TextField(tr("Latin"))),
            (
                "family_name_local",
                PERSON["family_name_local"],
                TextField(tr("Cyrillic, as written")),
            ),
            ("given_name_local", PERSON["given_name_local"], TextField(tr("Cyrillic, as written"))),
            ("sex", PERSON["sex"], enum_field(Sex)),
            ("nationality", PERSON["nationality"], country_field()),
            ("organization", PERSON["organization_id"], _organisation_field(database)),
            ("position", PERSON["position"], TextField(tr("e.g. Senior inspector"))),
        ),
        tr("Add to the list"),
        "quick",
        keep=("sex", "nationality", "organization"),
    )


def _organisation_field(database: Database) -> TextField:
    """The organisation by name, with the recorded names offered as one types (found or made
    by the import's rule when the person is added: one agency per country)."""
    field = TextField(tr("as the person's agency is called"))
    with database.session_scope(readonly=True) as session:
        names = sorted({label for _id, label in lists.organization_choices(session)})
    completer = QCompleter(names, field)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    field.setCompleter(completer)
    return field


def _organisation_made(session: Session, values: dict[str, Any]) -> uuid.UUID:
    """The organisation a new person's row names, made on saving — unless an earlier row of
    the same save made it already (two people of one new agency)."""
    made = session.info.setdefault("organisations_made", {})
    key = (values["name"].casefold(), values.get("country"))
    if key not in made:
        made[key] = organizations.create_organization(session, **values).id
    return made[key]  # type: ignore[no-any-return]


class ParticipantsTab(QWidget):
    """See the module docstring."""

    changed = Signal()

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.event_id: uuid.UUID | None = None
        self.removed: list[ParticipantRow] = []
        self.model = ParticipantsModel()
        self.model.edited.connect(self._edited)

        self.search = PersonSearch(database)
        self.search.chosen.connect(self.add_person)
        self.new_person_button = QPushButton(self.tr("New person…"))
        self.new_person_button.setObjectName("new_person")
        self.new_person_button.setCheckable(True)
        self.import_button = QPushButton(self.tr("Import list…"))
        self.import_button.setObjectName("import_list")
        self.quick = quick_person_form(database)
        self.quick.setVisible(False)
        self.quick.submitted.connect(self.add_new_person)
        self.new_person_button.toggled.connect(self.quick.setVisible)

        self.table = QTableView()
        self.table.setObjectName("participants")
        self.table.setModel(self.model)
        self.table.setItemDelegate(EnumDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((170, 170, 70, 120, 230, 115, 150, 110)):
            self.table.setColumnWidth(column, width)
        # the organisation (the longest text) takes the room left, not the attendance mode
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

        self.status_choice = enum_field(ParticipationStatus)
        self.status_choice.setObjectName("bulk_status")
        self.set_status_button = QPushButton(self.tr("Set status of selected"))
        self.set_status_button.setObjectName("set_status")
        self.set_status_button.clicked.connect(self.set_status_of_selected)
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.remove_button.setObjectName("remove_selected")
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel()
        self.message.setObjectName("participants_message")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_person_button)
        top.addWidget(self.import_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.status_choice)
        bottom.addWidget(self.set_status_button)
        bottom.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.quick)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # --- loading and staging ---------------------------------------------------------------------

    def load(self, session: Session, event_id: uuid.UUID | None) -> None:
        self.event_id = event_id
        self.removed = []
        rows = []
        for r in participant_rows(session, event_id) if event_id else []:
            row = ParticipantRow(
                person_id=r["person_id"], name=r["name"], name_local=r["name_local"], sex=r["sex"],
                nationality=r["nationality"], organization_id=r["organization_id"],
                organization=r["organization"], position=r["position"], role=r["role"],
                status=r["status"], mode=r["mode"], participation_id=r["participation_id"],
                version=r["version"],
            )  # fmt: skip
            row.original = row.editable()
            rows.append(row)
        self.model.set_rows(rows)
        self.message.setText("")

    def _defaults(self) -> dict[str, Any]:
        """Role, status and mode for a person added now (the event form's, by the service's
        rule; the same rule without a form around the tab)."""
        form = self.window()
        if hasattr(form, "listing_defaults"):
            return form.listing_defaults()  # type: ignore[no-any-return]
        return participations.listing_defaults(None, None, None)

    def add_person(self, person: Person) -> None:
        if any(row.person_id == person.id for row in self.model.rows):
            self.message.setText(
                self.tr("{display_name} is already on the list.").format(
                    display_name=person.display_name()
                )
            )
            return
        with self.database.session_scope(readonly=True) as session:
            person = session.get(Person, person.id)
            organization = person.organization.display_name() if person.organization else ""
        self.model.add(
            ParticipantRow(
                person_id=person.id,
                name=" ".join(p for p in (person.family_name, person.given_name) if p),
                name_local=" ".join(
                    p for p in (person.family_name_local, person.given_name_local) if p
                ),
                sex=person.sex,
                nationality=person.nationality,
                organization_id=person.organization_id,
                organization=organization,
                position=person.position,
                **self._defaults(),
            )
        )
        self.message.setText(
            self.tr("Added {display_name} (saved with the event).").format(
                display_name=person.display_name()
            )
        )

    def add_new_person(self, values: dict[str, Any]) -> None:
        """A person typed in: first the people the import would take them for (use one of
        them, or make a new record after all); the organisation found or made by the import's
        rule."""
        values = dict(values)
        organisation = values.pop("organization", None)
        typed = " ".join(
            v for k in ("family_name", "given_name", "family_name_local", "given_name_local")
            if (v := values.get(k))
        )  # fmt: skip
        with self.database.session_scope(readonly=True) as session:
            organization_id, new_organization = organisation_for(
                session, organisation, values.get("nationality")
            )
            alike = people_alike(session, values, organization_id)
        if alike:
            choice = ask_alike(self, typed, alike)
            if choice is None:
                return  # the typed values stay, to be corrected
            if choice != NEW:
                with self.database.session_scope(readonly=True) as session:
                    person = session.get(Person, choice)
                self.add_person(person)
                self.quick.clear()
                return
        if organization_id is not None:
            values["organization_id"] = organization_id
        self.model.add(
            ParticipantRow(
                person_id=None,
                name=" ".join(v for v in (values["family_name"], values["given_name"]) if v),
                name_local=" ".join(
                    v for v in (values["family_name_local"], values["given_name_local"]) if v
                ),
                sex=values["sex"],
                nationality=values["nationality"],
                organization_id=organization_id,
                organization=" ".join((organisation or "").split()),
                position=values.get("position"),
                **self._defaults(),
                new_person=values,
                new_organization=new_organization,
            )
        )
        self.quick.clear()
        self.message.setText(self.tr("New person added to the list (created when you save)."))

    def selected(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def set_status_of_selected(self) -> None:
        rows = self.selected()
        if not rows:
            self.message.setText(self.tr("Select the rows whose status you want to set."))
            return
        self.model.set_field(rows, "status", self.status_choice.value())
        self.message.setText(tr_n("Status set for %n [person|people].", len(rows)))

    def remove_selected(self) -> None:
        removed = self.model.remove(self.selected())
        self.removed.extend(r for r in removed if r.participation_id is not None)

    def _edited(self) -> None:
        self.changed.emit()

    def is_dirty(self) -> bool:
        return bool(self.removed) or any(
            r.participation_id is None or r.changed for r in self.model.rows
        )

    # --- saving ----------------------------------------------------------------------------------

    def write(self, session: Session, event_id: uuid.UUID) -> None:
        """Write the staged changes (inside the form's transaction)."""
        for row in self.removed:
            participations.remove_participation(session, row.participation_id, row.version)
        for row in self.model.rows:
            values = {"role": row.role, "status": row.status, "mode": row.mode}
            if row.participation_id is None:
                person_id = row.person_id
                if person_id is None:
                    typed = dict(row.new_person or {})
                    if row.new_organization is not None:
                        typed["organization_id"] = _organisation_made(session, row.new_organization)
                    person_id = people.create_person(session, **typed).id
                participations.add_participation(session, event_id, person_id, **values)
            elif row.changed:
                participations.update_participation(
                    session, row.participation_id, row.version, **values
                )
