"""File → Synchronise on real widgets and real SQLite files: a package applied on the job
thread with a summary, Cancel writes nothing, a conflict settled side by side (the choice is a
change that travels), a possible duplicate listed and never merged by itself."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from app.services import events, people
from app.sync.exporting import export_package
from db.models import Event, Person
from tests.database_state import content
from tests.sync_offices import apply, event_values, make_office, package_for
from ui.sync_dialog import SyncDialog

PASSPHRASE = "the offices' passphrase"


def _city(database) -> str:  # type: ignore[no-untyped-def]
    with database.session_scope(readonly=True) as s:
        return s.scalars(sa.select(Event.city)).one()


def _offices(tmp_path: Path):  # type: ignore[no-untyped-def]
    tm, kz = make_office(tmp_path / "tm.sqlite", "TM"), make_office(tmp_path / "kz.sqlite", "KZ")
    with tm.session_scope() as s:
        event = events.create_event(s, **event_values("Border checks", "Almaty"))
        event_id = event.id
    assert apply(kz, package_for(tm, "KZ")) is not None
    assert apply(tm, package_for(kz, "TM")) is not None
    for database, city in ((tm, "Samarkand"), (kz, "Bukhara")):
        with database.session_scope() as s:
            events.update_event(s, event_id, None, city=city)
    with tm.session_scope() as s:
        people.create_person(s, family_name="Ataev", given_name="Batyr", sex="male")
    with kz.session_scope() as s:
        people.create_person(s, family_name_local="Атаев", given_name_local="Батыр", sex="male")
    with tm.session_scope() as s:
        export_package(s, tmp_path / "tm.convene-sync", PASSPHRASE, "KZ")
    return tm, kz


def test_apply_settle_and_duplicates(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tm, kz = _offices(tmp_path)
    dialog = SyncDialog(kz)
    qtbot.addWidget(dialog)
    assert "KZ" in dialog.office.text()
    before = content(tmp_path / "kz.sqlite")
    dialog.apply_file(tmp_path / "tm.convene-sync", PASSPHRASE)
    dialog.job.context.cancel()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20_000)
    assert dialog.summary.text() == "Cancelled: nothing was written."
    assert content(tmp_path / "kz.sqlite") == before
    dialog.apply_file(tmp_path / "tm.convene-sync", PASSPHRASE)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20_000)
    assert dialog.summary.text().startswith("Applied the package from TM:"), dialog.summary.text()
    assert "1 conflicts, 1 possible duplicates" in dialog.summary.text()
    assert dialog.tabs.tabText(1) == "Conflicts (1)"
    row = dialog.conflicts.rows[0]
    assert (row["field"], row["field_text"]) == ("city", "City")
    assert {row["kept"]["value"], row["lost"]["value"]} == {"Samarkand", "Bukhara"}
    dialog.conflicts_table.selectRow(0)
    dialog._settle("lost")
    assert dialog.tabs.tabText(1) == "Conflicts (0)"
    chosen = row["lost"]["value"]
    assert _city(kz) == chosen
    # the choice travels, and settles the conflict in the other office too
    assert apply(tm, package_for(kz, "TM")) is not None
    assert _city(tm) == chosen
    assert (
        dialog.duplicates.rows[0]["person"] and dialog.tabs.tabText(2) == "Possible duplicates (1)"
    )
    with kz.session_scope(readonly=True) as s:
        assert len(s.scalars(sa.select(Person).where(Person.deleted_at.is_(None))).all()) == 2
    dialog.duplicates_table.selectRow(0)
    dialog._not_same()
    assert dialog.tabs.tabText(2) == "Possible duplicates (0)"
    tm.dispose()
    kz.dispose()
