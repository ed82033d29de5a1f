"""Making sense of single cells: names (full-name columns split, capitals tidied, initials kept,
honorifics and ranks taken off), sex in its many spellings, e-mail addresses among other words,
placeholders that mean "empty", numbers stored as text, and dates given as real dates, Excel
serial numbers, DD.MM.YYYY or ISO text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import Any

from app import reference
from app.cleaning import BIDI_CONTROLS
from app.importing.vocabulary import (
    fold_title,
    known_given_names,
    normalise,
    organisation_words,
    placeholder_words,
    rank_edge_words,
    rank_table,
    value_table,
)
from db.enums import AttendanceMode, ParticipationRole, ParticipationStatus, Sex

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")
# Latin and Cyrillic letters that look the same, for words typed with both keyboards.
_LOOKALIKES = ("AaBCcEeHiIKkMOoPpTXxYy", "АаВСсЕеНіІКкМОоРрТХхУу")
_TO_CYRILLIC = str.maketrans(*_LOOKALIKES)
_TO_LATIN = str.maketrans(_LOOKALIKES[1], _LOOKALIKES[0])
_LETTER = re.compile(r"[^\W\d_]")
_INITIALS = re.compile(r"^((?:[^\W\d_]\.){2,3})$")
_NOT_A_NAME = re.compile(r"[\d@:;=+*/\\|<>{}\[\]_#№%]")
_PATRONYMIC = re.compile(
    r"(вич|вна|чна|оглы|оглу|угли|кызы|кизи|гызы|ovich|evich|ovna|evna|ichna|ogly|ogli|ugli|"
    r"kyzy|kizi|qizi|gyzy)$",
    re.IGNORECASE,
)
_SURNAME = re.compile(
    r"(ov|ev|ova|eva|yev|yeva|iev|ieva|yan|enko|skiy|sky|ski|skaya|dze|shvili|uly|uulu|zade|"
    r"ов|ев|ёв|ова|ева|ёва|ян|енко|ский|ская|цкий|цкая|дзе|швили|заде)$",
    re.IGNORECASE,
)
# A Turkic patronymic is two words, the father's name and "son of" or "daughter of" ("Бакыт
# кызы", "Alisher o'g'li"); these are the second words, folded without apostrophes.
_SON_OF = frozenset(
    ("оглы", "оглу", "угли", "уулу", "улы", "ұлы", "ogly", "oglu", "ogli", "ugli", "uulu", "uly")
)
_DAUGHTER_OF = frozenset(
    ("кызы", "кизи", "гызы", "қызы", "kyzy", "kizi", "qizi", "gyzy", "qyzy", "kyzi")
)
_APOSTROPHES = re.compile(r"['’ʻʼ‘`]")
_INITIAL = re.compile(r"^[^\W\d_]\.?$")
# O'Brien, D'Artagnan, L'Estrange; an Uzbek name with o' or g' ("O'ROZOV") is not one of them.
_ELIDED = re.compile(r"^([DLOД])(['’])([^\W\d_]{2,})$", re.IGNORECASE)
_UZBEK_ENDING = re.compile(r"(ov|ev|ova|eva|jon|boy|bek|xon|oy)$", re.IGNORECASE)
_ALPHANUMERIC = re.compile(r"[^\W_]")
_MAILTO = re.compile(r"(?i)mailto:")
_SPACED_AT = re.compile(r"\s*@\s*")
# An address's local part may hold an apostrophe ("sean.o'brien@osce.org", "g'ulomov@mail.uz");
# quotes written around an address are taken off afterwards (_QUOTES).
_ADDRESS = re.compile(r"[^\s;,:<>()\[\]\"«»]+@[^\s;,:<>()\[\]\"'’«»]+")
_QUOTES = "'’‘`\"«»."
# Name particles. Arabic and Malay: "son/daughter of" (bin, binti, Ould) and "father of" (Abu)
# open the family name; so does the article (Al-Thani, El-Masri, "Al Saud"); "Abdul" is one name
# with the word after it (Abdul Aziz). Romance and Germanic ones, written in lower case ("de la",
# "van", "dos", "y"), open it too, with the word before them when that leaves two given names.
_LINEAGE = frozenset(("bin", "binti", "bint", "ibn", "ould", "ben", "abu", "abou"))
_ARTICLE = re.compile(r"^(?:al|el|ul)[-‐‑'’][^\W\d_]", re.IGNORECASE)
_SERVANT_OF = frozenset(("abdul", "abd", "abdel", "abdoul", "abdur", "abdal", "abdil"))
_ROMANCE = frozenset(
    ("de", "del", "della", "di", "da", "das", "do", "dos", "du", "van", "von", "der", "den",
     "ter", "ten", "zu", "y", "e")
)  # fmt: skip
_ALL_PARTICLES = _LINEAGE | _ROMANCE | {"al", "el", "la", "las", "los", "le", "di"}
# not the ones split() takes as spaces; bidirectional controls too (app.cleaning)
_CONTROL = re.compile(rf"[\x00-\x08\x0e-\x1b\x7f{BIDI_CONTROLS}]")
EXCEL_EPOCH = dt.date(1899, 12, 30)


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def has_letters(value: Any) -> bool:
    return isinstance(value, str) and bool(_LETTER.search(value))


def cell_text(value: Any) -> str | None:
    """A cell as text: numbers without a trailing ".0", dates as DD.MM.YYYY, spaces tidied,
    control characters dropped (PostgreSQL refuses NUL in text)."""
    if value is None:
        return None
    if type(value) is str:
        if not value.isprintable():  # control characters (NUL, ESC...) are dropped
            value = _CONTROL.sub("", value)
        tidy = " ".join(value.split())  # split() also takes no-break spaces
        return (value if tidy == value else tidy) or None  # (the cell's own string, kept once)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        return (
            value.strftime("%d.%m.%Y %H:%M")
            if value.time() != dt.time()
            else value.strftime("%d.%m.%Y")
        )
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    text = " ".join(str(value).replace("\u00a0", " ").split())
    return text or None


def as_date(value: Any) -> dt.date | None:
    """A date from a real date, an Excel serial number (1982–2064), DD.MM.YYYY or ISO text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 30_000 <= value <= 60_000:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        return None
    text = cell_text(value)
    if not text:
        return None
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


