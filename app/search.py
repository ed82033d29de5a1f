"""Search that stays instant at any size: people by any part of their names (Latin or local
script) or e-mail, events by either title (English or Russian), reference or city.

What matches: the text is cut into terms at spaces, and a record matches when it matches every
term. A term of three or more characters matches anywhere in the family, given or father's name
(in either script) or the e-mail address (for events: either title, the reference or the city);
a term of one or two characters matches the start of a word of those names (not e-mail), so "ат" finds
Атаев but not Хатамов. Case does not matter and ё is е. Every character the user types is taken
literally: ``%``, ``_``, ``\\``, quotes, ``*``, parentheses, ``-``, ``AND``/``OR``/``NEAR`` are
looked for as they are, never treated as wildcards or search syntax.

How: both databases index the same searchable words (see migrations 0002 and 0010). SQLite: the FTS5
trigram tables ``person_search``/``event_search`` (rowid = the record's rowid, kept in step by
triggers); a term is a quoted FTS5 phrase, a short term prefixed with the blank line that starts
every word. PostgreSQL: ``LIKE`` on the generated ``search_words`` column, served by a GIN
trigram index (pg_trgm).

The ``*_search_clause`` functions return WHERE clauses that combine with any other filter, sort
order and paging; they do not exclude soft-deleted records (the caller's filters do).

A broad search (on SQLite: ``BROAD_MATCHES`` records or more, counted first by the index, which
costs about a millisecond) is written so that the database walks the list in its sort order,
keeping the rows that match, instead of sorting every match: "ова" matches a third of all people,
and sorting 60,000 of them to show 50 takes longer than walking the first few hundred of the
order. A narrow search does the opposite. Either way the same rows come in the same order; only
the plan differs (see ``is_broad``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.services.people import NAME_FIELDS
from db import search_schema as names
from db.models import Event, Person

SHORT_TERM = 3  # terms shorter than this match the start of a word only
_WORD_START = "\n\n"  # what precedes every word in the searchable words
BROAD_MATCHES = 5_000  # from this many matches, walking the sort order beats sorting them
PERSON_WORD_COLUMNS = NAME_FIELDS  # family, given and father's name, Latin and local script
EVENT_WORD_COLUMNS = ("title", "title_ru", "reference", "city")


def search_terms(text: str | None) -> list[str]:
    """The terms of a search text: cut at white space, ё read as е."""
    if not text:
        return []
    return text.replace("ё", "е").replace("Ё", "Е").split()


def fts_query(terms: Sequence[str]) -> str:
    """An FTS5 MATCH expression asking for every term, each as a literal phrase."""
    phrases = []
    for term in terms:
        literal = term if len(term) >= SHORT_TERM else _WORD_START + term
        phrases.append('"' + literal.replace('"', '""') + '"')
    return " ".join(phrases)


def like_pattern(term: str) -> str:
    """A LIKE pattern (escape character ``\\``) for one term in the searchable words."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if len(term) < SHORT_TERM:
        escaped = "\n" + escaped
    return f"%{escaped}%"


def _table_name(entity: object) -> str:
    selectable = sa.inspect(entity).selectable  # type: ignore[union-attr]
    name = getattr(selectable, "name", None)
    if not isinstance(name, str) or "%(" in name:
        raise ValueError("search needs the table itself or an alias with a name")
    return name


def _search_clause(
    dialect_name: str,
    text: str | None,
    entity: object,
    search_table: str,
    broad: bool = False,
) -> ColumnElement[bool]:
    terms = search_terms(text)
    if not terms:
        return sa.true()
    if dialect_name not in ("sqlite", "postgresql"):
        raise ValueError(f"search is not available on {dialect_name}")
    if any("\x00" in term for term in terms):
        return sa.false()  # no stored text holds a NUL character (PostgreSQL refuses them)
    if dialect_name == "sqlite":
        search = sa.table(search_table, sa.column("rowid"), sa.column(search_table))
        matching = sa.select(search.c.rowid).where(
            search.c[search_table].op("MATCH", is_comparison=True)(fts_query(terms))
        )
        # "+rowid" keeps SQLite from driving the query by the matches' rowids, so that it walks
        # an index in the ORDER BY's order and tests each row against the matches instead.
        rowid = f"{'+' if broad else ''}{_table_name(entity)}.rowid"
        return sa.literal_column(rowid).in_(matching)
    words = sa.literal_column(f"{_table_name(entity)}.{names.PG_WORDS_COLUMN}")
    fold = getattr(sa.func, names.FOLD_FUNCTION)
    return sa.and_(*(words.like(fold(like_pattern(t)), escape="\\") for t in terms))


