"""The words attendee lists use, read from ``resources/column_synonyms.json`` (the one place they
are kept): header texts for each import field, spellings of sex, attendance mode, role and status,
the ranks and titles written with a name, placeholders that mean "empty", common given names, and
the words that open a totals row or a signature or note line.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from app.fields import PARTICIPATION, PERSON
from app.i18n import N_

SYNONYMS_FILE = Path(__file__).resolve().parents[2] / "resources" / "column_synonyms.json"

# Every field a column can be read into, with its label for people (CLI help, the wizard): the
# catalogue's label (``app.fields``) where the column fills one field of it, else the import's
# own words for what a column may hold (a full name, a country or nationality, a day's tick).
FIELDS: dict[str, str] = {
    "full_name": N_("Full name (family, given, patronymic)"),
    "family_name": PERSON["family_name"].label,
    "given_name": PERSON["given_name"].label,
    "patronymic": PERSON["patronymic"].label,
    "sex": PERSON["sex"].label,
    "nationality": N_("Country / nationality"),
    "organization": PERSON["organization_id"].label,
    "position": PERSON["position"].label,
    "rank": PERSON["rank"].label,
    "email": PERSON["email"].label,
    "phone": PERSON["phone"].label,
    "mode": N_("Participation (in person / online)"),
    "role": PARTICIPATION["role"].label,
    "status": PARTICIPATION["status"].label,
    "days_attended": PARTICIPATION["days_attended"].label,
    "day": N_("Attendance on one day"),
    "notes": PARTICIPATION["notes"].label,
    "number": N_("Row number (not imported)"),
    "ignore": N_("Not imported"),
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
def register_words() -> dict[str, Any]:
    """The words of registers of many events (the ``register`` section): their event columns'
    headers, event types and formats, and month names."""
    return _vocabulary()["register"]


@functools.cache
def event_column_headers() -> dict[str, str]:
    """A register's event column header (``header_key``) → event field (``event_title``…)."""
    sections = register_words()["columns"].items()
    return {header_key(text): field for field, texts in sections for text in texts}


@functools.cache
def header_synonyms() -> dict[str, str]:
    """Header key (``header_key``) → field."""
    table: dict[str, str] = {}
    for field, texts in _vocabulary()["columns"].items():
        for text in texts:
            table.setdefault(header_key(text), field)
    return table


@functools.cache
def _whole_only() -> dict[str, str]:
    """Titles of one-column lists ("Список участников") → field, read as whole headers only."""
    sections = _vocabulary()["columns_whole_only"].items()
    return {header_key(text): field for field, texts in sections for text in texts}


@functools.cache
def _header_words() -> dict[str, Any]:
    words = _vocabulary()["header_words"]
    return {
        "abbreviations": {header_key(k): header_key(v) for k, v in words["abbreviations"].items()},
        **{
            section: frozenset(header_key(w) for w in words[section])
            for section in ("name_qualifiers", "organisation_words", "full_name_when_alone")
        },
        "language_suffixes": frozenset(
            tuple(header_key(w).split(" ")) for w in words["language_suffixes"]
        ),
        "organisation_prefixes": tuple(header_key(w) for w in words["organisation_prefixes"]),
    }


_CAMEL = re.compile(r"(?<=[a-zа-яё])(?=[A-ZА-ЯЁ])")
_LATIN_SPECIAL = {"ß": "ss", "œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i"}


def _fold_latin_accents(text: str) -> str:
    """Latin letters without their accents (é → e, ö → o); other scripts as they are (й stays)."""
    if text.isascii():
        return text
    folded = []
    for char in text:
        special = _LATIN_SPECIAL.get(char.lower())
        if special is not None:
            folded.append(special)
            continue
        parts = unicodedata.normalize("NFD", char)
        folded.append(parts[0] if len(parts) > 1 and parts[0].isascii() else char)
    return "".join(folded)


def header_key(header: Any) -> str:
    """A header as compared: camelCase split into words ("nameEn" → "name en"), the accents of
    Latin letters dropped ("Prénom" → "prenom"), then ``normalise``d ("FRST_NM" → "frst nm")."""
    return normalise(_fold_latin_accents(_CAMEL.sub(" ", str(header))))


def _readings(key: str) -> list[list[str]]:
    """The header's words as written, without the words at its end that only name a language
    or script ("name en", "фамилия лат"), and with short words spelt out ("frst nm")."""
    words = key.split(" ")
    found = [words]
    suffixes = _header_words()["language_suffixes"]
    stripped = words
    while len(stripped) > 1:
        length = next(
            (n for n in (3, 2, 1) if n < len(stripped) and tuple(stripped[-n:]) in suffixes), 0
        )
        if not length:
            break
        stripped = stripped[:-length]
    if stripped != words:
        found.append(stripped)
    abbreviations = _header_words()["abbreviations"]
    for reading in list(found):
        spelt = " ".join(abbreviations.get(w, w) for w in reading).split(" ")
        if spelt != reading:
            found.append(spelt)
    return found


