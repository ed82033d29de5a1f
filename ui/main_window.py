"""The main window: navigation (events, people, organisations, projects, recycle bin) beside the
list, a search box that filters as you type, filters, counts in the status bar, and the menus."""

from __future__ import annotations

import html
import logging
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.errors import ConveneError
from app.i18n import N_, language, tr, tr_n
from db.rights import FULL_RIGHTS
from ui.errors import show_error, show_info
from ui.settings import Settings
from ui.translation import install_language

if TYPE_CHECKING:
    from db.engine import Database
    from ui.first_page import FirstPage
    from ui.list_page import ListPage

log = logging.getLogger(__name__)

# list name, navigation label, noun for counts (one, many)
SECTIONS = (
    ("events", N_("Events"), (N_("%n event(s)"), N_("{shown} of %n event(s)"))),
    ("people", N_("People"), (N_("%n [person|people]"), N_("{shown} of %n [person|people]"))),
    (
        "organizations",
        N_("Organisations"),
        (N_("%n organisation(s)"), N_("{shown} of %n organisation(s)")),
    ),
    ("projects", N_("Projects"), (N_("%n project(s)"), N_("{shown} of %n project(s)"))),
    (
        "recycle_bin",
        N_("Recycle bin"),
        (N_("%n record(s) in the recycle bin"), N_("{shown} of %n record(s) in the recycle bin")),
    ),
)


