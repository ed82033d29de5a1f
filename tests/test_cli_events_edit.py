"""`events edit REF`: the command line's way to change an event — through the service
(validated, audited), version-checked with --if-version, one line and nothing written on a
refusal."""

from __future__ import annotations

import sqlite3

import pytest

from tests.cli_runner import assert_one_clean_line, convene


@pytest.fixture
def office(tmp_path):  # type: ignore[no-untyped-def]
    db = tmp_path / "office.sqlite"
    added = convene(
        "events", "add", "--title", "Seminar on risk profiles", "--type", "seminar",
        "--start", "2026-03-03", "--end", "2026-03-04", "--city", "Almaty", "--country", "KZ",
        "--json", db=db,
    )  # fmt: skip
    assert added.code == 0, added.err
    return db, added.json()


def _audit(db) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT action, changes FROM audit_entry WHERE entity = 'event' ORDER BY created_at"
        ).fetchall()


def test_edit_changes_the_fields_given_and_is_audited(office) -> None:  # type: ignore[no-untyped-def]
    db, event = office
    changed = convene(
        "events", "edit", event["reference"], "--title", "Seminar on risk profiling",
        "--city", "Astana", "--start", "2026-03-02", "--format", "hybrid", "--json", db=db,
    )  # fmt: skip
    assert changed.code == 0, changed.err
    shown = changed.json()
    assert (shown["title"], shown["city"], shown["start_date"], shown["end_date"]) == (
        "Seminar on risk profiling", "Astana", "2026-03-02", "2026-03-04",
    )  # fmt: skip
    assert shown["format"] == "hybrid" and shown["country"] == "KZ"
    assert shown["version"] == event["version"] + 1
    actions = [action for action, _changes in _audit(db)]
    assert actions[-1] == "update"
    assert "Seminar on risk profiles" in _audit(db)[-1][1]  # the old value is kept
    plain = convene("events", "edit", event["reference"], "--city", "", db=db)
    assert plain.code == 0 and plain.out.strip() == f"Changed event {event['reference']}: city"
    assert convene("events", "show", event["reference"], "--json", db=db).json()["city"] is None


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--end", "2026-03-01"], 1),  # before the start
        (["--format", "telepathic"], 1),
        (["--country", "Atlantis"], 1),
        (["--start", "0001-01-01"], 1),
        ([], 2),  # nothing to change
        (["--if-version", "0", "--title", "Stale"], 1),  # someone changed it meanwhile
    ],
)
def test_a_refused_edit_says_one_line_and_writes_nothing(office, args, code) -> None:  # type: ignore[no-untyped-def]
    db, event = office
    before = _audit(db)
    refused = convene("events", "edit", event["reference"], *args, db=db)
    assert refused.code == code, refused.err
    assert_one_clean_line(refused)
    assert _audit(db) == before
    assert convene("events", "show", event["reference"], "--json", db=db).json() == {
        **event, "participants": event["participants"],
    }  # fmt: skip


def test_an_unknown_event_exits_2(office) -> None:  # type: ignore[no-untyped-def]
    db, _event = office
    unknown = convene("events", "edit", "1999-999", "--title", "X", db=db)
    assert unknown.code == 2
    assert_one_clean_line(unknown)