# --- Names --------------------------------------------------------------------------------------


@dataclasses.dataclass
class NameParts:
    """One person's name as found in a row; ``sex`` when an honorific gave it away."""

    family: str | None = None
    given: str | None = None
    patronymic: str | None = None
    sex: Sex | None = None
    rank: str | None = None  # a rank written with the name ("полковник Атаев Сергей")


def tidy_name(text: str | None) -> str | None:
    """Spaces tidied; a part written in capitals ("ATAEV", "IVANOVA-PETROVA", "O'BRIEN") in
    ordinary case ("Ataev", "Ivanova-Petrova", "O'Brien")."""
    if not text:
        return None
    words = []
    for word in text.strip(" ,;").split():
        word = _one_script(word)
        if word.isupper() and len(word.strip(".")) > 1:  # "BAKYT UULU": uulu is a word
            lower = _kin_word(word) or word.casefold() in ("bin", "binti", "bint", "ibn")
            word = word.lower() if lower else "-".join(map(_capitalised, word.split("-")))
        words.append(word)
    return " ".join(words) or None


def _one_script(word: str) -> str:
    """A word written in one alphabet with a few look-alike letters of the other ("Атаeв" with a
    Latin e, "Ataеv" with a Cyrillic е) in the alphabet of its other letters."""
    cyrillic = len(_CYRILLIC.findall(word))
    if not cyrillic:
        return word
    latin = len(_LATIN.findall(word))
    if not latin or latin == cyrillic:
        return word
    fixed = word.translate(_TO_CYRILLIC if cyrillic > latin else _TO_LATIN)
    return fixed if not (_CYRILLIC.search(fixed) and _LATIN.search(fixed)) else word


def _capitalised(piece: str) -> str:
    elided = _ELIDED.match(piece)
    if elided is None or _UZBEK_ENDING.search(piece):
        return piece.capitalize()
    prefix, apostrophe, rest = elided.groups()
    return f"{prefix.upper()}{apostrophe}{rest.capitalize()}"


