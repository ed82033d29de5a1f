"""The everyday forms as a programme assistant meets them (issue 20, point 3): an untouched new
record closes without asking, a past "Planned" event offers "Held", the Changes tab shows what
the forms show (labels, country names, dates, names — never codes or UUIDs), deleting names the
record, counts agree in number, labels sit beside their boxes, one date format, a version."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFormLayout, QMessageBox

from app import __version__
from app.errors import ValidationError
from app.sample_data import sample_id
from app.services import events, people, projects
from db.enums import EventStatus
from db.models import Event, Person, Project
from tests.gui_helpers import cell
from ui.forms.event_form import EventForm
from ui.forms.organization_form import OrganizationForm
from ui.forms.person_form import PersonForm
from ui.forms.project_form import ProjectForm
from ui.main_window import SECTIONS

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.fixture
def questions(monkeypatch):  # type: ignore[no-untyped-def]
    """Every question asked, answered "No"."""
    asked: list[str] = []

    def question(_parent, _title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.mark.parametrize("form_class", [EventForm, PersonForm, OrganizationForm, ProjectForm])
def test_an_untouched_new_record_closes_without_asking(qtbot, demo_db, questions, form_class):  # type: ignore[no-untyped-def]
    form = form_class(demo_db, None)
    qtbot.addWidget(form)
    form.show()
    assert not form.is_dirty()
    assert "*" not in form.windowTitle()
    assert form.close()
    assert questions == []


def test_a_new_event_with_a_title_still_asks(qtbot, demo_db, questions) -> None:  # type: ignore[no-untyped-def]
    form = EventForm(demo_db, None)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.field("title"), "Round table")
    assert form.is_dirty()
    form.close()
    assert questions == ["Save the changes to this event?"]


def _event(database, **values):  # type: ignore[no-untyped-def]
    with database.session_scope() as session:
        return events.create_event(
            session, type="seminar", format="in_person", title="Seminar on risk profiles", **values
        ).id


def test_a_planned_event_whose_end_has_passed_offers_held(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    past = dt.date.today() - dt.timedelta(days=3)
    event_id = _event(demo_db, start_date=past, end_date=past, status="planned")
    form = EventForm(demo_db, event_id)
    qtbot.addWidget(form)
    form.show()
    assert form.held_row.isVisible()
    assert past.strftime("%d.%m.%Y") in form.held_hint.text()
    assert not form.is_dirty()
    form.mark_held.click()
    assert form.field("status").value() == EventStatus.HELD
    assert not form.held_row.isVisible() and form.is_dirty()
    assert form.save()
    with demo_db.session_scope(readonly=True) as session:
        assert session.get(Event, event_id).status == EventStatus.HELD


@pytest.mark.parametrize(
    ("days", "status"), [(10, "planned"), (-3, "held"), (-3, "cancelled"), (-3, "postponed")]
)
def test_no_offer_for_a_future_or_settled_event(qtbot, demo_db, days, status) -> None:  # type: ignore[no-untyped-def]
    day = dt.date.today() + dt.timedelta(days=days)
    form = EventForm(demo_db, _event(demo_db, start_date=day, end_date=day, status=status))
    qtbot.addWidget(form)
    form.show()
    assert not form.held_row.isVisible()


def _changes(form) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """The Changes tab's rows: field -> [before, after] as shown, of the newest change."""
    table = form.changes_tab.table
    shown: dict[str, list[str]] = {}
    for row in range(table.model().rowCount()):  # newest first
        shown.setdefault(cell(table, row, 3), [cell(table, row, 4), cell(table, row, 5)])
    return shown


