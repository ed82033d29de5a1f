"""Reading a country as people write it: every country and territory of ISO 3166-1 by its codes
and by its names in English and Russian (common, official and short forms, from pycountry and
its gettext translations), its former names (ISO 3166-3: Burma, Zaire, East Timor), the forms
other lists use ("Palestinian Territory", "Slovakia (Slovak Republic)", "St Lucia", "Virgin
Islands, U.S." as "U.S. Virgin Islands") and the region's own everyday names and demonyms.

A former country that is now several (the USSR, Czechoslovakia, Yugoslavia) gives no code:
``former_country`` names it, so a reader can say why it was not read.
"""

from __future__ import annotations

import functools
import gettext
import re
import unicodedata

import pycountry

# Short forms of the ISO names with a comma or parentheses ("Micronesia, Federated States of",
# "Holy See (Vatican City State)") are made from the names themselves; these are the everyday
# names no ISO list gives.
_EVERYDAY = {
    "PS": ["Palestinian Territory", "Palestinian Territories", "Occupied Palestinian Territory",
           "Occupied Palestinian Territories", "Палестинская территория",
           "Палестинские территории"],
    "VI": ["United States Virgin Islands", "US Virgin Islands", "American Virgin Islands",
           "Виргинские острова США"],
    "VG": ["British Virgin Islands", "Британские Виргинские острова"],
    "PN": ["Pitcairn Islands", "Острова Питкэрн"],
    "SZ": ["Swaziland", "Свазиленд"],
    "CI": ["Ivory Coast", "Берег Слоновой Кости"],
    "CV": ["Cape Verde"],
    "MM": ["Burma", "Бирма"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo", "ДР Конго",
           "ДРК", "Конго-Киншаса", "Zaire", "Заир"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville", "Республика Конго", "Конго-Браззавиль"],
    "MK": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia", "Македония"],
    "VA": ["Vatican", "Vatican City", "Ватикан"],
    "SY": ["Syria", "Сирия"],
    "VN": ["Vietnam", "Вьетнам"],
    "LA": ["Laos", "Lao PDR", "Лаос"],
    "ZW": ["Rhodesia", "Родезия"],
    "DE": ["East Germany", "West Germany", "ГДР"],
    "BN": ["Brunei", "Бруней"],
    "KP": ["North Korea", "КНДР", "Северная Корея"],
    "KR": ["South Korea", "Republic of Korea", "Южная Корея", "Республика Корея"],
    "MO": ["Macau"],
    "GB": ["United Kingdom", "UK", "Great Britain", "Britain", "England", "Scotland", "Wales",
           "Northern Ireland", "Великобритания", "Соединённое Королевство", "Англия"],
    "US": ["USA", "United States", "America", "США", "Соединённые Штаты Америки",
           "Соединённые Штаты", "Америка"],
    "NL": ["Holland", "Голландия"],
    "TL": ["East Timor", "Timor Leste", "Восточный Тимор"],
    "CZ": ["Czech Republic", "Czechia", "Чехия", "Чешская Республика"],
    "TR": ["Turkey", "Türkiye", "Турция"],
    "MD": ["Moldova", "Молдова", "Молдавия"],
    "BY": ["Belarus", "Беларусь", "Белоруссия"],
    "RU": ["Russia", "Россия", "Российская Федерация", "РФ"],
    "IR": ["Iran", "Иран"],
    "BO": ["Bolivia", "Боливия"],
    "VE": ["Venezuela", "Венесуэла"],
    "TW": ["Taiwan", "Тайвань"],
    "FM": ["Micronesia", "Микронезия"],
    "BL": ["St Barts", "Saint Barths", "Сен-Бартелеми"],
    "KG": ["Kyrgyz Republic", "Kirgizia", "Kirghizia", "Kyrgyzia", "Кыргызская Республика",
           "Киргизия", "Кыргызстан", "Кыргызия", "КР"],
    "KZ": ["Kazakstan", "Qazaqstan", "РК"],
    "TJ": ["Tadjikistan", "Tadzhikistan", "РТ"],
    "UZ": ["Uzbekiston", "РУз"],
    "TM": ["Туркменистан", "Turkmenistan", "Türkmenistan", "Туркмения", "Turkmenia"],
    "AF": ["Afghanistan", "Афганистан"],
}  # fmt: skip
# How attendee lists write the region's countries besides their names: demonyms, and the
# genitive of headings such as "Делегация Республики Казахстан". (Read after every name, so a
# demonym never takes a country's name from another country.)
_REGION_FORMS = {
    "KZ": ["Kazakh", "Kazakhstani", "казахстанский", "Казахстана", "Республики Казахстан"],
    "KG": ["Kyrgyz", "Kirghiz", "Кыргызстана", "Киргизии", "Кыргызской Республики"],
    "TJ": ["Tajik", "Tajikistani", "Таджикистана", "Республики Таджикистан"],
    "TM": ["Turkmen", "Туркменистана"],
    "UZ": ["Uzbek", "Uzbekistani", "Узбекистана", "Республики Узбекистан"],
    "AF": ["Afghan", "Афганистана", "Islamic Republic of Afghanistan"],
    "RU": ["Russian", "России", "Российской Федерации"],
    "MN": ["Mongolian", "Монголии"],
    "AZ": ["Azerbaijani", "Азербайджана", "Азербайджанской Республики"],
    "CN": ["Chinese", "Китая", "КНР"],
    "TR": ["Turkish", "Турции", "Турецкой Республики"],
    "DE": ["German", "Германии", "ФРГ"],
}
# Former countries now several, by the everyday names ISO 3166-3 does not give.
_FORMER_EVERYDAY = {
    "SUHH": ["Soviet Union", "USSR", "СССР", "Советский Союз"],
    "CSHH": ["Czechoslovakia", "ЧССР", "Чехословакия"],
    "YUCS": ["Yugoslavia", "Югославия"],
}
_ABBREVIATED = {"rep": "republic", "респ": "республика", "st": "saint", "ste": "sainte"}
_SEPARATORS = re.compile(r"[\s.\-_'’ʼʻ`]+")
_PARENTHESES = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*(.*)$")


def fold_place(text: str) -> str:
    """A place's name as compared: lower case, ё as е, Latin letters without accents (Côte →
    cote, Barthélemy → barthelemy; Cyrillic й stays й), "&" as "and", punctuation as spaces."""
    folded = text.casefold().replace("ё", "е").replace("&", " and ")
    plain = "".join(
        unicodedata.normalize("NFKD", ch)[0] if "\u00c0" <= ch <= "\u024f" else ch for ch in folded
    )
    return _SEPARATORS.sub(" ", plain).strip()


def _short_forms(name: str) -> list[str]:
    """Other ways to write an ISO name: "Micronesia, Federated States of" as "Federated States
    of Micronesia" and "Micronesia"; "Holy See (Vatican City State)" as "Holy See" and "Vatican
    City State"; "Saint Martin (French part)" as "Saint Martin"."""
    forms = []
    match = _PARENTHESES.match(name)
    if match:
        outside = f"{match[1]} {match[3]}".strip()
        forms += [outside, match[2], f"{match[2]} {outside}", f"{outside} {match[2]}"]
    if ", " in name:
        head, tail = name.split(", ", 1)
        forms += [f"{tail} {head}", head]
    return [form for form in forms if form]


@functools.cache
def _translations() -> tuple[gettext.NullTranslations, gettext.NullTranslations]:
    current = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    former = gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=["ru"])
    return current, former


