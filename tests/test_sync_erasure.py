"""An anonymisation travels: the other office's records and its change log (and so any package
it writes later) keep nothing of the person."""

from __future__ import annotations

from pathlib import Path

from app.services import events, participations, people, privacy
from tests.sync_offices import apply, event_values, make_office, package_for
from tests.test_erasure import _rows_holding

NAMES = ["Zhanuzakov", "Yerbolat", "Жанузаков", "zhanuzakov.y@mail.example.kz", "Came by train"]


def test_an_anonymisation_travels_and_leaves_nothing_in_the_log(tmp_path: Path) -> None:
    tm, kz = make_office(tmp_path / "tm.sqlite", "TM"), make_office(tmp_path / "kz.sqlite", "KZ")
    with tm.session_scope() as s:
        event = events.create_event(s, **event_values("Border checks", "Almaty"))
        person = people.create_person(
            s, family_name=NAMES[0], given_name=NAMES[1], family_name_local=NAMES[2],
            email=NAMES[3], sex="male",
        )  # fmt: skip
        participations.add_participation(s, event.id, person.id, notes=NAMES[4])
        person_id = person.id
    assert apply(kz, package_for(tm, "KZ")) is not None
    assert _rows_holding(kz, NAMES)
    with tm.session_scope() as s:
        privacy.anonymise_person(s, person_id)
    assert apply(kz, package_for(tm, "KZ")) is not None
    for database in (tm, kz):
        assert _rows_holding(database, NAMES) == {}
    # a package for a new office carries nothing of the person either
    assert NAMES[0] not in str(package_for(kz, None))
    tm.dispose()
    kz.dispose()
