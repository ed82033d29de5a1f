"""Spoofing characters and impossible dates: bidirectional controls (U+202E and the rest) are
taken out of every text a record keeps, wherever it comes from (the command line, a service
call, an imported list), and event dates outside 1900–2100 are refused."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from app.errors import ValidationError
from app.services import events as event_service
from app.services import people as people_service
from db.models import Event
from tests.cli_runner import assert_one_clean_line, convene

BIDI = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200e", "\u200f", "\u061c"]  # fmt: skip


def test_events_add_strips_every_bidi_control_and_list_prints_none(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "office.sqlite"
    title = "Workshop " + "".join(f"{c}x" for c in BIDI) + " \u202egpj.exe"
    added = convene(
        "events", "add", "--title", title, "--type", "seminar",
        "--start", "2026-02-01", "--end", "2026-02-02", "--city", "Bish\u202ekek", db=db,
    )  # fmt: skip
    assert added.code == 0, added.err
    for listing in (convene("events", "list", db=db), convene("events", "list", "--json", db=db)):
        assert listing.code == 0, listing.err
        assert not any(c in listing.out for c in BIDI)
    stored = convene("events", "list", "--json", db=db).json()[0]
    assert stored["title"] == "Workshop " + "x" * len(BIDI) + " gpj.exe"


def test_people_keep_no_bidi_controls_and_joiners_stay(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as session:
        person = people_service.create_person(
            session,
            family_name="Ata\u202eev",
            sex="male",
            given_name="\u2067Serik\u2069",
            family_name_local="\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # ZWNJ
        )
    assert person.family_name == "Ataev" and person.given_name == "Serik"
    assert "\u200c" in person.family_name_local  # a joiner that Persian spelling needs stays


@pytest.mark.parametrize("start", ["0001-01-01", "1899-12-31", "2101-01-01", "20250-01-01"])
def test_event_dates_outside_1900_to_2100_are_refused(tmp_path, start: str) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "office.sqlite"
    convene("init", db=db)
    refused = convene(
        "events",
        "add",
        "--title",
        "Typing slip",
        "--type",
        "seminar",
        "--start",
        start,
        "--end",
        start,
        db=db,
    )
    assert refused.code == 1
    assert_one_clean_line(refused)
    assert convene("events", "list", "--json", db=db).json() == []


def test_service_refuses_an_event_in_year_one_and_accepts_the_edges(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as session, pytest.raises(ValidationError) as refused:
        event_service.create_event(
            session, title="Old", type="seminar", format="in_person", start_date=dt.date(1, 1, 1)
        )
    assert "1900" in str(refused.value)
    with sqlite_db.session_scope() as session:
        for day in (dt.date(1900, 1, 1), dt.date(2100, 12, 31)):
            event_service.create_event(
                session, title=f"Edge {day}", type="seminar", format="in_person", start_date=day
            )
    with sqlite_db.session_scope(readonly=True) as session:
        references = session.scalars(sa.select(Event.reference).order_by(Event.start_date)).all()
    assert references[0].startswith("1900-") and references[1].startswith("2100-")