def _successor(former: object) -> str | None:
    """The one country a former one became (ISO 3166-3's fourth code: BUMM → MM), or None when
    it became several (…HH) or none still current."""
    alpha_4 = getattr(former, "alpha_4", "")
    current = {c.alpha_2 for c in pycountry.countries}
    if alpha_4[2:] in current:
        return alpha_4[2:]
    alpha_2 = getattr(former, "alpha_2", "")
    return alpha_2 if alpha_4[2:] == "AA" and alpha_2 in current else None  # BYAA: Belarus


@functools.cache
def _indexes() -> tuple[dict[str, str], dict[str, str]]:
    """Folded name → alpha-2 code, and folded name of a former country that is now several →
    its ISO 3166-3 name. A name is kept for the first country that has it, in this order: the
    codes, the ISO names, the everyday names, the short forms made from the ISO names (a short
    form two countries share, like "Virgin Islands", is left out), the former names."""
    russian, russian_former = _translations()
    index: dict[str, str] = {}
    for c in pycountry.countries:
        index.setdefault(fold_place(c.alpha_2), c.alpha_2)
        index.setdefault(fold_place(c.alpha_3), c.alpha_2)
    names: dict[str, list[str]] = {}
    for c in pycountry.countries:
        english = [c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")]
        names[c.alpha_2] = [n for n in english if n] + [russian.gettext(n) for n in english if n]
    for code, found in names.items():
        for name in found:
            index.setdefault(fold_place(name), code)
    for code, everyday in _EVERYDAY.items():
        for name in everyday:
            index[fold_place(name)] = code
    short: dict[str, set[str]] = {}
    for code, found in names.items():
        for name in found:
            for form in _short_forms(name):
                short.setdefault(fold_place(form), set()).add(code)
    for form, codes in short.items():
        if len(codes) == 1:
            index.setdefault(form, next(iter(codes)))
    for code, forms in _REGION_FORMS.items():
        for form in forms:
            index.setdefault(fold_place(form), code)
    several: dict[str, str] = {}
    for former in pycountry.historic_countries:
        successor = _successor(former)
        written = [former.name, russian_former.gettext(former.name)]
        written += [form for name in written for form in _short_forms(name)]
        written += _FORMER_EVERYDAY.get(former.alpha_4, [])
        for name in written:
            key = fold_place(name)
            if successor is not None:
                index.setdefault(key, successor)
            elif key not in index:
                several.setdefault(key, former.name)
    return index, several


def _forms(text: str) -> list[str]:
    """The folded forms of ``text`` to look up: as written, with "Rep."/"St." spelled out, with
    dots between single letters closed up ("U.S.A."), without "the", and a name with words in
    parentheses without them or with them in front. ("Jordan, Michael" is no country, and
    "Ivanov (Georgia)" none either.)"""
    folded = fold_place(text)
    words = folded.split(" ")
    spelled_out = " ".join(_ABBREVIATED.get(word, word) for word in words)
    dotted = "".join(words) if all(len(word) == 1 for word in words) else folded  # u s a → usa
    forms = [folded, spelled_out, dotted]
    forms += [form.removeprefix("the ") for form in forms]
    match = _PARENTHESES.match(text)
    if match:  # "Slovakia (Slovak Republic)", "Korea (South)"; not the words inside alone
        outside = f"{match[1]} {match[3]}".strip()
        forms += [
            fold_place(f) for f in (outside, f"{match[2]} {outside}", f"{outside} {match[2]}")
        ]
    return list(dict.fromkeys(form for form in forms if form))


def find_country(text: str | None) -> str | None:
    """The ISO alpha-2 code for a code (alpha-2 or alpha-3) or a name in English or Russian
    (see the module's docstring); a cell naming one country twice ("Kazakhstan / Казахстан")
    gives it too. None when the text names no country, or a former one now several."""
    if text is None:
        return None
    index = _indexes()[0]
    for form in _forms(str(text)):
        found = index.get(form)
        if found:
            return found
    parts = [part for part in re.split(r"\s*/\s*", str(text)) if part.strip()]
    if len(parts) > 1:
        codes = {find_country(part) for part in parts}
        if len(codes) == 1:
            return codes.pop()
    return None


def former_country(text: str | None) -> str | None:
    """The ISO 3166-3 name of the former country ``text`` names when it is now several
    countries ("USSR" → "USSR, Union of Soviet Socialist Republics"), else None."""
    if text is None or find_country(text) is not None:
        return None
    several = _indexes()[1]
    return next((several[form] for form in _forms(str(text)) if form in several), None)
