"""Matching measured on real names: Latin spellings of Central Asian officials, as public
sources printed them, against a database holding them (and other officials of like names) in
Cyrillic.

``tests/fixtures/real_names.json`` says where each spelling was read. Each spelling is imported
twice: once with its person stored, once with its person (and half the others) in the recycle
bin, so that only namesakes can be found. A spelling counts as found when its row is matched to
its person, or asked about with its person among the choices; as wrong when it is matched to
anyone else or taken for another row's person. Asked about only others counts as missed
in the first pass and is counted (not wrong: the user chooses) in the second. Precision
(found / (found + wrong)) and recall (found / spellings) are printed."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from app.importing.importer import open_list, plan_import
from app.importing.planning import AMBIGUOUS, DUPLICATE, MATCHED
from app.services import events, people

FIXTURE = Path(__file__).parent / "fixtures" / "real_names.json"
Spelling = dict[str, Any]


def _lists(spellings: list[Spelling]) -> list[list[Spelling]]:
    """The spellings as lists in which each person is listed once (a second spelling of one
    person goes to the next list: two rows of one list would be one participation)."""
    lists: list[list[Spelling]] = []
    seen: dict[tuple[str, ...], int] = defaultdict(int)
    for spelling in sorted(spellings, key=lambda s: (s["country"], s["latin"])):
        at = seen[tuple(spelling["cyrillic"])]
        seen[tuple(spelling["cyrillic"])] += 1
        while len(lists) <= at:
            lists.append([])
        lists[at].append(spelling)
    return lists


def _outcomes(database, ref: str, spellings: list[Spelling], folder: Path) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    """(spelling, planned row) for each spelling, imported as a list written by openpyxl."""
    found = []
    for number, listed in enumerate(_lists(spellings)):
        path = folder / f"list{number}.xlsx"
        book = Workbook()
        book.active.append(["Surname", "Given name", "Country"])
        for spelling in listed:
            book.active.append([*spelling["latin"], spelling["country"]])
        book.save(path)
        plan = plan_import(database, open_list(database, path), ref)
        rows = [r for r in plan.rows if r.listed.kind == "person"]
        assert len(rows) == len(listed)
        found.extend(zip(listed, rows, strict=True))
    return found


def test_real_latin_spellings_find_the_right_person_and_no_one_else(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    spellings = data["people"]
    countries = {tuple(p["cyrillic"]): p["country"] for p in spellings}
    assert len(spellings) >= 150 and len(countries) >= 150
    ids: dict[tuple[str, ...], Any] = {}
    with sqlite_db.session_scope() as s:
        for name in [*countries, *(tuple(o["cyrillic"]) for o in data["others"])]:
            if name not in ids:
                ids[name] = people.create_person(
                    s, family_name_local=name[0], given_name_local=name[1],
                    nationality=countries.get(name),
                ).id  # fmt: skip
        ref = events.create_event(
            s, title="Regional meeting of border agencies", type="seminar",
            start_date=dt.date(2025, 5, 12), end_date=dt.date(2025, 5, 13), city="Almaty",
            country="KZ",
        ).reference  # fmt: skip
    found, wrong, missed, others_asked = [], [], [], []
    for spelling, row in _outcomes(sqlite_db, ref, spellings, tmp_path):
        right = ids[tuple(spelling["cyrillic"])]
        said = f"{' '.join(spelling['latin'])} → {row.outcome}: {row.why}"
        offered = {c.person_id for c in row.candidates}
        if (row.outcome == MATCHED and row.person_id == right) or (
            row.outcome == AMBIGUOUS and right in offered
        ):
            found.append(said)
        elif row.outcome in (MATCHED, DUPLICATE):
            wrong.append(said)
        else:
            missed.append(said)
    # Each half of the people binned in turn: their spellings can only find someone else.
    halves = [sorted(countries)[0::2], sorted(countries)[1::2]]
    for number, binned in enumerate(halves):
        with sqlite_db.session_scope() as s:
            for name in binned:
                people.delete_person(s, ids[name])
        absent = [p for p in spellings if tuple(p["cyrillic"]) in set(binned)]
        (tmp_path / f"{number}").mkdir()
        for spelling, row in _outcomes(sqlite_db, ref, absent, tmp_path / f"{number}"):
            said = f"{' '.join(spelling['latin'])} (not stored) → {row.outcome}: {row.why}"
            if row.outcome in (MATCHED, DUPLICATE):
                wrong.append(said)
            elif row.outcome == AMBIGUOUS:
                others_asked.append(said)
        with sqlite_db.session_scope() as s:
            for name in binned:
                people.restore_person(s, ids[name])
    precision = len(found) / (len(found) + len(wrong))
    recall = len(found) / len(spellings)
    print(
        f"\nreal names: {len(spellings)} spellings of {len(countries)} people among {len(ids)} "
        f"stored; precision {precision:.1%}, recall {recall:.1%} ({len(found)} found, "
        f"{len(wrong)} wrong, {len(missed)} missed; with their person binned, "
        f"{len(others_asked)} asked about others)"
    )
    for kind, said in [*(("wrong", w) for w in wrong), *(("missed", m) for m in missed),
                       *(("asked", a) for a in others_asked)]:  # fmt: skip
        print(f"  {kind}: {said}")
    assert precision >= 0.995, wrong
    assert recall >= 0.95, missed
