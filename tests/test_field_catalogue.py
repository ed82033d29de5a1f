"""Each field is declared once, in ``app/fields.py``: its form row, its list column and its export
header show the catalogue's words, in English and in Russian; no form, list, export, report or
import vocabulary writes a catalogued field's label again; and a new record's form starts with the
service's defaults."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout

from app import fields, lists
from app.exports.tables import ExportRequest, export_records
from app.services import events
from db.enums import EventFormat, EventStatus, OrganizationKind, Sex
from ui.forms.event_form import EventForm
from ui.forms.organization_form import OrganizationForm
from ui.forms.person_form import PersonForm
from ui.forms.project_form import ProjectForm
from ui.translation import install_language

ROOT = Path(__file__).resolve().parent.parent

# record -> (its form, its list, its export)
SHOWN = {
    "event": (EventForm, lists.EVENTS, "events"),
    "person": (PersonForm, lists.PEOPLE, "people"),
    "organization": (OrganizationForm, lists.ORGANIZATIONS, "organizations"),
    "project": (ProjectForm, lists.PROJECTS, None),
}
# list columns that show a catalogued field under a key of their own (a name, not an id)
COLUMN_FIELDS = {"organization": "organization_id", "project": "project_id"}


def form_labels(form) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The text of each field's row label, by field name."""
    labels = {}
    for layout in form.findChildren(QFormLayout):
        for name, box in form.boxes.items():
            label = layout.labelForField(box)
            if label is not None:
                labels[name] = label.text()
    return labels


def export_headers(database, tmp_path: Path, kind: str) -> list[str]:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{kind}.xlsx"
    with database.session_scope(readonly=True) as session:
        export_records(session, ExportRequest(kind), path)
    sheet = load_workbook(path, read_only=True).worksheets[0]
    headers = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    return headers


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_forms_lists_and_exports_show_each_field_in_the_catalogues_words(
    qtbot, demo_db, tmp_path, lang
) -> None:  # type: ignore[no-untyped-def]
    install_language(lang)
    try:
        checked = 0
        for record, (form_class, spec, export_kind) in SHOWN.items():
            catalogue = fields.RECORDS[record]
            form = form_class(demo_db)
            qtbot.addWidget(form)
            labels = form_labels(form)
            assert set(labels) == set(form.boxes)
            for name, text in labels.items():
                assert text == catalogue[name].form_title(), (record, name)
            headers = export_headers(demo_db, tmp_path, export_kind) if export_kind else None
            for column in spec.columns:
                key = COLUMN_FIELDS.get(column.key, column.key)
                if key not in catalogue:
                    continue
                field = catalogue[key]
                assert column.title() == field.heading(), (record, key)
                if headers is not None:  # the export heads the field as the list does
                    assert column.title() in headers, (record, key, headers)
                if key in labels and not field.short and not field.form:
                    assert labels[key] == column.title() == field.title(), (record, key)
                    checked += 1
        assert checked >= 20  # most fields show one label everywhere
        # the words really are the language's: the Russian of a few, as a reader sees them
        event_form = EventForm(demo_db)
        qtbot.addWidget(event_form)
        shown = form_labels(event_form)
        expected = {"en": "Title in Russian", "ru": "Название на русском"}[lang]
        assert shown["title_ru"] == expected
        assert lists.EVENTS.column("title_ru").title() == expected
        assert expected in export_headers(demo_db, tmp_path, "events")
        assert shown["reported_total"] == {"en": "Total", "ru": "Всего"}[lang]
        summary = {"en": "Summary", "ru": "Краткое содержание"}[lang]  # as the reports say
        assert shown["summary"] == summary
        assert summary in export_headers(demo_db, tmp_path, "events")
        organisation = OrganizationForm(demo_db)  # its people are named as people, not bodies
        qtbot.addWidget(organisation)
        name = organisation.people.headerData(0, Qt.Orientation.Horizontal)
        assert name == fields.PERSON_NAME.heading() == {"en": "Name", "ru": "Имя"}[lang]
    finally:
        install_language("en")


# Places where a catalogued field's word is written for something that is not that field.
NOT_THE_FIELD = {
    ("app/lists.py", "Kind"): "the kind of a binned record, not an organisation's kind",
    ("app/exports/tables.py", "Donors"): "an event's donor partners, not a project's donors",
    ("app/reports/labels.py", "Donors"): "an event's donor partners, not a project's donors",
}


def _translation_calls(path: Path):  # type: ignore[no-untyped-def]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        first = node.args[0]
        if (
            name in ("tr", "N_")
            and isinstance(first, ast.Constant)
            and isinstance(first.value, str)
        ):
            comment = node.args[1] if len(node.args) > 1 else None
            note = comment.value if isinstance(comment, ast.Constant) else ""
            yield node.lineno, first.value, note


def test_no_form_list_export_or_report_writes_a_catalogued_label_again() -> None:
    # A form row's own words ("Total" under "Reported head-counts") are too general to scan
    # for; forms cannot write them anyway (``add_field`` takes no label).
    words = {
        (word, note)
        for catalogue in fields.RECORDS.values()
        for field in catalogue
        if field.shown
        for word, note in ((field.label, field.note), (field.short, ""))
        if word
    }
    assert {("Title in Russian", ""), ("Ref.", ""), ("Summary", "summary")} <= words
    paths = [
        *sorted((ROOT / "ui" / "forms").glob("*.py")),
        ROOT / "app" / "lists.py",
        *sorted((ROOT / "app" / "exports").glob("*.py")),
        *sorted((ROOT / "app" / "reports").glob("*.py")),
        ROOT / "app" / "importing" / "vocabulary.py",
    ]
    found = []
    for path in paths:
        where = path.relative_to(ROOT).as_posix()
        for line, text, note in _translation_calls(path):
            if (text, note) in words and (where, text) not in NOT_THE_FIELD:
                found.append(f"{where}:{line}: {text!r}")
    assert found == []


def test_the_scan_finds_a_label_written_again(tmp_path) -> None:  # type: ignore[no-untyped-def]
    written = tmp_path / "form.py"
    written.write_text('label = self.tr("Title in Russian")\nother = N_("Nationality", "x")\n')
    assert list(_translation_calls(written)) == [
        (1, "Title in Russian", ""),
        (2, "Nationality", "x"),
    ]


def test_new_records_forms_start_with_the_services_defaults(qtbot, sqlite_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    person = PersonForm(sqlite_db)
    organisation = OrganizationForm(sqlite_db)
    for form in (person, organisation):
        qtbot.addWidget(form)
    assert person.field("sex").value() == fields.PERSON["sex"].default == Sex.UNSPECIFIED
    assert organisation.field("kind").value() == OrganizationKind.NATIONAL_AGENCY
    event = EventForm(sqlite_db)
    qtbot.addWidget(event)
    defaults = events.new_event_values()
    assert {k: event.field(k).value() for k in defaults} == defaults
    assert not event.is_dirty()  # an untouched new event closes without asking

    def online_by_default(today=None):  # type: ignore[no-untyped-def]
        return {"format": EventFormat.ONLINE, "status": EventStatus.PLANNED}

    monkeypatch.setattr(events, "new_event_values", online_by_default)
    asked = EventForm(sqlite_db)
    qtbot.addWidget(asked)
    assert asked.field("format").value() == EventFormat.ONLINE
    assert asked.listing_defaults()["mode"].value == "online"