def is_broad(session: Session, text: str | None, search_table: str) -> bool:
    """Whether ``text`` matches so many records of ``search_table`` (``BROAD_MATCHES`` or more)
    that a list is better walked in order than sorted (SQLite only: PostgreSQL's planner
    estimates this itself from its statistics)."""
    terms = search_terms(text)
    if _dialect_name(session) != "sqlite" or not terms or any("\x00" in t for t in terms):
        return False
    counted = session.scalar(
        sa.text(
            f"SELECT count(*) FROM (SELECT 1 FROM {search_table}"
            f" WHERE {search_table} MATCH :query LIMIT :limit)"
        ),
        {"query": fts_query(terms), "limit": BROAD_MATCHES},
    )
    return bool(counted is not None and counted >= BROAD_MATCHES)


def people_search_clause(
    dialect_name: str, text: str | None, person: object = Person, *, broad: bool = False
) -> ColumnElement[bool]:
    """People matching ``text`` (see the module docstring); ``person``: ``Person`` or a named
    alias of it. An empty text matches everyone. ``broad``: see ``is_broad``."""
    return _search_clause(dialect_name, text, person, names.PERSON_SEARCH_TABLE, broad)


def people_search_for(
    session: Session, text: str | None, person: object = Person
) -> ColumnElement[bool]:
    """``people_search_clause`` for ``session``'s database, written for a broad or a narrow
    search as ``is_broad`` finds."""
    broad = is_broad(session, text, names.PERSON_SEARCH_TABLE)
    return people_search_clause(_dialect_name(session), text, person, broad=broad)


def event_search_clause(
    dialect_name: str, text: str | None, event: object = Event, *, broad: bool = False
) -> ColumnElement[bool]:
    """Events matching ``text`` by either title, reference or city (see the module docstring);
    ``event``: ``Event`` or a named alias of it. An empty text matches every event."""
    return _search_clause(dialect_name, text, event, names.EVENT_SEARCH_TABLE, broad)


def event_search_for(
    session: Session, text: str | None, event: object = Event
) -> ColumnElement[bool]:
    """``event_search_clause`` for ``session``'s database, broad or narrow (``is_broad``)."""
    broad = is_broad(session, text, names.EVENT_SEARCH_TABLE)
    return event_search_clause(_dialect_name(session), text, event, broad=broad)


def person_sort_key() -> tuple[ColumnElement[object], ...]:
    """Family name (Latin, else local script), then given name, then id: a stable order, the
    one the index ``ix_person_search_order`` holds (spelt as there, so the database sees that
    the index serves it)."""
    empty = sa.literal_column("''")
    return (
        sa.func.coalesce(Person.family_name, Person.family_name_local, empty),
        sa.func.coalesce(Person.given_name, Person.given_name_local, empty),
        Person.id,
    )


def _dialect_name(session: Session) -> str:
    return session.get_bind().dialect.name


def search_people(session: Session, text: str | None, limit: int = 50) -> list[Person]:
    """The first ``limit`` live people matching ``text``, ordered by family name."""
    query = (
        sa.select(Person)
        .where(people_search_for(session, text), Person.deleted_at.is_(None))
        .order_by(*person_sort_key())
        .limit(limit)
    )
    return list(session.scalars(query))


def search_events(session: Session, text: str | None, limit: int = 50) -> list[Event]:
    """The first ``limit`` live events matching ``text``, newest first."""
    query = (
        sa.select(Event)
        .where(event_search_for(session, text), Event.deleted_at.is_(None))
        .order_by(Event.start_date.desc(), Event.reference.desc())
        .limit(limit)
    )
    return list(session.scalars(query))
