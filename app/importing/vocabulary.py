"""The words attendee lists use, read from ``resources/column_synonyms.json`` (the one place they
are kept): header texts for each import field, spellings of sex, attendance mode and role, and the
words that open a totals row.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

SYNONYMS_FILE = Path(__file__).resolve().parents[2] / "resources" / "column_synonyms.json"

# Every field a column can be read into, with its label for people (CLI help, the wizard).
FIELDS: dict[str, str] = {
    "full_name": "Full name (family, given, patronymic)",
    "family_name": "Family name",
    "given_name": "Given name",
    "patronymic": "Patronymic",
    "sex": "Sex",
    "nationality": "Country / nationality",
    "organization": "Organisation",
    "position": "Position",
    "rank": "Rank",
    "email": "E-mail",
    "phone": "Phone",
    "mode": "Participation (in person / online)",
    "role": "Role",
    "status": "Status",
    "days_attended": "Days attended",
    "day": "Attendance on one day",
    "notes": "Notes",
    "number": "Row number (not imported)",
    "ignore": "Not imported",
}
NAME_FIELDS = ("full_name", "family_name", "given_name", "patronymic")
NOT_IMPORTED = ("number", "ignore")


_PUNCTUATION = re.compile(r"[^\w№#]+")
_PART_SEPARATORS = re.compile(r"[/|\\()\[\]\n]+")


def normalise(text: Any) -> str:
    """A header or value as compared: lower case, ё as е, punctuation as spaces, one space."""
    folded = str(text).casefold().replace("ё", "е")
    return " ".join(_PUNCTUATION.sub(" ", folded).replace("_", " ").split())


@functools.cache
def _vocabulary() -> dict[str, Any]:
    return json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))


@functools.cache
def header_synonyms() -> dict[str, str]:
    """Normalised header text → field."""
    table: dict[str, str] = {}
    for field, texts in _vocabulary()["columns"].items():
        for text in texts:
            table.setdefault(normalise(text), field)
    return table


@functools.cache
def _phrases() -> tuple[dict[str, tuple[int, str]], int]:
    """Known phrases longer than three characters → (rank, field), the longest ranked first,
    and the most words any of them has."""
    longest_first = sorted(header_synonyms().items(), key=lambda item: -len(item[0]))
    phrases = {p: (rank, f) for rank, (p, f) in enumerate(longest_first) if len(p) > 3}
    return phrases, max((p.count(" ") + 1 for p in phrases), default=1)


def field_for_header(header: Any) -> str | None:
    """The field a header names: the whole text, one of its parts ("Фамилия / Surname"), or the
    longest known phrase inside it ("Name of the organisation" → organisation)."""
    if header is None:
        return None
    table = header_synonyms()
    whole = normalise(header)
    if not whole:
        return None
    if whole in table:
        return table[whole]
    parts = _PART_SEPARATORS.split(str(header))
    for part in parts if len(parts) > 1 else ():
        key = normalise(part)
        if key in table:
            return table[key]
    # The longest known phrase among the header's runs of whole words (looked up run by run:
    # trying every phrase on every header made a 10,000-column sheet take half a minute).
    phrases, most_words = _phrases()
    words = whole.split(" ")
    found = (
        phrases.get(" ".join(words[start : start + length]))
        for start in range(len(words))
        for length in range(1, min(most_words, len(words) - start) + 1)
    )
    best = min((hit for hit in found if hit is not None), default=None)
    return best[1] if best else None


@functools.cache
def value_table(kind: str) -> dict[str, str]:
    """Normalised spelling → stored value, for ``kind`` "sex", "mode", "role" or "honorifics"."""
    table: dict[str, str] = {}
    for value, spellings in _vocabulary()["values"][kind].items():
        for spelling in spellings:
            table.setdefault(normalise(spelling), value)
    return table


@functools.cache
def absent_marks() -> frozenset[str]:
    """Marks in a day column that mean the person was not there that day."""
    return frozenset(m.casefold() for m in _vocabulary()["values"]["attended_marks_absent"])


@functools.cache
def _totals_pattern() -> re.Pattern[str]:
    words = sorted((normalise(w) for w in _vocabulary()["totals"]), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace("\\ ", r"[\W_]+") for w in words)
    return re.compile(rf"^[\W_]*(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)


def is_totals_text(text: str) -> bool:
    """Does this cell open a totals row ("Итого: 9 участников", "Total", "Всего")?"""
    return bool(_totals_pattern().match(text))


@functools.cache
def heading_phrases() -> tuple[str, ...]:
    return tuple(normalise(w) for w in _vocabulary()["headings"])