def is_organisation_word(word: str) -> bool:
    words = _header_words()
    return word in words["organisation_words"] or word.startswith(words["organisation_prefixes"])


def full_name_when_alone(header: str) -> bool:
    """Does this header mean the whole name when no other column holds a name ("Nombre")?"""
    return header_key(header) in _header_words()["full_name_when_alone"]


@functools.cache
def _phrases() -> tuple[dict[str, tuple[int, str]], int]:
    """Known phrases longer than three characters → (rank, field), the longest ranked first,
    and the most words any of them has."""
    longest_first = sorted(header_synonyms().items(), key=lambda item: -len(item[0]))
    phrases = {p: (rank, f) for rank, (p, f) in enumerate(longest_first) if len(p) > 3}
    return phrases, max((p.count(" ") + 1 for p in phrases), default=1)


LONGEST_HEADER = 300  # characters; a longer cell is a value (a note, a name pasted 1,000 times)
WHOLE, PART, PHRASE = 3, 2, 1


@functools.cache
def _name_qualifiers() -> frozenset[str]:
    """The words a header may hold beside a name for it to stay a name column: the listed
    qualifiers, the words of the name headers themselves ("Ism-familiyasi", "Тегі, аты") and
    the participation roles ("Speaker name", "Expert name")."""
    names = {key for key, field in header_synonyms().items() if field in NAME_FIELDS}
    roles = {header_key(spelling) for spelling in value_table("role")}
    words = {w for phrase in names | roles for w in phrase.split(" ")}
    return _header_words()["name_qualifiers"] | frozenset(
        words
    )  # how a header named its field, the plainest first


def field_for_header(header: Any) -> str | None:
    """The field a header names (see ``header_match``)."""
    return header_match(header)[0]


def header_match(header: Any) -> tuple[str | None, int]:
    """The field a header names and how plainly (``WHOLE``, ``PART`` or ``PHRASE``; 0 when it
    names none): the whole text, also without a language suffix or with its short words spelt
    out ("nameEn", "FRST_NM"); one of its parts ("Фамилия / Surname"); or the longest known
    phrase inside it ("Name of the organisation" → organisation). A name found inside a longer
    header counts only when the header's other words are words that go with a name ("Name of
    participant", not "Show name on badge" or "Account name"), and a word that means an
    organisation ("Company Name", "Employer name") makes it the organisation."""
    if header is None:
        return None, 0
    text = header if type(header) is str else str(header)
    return _match(text) if len(text) <= LONGEST_HEADER else (None, 0)


@functools.lru_cache(maxsize=4096)
def _match(header: str) -> tuple[str | None, int]:
    table = header_synonyms()
    key = header_key(header)
    if not key:
        return None, 0
    readings = _readings(key)
    for reading in readings:
        joined = " ".join(reading)
        found = table.get(joined) or _whole_only().get(joined)
        if found:
            return found, WHOLE
    parts = _PART_SEPARATORS.split(str(header))
    for part in parts if len(parts) > 1 else ():
        for reading in _readings(header_key(part)) if header_key(part) else ():
            found = table.get(" ".join(reading))
            if found:
                return found, PART
    found = _phrase_field(readings[-1])
    return (found, PHRASE) if found else (None, 0)


def _phrase_field(words: list[str]) -> str | None:
    """The longest known phrase among the header's runs of whole words (looked up run by run:
    trying every phrase on every header made a 10,000-column sheet take half a minute)."""
    phrases, most_words = _phrases()
    hits = sorted(
        (hit[0], hit[1], start, length)
        for start in range(len(words))
        for length in range(1, min(most_words, len(words) - start) + 1)
        if (hit := phrases.get(" ".join(words[start : start + length]))) is not None
    )
    organisation = any(map(is_organisation_word, words))
    if not hits:
        return "organization" if organisation else None
    qualifiers = _name_qualifiers()
    for _rank, field, start, length in hits:
        if field not in NAME_FIELDS:
            return field
        if organisation:
            return "organization"
        others = words[:start] + words[start + length :]
        if all(w in qualifiers or w.isdigit() for w in others):
            return field
    return None


@functools.cache
def value_table(kind: str) -> dict[str, str]:
    """Normalised spelling → stored value, for ``kind`` "sex", "mode", "role", "status" or
    "honorifics"."""
    table: dict[str, str] = {}
    for value, spellings in _vocabulary()["values"][kind].items():
        for spelling in spellings:
            table.setdefault(normalise(spelling), value)
    return table


