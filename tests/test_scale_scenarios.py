"""Small-size correctness checks of the scale benchmarks' scenarios (tests/perf/bench_gui.py):
the same results as the plain query, on a generated database of a few thousand people."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import lists
from db.engine import open_database
from tests.perf.generate import generate

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scale") / "generated.sqlite"
    generate(path, people=3_000, participations=15_000, seed=7)
    return path


def test_people_sorted_by_family_name_page_by_page_matches_the_plain_query(generated) -> None:  # type: ignore[no-untyped-def]
    database = open_database(generated)
    query = dataclasses.replace(lists.ListQuery(), sort="family_name")
    with database.session_scope(readonly=True) as session:
        count = lists.count_rows(session, lists.PEOPLE, query)
        deep = lists.fetch_rows(session, lists.PEOPLE, query, 2_000, 50)
    database.dispose()
    plain = sqlite3.connect(generated)
    expected = [
        row[0]
        for row in plain.execute(
            "SELECT id FROM person WHERE deleted_at IS NULL"
            " ORDER BY coalesce(family_name, family_name_local, ''),"
            " coalesce(given_name, given_name_local, ''), id LIMIT 50 OFFSET 2000"
        )
    ]
    total = plain.execute("SELECT count(*) FROM person WHERE deleted_at IS NULL").fetchone()[0]
    plain.close()
    assert count == total
    assert [row.id.hex for row in deep] == expected


def test_people_list_uses_its_index(generated) -> None:  # type: ignore[no-untyped-def]
    database = open_database(generated)
    query = dataclasses.replace(lists.ListQuery(), sort="family_name")
    with database.session_scope(readonly=True) as session:
        statement = lists.page_statement(session, lists.PEOPLE, query, 100, 50)
        sql = str(statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
        plan = " ".join(
            r[3] for r in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql)
        )
    database.dispose()
    assert "ix_person_search_order" in plan and "TEMP B-TREE" not in plan


def _plan(session, statement) -> str:  # type: ignore[no-untyped-def]
    sql = str(statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
    return " ".join(r[3] for r in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


@pytest.mark.parametrize("text", ["ова", "a", "mail", "ова а"])
def test_broad_and_narrow_searches_give_the_same_pages(generated, monkeypatch, text) -> None:  # type: ignore[no-untyped-def]
    """A broad search walks the sort order, a narrow one sorts the matches: the same rows in the
    same order, page after page, for the search box and for the people list."""
    import sqlalchemy as sa

    import app.search as search
    from db.models import Person

    database = open_database(generated)
    query = dataclasses.replace(lists.ListQuery(), search=text, sort="family_name")
    pages: dict[int, tuple] = {}
    plans: dict[int, tuple] = {}
    for threshold in (1, 10**9):  # everything broad, nothing broad
        monkeypatch.setattr(search, "BROAD_MATCHES", threshold)
        with database.session_scope(readonly=True) as session:
            found = [p.id for p in search.search_people(session, text, limit=500)]
            listed = [
                r.id
                for offset in (0, 100, 700)
                for r in lists.fetch_rows(session, lists.PEOPLE, query, offset, 100)
            ]
            count = lists.count_rows(session, lists.PEOPLE, query)
            first_page = (
                sa.select(Person.id)
                .where(search.people_search_for(session, text), Person.deleted_at.is_(None))
                .order_by(*search.person_sort_key())
                .limit(50)
            )
            plans[threshold] = (
                _plan(session, first_page),
                _plan(session, lists.page_statement(session, lists.PEOPLE, query, 0, 100)),
            )
        pages[threshold] = (found, listed, count)
    database.dispose()
    assert pages[1] == pages[10**9]
    assert len(pages[1][0]) == min(500, pages[1][2]) and pages[1][2] > 100
    # broad: walk the order's index, no sort; narrow: look the matches up, then sort them
    assert "ix_person_search_order" in plans[1][0] and "TEMP B-TREE" not in plans[1][0]
    assert "ix_person_search_order" in plans[1][1] and "TEMP B-TREE" not in plans[1][1]
    assert all("TEMP B-TREE" in plan for plan in plans[10**9])


def test_the_start_up_script_paints_the_first_page(generated) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.perf.gui_start", "--db", str(generated), "--browse"],
        capture_output=True, text=True, cwd=ROOT, env=env, check=True, timeout=120,
    )  # fmt: skip
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    plain = sqlite3.connect(generated)
    events = plain.execute("SELECT count(*) FROM event WHERE deleted_at IS NULL").fetchone()[0]
    plain.close()
    assert outcome["rows"] == events and outcome["painted"] > 0 and outcome["rss_mb"] > 0