def name_problem(text: str) -> str | None:
    """Why ``text`` cannot be a person's name, or None when it can. Particles ("bin", "de la",
    "Al") are not counted: "Mohammed bin Abdulrahman bin Jassim Al Thani" is a real name."""
    if _NOT_A_NAME.search(text):
        return f"'{text}' does not look like a person's name"
    words = [w for w in text.split() if w.casefold() not in _ALL_PARTICLES]
    if len(words) > 7:
        return f"'{text}' is too long to be one person's name"
    return None


# --- What a name cell holds besides the name ----------------------------------------------------

_ANGLED = re.compile(r"<\s*(?:mailto:)?\s*([^<>\s]*@[^<>\s]*)\s*>", re.IGNORECASE)
_BRACKETED = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*$")
_NAME_EDGES = " ,;:-–—\"“”«»'‘’"
_NUMBERED = re.compile(r"^\s*\d{1,4}\s*[.)]\s+")
_ABBREVIATION = re.compile(r"^[A-ZА-ЯЁ&]{2,6}$")
_CONNECTIVES = frozenset(("of", "and", "for", "the", "и", "по", "de", "des", "für", "und"))


@dataclasses.dataclass
class NameCell:
    """A name cell taken apart: the name, and what else was written in it."""

    name: str
    email: str | None = None  # "Dana Miles <dana.miles@uni.example.org>"
    organization: str | None = None  # "Miles, Dana (Example University)"
    unread: str | None = None  # anything else in parentheses: reported, not read


def name_and_more(text: str) -> NameCell:
    """The name in a cell that also holds an e-mail address ("Dana Miles <dana@…>", '"Miles,
    Dana" <…>') or an organisation in parentheses at its end ("Miles, Dana (Example
    University)", "Ataev S. (KNB)"); other words in parentheses are kept apart as unread, and
    the list's numbering in front ("1. Ataev Sergey") is left out."""
    numbered = _NUMBERED.match(text)  # "1. Ataev Sergey", "12) Ataev": the list's numbering
    if numbered and has_letters(text[numbered.end() :]):
        text = text[numbered.end() :]
    cell = NameCell(text)
    if "@" in text:
        addresses = email_addresses(text)
        if addresses:
            rest = _ANGLED.sub(" ", text)
            for address in addresses:
                rest = rest.replace(address, " ")
            rest = " ".join(_MAILTO.sub(" ", rest).split()).strip(_NAME_EDGES)
            if has_letters(rest):
                cell.name, cell.email = rest, addresses[0]
                if len(addresses) > 1:
                    cell.unread = ", ".join(addresses[1:])
    match = _BRACKETED.search(cell.name)
    if match and match.start() > 0 and cell.unread is None:
        inside, rest = match[1].strip(), cell.name[: match.start()].strip(_NAME_EDGES)
        abbreviation = _ABBREVIATION.match(inside) and not rest.isupper()  # "Ataev S. (KNB)"
        if is_organisation_name(inside) or abbreviation:
            cell.name, cell.organization = rest, inside
        elif has_letters(inside) and has_letters(rest) and not _a_name_in_parentheses(inside):
            cell.name, cell.unread = rest, match[0].strip()  # "(head of delegation)"
    return cell


def _a_name_in_parentheses(text: str) -> bool:
    """Is this one to three capitalised words of letters, as a former family name is written
    with the name ("Иванова (Петрова)", "Smith (née Jones)" is not one)?"""
    words = text.split()
    return 0 < len(words) <= 3 and all(
        w[:1].isupper() and w.replace("-", "").isalpha() for w in words
    )


def is_organisation_name(text: str) -> bool:
    """Does this text name an organisation rather than a person ("Ministry of Health", "ООО
    Ромашка", "Barts Health NHS Trust")? A strong word (Ministry, Hospital, LLC, Служба) is
    enough; a weak one (Trust, Service, Bank: also family names) needs three words or more, or
    a connective ("of", "and")."""
    if not _organisation_words_in(normalise(text).split()):  # most names: nothing to look at
        return False
    tokens = _tokens(text)
    _take_titles(tokens, keep=1)  # "ст. лейтенант полиции Омуров Талант": a rank, no police
    return _organisation_words_in(normalise(" ".join(tokens)).split())


