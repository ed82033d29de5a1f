"""An exported participant list imports back without loss: into another event of the same
database (everyone found, nobody duplicated) and into an empty database (everyone recreated as
they were, in both scripts)."""

from __future__ import annotations

from pathlib import Path

from app.database import prepare_database
from app.exports.tables import ExportRequest, export_records
from app.importing.importer import import_list, open_list
from app.queries import event_details
from app.sample_data import sample_id
from app.services import events
from tests.conftest import table_count

KEYS = (
    "family_name", "given_name", "family_name_local", "given_name_local", "patronymic",
    "sex", "nationality", "organization", "role", "status", "mode",
)  # fmt: skip


def _participants(database, ref: str) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    with database.session_scope(readonly=True) as s:
        details = event_details(s, events.find_event(s, ref))
    return sorted(tuple(p[k] for k in KEYS) for p in details["participants"])


def _export(database, event_id, path: Path) -> None:  # type: ignore[no-untyped-def]
    with database.session_scope(readonly=True) as s:
        export_records(s, ExportRequest("participants", event_id=event_id), path)


def test_export_then_import_into_another_event_finds_everyone(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cabmi.xlsx"
    _export(demo_db, sample_id("cabmi-17"), path)
    with demo_db.session_scope() as s:
        target = events.create_event(
            s, title="Follow-up meeting", type="meeting", start_date="2023-02-01"
        ).reference
    people_before = table_count(demo_db, "person")
    outcome = import_list(demo_db, open_list(demo_db, path), target)
    summary = outcome.summary()
    assert summary["people_created"] == 0 and summary["skipped"] == []
    assert summary["people_matched"] == summary["added_to_event"] == 21
    assert table_count(demo_db, "person") == people_before
    assert _participants(demo_db, target) == _participants(demo_db, "2022-001")


def test_export_then_import_into_an_empty_database_recreates_the_list(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "seminar.xlsx"
    _export(demo_db, sample_id("bcp-transit-corridors-2025"), path)
    laptop, _ = prepare_database(tmp_path / "laptop.sqlite")
    try:
        with laptop.session_scope() as s:
            events.create_event(
                s, title="Regional seminar", type="seminar", start_date="2025-03-04",
                end_date="2025-03-06", format="hybrid",
            )  # fmt: skip
        outcome = import_list(laptop, open_list(laptop, path), "2025-001")
        assert outcome.summary()["people_created"] == 20
        assert _participants(laptop, "2025-001") == _participants(demo_db, "2025-001")
    finally:
        laptop.dispose()
