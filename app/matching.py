"""Match keys: one spelling-independent form of a person's name, to find the same person whether
a list writes them in Cyrillic or in Latin, and whichever transliteration it used.

Атаев, Ataev and Atayev all become ``ataev``; Сергей, Sergey and Sergei become ``sergei``. The key
is stored (indexed) on every person; the importer narrows candidates with it and then compares
them with fuzzy scores.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import iuliia

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")

# Letters of Central Asian Cyrillic alphabets that the Russian passport scheme does not cover.
_EXTRA_CYRILLIC = str.maketrans(
    {
        "ә": "a",
        "ғ": "g",
        "қ": "k",
        "ң": "n",
        "ө": "o",
        "ұ": "u",
        "ү": "u",
        "һ": "h",
        "і": "i",
        "ҳ": "h",
        "ӣ": "i",
        "ӯ": "u",
        "ҷ": "j",
        "ў": "u",
        "җ": "j",
    }
)

# Spelling variants folded to one form, applied in order to lower-case Latin. Upper-case letters
# are placeholders for sounds written with several letters, so later rules leave them alone.
# Turkmen, Turkish and Azerbaijani Latin letters spelled as Russian-style Latin would spell them.
_TURKIC_LATIN = str.maketrans(
    {"ç": "ch", "ş": "sh", "ž": "zh", "ý": "y", "ň": "n", "ä": "a", "ı": "i", "ğ": "g", "ə": "a"}
)
_CLUSTERS: tuple[tuple[str, str], ...] = (
    ("shch", "S"),
    ("sch", "S"),
    ("dzh", "J"),
    ("dj", "J"),
    ("zh", "J"),
    ("j", "J"),  # Uzbek and Turkmen Latin write Ж/Дж as j
    ("kh", "h"),
    ("ch", "C"),
    ("sh", "S"),
    ("ts", "c"),
    ("tz", "c"),
    ("ks", "x"),
    ("w", "v"),
    ("ph", "f"),
)
_GLIDES = re.compile(r"[iy]+(?=[aeou])|(?<=[aeou])[iy]+")
_PLACEHOLDERS = str.maketrans({"S": "sh", "J": "j", "C": "ch"})
_NOT_LATIN = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")


def to_latin(text: str) -> str:
    """Transliterate Cyrillic to Latin with the ICAO Doc 9303 (passport) scheme."""
    if not _CYRILLIC.search(text):
        return text
    return iuliia.ICAO_DOC_9303.translate(text.translate(_EXTRA_CYRILLIC))


@functools.lru_cache(maxsize=65_536)  # lists repeat given names; imports fold tens of thousands
def fold_name(text: str | None) -> str:
    """One name part in its spelling-independent form (see the module docstring)."""
    if not text:
        return ""
    latin = to_latin(text.strip().lower()).translate(_TURKIC_LATIN)
    ascii_only = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    letters = _NOT_LATIN.sub("", ascii_only.lower())
    if letters.startswith("yo"):  # Ё: Yo in Uzbek Latin, E in the passport scheme
        letters = "e" + letters[2:]
    for old, new in _CLUSTERS:
        letters = letters.replace(old, new)
    # Glides beside vowels come and go between schemes: Atayev/Ataev, Yulia/Iuliia, Sergey/Sergei.
    letters = _GLIDES.sub("", letters).replace("y", "i")
    letters = _DOUBLED.sub(r"\1", letters)  # doubled letters: Ahmedov / Akhmeddov
    return letters.translate(_PLACEHOLDERS)


def match_key(
    family_name: str | None,
    given_name: str | None,
    family_name_local: str | None = None,
    given_name_local: str | None = None,
) -> str:
    """``family|given`` folded, from the Latin spelling if present, else the local script."""
    family = fold_name(family_name) or fold_name(family_name_local)
    given = fold_name(given_name) or fold_name(given_name_local)
    if not family and not given:
        return ""
    return f"{family}|{given}"
