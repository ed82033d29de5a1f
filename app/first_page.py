"""The SQL the application's first screen needs, prepared ahead so that the window can show the
first page of events before SQLAlchemy is even imported (see ``ui.first_page``).

``first_page_recipe()`` compiles the events list's own count and first-page statements
(``app.lists``) for SQLite; ``resources/startup/events_first_page.json`` holds the result, with
the schema revision it was made for. ``tools/first_page_sql.py`` rewrites the file, and a test
fails whenever the file and the list it was made from differ, so they cannot drift apart.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from app import lists
from db.revisions import newest_revision

RECIPE_FILE = (
    Path(__file__).resolve().parent.parent / "resources" / "startup" / "events_first_page.json"
)
PAGE_ROWS = 200


def first_page_recipe() -> dict[str, Any]:
    """The count and first-page SQL of the events list, its columns, and the schema revision."""
    from app.database import prepare_database

    with tempfile.TemporaryDirectory() as folder:
        database, _ = prepare_database(Path(folder) / "recipe.sqlite")
        try:
            with database.session_scope(readonly=True) as session:
                query = lists.ListQuery()
                dialect = session.get_bind().dialect

                def sql(statement: Any) -> str:
                    return str(
                        statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
                    )

                count = sql(lists.count_statement(session, lists.EVENTS, query))
                pages = {
                    lang: sql(
                        lists.page_statement(session, lists.EVENTS, query, 0, PAGE_ROWS, lang)
                    )
                    for lang in ("en", "ru")
                }
        finally:
            database.dispose()
    columns = [
        {"key": c.key, "label": c.label, "kind": c.kind, "enum": c.enum.__name__ if c.enum else None,
         "width": c.width, "stretch": c.stretch}
        for c in lists.EVENTS.columns
    ]  # fmt: skip
    return {
        "_about": "Written by tools/first_page_sql.py from app/lists.py; read by ui/first_page.py.",
        "revision": newest_revision(),
        "count_sql": count,
        "page_sql": pages["en"],
        "page_sql_ru": pages["ru"],  # the events' Russian titles
        "columns": columns,
    }


def write_recipe(path: Path = RECIPE_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(first_page_recipe(), ensure_ascii=False, indent=1) + "\n", "utf-8")
