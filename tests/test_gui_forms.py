"""The desktop windows driven as a user would: event form with participants, validation at the
field, a conflict reported, merge, recycle bin."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from app.matching import match_key
from app.sample_data import sample_id
from app.services import events, people
from db.enums import ParticipationStatus
from db.models import Event, Participation, Person
from tests.gui_helpers import answer_next_dialog, cell, type_text
from ui.forms.event_form import EventForm
from ui.main_window import MainWindow


def _tab(form, prefix: str):  # type: ignore[no-untyped-def]
    for index in range(form.tabs.count()):
        if form.tabs.tabText(index).startswith(prefix):
            form.tabs.setCurrentIndex(index)
            return form.tabs.widget(index)
    raise AssertionError(prefix)


def test_create_event_with_three_people_then_reopen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    form = window.new_record()
    assert isinstance(form, EventForm)
    qtbot.keyClicks(form.field("title"), "Workshop on document security")
    form.field("type").set_value("workshop")
    form.field("start_date").set_value(dt.date(2024, 10, 1))
    form.field("end_date").set_value(dt.date(2024, 10, 3))
    form.field("country").set_value("KG")
    qtbot.keyClicks(form.field("city"), "Bishkek")

    tab = _tab(form, "Participants")
    # One person found by typing a Cyrillic fragment from the middle of the name...
    type_text(tab.search, "щщщ")
    assert tab.search.run_search() == []  # nobody has that fragment
    tab.search.clear()
    type_text(tab.search, "ргаше")  # Эргашева
    qtbot.waitUntil(lambda: bool(tab.search._found), timeout=2000)  # found while typing
    found = tab.search._found
    assert [p.family_name for p in found] == ["Ergasheva"]
    tab.search.choose(0)
    # ...one by a Latin fragment...
    tab.search.setText("Asan")
    assert [p.family_name for p in tab.search.run_search()] == ["Asanov"]
    tab.search.choose(0)
    # ...and one new person typed in.
    tab.new_person_button.click()
    quick = tab.quick.fields
    type_text(quick["family_name_local"], "Бекова")
    type_text(quick["given_name_local"], "Айнура")
    quick["sex"].set_value("female")
    quick["nationality"].set_value("KG")
    tab.quick.add_button.click()
    assert [r.name_local for r in tab.model.rows] == [
        "Эргашева Нодира", "Асанов Бакыт", "Бекова Айнура",
    ]  # fmt: skip
    # Set statuses of two rows at once.
    tab.table.selectRow(0)
    tab.table.selectionModel().select(
        tab.model.index(2, 0), tab.table.selectionModel().SelectionFlag.Select
        | tab.table.selectionModel().SelectionFlag.Rows,
    )  # fmt: skip
    tab.status_choice.set_value(ParticipationStatus.NO_SHOW)
    tab.set_status_button.click()
    assert [r.status for r in tab.model.rows] == [
        ParticipationStatus.NO_SHOW, ParticipationStatus.ATTENDED, ParticipationStatus.NO_SHOW,
    ]  # fmt: skip
    assert form.save()
    event_id = form.record_id
    assert form.field("reference").value() == "2024-001"
    form.close()

    reopened = window.show_record("events", event_id)
    assert reopened.field("title").value() == "Workshop on document security"
    assert reopened.field("city").value() == "Bishkek"
    rows = {r.name_local: r.status for r in reopened.participants.model.rows}
    assert rows == {
        "Асанов Бакыт": ParticipationStatus.ATTENDED,
        "Бекова Айнура": ParticipationStatus.NO_SHOW,
        "Эргашева Нодира": ParticipationStatus.NO_SHOW,
    }
    assert reopened.tabs.tabText(reopened.tabs.indexOf(reopened.participants)) == "Participants (3)"
    with window.database.session_scope(readonly=True) as s:
        new_person = s.scalar(sa.select(Person).where(Person.family_name_local == "Бекова"))
        assert new_person.match_key == match_key("Bekova", "Aynura")  # found later in Latin too
    reopened.close()
    window.refresh()
    assert window.page.model.rowCount() == 13


def test_validation_error_blocks_saving_and_shows_at_the_field(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    form = window.new_record()
    qtbot.keyClicks(form.field("title"), "Round table")
    form.field("type").set_value("round_table")
    form.field("start_date").set_value(dt.date(2024, 5, 10))
    form.field("end_date").set_value(dt.date(2024, 5, 8))
    form.field("end_date").changed.emit()
    qtbot.waitUntil(lambda: form.boxes["end_date"].error.isVisible(), timeout=2000)
    assert "before the start date" in form.boxes["end_date"].error.text()
    assert not form.save()
    assert form.boxes["end_date"].error.isVisible()
    with window.database.session_scope(readonly=True) as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Event)) == 12
    form.field("end_date").set_value(dt.date(2024, 5, 11))
    assert form.save()
    assert not form.boxes["end_date"].error.isVisible()
    form.close()


def test_conflicting_edit_is_reported_and_can_reload(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    event_id = sample_id("cabmi-17")
    form = window.show_record("events", event_id)
    form.field("venue").set_value("International Hotel Tashkent")
    # Meanwhile a colleague changes the same event.
    with window.database.session_scope(actor="colleague") as s:
        events.update_event(s, event_id, 1, venue="Hyatt Regency Tashkent")
    seen: list[str] = []
    answer_next_dialog("Reload", seen)
    assert not form.save()
    assert "changed by someone else" in seen[0]
    assert form.field("venue").value() == "Hyatt Regency Tashkent"  # their version, reloaded
    assert not form.is_dirty()
    form.close()


def test_merge_moves_participations(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from ui.merge_dialog import MergeDialog

    keep, drop = sample_id("tm-1"), sample_id("tm-7")
    with window.database.session_scope(readonly=True) as s:
        theirs = set(
            s.scalars(sa.select(Participation.event_id).where(Participation.person_id == drop))
        )
        mine = set(
            s.scalars(sa.select(Participation.event_id).where(Participation.person_id == keep))
        )
    dialog = MergeDialog(window.database, "people", keep, drop, window)
    qtbot.addWidget(dialog)
    dialog.survivor.button(0).setChecked(True)
    dialog.pickers["position"].button(1).setChecked(True)  # take the other's position
    dialog.accept()
    assert dialog.result.survivor_id == keep
    with window.database.session_scope(readonly=True) as s:
        events_now = set(s.scalars(sa.select(Participation.event_id).where(
            Participation.person_id == keep, Participation.deleted_at.is_(None))))  # fmt: skip
        assert events_now == mine | theirs
        assert s.get(Person, drop).deleted_at is not None
        assert s.get(Person, keep).position == "Border guard officer"
        from app.services.records import audit_history

        assert audit_history(s, "person", keep)[-1].action.value == "merge"
        assert audit_history(s, "person", drop)[-1].changes["merged_into"][1] == str(keep)


def test_recycle_bin_restores_a_record(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    person_id = sample_id("kg-4")
    with window.database.session_scope() as s:
        people.delete_person(s, person_id)
    window.navigation.setCurrentRow(4)
    page = window.page
    page.refresh()
    assert page.model.rowCount() == 1
    assert cell(page.table, 0, 1).startswith("Usenova")
    assert cell(page.table, 0, 3) == "tester"  # who deleted it
    page.table.selectRow(0)
    window.restore_selected()
    assert page.model.rowCount() == 0
    window.navigation.setCurrentRow(1)
    window.search.setText("Usenova")
    window.page.set_search("Usenova", immediately=True)
    assert window.page.model.rowCount() == 1


def test_search_and_filters_narrow_the_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page
    page.set_filter("period", 2019)
    assert page.model.rowCount() == 8
    page.set_filter("country", "UZ")
    assert page.model.rowCount() == 4
    assert window.counts.text() == "4 of 12 events"
    page.set_search("migrants", immediately=True)
    assert page.model.rowCount() == 1
    page.set_filter("country", None)
    page.set_filter("period", None)
    page.set_search("", immediately=True)
    assert page.model.rowCount() == 12


def test_sorting_is_done_by_the_database(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.navigation.setCurrentRow(1)
    table = window.page.table
    column = [c.key for c in window.page.spec.columns].index("family_name")
    table.sortByColumn(column, table.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    first = cell(table, 0, column)
    counted = []
    window.page.model.counted.connect(counted.append)
    statements = []
    sa.event.listen(window.database.engine, "before_cursor_execute",
                    lambda *args: statements.append(args[2]))  # fmt: skip
    table.sortByColumn(column, table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    assert cell(table, 0, column) == "Abdikalikov" and first > "Abdikalikov"
    # A new order of the same rows: the rows are read again, sorted, but not counted again.
    assert set(counted) == {38} and window.counts.text() == "38 people"
    assert any("ORDER BY" in s for s in statements)
    assert not any("count(*)" in s and "ORDER BY" not in s for s in statements)


def test_a_new_search_starts_at_the_top_and_keeps_the_total(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(900, 320)
    window.navigation.setCurrentRow(1)
    page = window.page
    page.table.scrollToBottom()
    bar = page.table.verticalScrollBar()
    assert bar.value() > 0
    statements = []
    sa.event.listen(window.database.engine, "before_cursor_execute",
                    lambda *args: statements.append(args[2]))  # fmt: skip
    page.set_search("ova", immediately=True)
    assert bar.value() == 0 and window.counts.text().endswith("of 38 people")
    counts = [s for s in statements if "count(*)" in s and "ORDER BY" not in s]
    assert len(counts) == 1  # the matches; the 38 were counted before
    page.set_search("", immediately=True)
    assert window.counts.text() == "38 people"


def test_layout_and_last_list_are_remembered(qtbot, demo_db, settings) -> None:  # type: ignore[no-untyped-def]
    main = MainWindow(demo_db, settings)
    qtbot.addWidget(main)
    main.show()
    main.navigation.setCurrentRow(2)
    main.page.table.setColumnWidth(1, 133)
    main.close()
    again = MainWindow(demo_db, settings)
    qtbot.addWidget(again)
    assert again.section == "organizations"
    assert again.page.table.columnWidth(1) == 133


def test_person_form_history_and_field_errors(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.navigation.setCurrentRow(1)
    form = window.show_record("people", sample_id("kz-1"))
    assert form.tabs.tabText(1) == "History (3)"
    assert [r["reference"] for r in form.history.rows] == ["2025-001", "2022-001", "2019-002"]
    form.field("email").set_value("n.abdikalikov at example")
    form.field("email").changed.emit()
    assert not form.save()
    assert "not an e-mail address" in form.boxes["email"].error.text()
    form.field("email").set_value("nurlan.abdikalikov@example.kz")
    assert form.save()
    changes = form.changes_tab.model.rows
    assert (changes[0]["field"], changes[0]["new"]) == ("E-mail", ["nurlan.abdikalikov@example.kz"])
    form.close()


def test_organisation_and_project_forms_show_their_links(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    organisation = window.show_record("organizations", sample_id("osce-ashgabat"))
    assert organisation.tabs.tabText(1) == "People (1)"
    assert organisation.tabs.tabText(2) == "Events (2)"  # the organiser of both 2025 events
    organisation.close()
    project = window.show_record("projects", sample_id("tm-border-project"))
    assert project.field("donors").value() == [sample_id("germany")]
    assert project.tabs.tabText(1) == "Events (2)"
    project.field("donors").choice.set_value(sample_id("uk"))
    project.field("donors")._add()
    assert project.save()
    assert set(project.field("donors").value()) == {sample_id("germany"), sample_id("uk")}
    project.close()


def test_unsaved_changes_guard(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    form = window.show_record("events", sample_id("bomca-joint-bcp-2019"))
    form.field("venue").set_value("Hotel Uzbekistan")
    form.field("venue").changed.emit()
    assert (
        form.is_dirty() and form.windowTitle().startswith("2019-007 ") and "*" in form.windowTitle()
    )
    answer_next_dialog("Cancel")
    assert not form.close()
    answer_next_dialog("Save")
    assert form.close()
    with window.database.session_scope(readonly=True) as s:
        assert s.get(Event, sample_id("bomca-joint-bcp-2019")).venue == "Hotel Uzbekistan"


def test_import_from_the_participants_tab_reloads_the_list(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from ui.import_wizard import ImportWizard

    def drive(wizard: ImportWizard) -> int:
        wizard.show()
        wizard.file_page.open_file(
            str(Path(__file__).parent / "fixtures" / "import" / "en_conference.xlsx")
        )
        qtbot.waitUntil(lambda: wizard.file_page.reading is None, timeout=20_000)
        wizard.next()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20_000)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=30_000)
        wizard.accept()
        return 1

    monkeypatch.setattr(ImportWizard, "exec", drive)
    form = window.show_record("events", sample_id("transit-corridors-ibm-2025"))
    before = len(form.participants.model.rows)
    form.participants.import_button.click()
    assert len(form.participants.model.rows) > before
    assert (
        form.tabs.tabText(form.tabs.indexOf(form.participants))
        == f"Participants ({len(form.participants.model.rows)})"
    )
    assert not form.is_dirty()
    form.close()


def test_reports_menu_saves_the_selected_event_summary(
    qtbot, window, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from ui import report_dialogs

    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(report_dialogs.EventReportOptionsDialog, "exec", lambda self: 1)
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    window.event_report("save_event_summary_pdf")  # nothing selected yet
    assert "Select one event" in seen[0] and not target.exists()
    window.page.reselect(sample_id("cabmi-17"))
    window.event_report("save_event_summary_pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "17th Central Asia Border Management Initiative" in text


def test_person_form_exports_and_anonymises(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "personal.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    form = window.show_record("people", sample_id("kg-2"))
    answer_next_dialog("OK")
    form.export_personal_data()
    assert target.exists()
    answer_next_dialog("Yes")
    form.anonymise()
    qtbot.waitUntil(lambda: form.field("family_name").value() == "Anonymised")
    assert form.field("email").value() is None and form.field("nationality").value() == "KG"
    assert form.changes_tab.model.rows[0]["action"].value == "anonymise"
    form.close()


def test_retention_review_lists_and_anonymises(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from ui.privacy_actions import RetentionDialog

    dialog = RetentionDialog(window.database, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.years.setValue(5)  # the 2019 workshops and the 2006 visit are older than that
    due = {row["name"] for row in dialog.model.rows}
    assert "Berzina Ilze" in due and not any("Abdikalikov" in name for name in due)
    answer_next_dialog("Yes")
    dialog.anonymise.click()
    qtbot.waitUntil(lambda: dialog.model.rows == [])
    assert not dialog.anonymise.isEnabled()
    assert window.settings.get("privacy/retention_years") == 5


def test_event_form_keeps_the_russian_title_and_the_list_finds_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    form = window.new_record()
    qtbot.keyClicks(form.field("title"), "Round table on trade facilitation")
    type_text(form.field("title_ru"), "Круглый стол по упрощению процедур торговли")
    type_text(form.field("organising_unit_ru"), "Центр ОБСЕ в Ашхабаде")
    form.field("type").set_value("round_table")
    form.field("start_date").set_value(dt.date(2026, 3, 3))
    form.field("end_date").set_value(dt.date(2026, 3, 4))
    assert form.save()
    form.close()
    with window.database.session_scope(readonly=True) as s:
        saved = s.scalar(sa.select(Event).where(Event.title.startswith("Round table on trade")))
        assert saved.title_ru == "Круглый стол по упрощению процедур торговли"
        assert saved.organising_unit_ru == "Центр ОБСЕ в Ашхабаде"
    window.refresh()
    page = window.page
    page.set_search("упрощению торговли", immediately=True)
    assert page.model.rowCount() == 1
    columns = [c.key for c in page.spec.columns]
    row = page.model.index(0, columns.index("title_ru"))
    assert row.data() == "Круглый стол по упрощению процедур торговли"
    page.set_search(
        "Семинар по повышению", immediately=True
    )  # a sample event, by its Russian title
    assert page.model.rowCount() == 1
    assert page.model.index(0, columns.index("title")).data() == (
        "Seminar on improving the efficiency of the customs control system"
    )
