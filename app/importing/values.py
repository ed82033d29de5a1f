"""Making sense of single cells: names (full-name columns split, capitals tidied, initials kept,
honorifics taken off), sex in its many spellings, numbers stored as text, and dates given as real
dates, Excel serial numbers, DD.MM.YYYY or ISO text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from app import reference
from app.importing.vocabulary import normalise, value_table
from db.enums import AttendanceMode, ParticipationRole, ParticipationStatus, Sex

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LETTER = re.compile(r"[^\W\d_]")
_INITIALS = re.compile(r"^((?:[^\W\d_]\.){2,3})$")
_NOT_A_NAME = re.compile(r"[\d@:;=+*/\\|<>{}\[\]_#№%]")
_PATRONYMIC = re.compile(
    r"(вич|вна|чна|оглы|оглу|угли|кызы|кизи|гызы|ovich|evich|ovna|evna|ichna|ogly|ogli|ugli|"
    r"kyzy|kizi|qizi|gyzy)$",
    re.IGNORECASE,
)
_LATIN_SURNAME = re.compile(
    r"(ov|ev|ova|eva|yev|yeva|iev|ieva|yan|enko|skiy|sky|ski|skaya|dze|shvili|uly|uulu|zade)$",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")  # not the ones split() takes as spaces
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
        return " ".join(value.split()) or None  # split() also takes no-break spaces
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


def tidy_name(text: str | None) -> str | None:
    """Spaces tidied; a part written in capitals ("ATAEV") in ordinary case ("Ataev")."""
    if not text:
        return None
    words = []
    for word in text.strip(" ,;").split():
        if word.isupper() and len(word.strip(".")) > 1:
            word = "-".join(piece.capitalize() for piece in word.split("-"))
        words.append(word)
    return " ".join(words) or None


def name_problem(text: str) -> str | None:
    """Why ``text`` cannot be a person's name, or None when it can."""
    if _NOT_A_NAME.search(text):
        return f"'{text}' does not look like a person's name"
    if len(text.split()) > 6:
        return f"'{text}' is too long to be one person's name"
    return None


def _tokens(text: str) -> list[str]:
    tokens = []
    for token in text.replace(",", " , ").split():
        match = _INITIALS.match(token)
        if match:
            tokens.extend(f"{letter}." for letter in re.findall(r"[^\W\d_]", token))
        else:
            tokens.append(token)
    return tokens


def _take_honorific(tokens: list[str]) -> Sex | None:
    if not tokens:
        return None
    found = value_table("honorifics").get(normalise(tokens[0]))
    if found is None:
        return None
    del tokens[0]
    return Sex(found) if found in ("male", "female") else None


def looks_given_first(text: str) -> bool | None:
    """For a Latin full name: True when it reads "Given Family", False when "Family Given",
    None when nothing tells (used by column to decide the order of a whole column)."""
    tokens = [t for t in _tokens(text) if t != ","]
    if "," in text or len(tokens) < 2 or has_cyrillic(text):
        return None
    first, last = tokens[0], tokens[-1]
    if first.isupper() and len(first) > 1 and not last.isupper():
        return False
    if last.isupper() and len(last) > 1 and not first.isupper():
        return True
    first_surname, last_surname = (
        bool(_LATIN_SURNAME.search(first)),
        bool(_LATIN_SURNAME.search(last)),
    )
    if len(tokens) == 3 and _PATRONYMIC.search(tokens[1]):
        return True  # Sergey Ivanovich Ataev
    if first_surname != last_surname:
        return last_surname
    return None


def split_full_name(text: str, given_first: bool = False) -> NameParts:
    """Split "Family Given Patronymic" (or "Given [Patronymic] Family" when ``given_first``,
    or "Family, Given") into its parts; an honorific in front gives the sex."""
    tokens = _tokens(text)
    sex = _take_honorific(tokens)
    if "," in tokens:
        at = tokens.index(",")
        family, rest = " ".join(tokens[:at]), [t for t in tokens[at + 1 :] if t != ","]
        return NameParts(
            tidy_name(family),
            tidy_name(rest[0] if rest else None),
            tidy_name(" ".join(rest[1:])),
            sex,
        )
    if not tokens:
        return NameParts(sex=sex)
    if len(tokens) == 1:
        return NameParts(tidy_name(tokens[0]), sex=sex)
    order_given_first = given_first
    if len(tokens) == 3 and _PATRONYMIC.search(tokens[1]) and not _PATRONYMIC.search(tokens[2]):
        order_given_first = True  # Сергей Иванович Атаев
    elif len(tokens) >= 3 and _PATRONYMIC.search(tokens[-1]):
        order_given_first = False
    if order_given_first:
        given, *middle, family = tokens
        return NameParts(tidy_name(family), tidy_name(given), tidy_name(" ".join(middle)), sex)
    if len(tokens) >= 4 and _PATRONYMIC.search(tokens[-1]):
        # "Ataev Sergey Ivanovich" with a two-word given name, or a compound surname:
        family, given, patronymic = tokens[0], " ".join(tokens[1:-1]), tokens[-1]
        return NameParts(tidy_name(family), tidy_name(given), tidy_name(patronymic), sex)
    family, given, *rest = tokens
    return NameParts(tidy_name(family), tidy_name(given), tidy_name(" ".join(rest)), sex)


def infer_sex(family: str | None, patronymic: str | None) -> Sex | None:
    """Sex as the patronymic, or a Russian-pattern family name, tells it (None when unsure)."""
    if patronymic:
        folded = patronymic.casefold().strip(".")
        if re.search(r"(вич|оглы|оглу|угли|ovich|evich|ogly|ogli|ugli|uly)$", folded):
            return Sex.MALE
        if re.search(r"(вна|чна|кызы|кизи|гызы|ovna|evna|ichna|kyzy|kizi|qizi|gyzy)$", folded):
            return Sex.FEMALE
    if family:
        folded = family.casefold().split("-")[-1]
        if re.search(r"(ова|ева|ёва|ина|ская|цкая)$|(ova|eva|yeva|skaya)$", folded):
            return Sex.FEMALE
        if re.search(r"(ов|ев|ёв|ин|ский|цкий)$|(ov|ev|yev|skiy|sky)$", folded):
            return Sex.MALE
    return None


# --- Choices ------------------------------------------------------------------------------------


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
