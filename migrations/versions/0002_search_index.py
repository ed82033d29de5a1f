"""search index for people and events

People are found by any part of their names (Latin or local script) and by e-mail; events by
title, reference and city. Both databases index the same "searchable words": each name part (or
title, reference, city) folded (ё = е; lower case), its spaces turned into blank lines, and each
part preceded by a blank line (two newlines); then, for people, a space and the e-mail. A search
term of three or more characters is looked for anywhere in these words; a shorter one after a
blank line, that is at the start of a word of a name (see ``app/search.py``).

SQLite: FTS5 tables with the trigram tokenizer (SQLite 3.34 or newer), whose rowid is the rowid
of the person or event, filled from the existing rows here and kept in step by triggers, so every
write path (services, bulk imports, restores, raw SQL) keeps them right. A later migration that
rebuilds ``person`` or ``event`` in batch mode drops these triggers with the old table and must
create them again (and refill the index).

PostgreSQL: the ``pg_trgm`` extension, IMMUTABLE SQL functions giving the searchable words, a
stored generated column ``search_words`` on ``person`` and ``event`` (computed once per write:
checking candidates against the function itself cost 19 µs a row, 0.37 s for a common fragment
at 50,000 people) and GIN trigram indexes on it. ``pg_trgm`` is a trusted extension (PostgreSQL 13+): a user with
CREATE rights on the database may add it; otherwise an administrator runs
``CREATE EXTENSION pg_trgm;`` in the database once, and this migration then uses it. Downgrading
leaves the extension installed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 20:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PERSON_PARTS = (
    "family_name",
    "given_name",
    "patronymic",
    "family_name_local",
    "given_name_local",
    "patronymic_local",
)
EVENT_PARTS = ("title", "reference", "city")

# Upper-case letters that PostgreSQL's lower() leaves alone in a database with the C locale:
# Cyrillic (Russian and the Central Asian letters) and accented Latin (Turkmen, Turkish, Uzbek
# and European spellings). Folded explicitly, so search is case-insensitive whatever the locale.
_UPPER = (
    "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    "ӘҒҚҢӨҰҮҺІҲӢӮҶЎҖЄЇҐ"
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝĀĂĄĆČĎĒĖĘĚĞĪĮĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽƏ"
)
_FOLD_FROM = _UPPER + "Ёё"
_FOLD_TO = _UPPER.lower() + "ее"
assert len(_FOLD_FROM) == len(_FOLD_TO)


# --- SQLite ----------------------------------------------------------------------------------


def _sqlite_words(row: str, parts: Sequence[str], tail: str | None = None) -> str:
    """SQL for the searchable words of ``row`` (``new`` in a trigger, or the table name)."""
    blank = "char(10)||char(10)"
    pieces = [
        f"{blank}||replace(replace(replace(coalesce({row}.{part},''),'ё','е'),'Ё','Е'),' ',{blank})"
        for part in parts
    ]
    if tail:
        pieces.append(f"' '||replace(replace(coalesce({row}.{tail},''),'ё','е'),'Ё','Е')")
    return "||".join(pieces)


def _sqlite_up(table: str, parts: Sequence[str], tail: str | None) -> None:
    search = f"{table}_search"
    watched = ", ".join((*parts, tail) if tail else parts)
    op.execute(
        f"CREATE VIRTUAL TABLE {search} USING fts5("
        f"{table}_id UNINDEXED, words, tokenize = 'trigram')"
    )
    op.execute(
        f"INSERT INTO {search} (rowid, {table}_id, words) "
        f"SELECT rowid, id, {_sqlite_words(table, parts, tail)} FROM {table}"
    )
    op.execute(
        f"CREATE TRIGGER {search}_after_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {search} (rowid, {table}_id, words) "
        f"VALUES (new.rowid, new.id, {_sqlite_words('new', parts, tail)}); END"
    )
    op.execute(
        f"CREATE TRIGGER {search}_after_update AFTER UPDATE OF id, {watched} ON {table} BEGIN "
        f"DELETE FROM {search} WHERE rowid = old.rowid; "
        f"INSERT INTO {search} (rowid, {table}_id, words) "
        f"VALUES (new.rowid, new.id, {_sqlite_words('new', parts, tail)}); END"
    )
    op.execute(
        f"CREATE TRIGGER {search}_after_delete AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM {search} WHERE rowid = old.rowid; END"
    )


def _sqlite_down(table: str) -> None:
    search = f"{table}_search"
    for when in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {search}_after_{when}")
    op.execute(f"DROP TABLE IF EXISTS {search}")


# --- PostgreSQL ------------------------------------------------------------------------------


def _pg_fold(value: str) -> str:
    return f"translate(lower({value}), '{_FOLD_FROM}', '{_FOLD_TO}')"


def _pg_argument(number: int) -> str:
    return f"coalesce(${number}, '')"


def _pg_words_function(name: str, parts: Sequence[str], tail: str | None) -> str:
    """An IMMUTABLE function of the columns giving their searchable words, built from
    pg_catalog functions only (so it works with any search_path, as pg_restore needs)."""
    arguments = ", ".join(f"{part} text" for part in (*parts, *([tail] if tail else [])))
    pieces = [
        f"E'\\n\\n' || replace({_pg_fold(_pg_argument(i))}, ' ', E'\\n\\n')"
        for i in range(1, len(parts) + 1)
    ]
    if tail:
        pieces.append(f"' ' || {_pg_fold(_pg_argument(len(parts) + 1))}")
    return (
        f"CREATE FUNCTION {name}({arguments}) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE "
        f"AS $$ SELECT {' || '.join(pieces)} $$"
    )


def _pg_require_trigram_extension() -> None:
    bind = op.get_bind()
    present = bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"))
    if present.first() is not None:
        return
    allowed = bind.execute(
        sa.text(
            "SELECT has_database_privilege(current_database(), 'CREATE') "
            "AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm')"
        )
    ).scalar()
    if not allowed:
        from db.migrate import SchemaError

        raise SchemaError(
            "search needs the PostgreSQL extension pg_trgm: ask the database administrator to "
            "install it (package postgresql-contrib) and run CREATE EXTENSION pg_trgm; in this "
            "database"
        )
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


def _pg_up_table(table: str, parts: Sequence[str], tail: str | None) -> None:
    function = f"convene_{table}_words"
    op.execute(_pg_words_function(function, parts, tail))
    columns = ", ".join((*parts, tail) if tail else parts)
    op.execute(
        f"ALTER TABLE {table} ADD COLUMN search_words text "
        f"GENERATED ALWAYS AS ({function}({columns})) STORED"
    )
    op.execute(
        f"CREATE INDEX ix_{table}_search_words ON {table} USING gin (search_words gin_trgm_ops)"
    )


def _pg_up() -> None:
    _pg_require_trigram_extension()
    op.execute(
        "CREATE FUNCTION convene_search_fold(value text) RETURNS text "
        f"LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT {_pg_fold('$1')} $$"
    )
    _pg_up_table("person", PERSON_PARTS, "email")
    _pg_up_table("event", EVENT_PARTS, None)


def _pg_down() -> None:
    for table, arguments in (("event", 3), ("person", 7)):
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_search_words")
        op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_words")
        op.execute(
            f"DROP FUNCTION IF EXISTS convene_{table}_words({', '.join(['text'] * arguments)})"
        )
    op.execute("DROP FUNCTION IF EXISTS convene_search_fold(text)")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_up("person", PERSON_PARTS, "email")
        _sqlite_up("event", EVENT_PARTS, None)
    elif dialect == "postgresql":
        _pg_up()


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_down("event")
        _sqlite_down("person")
    elif dialect == "postgresql":
        _pg_down()
