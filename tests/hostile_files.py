"""Attendee lists built to hurt the importer: XML entity bombs, zip bombs, sheets claiming
millions of cells, ten thousand columns, huge cells, bad encodings — each written into a folder
by a function of that folder, most by taking a real fixture apart and changing one thing.

``CASES`` maps a name to its builder and what a user must get: ``plan`` (the list is read and
planned), ``refused`` (one clear sentence) or ``either``.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from tests.xlsx_parts import MAIN, SHEET, inline, list_with_shared_strings, rezip, sheet_xml

FIXTURES = Path(__file__).parent / "fixtures" / "import"
_HEADER = ["Surname", "Given name", "Sex", "Country", "Organisation", "Position", "E-mail"]


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _header_row() -> str:
    return '<row r="1">' + inline("A1", "Surname") + inline("B1", "Given name") + "</row>"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _laughs_dtd(depth: int = 10) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, depth)
    ]
    return f"<!DOCTYPE worksheet [{''.join(entities)}]>"


def billion_laughs_xlsx(folder: Path) -> Path:
    sheet = (
        f'<?xml version="1.0"?>{_laughs_dtd()}<worksheet {MAIN}><sheetData>{_header_row()}'
        f'<row r="2">{inline("A2", "&lol9;")}{inline("B2", "Sergey")}</row></sheetData></worksheet>'
    ).encode()
    return _write(
        folder, "billion_laughs.xlsx", rezip(_fixture("en_conference.xlsx"), {SHEET: sheet})
    )


def billion_laughs_shared_strings_xlsx(folder: Path) -> Path:
    data = list_with_shared_strings(_HEADER)
    strings = zipfile.ZipFile(io.BytesIO(data)).read("xl/sharedStrings.xml").decode()
    declaration_end = strings.index("?>") + 2
    strings = (
        strings[:declaration_end]
        + _laughs_dtd().replace("worksheet", "sst")
        + strings[declaration_end:]
    )
    strings = strings.replace("<t>Atayev</t>", "<t>&lol9;</t>", 1)
    return _write(
        folder, "laughs_strings.xlsx", rezip(data, {"xl/sharedStrings.xml": strings.encode()})
    )


def billion_laughs_ods(folder: Path) -> Path:
    data = _fixture("en_conference.ods")
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode()
    declaration_end = content.index("?>") + 2
    dtd = _laughs_dtd().replace("worksheet", "office:document-content")
    content = content[:declaration_end] + dtd + content[declaration_end:]
    content = content.replace(">ATAYEV<", ">&lol9;<", 1)
    return _write(folder, "billion_laughs.ods", rezip(data, {"content.xml": content.encode()}))


def external_entity_xlsx(folder: Path) -> Path:
    sheet = (
        '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        f"<worksheet {MAIN}><sheetData>{_header_row()}"
        f'<row r="2">{inline("A2", "&secret;")}{inline("B2", "Sergey")}</row></sheetData></worksheet>'
    ).encode()
    return _write(
        folder, "external_entity.xlsx", rezip(_fixture("en_conference.xlsx"), {SHEET: sheet})
    )


def zip_bomb_fixture(folder: Path) -> Path:
    return _write(folder, "zip_bomb.xlsx", _fixture("zip_bomb.xlsx"))


def lying_zip_bomb_xlsx(folder: Path) -> Path:
    """A sheet of 200 MB of rows whose zip headers claim it unpacks to 2 KB: the size check
    believes the headers, so only the reader itself can notice."""
    source = zipfile.ZipFile(FIXTURES / "en_conference.xlsx")
    path = folder / "lying_zip_bomb.xlsx"
    block = b'<row><c t="inlineStr"><is><t>Ataev</t></is></c></row>' * (1 << 14)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name != SHEET:
                target.writestr(name, source.read(name))
        with target.open(SHEET, "w") as sheet:
            sheet.write(f'<?xml version="1.0"?><worksheet {MAIN}><sheetData>'.encode())
            for _ in range((200 << 20) // len(block)):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo(SHEET)
    struct.pack_into("<I", data, info.header_offset + 22, 2048)  # local header: size
    entry = data.index(b"PK\x01\x02")
    while bytes(data[entry + 46 : entry + 46 + len(SHEET)]) != SHEET.encode():
        entry = data.index(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", data, entry + 24, 2048)  # central directory: size
    path.write_bytes(bytes(data))
    return path


def far_cell_xlsx(folder: Path) -> Path:
    rows = (
        _header_row()
        + f'<row r="2">{inline("A2", "Ataev")}</row><row r="1048576">{inline("XFD1048576", "x")}</row>'
    )
    return _write(
        folder, "far_cell.xlsx", rezip(_fixture("en_conference.xlsx"), {SHEET: sheet_xml(rows)})
    )


def far_cell_xls(folder: Path) -> Path:
    """The Russian .xls with one LABELSST record moved to row and column 65535."""
    data = bytearray(_fixture("ru_conference.xls"))
    last = data.rindex(b"\xfd\x00\x0a\x00")
    struct.pack_into("<HH", data, last + 4, 0xFFFF, 0xFFFF)
    return _write(folder, "far_cell.xls", bytes(data))


def cells_without_positions_xlsx(folder: Path) -> Path:
    """20,000 one-cell rows, then one row of 20,000 cells, none giving its position."""
    count = 20_000
    rows = (
        '<row><c t="inlineStr"><is><t>Surname</t></is></c></row>'
        + "<row><c><v>1</v></c></row>" * count
        + "<row>"
        + "<c><v>1</v></c>" * count
        + "</row>"
    )
    return _write(
        folder,
        "no_positions.xlsx",
        rezip(_fixture("en_conference.xlsx"), {SHEET: sheet_xml(rows)}),
    )


def whole_sheet_merge_xlsx(folder: Path) -> Path:
    """The English list with a merged range claiming every cell of the sheet."""
    data = _fixture("en_conference.xlsx")
    sheet = zipfile.ZipFile(io.BytesIO(data)).read(SHEET).decode()
    merge = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    if "<mergeCells" in sheet:
        start, end = sheet.index("<mergeCells"), sheet.index("</mergeCells>") + len("</mergeCells>")
        sheet = sheet[:start] + merge + sheet[end:]
    else:
        sheet = sheet.replace("</sheetData>", "</sheetData>" + merge, 1)
    return _write(folder, "whole_sheet_merge.xlsx", rezip(data, {SHEET: sheet.encode()}))


def _family_name(number: int) -> str:
    """A different family name for every number: Kabov, Kadov... Labov..."""
    syllables = ["ka", "ma", "na", "ta", "sa", "ra", "la", "ba", "da", "ga"]
    letters = [syllables[int(digit)] for digit in f"{number:04d}"]
    return "".join(letters).capitalize() + "ov"


def _people(count: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    return [
        [_family_name(n), rng.choice(["Sergey", "Aigul", "Timur"]), rng.choice(["m", "f"]),
         rng.choice(["KZ", "KG", "TJ"]), "State Border Service", "Officer", f"p{n}@mail.kz"]
        for n in range(count)
    ]  # fmt: skip


def ten_thousand_columns_xlsx(folder: Path) -> Path:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Wide")
    extra = [f"Column {n}" for n in range(10_000 - len(_HEADER))]
    sheet.append(_HEADER + extra)
    for person in _people(20):
        sheet.append(person + [f"v{n}" for n in range(len(extra))])
    path = folder / "ten_thousand_columns.xlsx"
    book.save(path)
    return path


def ten_thousand_columns_csv(folder: Path) -> Path:
    extra = [f"Column {n}" for n in range(10_000 - len(_HEADER))]
    lines = [";".join(_HEADER + extra)]
    lines += [";".join(person + ["x"] * len(extra)) for person in _people(20)]
    return _write(folder, "ten_thousand_columns.csv", "\n".join(lines).encode())


def _letters(rng: random.Random, count: int) -> str:
    return "".join(rng.choices("абвгдеёжзийклмнопрстуфхцчшщэюя ", k=count))


def huge_cells_xlsx(folder: Path) -> Path:
    """Every cell as long as Excel allows (32,767 characters)."""
    book = Workbook()
    sheet = book.active
    sheet.append(_HEADER)
    for n, person in enumerate(_people(5)):
        rng = random.Random(n)
        sheet.append([value + _letters(rng, 32_767 - len(value)) for value in person])
    path = folder / "huge_cells.xlsx"
    book.save(path)
    return path


def huge_shared_string_xlsx(folder: Path) -> Path:
    """A 20-million-character name, far past Excel's limit, in an otherwise real list."""
    data = list_with_shared_strings(_HEADER)
    strings = zipfile.ZipFile(io.BytesIO(data)).read("xl/sharedStrings.xml")
    strings = strings.replace(b"<t>Atayev</t>", b"<t>" + b"Atayev" * 3_400_000 + b"</t>", 1)
    return _write(folder, "huge_string.xlsx", rezip(data, {"xl/sharedStrings.xml": strings}))


