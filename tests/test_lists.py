"""The main window's lists count, filter, sort and page in SQL, the same on both databases."""

from __future__ import annotations

import dataclasses

from app import lists
from app.sample_data import load_demo, sample_id
from app.services import events, people


def _all(session, spec, query, page=4):  # type: ignore[no-untyped-def]
    rows, offset = [], 0
    while batch := lists.fetch_rows(session, spec, query, offset, page):
        rows.extend(batch)
        offset += page
    return rows


def test_lists_page_sort_and_filter(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        load_demo(s)
    with any_db.session_scope(readonly=True) as s:
        query = lists.ListQuery()
        assert lists.count_rows(s, lists.EVENTS, query) == 12
        paged = _all(s, lists.EVENTS, query)
        refs = [r.values[0] for r in paged]
        assert refs[0] == "2025-002" and refs[-1] == "2006-001" and len(set(refs)) == 12
        by_title = dataclasses.replace(query, sort="title")
        titles = [r.values[3] for r in _all(s, lists.EVENTS, by_title)]
        assert titles == sorted(titles)
        in_2019 = query.with_filter("year", 2019).with_filter("country", "KZ")
        assert [r.values[0] for r in _all(s, lists.EVENTS, in_2019)] == ["2019-004", "2019-002"]
        partner = query.with_filter("partner", sample_id("unodc"))
        assert [r.values[0] for r in _all(s, lists.EVENTS, partner)] == ["2022-001"]
        women_tm = lists.ListQuery(filters=(("country", "TM"), ("sex", "female")))
        names = [r.values[0] for r in _all(s, lists.PEOPLE, women_tm)]
        assert names == sorted(names) and "Ataýewa" in names and "Öwezow" not in names
        found = _all(s, lists.PEOPLE, lists.ListQuery(search="Nurlan"))
        assert [r.values[0] for r in found] == ["Abdikalikov"]
        literal = _all(s, lists.PEOPLE, lists.ListQuery(search="100%_"))
        assert literal == []
        position = lists.row_position(s, lists.EVENTS, query, sample_id("cabmi-17"))
        assert refs[position] == "2022-001"
        for spec in (lists.PEOPLE, lists.ORGANIZATIONS):  # pages of 4 = one page of all
            for sort in (None, *(c.key for c in spec.columns if c.sortable)):
                ordered = lists.ListQuery(sort=sort, descending=sort == "events")
                whole = lists.fetch_rows(s, spec, ordered, 0, 1000)
                assert _all(s, spec, ordered) == whole and len(whole) > 8


def test_recycle_bin_lists_every_kind_with_who_deleted_it(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        load_demo(s)
    with any_db.session_scope(actor="amina") as s:
        people.delete_person(s, sample_id("kz-3"))
        events.delete_event(s, sample_id("cabmi-17"))
    with any_db.session_scope(readonly=True) as s:
        rows = _all(s, lists.RECYCLE_BIN, lists.ListQuery())
        assert {(r.values[0], r.values[3]) for r in rows} == {
            ("person", "amina"),
            ("event", "amina"),
        }
        assert lists.count_rows(s, lists.EVENTS, lists.ListQuery()) == 11
        only_people = lists.ListQuery(filters=(("kind", "person"),))
        assert [r.id for r in _all(s, lists.RECYCLE_BIN, only_people)] == [sample_id("kz-3")]
