"""Names of the database objects behind people and event search, which are not ORM models.

Migration 0002 creates them (see ``migrations/versions/0002_search_index.py``; 0010 adds the
Russian title to the words of an event):

- SQLite: FTS5 tables ``person_search`` and ``event_search`` (trigram tokenizer, plus FTS5's own
  ``*_data``/``*_idx``/``*_content``/``*_docsize``/``*_config`` tables) whose rowid is the rowid
  of the person or event, kept in step by triggers on ``person`` and ``event``;
- PostgreSQL: the ``pg_trgm`` extension, functions that give the searchable words of a person or
  event, a generated column ``search_words`` holding them on ``person`` and ``event``, and GIN
  trigram indexes on it.

``include_name`` tells Alembic's autogenerate to leave these objects alone, so that comparing the
models with the database still finds no difference.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PERSON_SEARCH_TABLE = "person_search"
EVENT_SEARCH_TABLE = "event_search"
FOLD_FUNCTION = "convene_search_fold"
PG_SEARCH_INDEXES = ("ix_person_search_words", "ix_event_search_words")
PG_WORDS_COLUMN = "search_words"

_FTS_TABLES = re.compile(
    rf"^({PERSON_SEARCH_TABLE}|{EVENT_SEARCH_TABLE})(_(data|idx|content|docsize|config))?$"
)


def is_search_object(name: str | None, type_: str) -> bool:
    """True for the tables and indexes of the search index (see the module docstring)."""
    if name is None:
        return False
    if type_ == "table":
        return bool(_FTS_TABLES.match(name))
    if type_ == "index":
        return name in PG_SEARCH_INDEXES
    if type_ == "column":
        return name == PG_WORDS_COLUMN
    return False


def include_name(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    """Alembic ``include_name`` hook: reflect everything but the search index."""
    if type_ == "column" and parent_names.get("table_name") not in ("person", "event"):
        return True
    return not is_search_object(name, type_)
