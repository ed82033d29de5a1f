"""Every user-visible word of Convene in Russian: one catalogue, read without Qt.

The catalogue is ``resources/translations/convene_ru.ts`` (Qt Linguist's XML format). The
English text in the code is the key; the catalogue gives its Russian. ``app/`` translates with
:func:`tr` (and :func:`tr_n` for counts); the GUI's ``tr()`` reaches the same catalogue
through a translator that Qt asks (``ui.translation``), so there is one place per word for the
core and the interface alike. ``uv run python -m tools.translations`` adds the strings the code
gained to the catalogue, and ``tests/test_translations.py`` names any without a Russian
translation.

A message with ``%n`` is a count: Russian has three forms (1 участник, 2 участника,
5 участников, 21 участник, 11 участников), English two (the source's ``(s)`` is dropped for
one and kept as ``s`` otherwise).
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

LANGUAGES = ("en", "ru")
CATALOGUE = Path(__file__).resolve().parent.parent / "resources" / "translations" / "convene_ru.ts"

_language = "en"


def set_language(lang: str) -> None:
    """Make ``lang`` ("en" or "ru") the language of messages from now on."""
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"'{lang}' is not one of: {', '.join(LANGUAGES)}")
    _language = lang


def language() -> str:
    """The language messages are given in now ("en" or "ru")."""
    return _language


def language_of_locale(name: str | None) -> str:
    """The language for a system locale name such as ``ru_RU.UTF-8`` (Russian for ru_*)."""
    return "ru" if (name or "").lower().startswith("ru") else "en"


def N_(text: str, disambiguation: str = "") -> str:
    """Mark ``text`` for the catalogue where it is defined; translate it with ``tr`` where shown
    (with the same ``disambiguation``, if one is given)."""
    return text


class _Entry:
    __slots__ = ("forms",)

    def __init__(self, forms: tuple[str, ...]) -> None:
        self.forms = forms


@functools.cache
def _catalogue() -> dict[tuple[str, str], _Entry]:
    """(source, disambiguation) -> Russian forms; translations left empty are not included."""
    result: dict[tuple[str, str], _Entry] = {}
    if not CATALOGUE.exists():
        return result
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source = message.findtext("source") or ""
        comment = message.findtext("comment") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            continue
        forms = tuple(f.text or "" for f in translation.findall("numerusform"))
        if not forms:
            forms = (translation.text or "",)
        if any(forms):
            result.setdefault((source, comment), _Entry(forms))
    return result


def reload() -> None:
    """Read the catalogue again (after ``tools.translations`` changed it)."""
    _catalogue.cache_clear()


def russian_plural_index(n: int) -> int:
    """0 for 1, 21, 101…; 1 for 2–4, 22–24…; 2 for 0, 5–20, 25–30, 11–14…"""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


_EN_PLURAL = re.compile(r"\((e?s)\)|\[([^|\]]*)\|([^\]]*)\]")  # "event(s)", "[person|people]"


def _english(source: str, n: int | None) -> str:
    if n is None:
        return source

    def form(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return "" if abs(n) == 1 else m.group(1)
        return m.group(2) if abs(n) == 1 else m.group(3)

    return _EN_PLURAL.sub(form, source).replace("%n", count_text(n))


def count_text(n: int) -> str:
    """A count as lists and messages show it: thousands apart by a space (1 204)."""
    return f"{n:,}".replace(",", " ")


def translation(source: str, disambiguation: str = "", n: int | None = None) -> str | None:
    """The Russian of ``source`` (with ``%n`` filled in from ``n``), or None when missing."""
    entry = _catalogue().get((source, disambiguation or ""))
    if entry is None:
        return None
    if n is None:
        return entry.forms[0]
    form = entry.forms[min(russian_plural_index(n), len(entry.forms) - 1)]
    return form.replace("%n", count_text(n))


def tr(
    source: str, disambiguation: str = "", *, n: int | None = None, lang: str | None = None
) -> str:
    """``source`` in ``lang`` (by default the current language); English when not translated."""
    if (lang or _language) == "ru":
        russian = translation(source, disambiguation, n)
        if russian is not None:
            return russian
    return _english(source, n)


def tr_n(source: str, n: int, disambiguation: str = "", *, lang: str | None = None) -> str:
    """A count: ``tr_n("%n participant(s)", 5)`` → "5 participants" / "5 участников"."""
    return tr(source, disambiguation, n=n, lang=lang)