def _organisation_words_in(words: list[str]) -> bool:
    strong, strong_stems, weak, weak_stems = organisation_words()
    for word in words:
        if word in strong or (len(word) > 3 and word.startswith(strong_stems)):
            return True
    if len(words) >= 3 or _CONNECTIVES.intersection(words):
        return any(w in weak or (len(w) > 3 and w.startswith(weak_stems)) for w in words)
    return False


def _tokens(text: str) -> list[str]:
    tokens = []
    for token in text.replace(",", " , ").split():
        match = _INITIALS.match(token)
        if match:
            tokens.extend(f"{letter}." for letter in re.findall(r"[^\W\d_]", token))
        else:
            tokens.append(token)
    return tokens


def _take_titles(tokens: list[str], keep: int = 2) -> tuple[Sex | None, str | None]:
    """Take honorifics ("Ms", "Dr.", "г-жа") and a rank ("полковник", "Col.", "майор полиции")
    off the front of a name, and a rank off its end ("Атаев Сергей, полковник"): the sex an
    honorific tells, and the rank. A rank is taken only when ``keep`` words of name stay (two
    for a full name: "Major John" and "Серж Саргсян" are names, Major and Серж real ones)."""
    sex: Sex | None = None
    rank: str | None = None
    first_words, last_words = rank_edge_words()
    while len(tokens) > 1:
        taken = _honorific_at(tokens)
        if taken is not None:
            del tokens[: taken[0]]
            sex = Sex(taken[1]) if taken[1] in ("male", "female") else sex
            continue
        found = _rank_at(tokens, 0) if _title_word(tokens[0], 0) in first_words else None
        if found is None or len(tokens) - found[0] < keep:
            break
        del tokens[: found[0]]
        rank = rank or found[1]
    _, most_words = rank_table()
    ends_as_rank = len(tokens) > keep and _title_word(tokens[-1], -1) in last_words
    for start in range(max(keep, len(tokens) - most_words), len(tokens) if ends_as_rank else 0):
        found = _rank_at(tokens, start)
        if found is not None and start + found[0] == len(tokens):
            del tokens[start:]
            rank = rank or found[1]
            break
    while tokens and tokens[-1] == ",":
        tokens.pop()
    return sex, rank


def _honorific_at(tokens: list[str]) -> tuple[int, str] | None:
    """The honorific the name opens with, of one to three words ("Dr.", "H. E.", "Dato' Seri",
    "Prof. Dr. med."), as (how many tokens, the sex it tells or "none"); one word of name stays."""
    table = value_table("honorifics")
    if normalise(tokens[0]).split(" ")[0] not in _honorific_openings():
        return None
    for length in range(min(3, len(tokens) - 1), 0, -1):
        found = table.get(normalise(" ".join(tokens[:length])))
        if found is not None:
            return length, found
    return None


@functools.cache
def _honorific_openings() -> frozenset[str]:
    return frozenset(key.split(" ")[0] for key in value_table("honorifics"))


def _title_word(token: str, at: int) -> str:
    """The first (``at`` 0) or last (-1) word of a token as ``fold_title`` gives it, quickly."""
    return token.casefold().replace("ё", "е").strip(".,()[]").split(".")[at]


def _rank_at(tokens: list[str], start: int) -> tuple[int, str] | None:
    """The longest rank written from ``tokens[start]``: how many tokens it takes, and the rank."""
    table, most_words = rank_table()
    for length in range(min(most_words, len(tokens) - start), 0, -1):
        rank = table.get(fold_title(" ".join(tokens[start : start + length])))
        if rank is not None:
            return length, rank
    return None


def _kin_word(token: str) -> Sex | None:
    """MALE for "son of" (уулу, оглы, o'g'li), FEMALE for "daughter of" (кызы, qizi), else None."""
    folded = _APOSTROPHES.sub("", token.casefold())
    return Sex.MALE if folded in _SON_OF else Sex.FEMALE if folded in _DAUGHTER_OF else None


def _is_patronymic(token: str) -> bool:
    return bool(_PATRONYMIC.search(token)) or _is_kin_unit(token)


def _is_kin_unit(unit: str) -> bool:
    """Is this a father's name with "son of" or "daughter of" ("Бакыт уулу", "Alisher qizi")?"""
    return " " in unit and _kin_word(unit.rsplit(" ", 1)[1]) is not None


