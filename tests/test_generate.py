"""The synthetic-data generator writes what it promises, the same every time for a seed, on
SQLite and PostgreSQL; it refuses a database that already holds records."""

from __future__ import annotations

import collections
import re

import pytest
import sqlalchemy as sa

from app.matching import match_key
from db.enums import AgencySector, EventStatus, OrganizationKind, Sex
from db.models import Event, Organization, Participation, Person
from tests.perf import generate as generator

_CYRILLIC = re.compile(r"[А-яЁё]")
_TURKMEN_LATIN = re.compile(r"[ýÝçÇşŞäÄöÖüÜňŇžŽ]")


def test_generated_data_is_realistic_and_complete(any_db) -> None:  # type: ignore[no-untyped-def]
    counts = generator.fill_database(any_db, people=1500, participations=6000, events=150)
    assert (counts.people, counts.participations, counts.events) == (1500, 6000, 150)
    with any_db.session_scope(readonly=True) as session:
        persons = list(session.scalars(sa.select(Person)))
        all_events = list(session.scalars(sa.select(Event)))
        agencies = list(session.scalars(
            sa.select(Organization).where(Organization.kind == OrganizationKind.NATIONAL_AGENCY)
        ))  # fmt: skip
        listed = collections.Counter(session.scalars(sa.select(Participation.event_id)))
    assert len(persons) == 1500 and sum(listed.values()) == 6000
    women = sum(p.sex is Sex.FEMALE for p in persons) / len(persons)
    assert 0.25 < women < 0.36
    nationalities = collections.Counter(p.nationality for p in persons)
    assert {"KZ", "KG", "TJ", "TM", "UZ", "AF", "RU"} <= set(nationalities)
    assert all(p.match_key == match_key(p.family_name, p.given_name, p.family_name_local,
                                        p.given_name_local) for p in persons)  # fmt: skip
    turkmen = [p for p in persons if p.nationality == "TM" and p.family_name]
    assert sum(
        bool(_TURKMEN_LATIN.search(p.family_name + p.given_name)) for p in turkmen
    ) > 0.5 * len(turkmen)
    assert any(p.patronymic and p.patronymic.endswith("iç") for p in turkmen)
    assert any(p.patronymic_local and p.patronymic_local.endswith("вна") for p in persons)
    assert sum(bool(p.family_name_local and _CYRILLIC.search(p.family_name_local))
               for p in persons) > 0.7 * len(persons)  # fmt: skip
    assert any(p.family_name is None for p in persons)  # known only in Cyrillic
    assert any(p.deleted_at is not None for p in persons) or len(persons) < 1000
    # Every sector has an agency in every Central Asian country.
    assert {(a.country, a.sector) for a in agencies if a.parent_id is None} >= {
        (c, s) for c in ("KZ", "KG", "TJ", "TM", "UZ") for s in AgencySector if s is not AgencySector.OTHER
    }  # fmt: skip
    years = {e.start_date.year for e in all_events}
    assert min(years) == 2006 and max(years) >= 2024
    assert len({e.reference for e in all_events}) == len(all_events)
    head_counts = [e for e in all_events if e.reported_total is not None]
    assert head_counts and all(e.id not in listed for e in head_counts)
    assert all(e.status is EventStatus.HELD for e in head_counts)
    assert any(_CYRILLIC.search(e.title) for e in all_events)


def test_same_seed_same_data_and_filled_database_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    def people_of(path):  # type: ignore[no-untyped-def]
        generator.generate(path, people=300, participations=900, seed=42)
        from db.engine import open_database

        database = open_database(path)
        try:
            with database.engine.connect() as connection:
                return connection.execute(
                    sa.select(Person.id, Person.family_name, Person.email).order_by(Person.id)
                ).all()
        finally:
            database.dispose()

    first = people_of(tmp_path / "a.sqlite")
    assert first == people_of(tmp_path / "b.sqlite")
    with pytest.raises(generator.GeneratorError, match="already holds records"):
        generator.generate(tmp_path / "a.sqlite", people=10, participations=10)
    with pytest.raises(generator.GeneratorError, match="cannot make"):
        generator.generate(tmp_path / "c.sqlite", people=5, participations=5000, events=2)


def test_command_line(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "cli.sqlite"
    args = ["--db", str(target), "--people", "120", "--participations", "400", "--events", "40"]
    assert generator.main(args) == 0
    out = capsys.readouterr().out
    assert re.match(r"120 people, 400 participations, 40 events, \d+ organisations", out)
    assert generator.main(args) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("error: ") and "already holds records" in err
