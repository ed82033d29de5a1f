"""Personal data in the GUI: export everything held about a person, anonymise a person, and
the retention review (people with no participation in the last N years)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.fields import PERSON, PERSON_NAME
from app.i18n import N_, tr, tr_n
from app.services import privacy
from db.engine import Database
from ui.errors import show_error, show_info
from ui.export_actions import EXCEL_FILTER, ask_save_path
from ui.jobs import JobContext, run_job, user_message
from ui.settings import Settings
from ui.simple_table import field_column, rows_table

log = logging.getLogger(__name__)


def export_personal_data(
    parent: QWidget, database: Database, person_id: uuid.UUID, name: str
) -> bool:
    """Ask for a file name and write everything held about the person to it."""
    from app.exports.personal_data import export_person

    path = ask_save_path(
        parent,
        tr("Export personal data"),
        tr("{value} - personal data.xlsx").format(value=name or "person"),
        tr(EXCEL_FILTER),
    )
    if path is None:
        return False
    try:
        with database.session_scope(readonly=True) as session:
            export_person(session, person_id, path)
    except Exception as exc:
        log.exception("personal data export failed")
        show_error(parent, tr("Nothing was written. {problem}").format(problem=user_message(exc)))
        return False
    show_info(
        parent,
        tr("Everything held about {name} was written to\n{path}").format(name=name, path=path),
    )
    return True


def confirm_and_anonymise(
    parent: QWidget,
    database: Database,
    person_ids: list[uuid.UUID],
    what: str,
    on_done: Callable[[], None],
) -> bool:
    """Anonymise people after a clear warning (it cannot be undone); all or none. The work runs
    on the job thread (purging the search index takes seconds in a large database) behind a
    busy dialog; ``on_done`` runs on the GUI thread once it is committed. False if declined."""
    answer = QMessageBox.warning(
        parent,
        tr("Anonymise"),
        tr(
            "Erase the names, contacts, posts and notes of {what}, and of any duplicates merged into them? Sex, nationality, organisation and participations are kept, so figures do not change. This cannot be undone."
        ).format(what=what),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    busy = QProgressDialog(tr("Anonymising…"), "", 0, 0, parent)
    busy.setCancelButton(None)
    busy.setWindowTitle(tr("Convene"))
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(300)

    def work(_context: JobContext) -> None:
        with database.session_scope() as session:
            privacy.anonymise_people(session, person_ids)

    def done(_result: object) -> None:
        busy.close()
        on_done()

    def failed(message: str, _cancelled: bool) -> None:
        busy.close()
        show_error(parent, tr("Nothing was changed. {message}").format(message=message))

    run_job(work, on_success=done, on_failure=failed)
    return True


class RetentionDialog(QDialog):
    """People with no participation in the last N years, offered for anonymising together —
    those in the recycle bin too; one row per person with their merged copies, whose last
    event (binned or not) is the one the service decides by (``privacy.due_rows``)."""

    def __init__(
        self, database: Database, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retention review"))
        self.database, self.settings = database, settings
        self.years = QSpinBox()
        self.years.setRange(1, 50)
        self.years.setSuffix(tr_n(" [year|years]", self.years.value()))
        self.years.valueChanged.connect(lambda n: self.years.setSuffix(tr_n(" [year|years]", n)))
        self.years.setValue(settings.get("privacy/retention_years"))
        self.years.valueChanged.connect(self.reload)
        self.table, self.model = rows_table(
            (field_column(PERSON_NAME, "text"),
             field_column(PERSON["nationality"], "country"),
             ("last_event", N_("Last event"), "date"), ("in_recycle_bin", N_("In recycle bin"), "text")),
            (240, 110, 150),
        )  # fmt: skip
        self.count = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.anonymise = buttons.addButton(
            self.tr("Anonymise all listed…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.anonymise.setObjectName("anonymise_all")
        self.anonymise.clicked.connect(self._anonymise)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("People with no participation in the last")))
        top.addWidget(self.years)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self.reload()

    def reload(self) -> None:
        self.settings.set("privacy/retention_years", self.years.value())
        with self.database.session_scope(readonly=True) as session:
            rows = privacy.due_rows(session, self.years.value())
        self.model.set_rows(rows)
        self.count.setText(tr_n("%n [person|people] due for anonymising.", len(rows)))
        self.anonymise.setEnabled(bool(rows))

    def _anonymise(self) -> None:
        ids = [row["person_id"] for row in self.model.rows]
        what = (
            self.tr("these {n_ids} people").format(n_ids=len(ids))
            if len(ids) != 1
            else self.tr("this person")
        )
        confirm_and_anonymise(self, self.database, ids, what, self.reload)