def huge_cell_csv(folder: Path) -> Path:
    lines = [";".join(_HEADER), ";".join(["Ataev" * 200_000, *_people(1)[0][1:]])]
    return _write(folder, "huge_cell.csv", "\n".join(lines).encode())


def deep_nesting_xlsx(folder: Path) -> Path:
    nested = "<x>" * 100_000 + "</x>" * 100_000
    rows = _header_row() + f'<row r="2">{inline("A2", "Ataev")}{nested}</row>'
    return _write(
        folder,
        "deep_nesting.xlsx",
        rezip(_fixture("en_conference.xlsx"), {SHEET: sheet_xml(rows)}),
    )


def _repeated_ods(folder: Path, element: str, attribute: str, name: str) -> Path:
    """The English ods with the ``element`` holding ATAYEV repeated a million times."""
    data = _fixture("en_conference.ods")
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode()
    start = content.rindex(f"<{element}", 0, content.index(">ATAYEV<")) + len(element) + 1
    content = f'{content[:start]} {attribute}="1000000"{content[start:]}'
    return _write(folder, name, rezip(data, {"content.xml": content.encode()}))


def repeated_columns_ods(folder: Path) -> Path:
    """A filled ods cell repeated across a million columns (``number-columns-repeated``)."""
    return _repeated_ods(
        folder, "table:table-cell", "table:number-columns-repeated", "repeated_columns.ods"
    )


