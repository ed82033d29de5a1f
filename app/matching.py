"""Match keys: one spelling-independent form of a person's name, to find the same person whether
a list writes them in Cyrillic or in Latin, and whichever transliteration it used.

Атаев, Ataev and Atayev all become ``ataev``; Сергей, Sergey and Sergei become ``serge``. The key
is stored (indexed) on every person; the importer looks a listed name up under it and its other
readings (``readings``), and then among the names alike (``compare_family_names``,
``compare_given_names``): those are only ever asked about.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

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
_NOT_LATIN = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")


def to_latin(text: str) -> str:
    """Transliterate Cyrillic to Latin with the ICAO Doc 9303 (passport) scheme."""
    if not _CYRILLIC.search(text):
        return text
    return iuliia.ICAO_DOC_9303.translate(text.translate(_EXTRA_CYRILLIC))


@functools.lru_cache(maxsize=8192)  # lists repeat given names; imports fold tens of thousands
def fold_name(text: str | None) -> str:
    """One name part in its spelling-independent form (see the module docstring)."""
    if not text:
        return ""
    if text.isascii():  # (most Latin names: nothing to transliterate or strip of accents)
        letters = _NOT_LATIN.sub("", text.lower())
    else:
        latin = to_latin(text.strip().lower()).translate(_TURKIC_LATIN)
        ascii_only = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
        letters = _NOT_LATIN.sub("", ascii_only.lower())
    if letters.startswith("yo"):  # Ё: Yo in Uzbek Latin, E in the passport scheme
        letters = "e" + letters[2:]
    for old, new in _CLUSTERS:
        letters = letters.replace(old, new)
    # Glides beside vowels come and go between schemes: Atayev/Ataev, Yulia/Iuliia, Sergey/Sergei.
    letters = _GLIDES.sub("", letters).replace("y", "i")
    letters = _DOUBLED.sub(_one_of_them, letters)  # doubled letters: Ahmedov / Akhmeddov
    # (the placeholders back; three replacements take a third of a translation's time)
    return letters.replace("S", "sh").replace("J", "j").replace("C", "ch")


def _one_of_them(doubled: re.Match[str]) -> str:
    return doubled.group(1)  # (a function: a template would be expanded on every call)


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


# --- Comparing names ------------------------------------------------------------------------
#
# A stored key is looked up as it is; a listed Latin name is also looked up under the readings
# of the schemes Central Asian names are published in (``readings``), and people whose names are
# alike only in their vowels (``loose_name``) or whose given name is a short form of the other's
# are candidates to ask about, never matched by themselves (``compare_given_names``).

_CONSONANT = "bcdfghjklmnpqrstvwxz"
_YO_AFTER_CONSONANT = re.compile(rf"(?<=[{_CONSONANT}])[iy]+o")
_UZBEK_APOSTROPHE = "['’ʻʼ‘`]"
_UZBEK_O = re.compile(rf"o{_UZBEK_APOSTROPHE}")  # Uzbek oʻ is Ў, Russian У
_UZBEK_G = re.compile(rf"g{_UZBEK_APOSTROPHE}|gh")  # Uzbek gʻ and Tajik gh are Ғ, Russian Г
_VOWEL_BETWEEN_CONSONANTS = re.compile(rf"(?<=[{_CONSONANT}])[iu](?=[{_CONSONANT}])")
_D_DEVOICED = re.compile(rf"d(?=[{_CONSONANT}]|$)")


@functools.lru_cache(maxsize=8192)  # given names repeat down a list
def read_as_russian(text: str | None) -> str:
    """A Latin name as Russian-based spellings would have it: Uzbek and Kazakh Latin write Х as
    x and Қ as q (Xasanov, Qodirov), and many write Ё after a consonant as yo where the passport
    scheme writes e (Pyotr, Baxtiyor: Пётр, Бахтиёр). "" when that changes nothing."""
    if not text:
        return ""
    lower = text.lower()
    read = _YO_AFTER_CONSONANT.sub("e", lower.replace("x", "kh").replace("q", "k"))
    return read if read != lower else ""


def _read_uzbek_letters(text: str) -> str:
    return _UZBEK_G.sub("g", _UZBEK_O.sub("u", text))


def _read_j_as_short_i(text: str) -> str:
    return text.replace("j", "y")  # Sulajmanov, Ajbek, KAJYRBEKOVA: Й written j


def _read_german(text: str) -> str:
    # Tschingis, Chudayberganov (German tsch is Ч, ch is Х); j and w are read elsewhere
    return text.replace("tsch", "\0").replace("sch", "sh").replace("ch", "kh").replace("\0", "ch")


def _read_ng(text: str) -> str:
    return text.replace("ng", "n")  # Kazakh and Kyrgyz Ң written ng (Jangybekov: Жаңыбеков)


def _read_french(text: str) -> str:
    return text.replace("ou", "u")  # Rasoulzoda: Расулзода


# Applied one after another, each to every reading found so far: a name may need several.
_READINGS = (
    _read_uzbek_letters,
    lambda text: read_as_russian(text) or text,
    _read_j_as_short_i,
    _read_german,
    _read_french,
    _read_ng,
)


# What one of _READINGS reads otherwise in a lower-case ASCII name (each needs one of these).
_READ_OTHERWISE = re.compile(rf"[xqj'`]|gh|ch|ou|ng|(?<=[{_CONSONANT}])[iy]+o")


@functools.lru_cache(maxsize=8192)
def readings(text: str | None) -> tuple[str, ...]:
    """A name part folded (``fold_name``) as written first, then as it reads in the other Latin
    schemes Central Asian names are published in: Uzbek oʻ and gʻ (Oʻktam: Уктам), Tajik gh
    (Ghafurov: Гафуров), x and q for Х and Қ, yo after a consonant for Ё, and j for Й
    (Sulajmanov Ajbek: Сулайманов Айбек); a Cyrillic name also with Ё read yo, and as the
    Uzbek Latin alphabet writes it (``iuliia.UZ``)."""
    own = fold_name(text)
    if not text or not own:
        return ()
    if text.isascii() and not _READ_OTHERWISE.search(text.lower()):
        return (own,)  # (most names: no scheme reads them otherwise)
    return every_reading(text, own)


def every_reading(text: str, own: str) -> tuple[str, ...]:
    """``readings`` of a name part, every scheme tried (``own``: the name folded)."""
    if _CYRILLIC.search(text):  # Ё is e in the passport scheme, yo in most others (Бахтиёр);
        # and a person may be stored in Uzbek Latin (Xasanov Baxtiyor: Хасанов Бахтиёр)
        spelled = {text.lower().replace("ё", "йо"), iuliia.UZ.translate(text.lower())}
    else:
        lower = text.lower()
        spelled = {lower if lower.isascii() else lower.translate(_TURKIC_LATIN)}
        for read in _READINGS:
            spelled |= {read(s) for s in spelled}
        spelled.discard(lower)  # (an ASCII name as written folds to ``own``)
    found = [own]
    for folded in sorted(fold_name(s) for s in spelled):
        if folded and folded not in found:
            found.append(folded)
    return tuple(found)


@functools.lru_cache(maxsize=8192)
def loose_name(folded: str) -> str:
    """A folded name with the vowels that spellings of one name disagree on made one: Uzbek and
    Tajik write o for Russian а (Normurodov: Нормурадов, Ismoilov: Исмаилов); the Kazakh form
    of a name has і or ы where the Russian has none (Тілеубаев: Тлеубаев), Kyrgyz and Turkmen
    ы where it has у (Мырат: Мурат, Abulgaziev: Абылгазиев), so i and u between consonants are
    left out; d before a consonant or at the end is often written t (Muhammetguly)."""
    return _D_DEVOICED.sub("t", _VOWEL_BETWEEN_CONSONANTS.sub("", folded.replace("o", "a")))


_UNLOOSENED = {"a": "ao", "t": "td"}


@functools.lru_cache(maxsize=8192)
def stored_prefixes(loose: str, size: int) -> frozenset[str]:
    """The first ``size`` letters a folded key may begin with when its ``loose_name`` begins
    with ``loose``: an a may have been an o, a t a d, an i or u may stand between consonants."""
    found: set[str] = set()

    def walk(at: int, built: str) -> None:
        if len(built) >= size or at >= len(loose):
            found.add(built[:size])
            return
        letter = loose[at]
        for written in _UNLOOSENED.get(letter, letter):
            walk(at + 1, built + written)
        if built and built[-1] in _CONSONANT and letter in _CONSONANT:
            walk(at, built + "i")
            walk(at, built + "u")

    walk(0, "")
    return frozenset(found)


# How alike two names are, as ``compare_names`` finds them.
SAME, SPELLED_ALIKE, SHORT_FORM, INITIAL, NOT_GIVEN, DIFFERENT = (
    "same", "spelled alike", "short form", "initial", "not given", "different",
)  # fmt: skip
VARIANTS_FILE = Path(__file__).resolve().parents[1] / "resources" / "given_name_variants.json"
# Endings that make a longer name of a Central Asian given name (Нурлан: Нурланбек, Бакыт:
# Бакытбек, Айдар: Айдаркан), folded.
_NAME_ENDINGS = ("bek", "ba", "jan", "jon", "han", "hon", "kan", "gul", "beka")


@functools.cache
def _variant_groups() -> dict[str, frozenset[int]]:
    """Folded given name → the groups of ``VARIANTS_FILE`` it is in."""
    data = json.loads(VARIANTS_FILE.read_text(encoding="utf-8"))
    groups: dict[str, set[int]] = {}
    for number, group in enumerate(data["groups"]):
        for name in group:
            groups.setdefault(fold_name(name), set()).add(number)
    return {name: frozenset(numbers) for name, numbers in groups.items()}


def compare_given_names(a: str, b: str) -> str:
    """How two folded given names agree: the same name, spelled alike (``loose_name``), one a
    known variant or short form of the other (``VARIANTS_FILE``, or the other with a name ending
    such as -бек), one an initial of the other, one not given — or DIFFERENT (Берик, Серик)."""
    if not a or not b:
        return NOT_GIVEN
    if a == b:
        return SAME
    if len(a) == 1 or len(b) == 1:
        return INITIAL if a[0] == b[0] else DIFFERENT
    if loose_name(a) == loose_name(b):
        return SPELLED_ALIKE
    groups = _variant_groups()
    if groups.get(a, frozenset()) & groups.get(b, frozenset()):
        return SHORT_FORM
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short) and long[len(short) :] in _NAME_ENDINGS:
        return SHORT_FORM
    return DIFFERENT


def compare_family_names(a: str, b: str) -> str:
    """How two folded family names agree: the same, spelled alike (``loose_name``), or
    DIFFERENT — one letter apart is another family (Иванов, Иванова; Сукуров, Шукуров)."""
    if a == b:
        return SAME if a else NOT_GIVEN
    if a and b and loose_name(a) == loose_name(b):
        return SPELLED_ALIKE
    return DIFFERENT
