"""One list of the main window: its filter boxes and the table, backed by ``RecordListModel``."""

from __future__ import annotations

import contextlib
import dataclasses
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import lists, reference
from app.i18n import N_, count_text, tr, tr_n
from db.engine import Database
from db.enums import AgencySector, EventFormat, EventType, OrganizationKind, Sex
from ui.formatting import QT_DATE_FORMAT
from ui.table_model import RecordListModel
from ui.widgets import ChoiceField

Choices = Callable[[Any], list[tuple[Any, str]]]  # session -> [(value, label)]


@dataclasses.dataclass(frozen=True)
class FilterBox:
    """A combo box that sets one filter of a list; ``choices`` are read from the database."""

    name: str
    label: str
    choices: Choices


def _enum_choices(enum_cls: Any) -> Choices:
    return lambda session: [(m, reference.label(m)) for m in enum_cls]


def _countries(read: Callable[[Any], list[str]]) -> Choices:
    return lambda session: sorted(
        ((c, reference.country_name(c)) for c in read(session)), key=lambda item: item[1]
    )


FILTERS: dict[str, tuple[FilterBox, ...]] = {
    "events": (
        FilterBox("country", N_("All countries"), _countries(lists.event_countries)),
        FilterBox("type", N_("All types"), _enum_choices(EventType)),
        FilterBox("format", N_("All formats"), _enum_choices(EventFormat)),
        FilterBox("project", N_("All projects"), lists.project_choices),
        FilterBox(
            "partner",
            N_("All partners"),
            lambda session: lists.organization_choices(session, partners_only=True),
        ),
    ),
    "people": (
        FilterBox("country", N_("All nationalities"), _countries(lists.person_countries)),
        FilterBox("organization", N_("All organisations"), lists.organization_choices),
        FilterBox("sex", N_("Any sex"), _enum_choices(Sex)),
    ),
    "organizations": (
        FilterBox("country", N_("All countries"), _countries(lists.organization_countries)),
        FilterBox("kind", N_("All kinds"), _enum_choices(OrganizationKind)),
        FilterBox("sector", N_("All sectors"), _enum_choices(AgencySector)),
    ),
    "projects": (FilterBox("donor", N_("All donors"), lists.organization_choices),),
    "recycle_bin": (
        FilterBox(
            "kind",
            N_("All kinds"),
            lambda session: [
                ("event", tr("Events")),
                ("person", tr("People")),
                ("organization", tr("Organisations")),
                ("project", tr("Projects")),
            ],
        ),
    ),
}


# What an empty list says, and the next actions it offers (action name, button text): the
# actions are the main window's ("new", "import", "sample"), and "clear" (search and filters).
EMPTY: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "events": (
        N_(
            "No events are recorded yet. Record the first one, import an attendee list into it,"
            " or look around in the sample data first (it opens in a file of its own, apart from"
            " your records)."
        ),
        (
            ("new", N_("New event")),
            ("import", N_("Import an attendee list…")),
            ("sample", N_("Open the sample data")),
        ),
    ),
    "people": (
        N_(
            "No people are recorded yet. People come with an event: type them in on its"
            " Participants tab, or import the attendee list a partner agency sent."
        ),
        (("import", N_("Import an attendee list…")), ("new", N_("New person"))),
    ),
    "organizations": (
        N_(
            "No organisations are recorded yet. They are added with the people who work for them"
            " (and by imports), or here by hand."
        ),
        (("new", N_("New organisation")),),
    ),
    "projects": (
        N_(
            "No projects are recorded yet. A project groups events under one donor-funded"
            " programme for the period reports."
        ),
        (("new", N_("New project")),),
    ),
    "recycle_bin": (
        N_("The recycle bin is empty. Records you delete wait here until you restore them."),
        (),
    ),
}
NO_MATCH = N_("Nothing matches the search and filters.")


