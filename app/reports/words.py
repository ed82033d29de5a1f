"""Numbers, dates and lists written out in English and Russian, as report prose needs them.

English follows the OSCE/UN editorial style: numbers below ten in words, larger ones in figures,
any number that opens a sentence in words. Russian numerals agree with their noun in gender and
case (одно должностное лицо, две женщины, пяти государств), and nouns take the form the number
asks for (1 участник, 2 участника, 5 участников).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

_EN_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# Russian numerals: nominative and genitive; 1 and 2 change with gender in the nominative.
_RU_UNITS_NOM = (
    "ноль",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
)
_RU_UNITS_GEN = (
    "ноля",
    "одного",
    "двух",
    "трёх",
    "четырёх",
    "пяти",
    "шести",
    "семи",
    "восьми",
    "девяти",
)
_RU_TEENS_NOM = [
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
]
_RU_TEENS_GEN = [word[:-1] + "и" for word in _RU_TEENS_NOM]  # десяти, одиннадцати…
_RU_TENS_NOM = (
    "",
    "",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
)
_RU_TENS_GEN = (
    "",
    "",
    "двадцати",
    "тридцати",
    "сорока",
    "пятидесяти",
    "шестидесяти",
    "семидесяти",
    "восьмидесяти",
    "девяноста",
)
_RU_HUNDREDS_NOM = (
    "",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
)
_RU_HUNDREDS_GEN = (
    "",
    "ста",
    "двухсот",
    "трёхсот",
    "четырёхсот",
    "пятисот",
    "шестисот",
    "семисот",
    "восьмисот",
    "девятисот",
)
_RU_GENDERED = {  # nominative of 1 and 2 by gender: m(asculine), f(eminine), n(euter), p(lural)
    ("m", 1): "один",
    ("f", 1): "одна",
    ("n", 1): "одно",
    ("p", 1): "одни",
    ("m", 2): "два",
    ("f", 2): "две",
    ("n", 2): "два",
    ("p", 2): "два",
}
_RU_GEN_ONE = {"m": "одного", "n": "одного", "f": "одной", "p": "одних"}

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_RU_GEN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
MONTHS_RU = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]
MONTHS_EN_SHORT = [m[:3] for m in MONTHS_EN]
MONTHS_RU_SHORT = [
    "янв",
    "фев",
    "мар",
    "апр",
    "май",
    "июн",
    "июл",
    "авг",
    "сен",
    "окт",
    "ноя",
    "дек",
]


def number_en(n: int) -> str:
    """0–999 in English words (British usage: "one hundred and six"); figures beyond."""
    if n < 0 or n >= 1000:
        return f"{n:,}"
    if n < 20:
        return _EN_SMALL[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_SMALL[units]}" if units else "")
    hundreds, rest = divmod(n, 100)
    words = f"{_EN_SMALL[hundreds]} hundred"
    return f"{words} and {number_en(rest)}" if rest else words


def number_ru(n: int, gender: str = "m", case: str = "nom") -> str:
    """0–999 in Russian words, agreeing in ``gender`` (m, f, n, p) and ``case`` (nom, gen)."""
    if n < 0 or n >= 1000:
        return f"{n:,}".replace(",", "\u00a0")
    if n == 0:
        return _RU_UNITS_NOM[0] if case == "nom" else _RU_UNITS_GEN[0]
    genitive = case == "gen"
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    parts = []
    if hundreds:
        parts.append((_RU_HUNDREDS_GEN if genitive else _RU_HUNDREDS_NOM)[hundreds])
    if tens == 1:
        parts.append((_RU_TEENS_GEN if genitive else _RU_TEENS_NOM)[units])
    else:
        if tens:
            parts.append((_RU_TENS_GEN if genitive else _RU_TENS_NOM)[tens])
        if units:
            if genitive:
                parts.append(_RU_GEN_ONE[gender] if units == 1 else _RU_UNITS_GEN[units])
            elif units in (1, 2):
                parts.append(_RU_GENDERED[(gender, units)])
            else:
                parts.append(_RU_UNITS_NOM[units])
    return " ".join(parts)


def count_words(
    n: int, lang: str, *, start: bool = False, gender: str = "m", case: str = "nom"
) -> str:
    """A count as report prose writes it: in words below ten or when it opens a sentence
    (up to 999), else in figures; capitalised when it opens the sentence."""
    if n < 10 or (start and n < 1000):
        text = number_ru(n, gender, case) if lang == "ru" else number_en(n)
    else:
        text = f"{n:,}".replace(",", "\u00a0" if lang == "ru" else ",")
    return capitalise(text) if start else text


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """The form of a Russian noun that the number ``n`` asks for in the nominative:
    1, 21, 101 → ``one``; 2–4, 22–24 → ``few``; 0, 5–20, 25–30 → ``many``."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def genitive_ru(n: int, singular: str, plural: str) -> str:
    """The noun after a numeral in the genitive (из пяти государств, из одного государства)."""
    return singular if n % 10 == 1 and n % 100 != 11 else plural