class MainWindow(QMainWindow):
    """See the module docstring. ``switch_database`` reopens everything on another database."""

    database_changed = Signal()

    def __init__(
        self,
        database: Database | None,
        settings: Settings | None = None,
        *,
        first_page: FirstPage | None = None,
    ) -> None:
        """Show ``database``; or, while it is still being opened (``database=None``), the quick
        ``first_page`` of events, until ``attach_database``."""
        super().__init__()
        self.settings = settings or Settings()
        self.database: Database | None = None
        self.pages: dict[str, ListPage] = {}
        self._preview: QWidget | None = None
        self.forms: list[QWidget] = []
        self.rights = FULL_RIGHTS  # what the account may do (a shared server's roles)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        for _name, label, _noun in SECTIONS:
            self.navigation.addItem(tr(label))
        self.navigation.setMinimumWidth(150)
        self.navigation.setMaximumWidth(240)
        self.navigation.setStyleSheet(
            "QListWidget#navigation { font-size: 11pt; padding-top: 4px; }"
            "QListWidget#navigation::item { padding: 7px 10px; }"
        )
        self.navigation.currentRowChanged.connect(self._show_section)
        self.stack = QStackedWidget()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        right_layout.addLayout(search_row)
        right_layout.addWidget(self.stack, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1100])
        self.setCentralWidget(self.splitter)
        self.counts = QLabel()
        self.location = QLabel()
        self.statusBar().addWidget(self.counts, 1)
        self.statusBar().addPermanentWidget(self.location)

        self._build_actions()
        self._build_menus()
        self._restore_layout()
        if database is not None:
            self.attach_database(database)
        else:
            self._show_first_page(first_page)

    def _show_first_page(self, page: FirstPage | None) -> None:
        """The events as read before the database is open: shown, not yet usable."""
        from PySide6.QtWidgets import QHeaderView, QTableView

        from ui.first_page import FirstPageModel

        table = QTableView()
        table.setObjectName("first_page")
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(24)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        if page is not None:
            table.setModel(FirstPageModel(page))
            for number, column in enumerate(page.columns):
                table.setColumnWidth(number, column["width"])
                if column["stretch"]:
                    table.horizontalHeader().setSectionResizeMode(
                        number, QHeaderView.ResizeMode.Stretch
                    )
            self.counts.setText(tr_n(SECTIONS[0][2][0], page.count))
        self._preview = table
        self.stack.addWidget(table)
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(0)
        self.navigation.blockSignals(False)
        self._set_usable(False)  # until the database is open, a moment later
        self.location.setText(self.tr("Opening the database…"))

    def _set_usable(self, usable: bool) -> None:
        for widget in (self.navigation, self.search, self.menuBar(), *self.findChildren(QToolBar)):
            widget.setEnabled(usable)

    def attach_database(self, database: Database) -> None:
        """Show ``database``: the lists replace the quick first page, if there was one."""
        self.database = database
        if self._preview is not None:
            self.stack.removeWidget(self._preview)
            self._preview.deleteLater()
            self._preview = None
        self._set_usable(True)
        self._open_pages()
        start = self.settings.get("window/list")
        names = [s[0] for s in SECTIONS]
        self.navigation.setCurrentRow(-1)
        self.navigation.setCurrentRow(names.index(start) if start in names else 0)

    # --- structure -------------------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: Any = None, name: str = ""
    ) -> QAction:
        action = QAction(tr(text), self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda checked=False: slot())
        action.setObjectName(name or text)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("New"), self.new_record, key.New, "new")
        self.open_action = self._action(self.tr("Open"), self.open_selected, None, "open")
        self.delete_action = self._action(
            self.tr("Delete"), self.delete_selected, key.Delete, "delete"
        )
        self.restore_action = self._action(
            self.tr("Restore"), self.restore_selected, "Ctrl+R", "restore"
        )
        self.merge_action = self._action(
            self.tr("Merge duplicates…"), self.merge_selected, "Ctrl+M", "merge"
        )
        self.refresh_action = self._action(self.tr("Refresh"), self.refresh, key.Refresh, "refresh")
        self.find_action = self._action(self.tr("Find"), self.search.setFocus, key.Find, "find")
        self.export_action = self._action(self.tr("Export…"), self.export, "Ctrl+E", "export_list")
        toolbar = QToolBar(self.tr("Records"))
        toolbar.setObjectName("records_toolbar")
        toolbar.setMovable(False)
        for action in (self.new_action, self.open_action, self.delete_action, self.restore_action,
                       self.merge_action, self.refresh_action, self.export_action):  # fmt: skip
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.addAction(self.find_action)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(
            self._action(
                self.tr("New database…"),
                lambda: self._database_action("new_database"),
                None,
                "new_database",
            )
        )
        menu.addAction(
            self._action(
                self.tr("Open database…"),
                lambda: self._database_action("open_file"),
                key_open(),
                "open_database",
            )
        )
        menu.addAction(
            self._action(
                self.tr("Open shared database…"),
                lambda: self._database_action("open_shared"),
                None,
                "open_shared",
            )
        )
        self.recent_menu = menu.addMenu(self.tr("Recent databases"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addAction(
            self._action(
                self.tr("Open sample data"), self.open_sample_data, None, "open_sample_data"
            )
        )
        menu.addSeparator()
        self.file_menu = menu
        menu.addAction(
            self._action(
                self.tr("Import attendee list…"), self.import_list, "Ctrl+I", "import_list"
            )
        )
        self.import_export_anchor = menu.addSeparator()
        menu.addAction(self._action(self.tr("Synchronise…"), self.synchronise, None, "synchronise"))
        menu.addAction(
            self._action(
                self.tr("Back up…"), lambda: self._database_action("backup"), None, "backup"
            )
        )
        menu.addAction(
            self._action(
                self.tr("Restore from backup…"),
                lambda: self._database_action("restore"),
                None,
                "restore_backup",
            )
        )
        menu.addSeparator()
        menu.addAction(
            self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit, "quit")
        )
        records = self.menuBar().addMenu(self.tr("&Records"))
        for action in (self.new_action, self.open_action, self.delete_action, self.restore_action,
                       self.merge_action, self.refresh_action, self.find_action):  # fmt: skip
            records.addAction(action)
        records.addSeparator()
        records.addAction(
            self._action(self.tr("Retention review…"), self.retention_review, None, "retention")
        )
        reports = self.menuBar().addMenu(self.tr("Re&ports"))
        for text, name, shortcut in (
            (N_("Event summary: print preview…"), "preview_event_summary", None),
            (N_("Event summary: print…"), "print_event_summary", QKeySequence.StandardKey.Print),
            (N_("Event summary: save as PDF…"), "save_event_summary_pdf", None),
            (N_("Sign-in sheet…"), "preview_signin_sheet", None),
            (N_("Save sign-in sheet (PDF or Excel)…"), "save_signin_sheet", None),
        ):
            reports.addAction(
                self._action(text, lambda n=name: self.event_report(n), shortcut, name)
            )
        reports.addSeparator()
        reports.addAction(
            self._action(
                self.tr("Period report…"), self.period_report, "Ctrl+Shift+P", "period_report"
            )
        )
        view = self.menuBar().addMenu(self.tr("&View"))
        for number, (_name, label, _noun) in enumerate(SECTIONS):
            view.addAction(
                self._action(
                    label,
                    lambda n=number: self.navigation.setCurrentRow(n),
                    f"Ctrl+{number + 1}",
                    f"view_{_name}",
                )
            )
        language_menu = self.menuBar().addMenu(self.tr("&Language"))
        language_menu.setObjectName("language_menu")
        group = QActionGroup(language_menu)
        for code, name in (("en", "English"), ("ru", "Русский")):  # each in its own language
            action = language_menu.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == language())
            action.triggered.connect(lambda checked=False, c=code: self.set_language(c))
            group.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("About Convene"), self._about, None, "about"))

    def set_language(self, lang: str) -> None:
        """Show the application in ``lang`` from now on, and remember it. The main window
        changes at once; windows already open keep their language until they are closed."""
        self.settings.set("language", lang)
        if lang == language():
            return
        install_language(lang)
        self.retranslate()
        if self.forms:
            self.statusBar().showMessage(
                self.tr("Windows already open keep their language until you close them."), 15000
            )

    def retranslate(self) -> None:
        """Build the menus, the toolbar, the navigation and the lists again in the language
        now installed."""
        for toolbar in self.findChildren(QToolBar):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()
        for action in self.actions():
            self.removeAction(action)
        self.menuBar().clear()
        self._build_actions()
        self._build_menus()
        for row, (_name, label, _noun) in enumerate(SECTIONS):
            self.navigation.item(row).setText(tr(label))
        if self.database is None:
            self.location.setText(self.tr("Opening the database…"))
            return
        row = self.navigation.currentRow()
        self._close_pages()
        self._open_pages()
        self.navigation.setCurrentRow(-1)
        self.navigation.setCurrentRow(max(row, 0))

    def _database_action(self, name: str, *args: Any) -> None:
        """Run a File-menu action on whole databases (loaded when first used)."""
        from ui import database_actions

        getattr(database_actions, name)(self, *args)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for location in self.settings.get("database/recent"):
            self.recent_menu.addAction(
                location, lambda loc=location: self._database_action("switch", loc)
            )
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _open_pages(self) -> None:
        from app import lists
        from ui.list_page import ListPage

        for name, _label, _noun in SECTIONS:
            page = ListPage(self.database, lists.LISTS[name])
            page.open_requested.connect(self.open_record)
            page.action_requested.connect(self._empty_list_action)
            page.selection_changed.connect(self._update_actions)
            page.model.counted.connect(lambda _count: self._update_status())
            page.model.read_failed.connect(self._show_read_failure)
            state = self.settings.header_state(name)
            if state is not None:
                page.table.horizontalHeader().restoreState(state)
            self.pages[name] = page
            self.stack.addWidget(page)
        self._check_rights()
        self.refresh_title()

    def refresh_title(self) -> None:
        """The window title: this database's office, and where the database is."""
        if self.database is not None:
            where = self.database.describe()
            self.setWindowTitle(f"Convene — {office_label(self.database)}{where}")

    def _check_rights(self) -> None:
        """Ask once what this account may do, and disable what the server would refuse."""
        from app.database import account_rights

        try:
            self.rights = account_rights(self.database)
        except Exception:  # the lists will say what is wrong with the connection
            log.warning("could not ask the server what this account may do", exc_info=True)
            self.rights = FULL_RIGHTS
        where = self.database.describe()
        if self.rights.read_only:
            where = self.tr("%s — read only: your account may not change records") % where
        self.location.setText(where)
        allowed = {
            "import_list": self.rights.write,
            "retention": self.rights.administer,
            "restore_backup": self.rights.administer,
        }
        for action in self.findChildren(QAction):
            if action.objectName() in allowed:
                action.setEnabled(allowed[action.objectName()])
        self._update_actions()

    def _close_pages(self) -> None:
        self._save_headers()
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = {}

    @property
    def section(self) -> str:
        return SECTIONS[max(self.navigation.currentRow(), 0)][0]

    @property
    def page(self) -> ListPage:
        return self.pages[self.section]

    def _show_section(self, row: int) -> None:
        if row < 0 or SECTIONS[row][0] not in self.pages:
            return
        name, label, _noun = SECTIONS[row]
        page = self.pages[name]
        self.stack.setCurrentWidget(page)
        self.search.blockSignals(True)
        self.search.setText(page._search_text)
        self.search.blockSignals(False)
        self.search.setPlaceholderText(
            self.tr("Search {what}…  (Ctrl+F)").format(what=tr(label).lower())
        )
        if not getattr(page, "_loaded", False):
            page.refresh()
            page._loaded = True
        self._update_actions()
        self._update_status()

    def _search_changed(self, text: str) -> None:
        self.page.set_search(text)

    def _show_read_failure(self, message: str) -> None:
        text = message[0].upper() + message[1:]
        self.counts.setText(self.tr("%s. Refresh (F5) tries again.") % text.rstrip("."))

    def _update_status(self) -> None:
        if self.section not in self.pages:
            return
        if self.page.model.failing:
            return
        noun = SECTIONS[max(self.navigation.currentRow(), 0)][2]
        self.counts.setText(self.page.status_text(noun))

    def _update_actions(self) -> None:
        if self.section not in self.pages:
            return
        in_bin = self.section == "recycle_bin"
        selected = len(self.page.selected_ids())
        write, administer = self.rights.write, self.rights.administer
        self.new_action.setEnabled(write and not in_bin)
        self.open_action.setEnabled(not in_bin and selected == 1)
        self.delete_action.setEnabled(write and not in_bin and selected > 0)
        self.restore_action.setEnabled(write and in_bin and selected > 0)
        self.merge_action.setEnabled(administer and self.section in ("people", "organizations"))
        self.export_action.setEnabled(self.section in ("events", "people", "organizations"))
        self.restore_action.setVisible(in_bin)
        self.delete_action.setVisible(not in_bin)

    def _empty_list_action(self, name: str) -> None:
        """A button of an empty list: the next thing to do."""
        if name == "new":
            self.new_record()
        elif name == "import":
            self.import_list()
        elif name == "sample":
            self.open_sample_data()
        elif name == "clear":
            self.search.clear()
            self.page.clear_filters()

    def open_sample_data(self) -> None:
        """Open the sample data, in a database file of its own (made on first use)."""
        self._database_action("open_sample_data")

    # --- records ---------------------------------------------------------------------------------

    def new_record(self) -> QWidget | None:
        return self._show_form(self.section, None)

    def open_selected(self) -> None:
        ids = self.page.selected_ids()
        if ids:
            self.open_record(ids[0])

    def open_record(self, record_id: uuid.UUID) -> QWidget | None:
        return self._show_form(self.section, record_id)

    def show_record(self, section: str, record_id: uuid.UUID | None) -> QWidget | None:
        """Open the form of a record of ``section`` (a new one for ``record_id=None``)."""
        return self._show_form(section, record_id)

    def _show_form(self, section: str, record_id: uuid.UUID | None) -> QWidget | None:
        from ui.forms import registry

        opener = registry.FORMS.get(section)
        if opener is None:
            return None
        for form in self.forms:
            if getattr(form, "record_id", None) == record_id and record_id is not None:
                form.raise_()
                form.activateWindow()
                return form
        try:
            form = opener(self.database, record_id, self)
        except ConveneError as exc:
            show_error(self, str(exc))
            self.refresh()
            return None
        if self.rights.read_only:
            form.save_button.setEnabled(False)
            form.save_button.setToolTip(
                self.tr("Your account may read but not change records on this server")
            )
        form.saved.connect(lambda _id: self.refresh())
        form.destroyed.connect(
            lambda _obj=None, f=form: self.forms.remove(f) if f in self.forms else None
        )
        self.forms.append(form)
        form.show()
        return form

    def delete_selected(self) -> None:
        from ui.record_actions import delete_records

        if delete_records(self, self.database, self.section, self.page.selected_ids()):
            self.refresh()

    def restore_selected(self) -> None:
        from ui.record_actions import restore_records

        rows = self.page.selected_rows()
        kinds = [self.page.model.row(r).values[0] for r in rows]
        ids = [self.page.model.record_id(r) for r in rows]
        if restore_records(self, self.database, list(zip(kinds, ids, strict=True))):
            self.refresh()

    def merge_selected(self) -> None:
        from ui.merge_dialog import MergeDialog

        ids = self.page.selected_ids()
        if len(ids) != 2:
            show_info(self, self.tr("Select the two records to merge (Ctrl+click the second one)."))
            return
        dialog = MergeDialog(self.database, self.section, ids[0], ids[1], self)
        if dialog.exec():
            self.refresh()

    def synchronise(self) -> None:
        """File → Synchronise: packages to and from other offices, conflicts, duplicates."""
        from ui.sync_dialog import SyncDialog

        dialog = SyncDialog(self.database, self)
        dialog.exec()
        self.refresh_title()  # the office may have been named
        if dialog.changed:
            self.refresh()

    def import_list(self, event_id: uuid.UUID | None = None) -> None:
        """Open the import wizard (for the selected event when the events list is shown)."""
        from ui.import_wizard import ImportWizard

        if event_id is None and self.section == "events":
            selected = self.page.selected_ids()
            event_id = selected[0] if len(selected) == 1 else None
        wizard = ImportWizard(self.database, event_id, self)
        wizard.exec()
        if wizard.outcome is not None:
            self.refresh()
            for form in self.forms:
                if getattr(form, "record_id", None) == wizard.event_id and hasattr(
                    form, "participants"
                ):
                    form.reload_participants()

    def retention_review(self) -> None:
        from ui.privacy_actions import RetentionDialog

        RetentionDialog(self.database, self.settings, self).exec()
        self.refresh()

    def selected_event(self) -> uuid.UUID | None:
        """The event selected in the events list (one, or none)."""
        if self.section != "events":
            return None
        selected = self.page.selected_ids()
        return selected[0] if len(selected) == 1 else None

    def event_report(self, name: str) -> None:
        """Print, preview or save a report of the selected event (reports read it as saved)."""
        from ui import report_actions

        event_id = self.selected_event()
        if event_id is None:
            show_info(self, self.tr("Select one event in the Events list first."))
            return
        getattr(report_actions, name)(self, self.database, event_id)

    def period_report(self) -> None:
        from ui import report_actions

        report_actions.open_period_report(self, self.database)

    def export(self, kind: str | None = None) -> None:
        """Export a kind of record to Excel (default: what the current list shows)."""
        from ui import report_actions

        kind = kind or {
            "events": "events",
            "people": "people",
            "organizations": "organizations",
        }.get(self.section)
        if kind is None:
            show_info(self, self.tr("Events, people and organisations can be exported to Excel."))
            return
        if kind == "participants":
            event_id = self.selected_event()
            if event_id is None:
                show_info(self, self.tr("Select one event in the Events list first."))
                return
            report_actions.export_to_excel(self, self.database, kind, event_id=event_id)
        else:
            report_actions.export_to_excel(self, self.database, kind)

    def refresh(self) -> None:
        for page in self.pages.values():
            if getattr(page, "_loaded", False):
                page.refresh()
        self._update_status()
        self._update_actions()

    # --- database, layout, closing ---------------------------------------------------------------

    def start_daily_backup(self) -> None:
        """Write today's automatic backup (SQLite) in the background, if not done yet today."""
        from db.backup import daily_backup
        from ui.jobs import run_job

        database, keep = self.database, self.settings.get("backup/keep")

        def done(path: object) -> None:
            if path is not None:
                self.statusBar().showMessage(
                    tr("Today's automatic backup: {path}").format(path=path), 8000
                )

        def failed(message: str, _cancelled: bool) -> None:
            log.warning("automatic backup failed: %s", message)
            self.statusBar().showMessage(
                tr("The automatic backup failed: {message}").format(message=message), 15000
            )

        run_job(lambda context: daily_backup(database, keep), on_success=done, on_failure=failed)

    def switch_database(self, database: Database) -> None:
        """Show another database (forms of the old one are closed first by the caller)."""
        old = self.database
        self._close_pages()
        self.database = database
        self._open_pages()
        self.navigation.setCurrentRow(-1)
        self.navigation.setCurrentRow(0)
        if old is not None:
            old.dispose()
        self.database_changed.emit()

    def close_forms(self) -> bool:
        """Close every open form (each asks about unsaved changes); False if one stayed open."""
        return all(form.close() for form in list(self.forms))

    def _restore_layout(self) -> None:
        geometry = self.settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        state = self.settings.get("window/state")
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.get("window/splitter")
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def _save_headers(self) -> None:
        for name, page in self.pages.items():
            self.settings.set_header_state(name, page.table.horizontalHeader().saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_forms():
            event.ignore()
            return
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        self.settings.set("window/splitter", self.splitter.saveState())
        self.settings.set("window/list", self.section)
        self._save_headers()
        self.settings.sync()
        event.accept()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Convene"),
            self.tr(
                "<b>Convene</b> {version__}<br>Records of capacity-building events, their participants and partner organisations.<br><br>Database: {value}"
            ).format(
                version__=__version__,
                value=html.escape(self.database.describe())
                if self.database
                else self.tr("(none open)"),
            ),
        )


def key_open() -> QKeySequence:
    return QKeySequence(QKeySequence.StandardKey.Open)


def office_label(database: Any) -> str:
    """ "Ashgabat (TM) — " for the window title: the office this database belongs to."""
    from app.sync.offices import this_office

    try:
        with database.session_scope(readonly=True) as session:
            office = this_office(session.connection())
    except Exception:  # a title without the office rather than no window
        log.exception("reading the office for the title")
        return ""
    return f"{office.label} — "