def _kin_units(tokens: list[str]) -> list[str]:
    """The name's words with each "son of"/"daughter of" joined to the father's name before it:
    "Бакыт уулу Нурбек" → ["Бакыт уулу", "Нурбек"]; the pair is one part of the name."""
    units: list[str] = []
    for token in tokens:
        if units and "," not in (token, units[-1]) and " " not in units[-1] and _kin_word(token):
            units[-1] = f"{units[-1]} {token}"
        else:
            units.append(token)
    return units


def _order_in_name(tokens: list[str]) -> bool | None:
    """What one name (honorifics and ranks taken off) tells of its order: True for "Given
    [Patronymic] Family", False for "Family Given [Patronymic]", None when it tells nothing."""
    first, last = tokens[0], tokens[-1]
    if len(tokens) == 3 and _is_patronymic(tokens[1]) and not _is_patronymic(last):
        return True  # Сергей Иванович Атаев
    if len(tokens) >= 3 and _is_patronymic(last):
        return False  # Атаев Сергей Иванович
    first_initial, last_initial = bool(_INITIAL.match(first)), bool(_INITIAL.match(last))
    if first_initial != last_initial:
        return first_initial  # "S. Ataev", "Ataev S."
    first_capitals = first.isupper() and len(first) > 1
    last_capitals = last.isupper() and len(last) > 1
    if first_capitals != last_capitals:
        return last_capitals  # "ATAEV Sergey", "Sean O'BRIEN"
    given_names = known_given_names()
    first_given, last_given = first.casefold() in given_names, last.casefold() in given_names
    if first_given != last_given:
        return first_given  # "Aigerim Nurlanova", "Smith Robert"
    first_surname, last_surname = _surname_like(first), _surname_like(last)
    if first_surname != last_surname:
        return last_surname  # "Ataev Sergey", "Sergey Ataev", "Серж Саргсян"
    return None


def _surname_like(word: str) -> bool:
    """Does the word end as family names do (Ataev, Атаева, Саргсян)? "Лев" is a given name."""
    return len(word) > 3 and bool(_SURNAME.search(word))


def looks_given_first(text: str) -> bool | None:
    """For a Latin full name: True when it reads "Given Family", False when "Family Given",
    None when nothing tells (used by column to decide the order of a whole column)."""
    if "," in text or has_cyrillic(text):
        return None
    tokens = _tokens(text)
    _take_titles(tokens)
    tokens = _kin_units(tokens)
    return _order_in_name(tokens) if len(tokens) >= 2 else None


def family_name_cell(text: str) -> NameParts:
    """A family-name column's cell: an honorific or a rank written with it ("полковник Атаев",
    "Mr Smith") taken off when a name stays ("Major" alone is a family name)."""
    tokens = _tokens(text)
    sex, rank = _take_titles(tokens, keep=1)
    return NameParts(tidy_name(" ".join(t for t in tokens if t != ",")), sex=sex, rank=rank)