@functools.cache
def _yes_no_marks() -> frozenset[str]:
    return frozenset(normalise(m) or m.strip() for m in _vocabulary()["values"]["yes_no_marks"])


def is_yes_no(text: str) -> bool:
    """Does the cell only say yes or no ("Yes", "да", "✓", "x")? A column of them is no name."""
    return (normalise(text) or text.strip()) in _yes_no_marks()


@functools.cache
def absent_marks() -> frozenset[str]:
    """Marks in a day column that mean the person was not there that day."""
    return frozenset(m.casefold() for m in _vocabulary()["values"]["attended_marks_absent"])


@functools.cache
def present_marks() -> frozenset[str]:
    """Marks in a day column that mean the person was there that day ("+", "✓", "подпись")."""
    return frozenset(m.casefold() for m in _vocabulary()["values"]["attended_marks_present"])


@functools.cache
def _opening_pattern(section: str) -> re.Pattern[str]:
    words = sorted((normalise(w) for w in _vocabulary()[section]), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace("\\ ", r"[\W_]+") for w in words)
    return re.compile(rf"^[\W_]*(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)


def is_totals_text(text: str) -> bool:
    """Does this cell open a totals row ("Итого: 9 участников", "Total", "Всего")?"""
    return bool(_opening_pattern("totals").match(text))


def is_not_a_person_text(text: str) -> bool:
    """Is this cell a line below a list that is no person: a signature or the stamp's place
    ("Подпись", "М.П."), a count ("Из них женщин: 1", "of whom women: 1") or a note ("Prepared
    by")? A stamp mark counts only as the whole cell ("М.П. Иванов" is a name)."""
    return normalise(text) in _stamp_marks() or bool(_opening_pattern("not_a_person").match(text))


@functools.cache
def _stamp_marks() -> frozenset[str]:
    return frozenset(normalise(mark) for mark in _vocabulary()["stamp_marks"])


@functools.cache
def placeholder_words(*, in_name: bool = False) -> frozenset[str]:
    """Whole-cell words that mean the cell is empty ("н/д", "n/a", "нет"), in lower case; in a
    name cell without the ones that are also names (the given name Nil, the surname Null)."""
    values = _vocabulary()["values"]
    names = frozenset(p.casefold() for p in values["placeholders_that_are_names"] if in_name)
    return frozenset(p.casefold() for p in values["placeholders"]) - names


def fold_title(text: str) -> str:
    """A rank or title as compared: lower case, ё as е, dots and brackets as spaces (hyphens and
    slashes kept, so "м-р" is a rank while the initials "М.Р." are not)."""
    folded = re.sub(r"[.,()\[\]]+", " ", str(text).casefold().replace("ё", "е"))
    return " ".join(folded.split())


@functools.cache
def rank_table() -> tuple[dict[str, str], int]:
    """Folded rank or rank-and-service ("майор полиции") → rank stored, and the most words any
    of them has."""
    table: dict[str, str] = {}
    services = [fold_title(s) for s in _vocabulary()["values"]["rank_services"]]
    for rank, spellings in _vocabulary()["values"]["ranks"].items():
        for spelling in map(fold_title, spellings):
            table.setdefault(spelling, rank)
            for service in services:
                table.setdefault(f"{spelling} {service}", f"{rank} {service}")
    return table, max(key.count(" ") + 1 for key in table)


@functools.cache
def rank_edge_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words a rank can start with and end with (folded), to pass over most names quickly."""
    keys = [key.split(" ") for key in rank_table()[0]]
    return frozenset(k[0] for k in keys), frozenset(k[-1] for k in keys)


@functools.cache
def known_given_names() -> frozenset[str]:
    """Common given names in Latin letters, folded ("aigerim", "sergey")."""
    return frozenset(name.casefold() for name in _vocabulary()["given_names"])


@functools.cache
def heading_phrases() -> tuple[str, ...]:
    return tuple(normalise(w) for w in _vocabulary()["headings"])


@functools.cache
def organisation_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """The words that make a text an organisation's name: the strong words and stems, then the
    weak words and stems (see ``organisation_words`` in the resource file)."""
    found = _vocabulary()["organisation_words"]

    def whole_and_stems(words: list[str]) -> tuple[frozenset[str], tuple[str, ...]]:
        whole = frozenset(normalise(w) for w in words if not w.endswith("*"))
        return whole, tuple(normalise(w) for w in words if w.endswith("*"))

    return (*whole_and_stems(found["strong"]), *whole_and_stems(found["weak"]))