def plural_en(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_words(items: Sequence[str], lang: str) -> str:
    """ "a, b and c" / "а, б и в"."""
    items = [i for i in items if i]
    conjunction = " и " if lang == "ru" else " and "
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + conjunction + items[-1]


def percent(part: int, whole: int, lang: str) -> str:
    """A share as a whole percentage ("36%" / "36 %"); "—" when there is no whole."""
    if not whole:
        return "—"
    value = round(100 * part / whole)
    return f"{value}\u00a0%" if lang == "ru" else f"{value}%"


def long_date(day: dt.date, lang: str) -> str:
    """13 December 2022 / 13 декабря 2022 г."""
    if lang == "ru":
        return f"{day.day} {MONTHS_RU_GEN[day.month - 1]} {day.year}\u00a0г."
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def date_span(start: dt.date, end: dt.date, lang: str, *, year_word: bool = False) -> str:
    """A date range written once: "13–15 December 2022", "28 November – 2 December 2022",
    "30 December 2022 – 2 January 2023" (Russian alike; ``year_word`` ends it in "года",
    as running Russian text does, instead of the abbreviation "г.")."""
    months = MONTHS_RU_GEN if lang == "ru" else MONTHS_EN
    year_suffix = ("\u00a0года" if year_word else "\u00a0г.") if lang == "ru" else ""
    if start == end:
        return f"{start.day} {months[start.month - 1]} {start.year}{year_suffix}"
    if start.year != end.year:
        return (
            f"{start.day} {months[start.month - 1]} {start.year}{year_suffix} –"
            f" {end.day} {months[end.month - 1]} {end.year}{year_suffix}"
        )
    if start.month != end.month:
        return (
            f"{start.day} {months[start.month - 1]} – {end.day} {months[end.month - 1]}"
            f" {end.year}{year_suffix}"
        )
    return f"{start.day}–{end.day} {months[end.month - 1]} {end.year}{year_suffix}"


def period_span(start: dt.date, end: dt.date, lang: str) -> str:
    """A reporting period opening a sentence: "From 1 January to 31 December 2019" /
    "С 1 января по 31 декабря 2019 года"."""
    if lang == "ru":
        first = (
            f"{start.day} {MONTHS_RU_GEN[start.month - 1]}"
            if start.year == end.year
            else f"{start.day} {MONTHS_RU_GEN[start.month - 1]} {start.year}\u00a0года"
        )
        return f"С {first} по {end.day} {MONTHS_RU_GEN[end.month - 1]} {end.year}\u00a0года"
    first = (
        f"{start.day} {MONTHS_EN[start.month - 1]}"
        if start.year == end.year
        else long_date(start, "en")
    )
    return f"From {first} to {long_date(end, 'en')}"


def month_label(year: int, month: int, lang: str) -> str:
    """ "Mar 2019" / "мар 2019" for chart axes and table rows."""
    names = MONTHS_RU_SHORT if lang == "ru" else MONTHS_EN_SHORT
    return f"{names[month - 1]} {year}"


def short_date(day: dt.date | None, lang: str) -> str:
    """13.12.2022 in Russian, 13 Dec 2022 in English (tables)."""
    if day is None:
        return ""
    if lang == "ru":
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {MONTHS_EN_SHORT[day.month - 1]} {day.year}"
