"""Reading when an event was held from a register's cells, as offices write it: a date cell,
"13.12.2022", "2022-12-13", "13–15.12.2022", "27.03–02.04.2019", "12.03.2019 - 14.03.2019",
"13-15 декабря 2022 г.", "30 марта – 2 апреля 2019", "13 December 2022", "December 13-15, 2022",
"с 13 по 15 декабря 2022 года". The month names are kept with the register's words in
``resources/column_synonyms.json``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from app.importing import values as v
from app.importing.vocabulary import register_words

_DASHES = re.compile(r"\s*[-–—‑]+\s*")
_NOISE = re.compile(r"(?<![^\W\d_])(?:гг|г|года|год|yy)\.?(?![^\W\d_])|[,]")
_SPACES = re.compile(r"\s+")
_NUMERIC_DAYS = re.compile(r"^(\d{1,2})-(\d{1,2})[./](\d{1,2})[./](\d{2,4})$")
_NUMERIC_MONTHS = re.compile(r"^(\d{1,2})[./](\d{1,2})-(\d{1,2})[./](\d{1,2})[./](\d{2,4})$")
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _month_stems() -> tuple[tuple[str, int], ...]:
    """(stem, month) pairs, the longest stems first ("sept" before "sep")."""
    months = register_words()["months"]
    pairs = [(stem.casefold(), int(number)) for number, stems in months.items() for stem in stems]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def month_of(word: str) -> int | None:
    """The month a word names ("декабря", "Dec", "December"), or None."""
    folded = word.casefold()
    for stem, month in _month_stems():
        if folded.startswith(stem) and len(folded) <= len(stem) + 4:
            return month
    return None


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 50 else year + 1900 if year < 100 else year


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _tidy(text: str) -> str:
    """Lower case, one kind of dash without spaces round it, no "г."/"года", "с … по" as a dash."""
    text = text.casefold().replace("ё", "е")
    text = re.sub(r"^(?:с|from)\s+", "", text.strip())
    text = re.sub(r"\s+(?:по|to|until|till)\s+", "-", text)
    text = _NOISE.sub(" ", text)
    text = _DASHES.sub("-", text)
    return _SPACES.sub(" ", text).strip(" -")


def _words_date(text: str) -> dt.date | None:
    """ "13 декабря 2022", "13 December 2022", "December 13 2022"."""
    parts = text.split(" ")
    if len(parts) != 3:
        return None
    numbers = [p for p in parts if p.isdigit()]
    words = [p for p in parts if _WORD.fullmatch(p)]
    if len(numbers) != 2 or len(words) != 1 or (month := month_of(words[0])) is None:
        return None
    day, year = numbers if len(numbers[0]) <= 2 else numbers[::-1]
    return _date(_year(year), month, int(day)) if len(year) == 4 else None


def _one_date(text: str) -> dt.date | None:
    return v.as_date(text) or _words_date(text)


def _words_range(text: str) -> tuple[dt.date, dt.date] | None:
    """ "13-15 декабря 2022", "30 марта-2 апреля 2019", "december 13-15 2022"."""
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2}) ([^\W\d_]+) (\d{4})", text)
    if match and (month := month_of(match[3])):
        year = _year(match[4])
        return _pair(_date(year, month, int(match[1])), _date(year, month, int(match[2])))
    match = re.fullmatch(r"([^\W\d_]+) (\d{1,2})-(\d{1,2}) (\d{4})", text)
    if match and (month := month_of(match[1])):
        year = _year(match[4])
        return _pair(_date(year, month, int(match[2])), _date(year, month, int(match[3])))
    match = re.fullmatch(r"(\d{1,2}) ([^\W\d_]+)-(\d{1,2}) ([^\W\d_]+) (\d{4})", text)
    if match and (first := month_of(match[2])) and (second := month_of(match[4])):
        year = _year(match[5])
        return _pair(_date(year, first, int(match[1])), _date(year, second, int(match[3])))
    return None


def _pair(start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date] | None:
    if start is None or end is None or end < start:
        return None
    return start, end


def read_dates(value: Any) -> tuple[dt.date, dt.date] | None:
    """The first and last day a cell says an event was held (the same day twice for one date),
    or None when it says no date this reads."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.date | int | float):
        day = v.as_date(value)
        return (day, day) if day else None
    text = v.cell_text(value)
    if not text:
        return None
    text = _tidy(text)
    single = _one_date(text)
    if single is not None:
        return single, single
    if match := _NUMERIC_DAYS.fullmatch(text):
        year, month = _year(match[4]), int(match[3])
        return _pair(_date(year, month, int(match[1])), _date(year, month, int(match[2])))
    if match := _NUMERIC_MONTHS.fullmatch(text):
        year = _year(match[5])
        return _pair(
            _date(year, int(match[2]), int(match[1])), _date(year, int(match[4]), int(match[3]))
        )
    found = _words_range(text)
    if found is not None:
        return found
    # two whole dates with a dash between them (ISO dates hold dashes of their own)
    for at in (m.start() for m in re.finditer("-", text)):
        start, end = _one_date(text[:at].strip()), _one_date(text[at + 1 :].strip())
        if start is not None and end is not None:
            return _pair(start, end)
    return None
