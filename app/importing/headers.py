"""Telling a sheet's header row from its title and data rows, by the fields its cells name.

Kept apart from ``mapping`` so that ``reading`` (which picks the sheet holding the list by its
header row) and ``mapping`` both use it without importing each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.importing import values as v
from app.importing.vocabulary import LONGEST_HEADER, NAME_FIELDS, field_for_header

HEADER_SEARCH_ROWS = 30


def row_score(row: Sequence[Any]) -> tuple[int, bool]:
    """How many known fields the row's cells name, and whether a name column is among them.
    A row holding an e-mail address in a cell that is no e-mail header is a data row (0)."""
    fields = set()
    for cell in row:
        if isinstance(cell, str):
            field = field_for_header(cell)
            if field != "email" and len(cell) <= LONGEST_HEADER and _holds_an_address(cell):
                return 0, False
            if field and field != "ignore":
                fields.add(field)
        elif v.as_date(cell) is not None and not isinstance(cell, int | float):
            fields.add("day")
    return len(fields), bool(fields & set(NAME_FIELDS))


def header_strength(rows: Sequence[Sequence[Any]]) -> int:
    """How plainly ``rows`` hold a list: how many known fields its best heading row names
    (0 when no row among the first ``HEADER_SEARCH_ROWS`` names a name column)."""
    scores = (row_score(row) for row in rows[:HEADER_SEARCH_ROWS])
    return max((score for score, has_name in scores if has_name), default=0)


def _holds_an_address(text: str) -> bool:
    return "@" in text and bool(v.email_addresses(text))
