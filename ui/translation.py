"""The GUI's language: Convene's own words from the catalogue (``app.i18n``), Qt's own dialogs and
buttons from ``qtbase_ru``, dates and numbers from the matching ``QLocale``.

Qt asks :class:`CatalogueTranslator` for every ``self.tr()``; it answers from the same catalogue
the core uses, so there is one place per word. Switching the language while the application runs
re-installs the translators; windows opened afterwards are in the new language, and the main
window rebuilds its menus and lists at once (``QEvent.LanguageChange``).
"""

from __future__ import annotations

import locale
import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import i18n

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


class CatalogueTranslator(QTranslator):
    """Qt's ``tr()`` answered from ``app.i18n`` (English counts get their plural too)."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def, override]
        if not source:
            return None
        count = None if n is None or n < 0 else n
        if i18n.language() == "ru":  # None lets Qt ask the next translator (qtbase_ru)
            return i18n.translation(source, disambiguation or "", count)
        return i18n.tr(source, disambiguation or "", n=count) if count is not None else None

    def isEmpty(self) -> bool:
        return False


def system_language() -> str:
    """The language of the system locale: Russian for ru_*, else English."""
    name = QLocale.system().name()
    if not name or name == "C":
        name = locale.getlocale()[0] or ""
    return i18n.language_of_locale(name)


def install_language(lang: str) -> None:
    """Make ``lang`` the language of the whole application, for the core's messages too."""
    i18n.set_language(lang)
    app = QCoreApplication.instance()
    QLocale.setDefault(
        QLocale(QLocale.Russian, QLocale.Russia)
        if lang == "ru"
        else QLocale(QLocale.English, QLocale.UnitedKingdom)
    )
    if app is None:
        return
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang == "ru":
        qt_own = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load("qtbase_ru", folder):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
        else:
            log.warning("Qt's Russian translation (qtbase_ru) not found in %s", folder)
    ours = CatalogueTranslator(app)
    app.installTranslator(ours)
    _installed.append(ours)
