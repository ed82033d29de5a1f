"""The typeface of every report, shipped with Convene in ``resources/fonts/`` and registered with
Qt when the application starts, so that a PDF or a printout is laid out and looks the same on
every machine, whatever fonts it has installed.

The fonts are Liberation Sans 2.1.5 (regular and bold; the reports use no italic), SIL Open
Font Licence 1.1 (``resources/fonts/LICENSE``). Its letters have the widths of Arial's, the
typeface of the donors' and partners' own documents, so lines break where they would in theirs;
it has every letter of Russian, Kazakh, Kyrgyz, Tajik, Turkmen, Uzbek and Azerbaijani.

Qt is given the fonts under a name of their own, "Convene Reports" (PostScript
"ConveneReports"), written over the family's names as they are read: when a machine has a font
of the same family installed (another version of Liberation Sans), Qt would take either one, in
an order that changes from machine to machine. The Open Font Licence asks exactly this of a
changed font: that it not bear the reserved name "Liberation". The files stay as published.
"""

from __future__ import annotations

import logging
import struct
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FILES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf")
FAMILY = "Convene Reports"
# Each published name and the one the reports use: of the same length, written in place.
_RENAMED = (("Liberation Sans", FAMILY), ("LiberationSans", "ConveneReports"))
_NAME_IDS = (1, 3, 4, 6)  # family, unique identifier, full name, PostScript name

_registered: list[int] = []


def renamed_font(data: bytes) -> bytes:
    """The TrueType font ``data`` with the family's names replaced (see the module docstring):
    the records of the ``name`` table whose ids are in ``_NAME_IDS``, in their own encoding
    (UTF-16BE for Windows and Unicode records, one byte a letter for Macintosh ones)."""
    font = bytearray(data)
    (tables,) = struct.unpack_from(">H", font, 4)
    offsets = {}
    for index in range(tables):
        tag, _, offset, _ = struct.unpack_from(">4sIII", font, 12 + 16 * index)
        offsets[tag] = offset
    name = offsets[b"name"]
    _, count, strings = struct.unpack_from(">HHH", font, name)
    for index in range(count):
        platform, _, _, name_id, length, offset = struct.unpack_from(
            ">HHHHHH", font, name + 6 + 12 * index
        )
        if name_id not in _NAME_IDS:
            continue
        encoding = "mac_roman" if platform == 1 else "utf-16-be"
        start = name + strings + offset
        text = bytes(font[start : start + length]).decode(encoding)
        for published, ours in _RENAMED:
            text = text.replace(published, ours)
        written = text.encode(encoding)
        if len(written) != length:
            raise ValueError(f"name {name_id} would change length")
        font[start : start + length] = written
    return bytes(font)


def register_report_fonts() -> bool:
    """Register the shipped fonts with Qt (once; a QGuiApplication must exist); whether they
    are in use. If they cannot be read, reports fall back on the fonts the machine has."""
    if _registered and QFontDatabase.applicationFontFamilies(_registered[0]):
        return True
    ids = []
    for file_name in FILES:
        try:
            data = renamed_font((FONTS_DIR / file_name).read_bytes())
        except (OSError, KeyError, struct.error, ValueError):
            data = b""
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data)) if data else -1
        if font_id < 0 or FAMILY not in QFontDatabase.applicationFontFamilies(font_id):
            log.error("the report font %s could not be loaded from %s", file_name, FONTS_DIR)
            return False
        ids.append(font_id)
    _registered[:] = ids
    return True


def report_typeface() -> QFont:
    """The shipped family, unhinted: hinting (the machine's fontconfig decides how much)
    rounds the letters' widths, and with them where lines break."""
    font = QFont()
    font.setFamilies([FAMILY])  # a letter it lacks is taken from the machine's fonts
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