def split_full_name(text: str, given_first: bool = False) -> NameParts:
    """Split "Family Given Patronymic" (or "Given [Patronymic] Family", or "Family, Given") into
    its parts. The order is the name's own when it tells one (a patronymic, initials, a part in
    capitals, a known given name, a surname ending), else, for a Latin name, ``given_first``
    (the column's); a Cyrillic name without such signs reads "Фамилия Имя" whatever the Latin
    names beside it do. A Kyrgyz "Бакыт уулу" / "Асан кызы" (the father's name and "son of" or
    "daughter of") is the family name when it opens the name or stands with the given name
    alone ("Бакыт уулу Нурбек", "Nurbek Bakyt uulu"), the patronymic when it closes a longer one
    ("Асанов Нурбек Бакыт уулу"). An honorific in front gives the sex, and the order "Given
    Family" to a Latin name that tells none ("Prof. Dr. Hans Weber", "Tan Sri Muhyiddin
    Yassin"); a rank in front or at the end is taken off and kept."""
    tokens = _tokens(text)
    written = len(tokens)
    sex, rank = _take_titles(tokens)
    given_first = given_first or (rank is None and len(tokens) < written)
    tokens = _kin_units(tokens)
    kin_first = len(tokens) >= 2 and _is_kin_unit(tokens[0]) and not _is_kin_unit(tokens[-1])
    if "," in tokens:
        at = tokens.index(",")
        family, rest = tokens[:at], [t for t in tokens[at + 1 :] if t != ","]
        given, patronymic = rest[:1], rest[1:]
    elif kin_first:  # "Бакыт уулу Нурбек [Асанович]"
        family, given, patronymic = tokens[:1], tokens[1:2], tokens[2:]
    elif len(tokens) == 2 and _is_kin_unit(tokens[1]):  # "Nurbek Bakyt uulu"
        given, patronymic, family = tokens[:1], [], tokens[1:]
    elif len(tokens) >= 4 and _is_kin_unit(tokens[-1]):
        # "Токтосунова Айгуль Мария Бакыт кызы": a two-word given name before the patronymic
        family, given, patronymic = tokens[:1], tokens[1:-1], tokens[-1:]
    elif (particle := _particle_split(tokens)) is not None:  # "Omar bin Rashid", "de la Cruz"
        given, patronymic, family = particle
    elif len(tokens) >= 2 and _take_order(
        _order_in_name(tokens), given_first and not any(map(has_cyrillic, tokens))
    ):
        given, patronymic, family = tokens[:1], tokens[1:-1], tokens[-1:]
    elif len(tokens) >= 4 and _PATRONYMIC.search(tokens[-1]):
        # "Ataev Sergey Ivanovich" with a two-word given name, or a compound surname:
        family, given, patronymic = tokens[:1], tokens[1:-1], tokens[-1:]
    else:
        family, given, patronymic = tokens[:1], tokens[1:2], tokens[2:]
    return NameParts(
        tidy_name(" ".join(family)),
        tidy_name(" ".join(given)),
        tidy_name(" ".join(patronymic)),
        sex,
        rank,
    )


def _particle_split(tokens: list[str]) -> tuple[list[str], list[str], list[str]] | None:
    """(given, patronymic, family) of a Latin name read "Given … Family" because of a particle
    after its first word: "Omar bin Rashid", "Nurul Izzah binti Anwar", "Mohamed Ould Cheikh",
    "Ali Abu Bakar" (given names before the particle, the rest the family name); "Hamad
    Al-Sabah", "Mohammed Ahmed Al Hashimi" (the father's name between them the patronymic);
    "Juan de la Cruz", "María José García de la Fuente", "José Ortega y Gasset"; "Abdul Aziz
    Kassim" (Abdul and the word after it one given name). None for other names."""
    if len(tokens) < 2 or "," in tokens or any(map(has_cyrillic, tokens)):
        return None
    for at in range(1, len(tokens)):
        token, last = tokens[at], at == len(tokens) - 1
        folded = token.casefold().rstrip(".")
        if not last and folded in _LINEAGE:
            return [" ".join(_servant_units(tokens[:at]))], [], tokens[at:]
        if _ARTICLE.match(token) or (not last and folded in ("al", "el")):
            before = _servant_units(tokens[:at])
            return before[:1], before[1:], tokens[at:]
        if not last and token in _ROMANCE:  # written in lower case: "de", not "De" or "DE"
            start = at - 1 if token in ("y", "e") or at >= 3 else at
            if start >= 1:
                return [" ".join(tokens[:start])], [], tokens[start:]
    units = _servant_units(tokens)
    if len(units) == len(tokens) or len(units) < 2:
        return None
    if _order_in_name(units) is False:  # "Karimov Abdul Aziz"
        return units[1:2], units[2:], units[:1]
    return units[:1], units[1:-1], units[-1:]  # "Abdul Aziz Kassim", "Noorainee Abdul Rahman"


def _servant_units(tokens: list[str]) -> list[str]:
    """The name's words with "Abdul" joined to the word after it ("Abdul Aziz"), unless that
    word is a family name ("Abdul Rahimov") or nothing else would stay."""
    units: list[str] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        following = tokens[at + 1] if at + 1 < len(tokens) else None
        remaining = len(tokens) - at - 2
        if (
            following is not None
            and token.casefold() in _SERVANT_OF
            and not _surname_like(following)
            and (units or remaining >= 1)
        ):
            units.append(f"{token} {following}")
            at += 2
        else:
            units.append(token)
            at += 1
    return units