def repeated_rows_ods(folder: Path) -> Path:
    """A filled ods row repeated a million times (``number-rows-repeated``)."""
    return _repeated_ods(
        folder, "table:table-row", "table:number-rows-repeated", "repeated_rows.ods"
    )


def control_characters_xlsx(folder: Path) -> Path:
    """Names holding escaped NUL and other control characters, which PostgreSQL refuses."""
    rows = _header_row() + "".join(
        f'<row r="{n}">{inline(f"A{n}", f"Ata_x0000_{_family_name(n)}_x0007_")}{inline(f"B{n}", "Ser_x001B_gey")}</row>'
        for n in range(2, 6)
    )
    return _write(
        folder,
        "control_characters.xlsx",
        rezip(_fixture("en_conference.xlsx"), {SHEET: sheet_xml(rows)}),
    )


def date_out_of_range_xlsx(folder: Path) -> Path:
    """Date-formatted cells far outside any calendar (serials 1e10 and -5)."""
    book = Workbook()
    sheet = book.active
    sheet.append([*_HEADER, "Arrival"])
    for n, person in enumerate(_people(3)):
        sheet.append([*person, 0])
        sheet.cell(row=n + 2, column=len(_HEADER) + 1).number_format = "yyyy-mm-dd"
    path = folder / "date_out_of_range.xlsx"
    book.save(path)
    data = zipfile.ZipFile(path).read(SHEET).decode()
    data = data.replace("<v>0</v>", "<v>10000000000</v>", 2).replace("<v>0</v>", "<v>-5</v>", 1)
    path.write_bytes(rezip(path.read_bytes(), {SHEET: data.encode()}))
    return path


