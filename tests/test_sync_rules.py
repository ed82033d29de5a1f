"""The rules of applying packages, one at a time, on real SQLite files: a delete travels as a
delete (an edit against it is a conflict, not a resurrection); a merge travels as a merge
(participations the other office added to the merged person move to the survivor), and merges
two offices made of one person one after another, or of two people into each other, end in one
survivor, the same everywhere; the office code is fixed once packages have travelled."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from app.errors import ValidationError
from app.services import events, merging, participations, people
from app.sync.offices import set_this_office
from db.models import Participation, Person, participation_id
from tests.sync_offices import (
    apply,
    conflicts,
    event_values,
    make_office,
    package_for,
    records,
)


def _exchange(a, b) -> None:  # type: ignore[no-untyped-def]
    assert apply(b, package_for(a, "KZ")) is not None
    assert apply(a, package_for(b, "TM")) is not None


def _pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    tm, kz = make_office(tmp_path / "tm.sqlite", "TM"), make_office(tmp_path / "kz.sqlite", "KZ")
    with tm.session_scope() as s:
        first = events.create_event(s, **event_values("Border checks", "Almaty")).id
        second = events.create_event(s, **event_values("Customs", "Astana")).id
        keep = people.create_person(s, family_name="Ataev", given_name="Batyr", sex="male").id
        drop = people.create_person(s, family_name="Ataew", given_name="Batyr", sex="male").id
        participations.add_participation(s, first, drop)
    _exchange(tm, kz)
    return tm, kz, {"first": first, "second": second, "keep": keep, "drop": drop}


def test_an_edit_against_a_delete_is_a_conflict_not_a_resurrection(tmp_path: Path) -> None:
    tm, kz, ids = _pair(tmp_path)
    with tm.session_scope() as s:
        people.delete_person(s, ids["keep"])
    with kz.session_scope() as s:
        people.update_person(s, ids["keep"], None, position="Head of unit")
    _exchange(tm, kz)
    for database in (tm, kz):
        with database.session_scope(readonly=True) as s:
            person = s.get(Person, ids["keep"])
            assert person.deleted_at is not None and person.position == "Head of unit"
    recorded = conflicts(tm) | conflicts(kz)
    assert ("person", str(ids["keep"]), "deleted_at") in recorded


def test_a_merge_travels_as_a_merge(tmp_path: Path) -> None:
    tm, kz, ids = _pair(tmp_path)
    with tm.session_scope() as s:
        merging.merge_people(s, ids["keep"], ids["drop"])
    with kz.session_scope() as s:  # meanwhile, Astana lists the merged person at another event
        participations.add_participation(s, ids["second"], ids["drop"])
    _exchange(tm, kz)
    _exchange(tm, kz)
    for database in (tm, kz):
        with database.session_scope(readonly=True) as s:
            live = s.execute(
                sa.select(Participation.person_id, Participation.event_id).where(
                    Participation.deleted_at.is_(None)
                )
            )
            assert sorted(map(tuple, live), key=str) == sorted(
                [(ids["keep"], ids["first"]), (ids["keep"], ids["second"])], key=str
            )
            assert s.get(Person, ids["drop"]).deleted_at is not None


def _live_participations(database) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with database.session_scope(readonly=True) as s:
        rows = s.execute(
            sa.select(Participation.person_id, Participation.event_id).where(
                Participation.deleted_at.is_(None)
            )
        )
        return sorted((str(person), str(event)) for person, event in rows)


@pytest.mark.parametrize("both_ways", [False, True], ids=["one after another", "into each other"])
def test_merges_of_one_person_in_two_offices_end_in_one_survivor(
    tmp_path: Path, both_ways: bool
) -> None:
    # Ataew (listed at the first event) is Ataev (at the first, twice, and the second): Ashgabat merges Ataew into
    # Ataev. Meanwhile Astana, not knowing, merges Ataev into a third record of him (at a third
    # event) -- or, both ways, Ataev into Ataew.
    tm, kz, ids = _pair(tmp_path)
    with tm.session_scope() as s:
        third = events.create_event(s, **event_values("Risk analysis", "Bishkek")).id
        other = people.create_person(s, family_name="Атаев", given_name="Батыр", sex="male").id
        participations.add_participation(s, ids["first"], ids["keep"])  # listed twice there
        participations.add_participation(s, ids["second"], ids["keep"])
        participations.add_participation(s, third, other)
    _exchange(tm, kz)
    theirs = (ids["drop"], ids["keep"]) if both_ways else (other, ids["keep"])
    _merge_apart(tm, kz, [(ids["keep"], ids["drop"])], [theirs])
    live = _live_participations(tm)
    assert live == _live_participations(kz)
    merged = [(person, event) for person, event in live if event != str(third) or not both_ways]
    held = {event for _, event in merged}
    if both_ways:  # each office binned one of the two rows at the first event (README)
        assert held == {str(ids["second"])}
    else:
        assert held == {str(ids["first"]), str(ids["second"]), str(third)}
    assert len({person for person, _ in merged}) == 1  # all with one person: the survivor
    for database in (tm, kz):
        with database.session_scope(readonly=True) as s:
            binned = s.scalars(sa.select(Person.id).where(Person.deleted_at.is_not(None)))
            assert merged[0][0] not in {str(ident) for ident in binned}  # and it is not binned


def _merge_apart(tm, kz, in_tm: list[tuple], in_kz: list[tuple]) -> None:  # type: ignore[no-untyped-def]
    """Each office merges its (keep, drop) pairs, not knowing of the other's; then they
    exchange until both have everything, and hold the same records."""
    for database, pairs in ((tm, in_tm), (kz, in_kz)):
        with database.session_scope() as s:
            for keep, drop in pairs:
                merging.merge_people(s, keep, drop)
    _exchange(tm, kz)
    _exchange(tm, kz)
    assert records(tm) == records(kz)


def _third_record(tm, kz, ids, listed: str):  # type: ignore[no-untyped-def]
    """A third record of him, Атаев, made in Ashgabat; ``listed`` ("other" or "keep") is put
    on the first event; both offices hold it all."""
    with tm.session_scope() as s:
        other = people.create_person(s, family_name="Атаев", given_name="Батыр", sex="male").id
        participations.add_participation(
            s, ids["first"], other if listed == "other" else ids[listed]
        )
    _exchange(tm, kz)
    return other


def test_two_offices_merging_two_attendees_into_one_person_keep_one_row_alike(
    tmp_path: Path,
) -> None:
    # Ataew and Атаев both listed at the first event; Ashgabat merges Ataew into Ataev, Astana
    # merges Атаев into Ataev: both rows now claim Ataev at that event, one stands, in both.
    tm, kz, ids = _pair(tmp_path)
    other = _third_record(tm, kz, ids, listed="other")
    _merge_apart(tm, kz, [(ids["keep"], ids["drop"])], [(ids["keep"], other)])
    assert _live_participations(tm) == [(str(ids["keep"]), str(ids["first"]))]


def _placed(database, key) -> tuple[bool, object]:  # type: ignore[no-untyped-def]
    """Whether participation ``key`` is in the recycle bin, and the person it lists."""
    with database.session_scope(readonly=True) as s:
        row = s.get(Participation, key)
        return row.deleted_at is not None, row.person_id


def test_a_binned_participation_lists_the_person_it_was_made_for_in_every_office(
    tmp_path: Path,
) -> None:
    # Ataew is listed at the first event, Ataev too. Ashgabat merges Ataew into Атаев (his row
    # moves to Атаев), then Атаев into Ataev: that row goes to the recycle bin. Astana gets
    # both merges in one package. Both offices bin the same row, with the person it was made
    # for, Ataew -- not with Атаев in one office and Ataew in the other.
    tm, kz, ids = _pair(tmp_path)
    other = _third_record(tm, kz, ids, listed="keep")
    _merge_apart(tm, kz, [(other, ids["drop"]), (ids["keep"], other)], [])
    made_for_ataew = participation_id(ids["first"], ids["drop"])
    assert [_placed(database, made_for_ataew) for database in (tm, kz)] == [(True, ids["drop"])] * 2
    assert _live_participations(tm) == [(str(ids["keep"]), str(ids["first"]))]


def test_the_survivors_own_row_binned_changes_places_with_the_row_that_stands(
    tmp_path: Path,
) -> None:
    # Ashgabat merges Ataew (listed at the first event) into Ataev: Ataew's row now lists Ataev.
    # Meanwhile Astana lists Ataev there and takes him off again. Ataew's row stands with Ataev;
    # Ataev's own row stays in the recycle bin, listing Ataew -- in both offices.
    tm, kz, ids = _pair(tmp_path)
    with kz.session_scope() as s:
        own = participations.add_participation(s, ids["first"], ids["keep"]).id
        participations.remove_participation(s, own)
    _merge_apart(tm, kz, [(ids["keep"], ids["drop"])], [])
    stands = participation_id(ids["first"], ids["drop"])
    assert [_placed(database, stands) for database in (tm, kz)] == [(False, ids["keep"])] * 2
    assert [_placed(database, own) for database in (tm, kz)] == [(True, ids["drop"])] * 2


def test_a_merge_places_rows_by_what_was_changed_here_since_the_last_package(
    tmp_path: Path,
) -> None:
    # Two records of one man at the first event; one merged into the other, a package written.
    # Then the merged one's row comes back from the recycle bin, and the survivor is merged into
    # a third record. Of the two live rows the smaller key stands -- at once in this office, as
    # in the office the package goes to.
    tm, kz, ids = _pair(tmp_path)
    with tm.session_scope() as s:
        participations.add_participation(s, ids["first"], ids["keep"])
        other = people.create_person(s, family_name="Атаев", given_name="Батыр", sex="male").id
    made = {participation_id(ids["first"], ids[name]): ids[name] for name in ("keep", "drop")}
    smaller, larger = sorted(made)
    with tm.session_scope() as s:
        merging.merge_people(s, made[larger], made[smaller])
    _exchange(tm, kz)
    with tm.session_scope() as s:
        participations.restore_participation(s, smaller)
        merging.merge_people(s, other, made[larger])
    assert _placed(tm, smaller) == (False, other)
    assert _placed(tm, larger) == (True, made[larger])
    _exchange(tm, kz)
    assert records(tm) == records(kz)


def test_the_office_code_is_fixed_once_packages_travelled(tmp_path: Path) -> None:
    tm, _kz, _ids = _pair(tmp_path)
    with pytest.raises(ValidationError, match="can no longer change"), tm.session_scope() as s:
        set_this_office(s.connection(), "TX")
    with tm.session_scope() as s:
        assert set_this_office(s.connection(), "TM", "Ashgabat").label == "Ashgabat (TM)"
