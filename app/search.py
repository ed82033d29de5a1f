"""Search clauses for people and events (interim: substring matching on the name columns).

Replaced by the indexed search of the scale work; the signatures stay the same.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from db.models import Event, Person

_PERSON_TEXT = (
    Person.family_name,
    Person.given_name,
    Person.patronymic,
    Person.family_name_local,
    Person.given_name_local,
    Person.patronymic_local,
    Person.email,
)


def _literal_like(column: Any, word: str) -> Any:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def _all_words(columns: tuple[Any, ...], text: str) -> Any:
    words = text.split()
    if not words:
        return sa.true()
    return sa.and_(*(sa.or_(*(_literal_like(c, w) for c in columns)) for w in words))


def people_search_clause(dialect_name: str, text: str) -> Any:
    return _all_words(_PERSON_TEXT, text)


def event_search_clause(dialect_name: str, text: str) -> Any:
    return _all_words((Event.title, Event.reference, Event.city), text)


def search_people(session: Any, text: str, limit: int = 50) -> list[Person]:
    """The first live people matching ``text``, by family name."""
    if not text.strip():
        return []
    dialect = session.get_bind().dialect.name
    return list(
        session.scalars(
            sa.select(Person)
            .where(Person.deleted_at.is_(None), people_search_clause(dialect, text))
            .order_by(sa.func.coalesce(Person.family_name, Person.family_name_local), Person.id)
            .limit(limit)
        )
    )