def bad_utf16_csv(folder: Path) -> Path:
    """A UTF-16 byte-order mark, then an odd number of bytes and a lone surrogate."""
    text = "Surname;Given name\nAtaev;Sergey\n".encode("utf-16-le")
    return _write(folder, "bad_utf16.csv", b"\xff\xfe" + text + b"\x00\xd8" + b"A")


def sheet_is_a_folder_xlsx(folder: Path) -> Path:
    """An xlsx whose workbook names a sheet part that is not in the archive."""
    data = _fixture("en_conference.xlsx")
    names = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n != SHEET]
    return _write(folder, "missing_sheet_part.xlsx", rezip(data, {}, order=names))


def word_document(folder: Path) -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return _write(folder, "minutes.docx", out.getvalue())


def random_bytes_xlsx(folder: Path) -> Path:
    return _write(folder, "noise.xlsx", random.Random(3).randbytes(50_000))


def password_protected_fixture(folder: Path) -> Path:
    return _write(folder, "password_protected.xlsx", _fixture("password_protected.xlsx"))


def truncated_ods(folder: Path) -> Path:
    data = _fixture("ru_conference.ods")
    return _write(folder, "truncated.ods", data[: len(data) // 2])


def truncated_xls(folder: Path) -> Path:
    data = _fixture("ru_conference.xls")
    return _write(folder, "truncated.xls", data[: len(data) // 2])


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "billion laughs in a sheet (xlsx)": (billion_laughs_xlsx, "refused"),
    "billion laughs in the shared strings (xlsx)": (billion_laughs_shared_strings_xlsx, "refused"),
    "billion laughs (ods)": (billion_laughs_ods, "refused"),
    "external entity naming /etc/passwd (xlsx)": (external_entity_xlsx, "refused"),
    "zip bomb (honest headers)": (zip_bomb_fixture, "refused"),
    "zip bomb (headers claim 2 KB)": (lying_zip_bomb_xlsx, "refused"),
    "one cell at XFD1048576 (xlsx)": (far_cell_xlsx, "refused"),
    "one cell at row and column 65535 (xls)": (far_cell_xls, "refused"),
    "20,000 x 20,000 cells without positions (xlsx)": (cells_without_positions_xlsx, "refused"),
    "a merged range over the whole sheet (xlsx)": (whole_sheet_merge_xlsx, "plan"),
    "10,000 columns (xlsx)": (ten_thousand_columns_xlsx, "plan"),
    "10,000 columns (csv)": (ten_thousand_columns_csv, "plan"),
    "every cell 32,767 characters (xlsx)": (huge_cells_xlsx, "plan"),
    "a 20-million-character name (xlsx)": (huge_shared_string_xlsx, "either"),
    "a 1-million-character cell (csv)": (huge_cell_csv, "either"),
    "100,000 nested elements (xlsx)": (deep_nesting_xlsx, "either"),
    "a cell repeated over a million columns (ods)": (repeated_columns_ods, "either"),
    "a row repeated a million times (ods)": (repeated_rows_ods, "either"),
    "NUL and control characters in names (xlsx)": (control_characters_xlsx, "plan"),
    "dates outside any calendar (xlsx)": (date_out_of_range_xlsx, "plan"),
    "broken UTF-16 (csv)": (bad_utf16_csv, "either"),
    "a sheet part missing from the archive (xlsx)": (sheet_is_a_folder_xlsx, "refused"),
    "a Word document": (word_document, "refused"),
    "random bytes named .xlsx": (random_bytes_xlsx, "refused"),
    "password-protected (xlsx)": (password_protected_fixture, "refused"),
    "cut in half (ods)": (truncated_ods, "refused"),
    "cut in half (xls)": (truncated_xls, "refused"),
}
