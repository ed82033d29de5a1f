"""People and event search gives exactly what a plain scan of the same columns gives, on SQLite
and PostgreSQL: Latin and Cyrillic fragments, one- and two-letter starts of words, e-mail
fragments, several words, ё/е, and input full of wildcards and search syntax."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import aliased

from app.search import (
    EVENT_WORD_COLUMNS,
    PERSON_WORD_COLUMNS,
    event_search_clause,
    people_search_clause,
    search_events,
    search_people,
)
from app.services import events, people
from db.models import Event, Participation, Person
from tests.perf.generate import fill_database

# Names that contain the characters LIKE and FTS5 treat specially, each at the start of a word
# too, so one- and two-character searches for them have something to find.
HOSTILE_PEOPLE = [
    {"family_name": "Percent", "given_name": "%off 100%"},
    {"family_name": "Under_score", "given_name": "_lead"},
    {"family_name": "Back\\slash", "given_name": "\\n"},
    {"family_name": 'Quote"d', "given_name": '"Ali"', "email": "o'hara+x@mail.example"},
    {"family_name": "Star*", "given_name": "*ata"},
    {"family_name": "(Paren)", "given_name": "Near(ata"},
    {"family_name": "Dash-Ata", "given_name": "-ov"},
    {"family_name": "AND", "given_name": "OR", "patronymic": "NOT"},
    {"family_name": "Near", "given_name": "Caret^", "patronymic": "col:ata"},
    {"family_name_local": "Семёнов", "given_name_local": "Пётр", "patronymic_local": "Ёлкин"},
    {"family_name": "Yo'ldosheva", "given_name": "O'g'iloy"},
]
TERMS = [
    # Latin and Cyrillic three-letter fragments, any case
    "ata", "ova", "bek", "ATA", "ата", "ова", "бек", "АТА", "Ова", "ýew", "şat", "ogu",
    # one and two letters: the start of a word
    "a", "ат", "Yo", "ш", "Ё", "ё", "k", "o'", "ov",
    # e-mail fragments
    "mail.r", "gov.tm", "@inbox", "o'hara+x", ".ru",
    # several words, ё = е
    "ata ser", "ов ме", "Семенов", "семёнов", "Ёлк", "петр",
    # hostile input: wildcards, escapes, quotes, FTS5 syntax
    "%", "_", "\\", '"', "'", "*", "(", ")", "-", "^", ":",
    "100%", "%off", "r_s", "_le", "h\\s", "\\n", '"ali"', 'e"d', "ar*", "*at", "a*",
    "AND", "OR", "NOT", "NEAR", "ata OR ova", "ata AND", "NEAR(ata", "(paren)", "-ov",
    "col:ata", "^ata", "Caret^", "{x}", "ata*", '"ata"', "a-a", "sh-ata", "\x00", "at\x00a",
]  # fmt: skip
EVENT_TERMS = [
    "bor", "пог", "gra", "Ашх", "tas", "20", "2019-0", "019", "-0", "b", "ра", "cab",
    "(api/pnr)", "«зел", "зелен", "учёт", "border crossing", "по %", "_", '"', "OR", "*",
]  # fmt: skip


def _fold(value: str | None) -> str:
    return (value or "").lower().replace("ё", "е")


def _matches(texts: list[str], tail: str, term: str) -> bool:
    """The plain scan: ``term`` anywhere in a text or the tail (three or more characters), or at
    the start of a word of a text (fewer)."""
    term = _fold(term)
    if len(term) >= 3:
        return any(term in _fold(t) for t in texts) or term in _fold(tail)
    return any(word.startswith(term) for t in texts for word in _fold(t).split(" "))


def _scan(records, columns, tail, text):  # type: ignore[no-untyped-def]
    return {
        r.id
        for r in records
        if all(
            _matches([getattr(r, c) for c in columns], getattr(r, tail) if tail else "", term)
            for term in text.split()
        )
    }


def _mismatches(session, model, clause, dialect, texts):  # type: ignore[no-untyped-def]
    """The texts whose search gives other ids than the plain scan: {text: (found, expected)}."""
    records = list(session.scalars(sa.select(model)))
    columns, tail = (
        (PERSON_WORD_COLUMNS, "email") if model is Person else (EVENT_WORD_COLUMNS, None)
    )
    wrong = {}
    for text in texts:
        found = set(session.scalars(sa.select(model.id).where(clause(dialect, text))))
        expected = _scan(records, columns, tail, text)
        if found != expected:
            wrong[text] = (len(found), len(expected))
    return wrong


@pytest.fixture
def crowd(any_db):  # type: ignore[no-untyped-def]
    """Some hundreds of generated people and events, the hostile names, one deleted person."""
    fill_database(any_db, people=400, participations=1500, events=60, seed=7)
    with any_db.session_scope() as session:
        for values in HOSTILE_PEOPLE:
            people.create_person(session, **values)
        victim = session.scalar(sa.select(Person).where(Person.family_name == "Dash-Ata"))
        people.delete_person(session, victim.id, victim.version)
    return any_db


def test_people_search_finds_what_a_plain_scan_finds(crowd) -> None:  # type: ignore[no-untyped-def]
    dialect = crowd.engine.dialect.name
    with crowd.session_scope(readonly=True) as session:
        everyone = list(session.scalars(sa.select(Person)))
        assert _mismatches(session, Person, people_search_clause, dialect, TERMS) == {}
        # The scan itself finds something for the interesting cases (else it proves nothing).
        for text in ("ata", "ата", "a", "ат", "mail.r", "%", "\\", '"', "*", "AND", "Ёлк", "o'"):
            assert _scan(everyone, PERSON_WORD_COLUMNS, "email", text), text


def test_first_page_holds_live_people_in_family_name_order(crowd) -> None:  # type: ignore[no-untyped-def]
    with crowd.session_scope(readonly=True) as session:
        everyone = list(session.scalars(sa.select(Person)))
        for text in ("a", "ata", "ова", "-ov", "dash"):
            matching = _scan(everyone, PERSON_WORD_COLUMNS, "email", text)
            expected = sorted(
                (p for p in everyone if p.id in matching and p.deleted_at is None),
                key=lambda p: (p.family_name or p.family_name_local or "",
                               p.given_name or p.given_name_local or "", p.id.hex),
            )[:50]  # fmt: skip
            assert [p.id for p in search_people(session, text)] == [p.id for p in expected]
        assert search_people(session, "Dash-Ata") == []  # in the recycle bin
        assert len(search_people(session, "a", limit=7)) == 7


def test_clause_combines_with_filters_sorting_paging_and_aliases(crowd) -> None:  # type: ignore[no-untyped-def]
    dialect = crowd.engine.dialect.name
    with crowd.session_scope(readonly=True) as session:
        everyone = list(session.scalars(sa.select(Person)))
        wanted = _scan(everyone, PERSON_WORD_COLUMNS, "email", "a")
        tm = sorted((p for p in everyone if p.id in wanted and p.nationality == "TM"),
                    key=lambda p: (p.sex.value, p.id.hex))  # fmt: skip
        page = session.scalars(
            sa.select(Person.id)
            .where(people_search_clause(dialect, "a"), Person.nationality == "TM")
            .order_by(Person.sex, Person.id)
            .offset(3)
            .limit(4)
        ).all()
        assert len(tm) > 7 and page == [p.id for p in tm[3:7]]
        # A named alias, joined with participations: how often each match took part.
        p = aliased(Person, name="p")
        counted = dict(session.execute(
            sa.select(p.id, sa.func.count(Participation.id))
            .join(Participation, Participation.person_id == p.id)
            .where(people_search_clause(dialect, "ата", person=p))
            .group_by(p.id)
        ).all())  # fmt: skip
        cyrillic = _scan(everyone, PERSON_WORD_COLUMNS, "email", "ата")
        assert counted and set(counted) <= cyrillic
        assert sum(counted.values()) == session.scalar(
            sa.select(sa.func.count())
            .select_from(Participation)
            .where(Participation.person_id.in_(cyrillic))
        )
        # Two searches in one query (both terms must match) and an empty search (no filter).
        both = session.scalars(
            sa.select(Person.id).where(
                people_search_clause(dialect, "ata"), people_search_clause(dialect, "ser")
            )
        ).all()
        assert set(both) == _scan(everyone, PERSON_WORD_COLUMNS, "email", "ata ser")
        assert session.scalar(
            sa.select(sa.func.count()).where(people_search_clause(dialect, "  "))
            .select_from(Person)
        ) == len(everyone)  # fmt: skip


def test_event_search_finds_what_a_plain_scan_finds(crowd) -> None:  # type: ignore[no-untyped-def]
    dialect = crowd.engine.dialect.name
    with crowd.session_scope() as session:
        events.create_event(
            session, title="Seminar on «зелёной» границы, 100% _online_ (API/PNR) OR *",
            type="seminar", start_date="2024-05-06", end_date="2024-05-07", city="Ашхабад",
        )  # fmt: skip
    with crowd.session_scope(readonly=True) as session:
        assert _mismatches(session, Event, event_search_clause, dialect, EVENT_TERMS) == {}
        newest = search_events(session, "seminar", limit=3)
        assert [e.start_date for e in newest] == sorted(
            (e.start_date for e in newest), reverse=True
        )
        assert search_events(session, "100%")[0].city == "Ашхабад"


def test_unknown_database_is_refused() -> None:
    with pytest.raises(ValueError, match="not available"):
        people_search_clause("mssql", "ata")
    assert str(people_search_clause("mssql", " ")) == "true"