def test_the_changes_tab_shows_what_the_form_shows(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session_scope() as session:
        event = session.get(Event, sample_id("cabmi-17"))
        project = session.scalars(sa.select(Project)).first()
        events.update_event(
            session, event.id, event.version, format="online", country="KZ", project_id=project.id
        )
        project_title = project.title
    form = EventForm(demo_db, sample_id("cabmi-17"))
    qtbot.addWidget(form)
    shown = _changes(form)
    assert shown["Type"] == ["", "Conference"]
    assert shown["Format"] == ["Hybrid", "Online"]
    assert shown["Country"] == ["Uzbekistan", "Kazakhstan"]
    assert shown["Start date"] == ["", "13.12.2022"]
    assert shown["Status"] == ["", "Held"]
    assert "Border management" in shown["Fields of work"][1]
    assert shown["Project"] == ["", project_title]
    for before, after in shown.values():
        for text in (before, after):
            assert not UUID.search(text) and not ISO_DATE.search(text), text


def test_a_persons_changes_show_sex_country_and_organisation_by_name(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session_scope(readonly=True) as session:
        person = session.scalars(
            sa.select(Person).where(Person.organization_id.is_not(None), Person.sex == "female")
        ).first()
        person_id, organisation = person.id, person.organization.display_name()
    form = PersonForm(demo_db, person_id)
    qtbot.addWidget(form)
    shown = _changes(form)
    assert shown["Sex"][1] == "Female"
    assert shown["Organisation"][1] == organisation
    assert not any(len(v[1]) == 2 and v[1].isupper() for v in shown.values())  # no bare "UZ"


def test_deleting_names_the_record_and_no_answer_keeps_it(qtbot, window, questions) -> None:  # type: ignore[no-untyped-def]
    window.navigation.setCurrentRow(0)
    page = window.page
    row = page.model.position_of(sample_id("cabmi-17"))
    page.table.selectRow(row)
    window.delete_selected()
    assert len(questions) == 1
    assert "2022-001 «17th Central Asia Border Management Initiative" in questions[0]
    with window.database.session_scope(readonly=True) as session:
        assert session.get(Event, sample_id("cabmi-17")).deleted_at is None


def test_deleting_several_lists_them(qtbot, window, questions) -> None:  # type: ignore[no-untyped-def]
    from ui.record_actions import delete_records

    with window.database.session_scope(readonly=True) as session:
        ids = session.scalars(sa.select(Person.id).order_by(Person.family_name).limit(10)).all()
        first = session.get(Person, ids[0]).display_name()
    delete_records(window, window.database, "people", list(ids))
    assert questions[0].startswith("Move these 10 people to the recycle bin?")
    assert f"• {first}" in questions[0] and "… and 2 more" in questions[0]


def test_counts_agree_in_number(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    with window.database.session_scope() as session:
        people.delete_person(session, sample_id("kg-4"))
    window.navigation.setCurrentRow(4)
    window.page.refresh()
    window._update_counts() if hasattr(window, "_update_counts") else None
    assert window.page.status_text(SECTIONS[4][2]) == "1 record in the recycle bin"
    window.navigation.setCurrentRow(0)
    assert window.counts.text() == "12 events"


def test_long_text_labels_sit_beside_their_boxes(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    form = EventForm(demo_db, sample_id("cabmi-17"))
    qtbot.addWidget(form)
    form.resize(1080, 720)
    form.show()
    description = form.field("summary").parentWidget().parentWidget()
    form.tabs.setCurrentWidget(description)
    qtbot.wait(10)
    layout = description.layout()
    assert isinstance(layout, QFormLayout)
    for name in ("summary", "outcomes", "notes"):
        field = form.field(name)
        label = layout.labelForField(form.boxes[name])
        label_top = label.mapTo(description, QPoint(0, 0)).y()
        field_top = field.mapTo(description, QPoint(0, 0)).y()
        assert abs(label_top - field_top) <= 8, (name, label_top, field_top)


def test_validation_messages_and_the_period_dialog_use_the_lists_date_format(
    qtbot, demo_db
) -> None:  # type: ignore[no-untyped-def]
    from ui.report_dialogs import PeriodReportDialog

    with demo_db.session_scope() as session, pytest.raises(ValidationError) as refused:
        events.create_event(
            session, title="Backwards", type="seminar", format="online",
            start_date=dt.date(2026, 1, 5), end_date=dt.date(2026, 1, 1),
        )  # fmt: skip
    assert "(01.01.2026) is before the start date (05.01.2026)" in str(refused.value)
    with demo_db.session_scope() as session, pytest.raises(ValidationError) as refused:
        projects.create_project(
            session, title="Backwards", start_date=dt.date(2026, 1, 5), end_date=dt.date(2026, 1, 1)
        )
    assert "05.01.2026" in str(refused.value)
    dialog = PeriodReportDialog(demo_db)
    qtbot.addWidget(dialog)
    assert re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", dialog.date_from.text())


def test_about_shows_the_version(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    assert __version__ == pyproject["project"]["version"]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: shown.append(text))
    window._about()
    assert f"<b>Convene</b> {__version__}" in shown[0]


@pytest.mark.parametrize(("event_format", "mode"), [("online", "online"), ("hybrid", "in_person")])
def test_people_added_in_the_form_take_the_events_default_mode(  # type: ignore[no-untyped-def]
    qtbot, demo_db, event_format, mode
):
    """The service's rule (online events list people online) holds in the event form too, for
    a person found and for one typed in."""
    from db.models import Participation

    form = EventForm(demo_db, None)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.field("title"), "Webinar on risk analysis")
    form.field("type").set_value("seminar")
    form.field("format").set_value(event_format)
    with demo_db.session_scope(readonly=True) as session:
        known = session.get(Person, sample_id("kg-4"))
    form.participants.add_person(known)
    quick = form.participants.quick
    quick.fields["family_name"].set_value("Osmonova")
    quick.fields["given_name"].set_value("Gulnara")
    quick.fields["sex"].set_value("female")
    quick.submit()
    assert form.save()
    with demo_db.session_scope(readonly=True) as session:
        modes = session.scalars(
            sa.select(Participation.mode).where(Participation.event_id == form.record_id)
        ).all()
    assert [m.value for m in modes] == [mode, mode]


@pytest.mark.parametrize("width", [1024, 1366])
def test_lists_fit_a_field_laptop_without_sideways_scrolling(qtbot, window, width) -> None:  # type: ignore[no-untyped-def]
    """At 1024 and 1366 px wide every list fits: the columns that matter least step aside,
    and the title or name keeps room to be read."""
    window.resize(width, 768)
    for row in range(4):
        window.navigation.setCurrentRow(row)
        qtbot.wait(20)
        page = window.page
        assert page.table.horizontalScrollBar().maximum() == 0, (width, page.spec.name)
        stretch = next(i for i, c in enumerate(page.spec.columns) if c.stretch)
        assert page.table.columnWidth(stretch) >= 250, (width, page.spec.name)
    window.resize(1900, 900)
    window.navigation.setCurrentRow(0)
    qtbot.wait(20)
    header = window.page.table.horizontalHeader()
    assert not any(header.isSectionHidden(i) for i in range(header.count()))  # all back


def test_the_merge_dialog_wraps_long_names_instead_of_scrolling_sideways(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QScrollArea

    from db.models import Organization
    from ui.merge_dialog import MergeDialog

    with window.database.session_scope(readonly=True) as session:
        longest = session.scalars(
            sa.select(Organization.id).order_by(sa.func.length(Organization.name_local).desc())
        ).all()[:2]
    dialog = MergeDialog(window.database, "organizations", longest[0], longest[1], window)
    qtbot.addWidget(dialog)
    dialog.resize(760, 520)
    dialog.show()
    qtbot.wait(20)
    scroll = dialog.findChild(QScrollArea)
    assert scroll.horizontalScrollBar().maximum() == 0
    assert scroll.widget().width() <= scroll.viewport().width()
