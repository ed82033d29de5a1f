"""The Summary tab of the event form: the event's figures at a glance — who took part by sex,
country, agency sector, role and mode — with the country chart of the printed summary.

The figures come from ``app.reports.figures`` (the same numbers as the printed report) and
reflect the event as saved.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from app import reference
from app.i18n import N_, language, tr
from app.reports import labels
from app.reports.charts import country_sex_chart
from app.reports.figures import Breakdown, EventFigures, SexSplit, event_figures
from db.engine import Database
from db.enums import AttendanceMode, ParticipationRole
from db.models import Event
from ui.simple_table import rows_table

CHART_WIDTH = 400
_COLUMNS = (("label", "", "text"), ("female", N_("Women"), "int"), ("male", N_("Men"), "int"),
            ("total", N_("Total"), "int"))  # fmt: skip


def headline(split: SexSplit, source: str) -> str:
    """One line: how many took part, how many women and men, and where the numbers come from."""
    if source == "none" or split.total == 0:
        return tr("No participants are recorded as having attended yet.")
    share = f" ({split.female / split.total:.0%})" if split.total else ""
    text = tr("{total} took part: {female} women{share}, {male} men").format(
        total=split.total, female=split.female, share=share, male=split.male
    )
    if split.unspecified:
        text += tr(", {unspecified} not stated").format(unspecified=split.unspecified)
    if source == "reported":
        text += tr(" — reported head-counts (no participant list)")
    return text + "."


class EventSummaryTab(QWidget):
    """See the module docstring."""

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.headline = QLabel()
        self.headline.setObjectName("summary_headline")
        self.headline.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.chart = QLabel()
        self.chart.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tables = {}
        grid = QGridLayout()
        for number, (key, title) in enumerate(
            (
                ("country", N_("By country")),
                ("sector", N_("By agency sector")),
                ("role", N_("By role")),
                ("mode", N_("By attendance")),
            )
        ):
            table, model = rows_table(_COLUMNS, (205, 68, 68, 52))  # "Международная организация"
            table.setObjectName(f"summary_{key}")
            table.setMinimumSize(397, 150)
            table.verticalHeader().setDefaultSectionSize(22)
            self.tables[key] = model
            box = QVBoxLayout()
            box.addWidget(QLabel(f"<b>{tr(title)}</b>"))
            box.addWidget(table)
            grid.addLayout(box, number // 2, number % 2)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.headline)
        layout.addWidget(self.note)
        row = QHBoxLayout()
        row.addLayout(grid)
        row.addWidget(self.chart)
        row.addStretch(1)
        layout.addLayout(row, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def load(self, session: Session, event_id: uuid.UUID | None) -> None:
        event = session.get(Event, event_id) if event_id else None
        if event is None:
            self.show_figures(EventFigures("none", SexSplit(), (), {}))
            self.note.setText(self.tr("The figures appear once the event is saved."))
            return
        self.show_figures(event_figures(session, event))

    def show_figures(self, figures: EventFigures) -> None:
        self.headline.setText(headline(figures.by_sex, figures.source))
        not_counted = figures.not_counted
        self.note.setText(
            tr("Not counted: ")
            + ", ".join(f"{reference.label(s).lower()} {n}" for s, n in not_counted.items())
            + "."
            if not_counted
            else ""
        )
        self.note.setVisible(bool(not_counted))
        country: Callable[[str | None], str] = lambda key: labels.country(key, language())  # noqa: E731
        sector: Callable[[str | None], str] = lambda key: labels.agency_label(key, language())  # noqa: E731

        def role(key: str | None) -> str:
            return reference.label(ParticipationRole(key))

        def mode(key: str | None) -> str:
            return reference.label(AttendanceMode(key))

        listed = figures.source == "participants"
        for key, table, label in (
            ("country", figures.by_country, country), ("sector", figures.by_sector, sector),
            ("role", figures.by_role, role), ("mode", figures.by_mode, mode),
        ):  # fmt: skip
            self.tables[key].set_rows(_rows(table, label) if listed else [])
        if listed and figures.by_sex.total:
            image = country_sex_chart(
                figures.by_country, language(), country, tr("Participants by country"), CHART_WIDTH
            )
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(image.width() / CHART_WIDTH)  # drawn at twice the size
            self.chart.setPixmap(pixmap)
        else:
            self.chart.clear()


def _rows(table: Breakdown, label: Callable[[str | None], str]) -> list[dict[str, object]]:
    rows = [
        {
            "label": label(row.key),
            "female": row.counts.female,
            "male": row.counts.male,
            "total": row.counts.total,
        }
        for row in table.rows
        if row.counts.total
    ]
    total = table.total
    rows.append(
        {"label": tr("Total"), "female": total.female, "male": total.male, "total": total.total}
    )
    return rows