def _take_order(in_name: bool | None, in_column: bool) -> bool:
    return in_column if in_name is None else in_name


def infer_sex(family: str | None, patronymic: str | None) -> Sex | None:
    """Sex as the patronymic, or a Russian-pattern family name, tells it (None when unsure)."""
    if patronymic:
        kin = _kin_word(patronymic.split()[-1])
        if kin is not None:
            return kin  # Бакыт уулу, Alisher qizi
        folded = patronymic.casefold().strip(".")
        if re.search(r"(вич|оглы|оглу|угли|ovich|evich|ogly|ogli|ugli|uly)$", folded):
            return Sex.MALE
        if re.search(r"(вна|чна|кызы|кизи|гызы|ovna|evna|ichna|kyzy|kizi|qizi|gyzy)$", folded):
            return Sex.FEMALE
    if family:
        kin = _kin_word(family.rsplit(" ", 1)[-1])
        if kin is not None:
            return kin  # "Бакыт уулу" as the family name
        folded = family.casefold().split("-")[-1]
        if re.search(r"(ова|ева|ёва|ина|ская|цкая)$|(ova|eva|yeva|skaya)$", folded):
            return Sex.FEMALE
        if re.search(r"(ов|ев|ёв|ин|ский|цкий)$|(ov|ev|yev|skiy|sky)$", folded):
            return Sex.MALE
    return None


# --- Choices ------------------------------------------------------------------------------------


def is_plain_address(text: str) -> bool:
    """Is a cell one e-mail address and nothing else (no words, spaces, quotes or control
    characters around it), as most are? ``email_addresses`` then finds it alone."""
    return (
        text.isprintable()
        and _ADDRESS.fullmatch(text) is not None
        and not (text[0] in _QUOTES or text[-1] in _QUOTES)
    )


def email_addresses(text: str) -> list[str]:
    """The e-mail addresses in a cell, in order: the words around them ("E-mail:", "(личный)")
    left out, and spaces written around the @ ("ataev @mail.kg") closed up."""
    if _ADDRESS.fullmatch(text):  # the cell is the address, as most are
        return [text.strip(_QUOTES)]
    joined = _SPACED_AT.sub("@", _MAILTO.sub("", text))
    return [address.strip(_QUOTES) for address in _ADDRESS.findall(joined)]


def is_placeholder(value: Any, *, in_name: bool = False) -> bool:
    """Is this cell a mark for "nothing here": only dashes or other signs ("-", "—", "?"), or one
    of the placeholder words ("н/д", "n/a", "нет", as the whole cell)? ``in_name``: the cell is
    part of a name, where the words that are also names ("Nil", "Null") are names."""
    if type(value) is not str:
        return False
    if not _ALPHANUMERIC.search(value):
        return True
    return " ".join(value.split()).casefold() in placeholder_words(in_name=in_name)


def is_status_word(value: Any) -> bool:
    """Is this cell one of the spellings of a participation status? In a status column "нет"
    and "no" say the person did not come; elsewhere they mean the cell is empty."""
    return type(value) is str and normalise(value) in value_table("status")


def sex_value(value: Any) -> Sex | None:
    """M/F, Male/Female, м/ж, муж./жен., Mr/Ms/Mrs, Г-н/Г-жа, Мужской/Женский; None if empty."""
    text = cell_text(value)
    if text is None:
        return None
    found = value_table("sex").get(normalise(text))
    if found is not None:
        return Sex(found)
    try:
        return reference.parse_enum(Sex, text)
    except ValueError:
        raise ValueError(f"'{text}' is not a sex (use M or F, муж. or жен.)") from None


_CHOICES = {"mode": AttendanceMode, "role": ParticipationRole, "status": ParticipationStatus}


def choice_value(field: str, value: Any) -> Any:
    """Attendance mode, role or status from the list's wording (English or Russian)."""
    text = cell_text(value)
    if text is None:
        return None
    enum_cls = _CHOICES[field]
    found = value_table(field).get(normalise(text))
    if found is not None:
        return enum_cls(found)
    return reference.parse_enum(enum_cls, text)


def most_common(values: Iterable[Any]) -> Any:
    counts: dict[Any, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