class ListPage(QWidget):
    """Filter boxes above a sortable table of one kind of record; an empty list says so, with
    the next actions to take."""

    open_requested = Signal(object)  # record id
    selection_changed = Signal()
    action_requested = Signal(str)  # "new", "import", "sample" or "clear"

    def __init__(self, database: Database, spec: lists.ListSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.spec = spec
        self.model = RecordListModel(database, spec, self)
        self._search_text = ""
        self._combos: dict[str, ChoiceField] = {}

        self.table = QTableView()
        self.table.setObjectName(f"table_{spec.name}")
        self.table.setModel(self.model)
        default = next(i for i, c in enumerate(spec.columns) if c.key == spec.default_sort)
        order = (
            Qt.SortOrder.DescendingOrder
            if spec.default_descending()
            else Qt.SortOrder.AscendingOrder
        )
        self.table.horizontalHeader().setSortIndicator(default, order)
        self.table.setSortingEnabled(True)
        self._sorted_by = (default, order)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_moved)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(50)
        for number, column in enumerate(spec.columns):
            self.table.setColumnWidth(number, column.width)
            if column.stretch:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit()
        )

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        if spec.name == "events":
            self._add_period_filter(bar)
        for box in FILTERS.get(spec.name, ()):
            combo = ChoiceField(
                empty=tr(box.label), searchable=box.name in ("organization", "partner")
            )
            combo.setObjectName(f"filter_{box.name}")
            combo.setMinimumContentsLength(max(12, len(tr(box.label))))
            combo.changed.connect(self._apply)
            self._combos[box.name] = combo
            bar.addWidget(combo)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self._empty_panel())
        layout.addWidget(self.views, 1)
        self.model.counted.connect(lambda _count: self._show_table_or_hint())
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._apply)

    STRETCH_ROOM = 260  # what the stretching column (a title, a name) keeps at least

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """In a narrow window, hide the columns that matter least (``Column.drop``) until the
        others fit beside the stretching column with room for it; show them again when the
        window widens. No horizontal scrolling for the list itself."""
        header = self.table.horizontalHeader()
        # the page's own width (the table's viewport is resized only after this page is)
        table = self.table
        room = self.width() - table.verticalScrollBar().sizeHint().width() - 2 * table.frameWidth()
        droppable = sorted((c.drop, number) for number, c in enumerate(self.spec.columns) if c.drop)
        for _drop, number in droppable:
            header.setSectionHidden(number, False)

        def needed() -> int:
            fixed = sum(
                header.sectionSize(number) if not column.stretch else self.STRETCH_ROOM
                for number, column in enumerate(self.spec.columns)
                if not header.isSectionHidden(number)
            )
            return fixed

        for _drop, number in reversed(droppable):
            if needed() <= room:
                break
            header.setSectionHidden(number, True)

    def _empty_panel(self) -> QWidget:
        """The sentence and buttons shown instead of an empty table."""
        text, actions = EMPTY[self.spec.name]
        self.empty_text = tr(text)
        self.hint = QLabel(text)
        self.hint.setObjectName(f"empty_{self.spec.name}")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setFixedWidth(560)  # wrapped at a fixed width, so its height is right
        self.hint_buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for name, label in (*actions, ("clear", N_("Clear the search and filters"))):
            button = QPushButton(tr(label))
            button.setObjectName(f"empty_{name}")
            button.clicked.connect(lambda _=False, n=name: self.action_requested.emit(n))
            self.hint_buttons[name] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.hint)
        centred.addStretch(1)
        column.addLayout(centred)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addStretch(2)
        return panel

    def _show_table_or_hint(self) -> None:
        """The table; or, when it has no rows, why (nothing recorded, or nothing matching)."""
        if self.model.rowCount() > 0:
            self.views.setCurrentIndex(0)
            return
        nothing_recorded = self.model.total == 0
        self.hint.setText(self.empty_text if nothing_recorded else tr(NO_MATCH))
        for name, button in self.hint_buttons.items():
            button.setVisible((name == "clear") != nothing_recorded)
        self.views.setCurrentIndex(1)

    def showing_hint(self) -> bool:
        return self.views.currentIndex() == 1

    def clear_filters(self) -> None:
        """Back to the whole list: no search, every filter box on "All…"."""
        self._search_text = ""
        for combo in self._combos.values():
            combo.set_value(None)
        if self.spec.name == "events":
            self.period.set_value(None)
            self._period_changed()
        self._apply()

    def _sort_indicator_moved(self, column: int, order: Qt.SortOrder) -> None:
        """Columns worked out per row (counts) cannot be sorted: put the indicator back."""
        if self.spec.columns[column].sortable:
            self._sorted_by = (column, order)
            return
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(*self._sorted_by)
        header.blockSignals(False)

    # --- filters ---------------------------------------------------------------------------------

    def _add_period_filter(self, bar: QHBoxLayout) -> None:
        self.period = ChoiceField(empty=self.tr("Any time"))
        self.period.setMinimumContentsLength(10)
        self.period.setObjectName("filter_period")
        self.period.changed.connect(self._period_changed)
        self.date_from = QDateEdit(calendarPopup=True, displayFormat=QT_DATE_FORMAT)
        self.date_to = QDateEdit(calendarPopup=True, displayFormat=QT_DATE_FORMAT)
        self.range_label = QLabel("–")
        for widget in (self.date_from, self.range_label, self.date_to):
            widget.setVisible(False)
        self.date_from.dateChanged.connect(self._apply)
        self.date_to.dateChanged.connect(self._apply)
        bar.addWidget(self.period)
        bar.addWidget(self.date_from)
        bar.addWidget(self.range_label)
        bar.addWidget(self.date_to)

    def _period_changed(self) -> None:
        custom = self.period.value() == "range"
        for widget in (self.date_from, self.range_label, self.date_to):
            widget.setVisible(custom)
        self._apply()

    def reload_choices(self) -> None:
        """Fill the filter boxes from the database, keeping what was chosen."""
        with self.database.session_scope(readonly=True) as session:
            if self.spec.name == "events":
                years = [(year, str(year)) for year in lists.event_years(session)]
                self.period.set_items([*years, ("range", tr("Date range…"))])
                if self.date_from.date() == QDate(2000, 1, 1):
                    today = QDate.currentDate()
                    self.date_from.setDate(today.addYears(-1))
                    self.date_to.setDate(today)
            for box in FILTERS.get(self.spec.name, ()):
                self._combos[box.name].set_items(box.choices(session))

    def set_filter(self, name: str, value: Any) -> None:
        """Choose a filter value in code (as the user would in its box)."""
        combo = self.period if name == "period" else self._combos[name]
        combo.set_value(value)
        self._apply()

    def set_search(self, text: str, *, immediately: bool = False) -> None:
        self._search_text = text
        if immediately:
            self._apply()
        else:
            self._debounce.start()

    def _query(self) -> lists.ListQuery:
        query = dataclasses.replace(self.model.query, search=self._search_text, filters=())
        for name, combo in self._combos.items():
            query = query.with_filter(name, combo.value())
        if self.spec.name == "events":
            period = self.period.value()
            if period == "range":
                query = query.with_filter("from", self.date_from.date().toPython())
                query = query.with_filter("to", self.date_to.date().toPython())
            elif isinstance(period, int):
                query = query.with_filter("year", period)
        return query

    def _apply(self) -> None:
        """Show the list for the search and filters now chosen: the record that was selected
        stays selected and in view if it is still listed, else the list starts at its top."""
        selected = self.selected_ids()
        self.model.set_query(self._query(), retotal=False)  # the same records, other filters
        if not self.reselect(selected[0] if selected else None):
            self.table.scrollToTop()
        self._show_table_or_hint()

    def refresh(self) -> None:
        from ui.table_model import UNREACHABLE

        selected = self.selected_ids()
        with contextlib.suppress(UNREACHABLE):  # the model says it in the status bar
            self.reload_choices()
        self.model.set_query(self._query())
        if not self.model.failing:
            self.reselect(selected[0] if selected else None)
        self._show_table_or_hint()

    # --- selection -------------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def selected_ids(self) -> list[uuid.UUID]:
        return [rid for row in self.selected_rows() if (rid := self.model.record_id(row))]

    def reselect(self, record_id: uuid.UUID | None) -> bool:
        """Select ``record_id`` and scroll to it; whether it is in the list."""
        if record_id is None:
            return False
        row = self.model.position_of(record_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _open_index(self, index: Any) -> None:
        record_id = self.model.record_id(index.row())
        if record_id is not None:
            self.open_requested.emit(record_id)

    def status_text(self, nouns: tuple[str, str]) -> str:
        """ "1 event", "12 events", "20 of 1 204 people": the noun agrees with the total."""
        shown, total = self.model.rowCount(), self.model.total
        if shown == total:
            return tr_n(nouns[0], total)
        return tr_n(nouns[1], total).format(shown=count_text(shown))
