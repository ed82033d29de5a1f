"""Write the lists of issue 17 whose columns the import must read right, into
``tests/fixtures/import/columns/``: headers that say "name" without being a name column, yes/no
columns, one name field from two columns, headers in camelCase, snake_case and UPPER_SNAKE
abbreviations, job titles in a "Role" column, headers in French, German, Italian and Spanish,
one-column lists, and Office packages whose parts are not under ``xl/``.

Written by real writers: openpyxl, LibreOffice (``soffice --headless --convert-to xls/ods``),
Python's csv in UTF-8, UTF-8 with a byte-order mark and Windows-1251 with ``;``, and zipfile for
the packages. The files are committed, so the tests need neither LibreOffice nor this script:

    uv run python -m tools.make_column_fixtures
"""

from __future__ import annotations

import posixpath
import shutil
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook

from tools.make_import_fixtures import _write_csv, convert

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "import" / "columns"


def _xlsx(name: str, rows: list[list[Any]], title: str = "List") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    path = OUT / name
    book.save(path)
    return path


def _by_libreoffice(name: str, rows: list[list[Any]], kind: str) -> None:
    """Write ``rows`` with openpyxl, have LibreOffice save them as ``kind``, keep only that."""
    source = _xlsx(name.rsplit(".", 1)[0] + ".source.xlsx", rows)
    convert(source, kind)
    source.with_suffix(f".{kind}").rename(OUT / name)
    source.unlink()


def _csv(name: str, rows: list[list[Any]], encoding: str, delimiter: str) -> None:
    _write_csv(OUT / name, [["" if c is None else str(c) for c in row] for row in rows],
               encoding, delimiter)  # fmt: skip


# --- 1: columns that are not names ------------------------------------------------------------


def not_names() -> None:
    _xlsx("badge_and_employer.xlsx", [
        ["Given name", "Family name", "Print name on certificate", "Company name (for badge)", "Country"],
        ["Aigerim", "Nurlanova", "Y", "Border Service", "Kazakhstan"],
        ["Sean", "O'Brien", None, "Irish Naturalisation and Immigration Service", "Ireland"],
        ["Bakyt", "Usenov", "Y", "State Customs Service", "Kyrgyzstan"],
        ["Dilnoza", "Karimova", "N", "Ministry of Interior", "Uzbekistan"],
    ])  # fmt: skip
    # A "Participant" column of sign-in ticks beside the name, and a laboratory.
    _by_libreoffice("ticks_and_laboratory.ods", [
        ["№", "Full name", "Participant", "Laboratory", "E-mail"],
        [1, "Ataev Sergey", "✓", "Forensic Laboratory No. 2", "ataev@example.kg"],
        [2, "Haidarov Farrukh", None, "Document Examination Lab", "haidarov@example.uz"],
        [3, "Charyev Batyr", "✓", "Central Customs Laboratory", "charyev@example.tm"],
        [4, "Yuldasheva Malika", "✓", "Forensic Laboratory No. 2", None],
    ], "ods")  # fmt: skip
    # Two columns a name could come from, both Cyrillic: the contact person is no attendee.
    _csv("contact_person_cp1251.csv", [
        ["№", "ФИО", "Ведомство", "Контактное лицо (ФИО)", "Присутствие (да/нет)"],
        [1, "Атаев Сергей Петрович", "Пограничная служба", "Иванова Анна Сергеевна", "да"],
        [2, "Исмаилов Берик Нурланович", "Таможенная служба", "Иванова Анна Сергеевна", "нет"],
        [3, "Жумабекова Айгуль Бакыт кызы", "МВД", "Петров Олег Ильич", "да"],
    ], "cp1251", ";")  # fmt: skip
    # An accounting sheet: many text columns, one of them the people's names.
    _by_libreoffice("per_diem_accounting.xls", [
        ["Invoice no", "Participant name", "Vendor name", "Account name", "Cost centre name",
         "Budget line name", "Project name", "Bank name", "Approved by (name)", "Amount",
         "Currency", "Comment"],
        ["INV-0012", "Rakhimov Sherzod", "Hotel Uzbekistan", "Travel - DSA", "CC-410 Borders",
         "BL 3.2 Workshops", "BOMCA 10", "Kapitalbank", "J. Smith", 420.5, "USD",
         "paid in cash"],
        ["INV-0013", "Osmonov Talant", "Hyatt Regency", "Travel - DSA", "CC-410 Borders",
         "BL 3.2 Workshops", "BOMCA 10", "Kapitalbank", "J. Smith", 380, "USD",
         "transfer"],
        ["INV-0014", "Alekseev Pavel", "Hotel Uzbekistan", "Travel - tickets", "CC-411 Customs",
         "BL 3.3 Study visits", "BOMCA 10", "Ipoteka bank", "M. Dupont", 610, "EUR",
         "ticket TAS-ALA"],
    ], "xls")  # fmt: skip


# --- 2: headers as database exports write them --------------------------------------------------


def coded_headers() -> None:
    _csv("camel_case.csv", [
        ["fullNameEn", "fullNameRu", "positionEn", "orgEn", "kind", "emailAddress"],
        ["Ataev Sergey", "Атаев Сергей", "Chief inspector", "Border Service", "participant",
         "ataev@example.kg"],
        ["Charyev Batyr", "Чарыев Батыр", "Deputy head", "State Customs Service", "participant",
         "charyev@example.tm"],
        ["Smith John", "Смит Джон", "Adviser", "OSCE", "expert", "john.smith@example.org"],
    ], "utf-8", ",")  # fmt: skip
    _csv("snake_case_bom.csv", [
        ["first_name", "last_name", "middle_name", "job_title", "agency_name", "country_code",
         "e_mail"],
        ["Farrukh", "Haidarov", "Bakhtiyorovich", "Senior officer", "Customs Committee", "UZ",
         "haidarov@example.uz"],
        ["Talant", "Osmonov", "", "Officer", "Border Service", "KG", "osmonov@example.kg"],
        ["Malika", "Yuldasheva", "", "Head of unit", "Ministry of Interior", "UZ",
         "yuldasheva@example.uz"],
    ], "utf-8-sig", ",")  # fmt: skip
    _by_libreoffice("upper_snake.xls", [
        ["REC_ID", "FRST_NM", "LAST_NM", "MID_NM", "ORG_NM", "POS_TTL", "CTRY_CD", "EML_ADDR"],
        [101, "SERGEY", "ATAEV", "PETROVICH", "BORDER SERVICE", "INSPECTOR", "KG",
         "ataev@example.kg"],
        [102, "BATYR", "CHARYEV", None, "STATE CUSTOMS SERVICE", "DEPUTY HEAD", "TM",
         "charyev@example.tm"],
        [103, "AIGUL", "ZHUMABEKOVA", None, "MINISTRY OF INTERIOR", "ANALYST", "KZ",
         "zhumabekova@example.kz"],
    ], "xls")  # fmt: skip
    _xlsx("lang_suffix.xlsx", [
        ["nameLat", "nameCyr", "titleEng", "titleRus", "type", "mail"],
        ["Nurlanova Aigerim", "Нурланова Айгерим", "Inspector", "Инспектор", "guest",
         "nurlanova@example.kz"],
        ["Usenov Bakyt", "Усенов Бакыт", "Major", "Майор", "guest", "usenov@example.kg"],
        ["Karimova Dilnoza", "Каримова Дилноза", "Analyst", "Аналитик", "guest",
         "karimova@example.uz"],
    ])  # fmt: skip


# --- 3: job titles in a Role column -----------------------------------------------------------


def roles_or_positions() -> None:
    _xlsx("role_job_titles.xlsx", [
        ["Name", "Role", "Nationality"],
        ["Kamilov Abdulaziz", "MINISTER OF FOREIGN AFFAIRS", "Uzbekistan"],
        ["Tileuberdi Mukhtar", "Minister of Foreign Affairs", "Kazakhstan"],
        ["Muratova Aida", "Head of Unit, Border Management", "Kyrgyzstan"],
        ["Rahimov Sherali", "Deputy Director", "Tajikistan"],
        ["Meredov Rashid", "participant", "Turkmenistan"],
    ])  # fmt: skip
    _by_libreoffice("capacity_mixed.ods", [
        ["ФИО", "В качестве", "Страна"],
        ["Атаев Сергей", "участник", "Кыргызстан"],
        ["Чарыев Батыр", "эксперт", "Туркменистан"],
        ["Алексеев Павел", "модератор", "Россия"],
        ["Хайдаров Фаррух", "начальник отдела", "Узбекистан"],
    ], "ods")  # fmt: skip
    _csv("role_positions_cp1251.csv", [
        ["ФИО", "Роль", "Организация"],
        ["Осмонов Таалант", "Начальник отдела", "Пограничная служба"],
        ["Юлдашева Малика", "Заместитель председателя", "Таможенный комитет"],
        ["Исмаилов Берик", "участник", "МВД"],
    ], "cp1251", ";")  # fmt: skip


# --- 5: the other official languages of the OSCE ------------------------------------------------


def other_languages() -> None:
    _xlsx("french.xlsx", [
        ["N°", "Civilité", "Prénom", "NOM", "Fonction", "Administration", "Pays", "Courriel",
         "Tél."],
        [1, "M.", "Jean", "Dupont", "Chef de bureau", "Douane française", "France",
         "jean.dupont@example.fr", "+33 1 23 45 67 89"],
        [2, "Mme", "Claire", "Martin", "Inspectrice", "Police aux frontières", "France",
         "claire.martin@example.fr", None],
    ])  # fmt: skip
    _by_libreoffice("german.ods", [
        ["Lfd. Nr.", "Nachname", "Vorname", "Dienstgrad", "Dienststelle",
         "Staatsangehörigkeit", "E-Mail-Adresse", "Unterschrift"],
        [1, "Müller", "Klaus", "Major", "Bundespolizeidirektion", "Deutschland",
         "k.mueller@example.de", None],
        [2, "Schäfer", "Anna", None, "Zollverwaltung", "Österreich", "a.schaefer@example.at",
         None],
    ], "ods")  # fmt: skip
    _by_libreoffice("italian.xls", [
        ["N.", "Cognome", "Nome", "Ente di appartenenza", "Qualifica", "Nazionalità",
         "Indirizzo e-mail"],
        [1, "Rossi", "Marco", "Guardia di Finanza", "Capitano", "Italia", "m.rossi@example.it"],
        [2, "Bianchi", "Giulia", "Polizia di Stato", "Ispettore", "Italia",
         "g.bianchi@example.it"],
    ], "xls")  # fmt: skip
    _csv("spanish_upper.csv", [
        ["Nº", "APELLIDO(S)", "NOMBRE(S)", "PUESTO", "INSTITUCION", "PAIS",
         "CORREO ELECTRONICO"],
        ["1", "García López", "María", "Inspectora", "Policía Nacional", "España",
         "m.garcia@example.es"],
        ["2", "Fernández", "José Luis", "Jefe de sección", "Guardia Civil", "España",
         "jl.fernandez@example.es"],
    ], "utf-8-sig", ";")  # fmt: skip
    _csv("spanish_name_alone.csv", [
        ["Nombre", "Organismo", "Cargo", "Correo electrónico"],
        ["Pérez Ruiz Ana", "Aduanas", "Técnica", "ana.perez@example.es"],
        ["Gómez Luis", "Guardia Civil", "Teniente", "luis.gomez@example.es"],
    ], "utf-8", ",")  # fmt: skip


# --- 6: one-column lists ----------------------------------------------------------------------


def one_column() -> None:
    names = ["Атаев Сергей Петрович", "Исмаилов Берик", "Жумабекова Айгуль", "Чарыев Батыр"]
    _xlsx("fio_slushateley.xlsx", [["Ф.И.О. слушателей"], *([n] for n in names)])
    _by_libreoffice("spisok.ods", [["Список участников"], *([n] for n in names),
                                   ["Итого: 4"]], "ods")  # fmt: skip
    latin = ["Nurlanova Aigerim", "Usenov Bakyt", "Karimova Dilnoza"]
    _csv("participants.csv", [["Participants"], *([n] for n in latin)], "utf-8", ",")
    _by_libreoffice("attendees_title.xls", [["List of attendees"], *([n] for n in latin)], "xls")
    _csv("no_header_cp1251.csv", [[n] for n in names], "cp1251", ";")
    _xlsx("unknown_header.xlsx", [["Кто прибыл"], *([n] for n in names)])
    _xlsx("one_word_header.xlsx", [["Слушатели"], *([n] for n in names)])


# --- 9: Office packages with their parts elsewhere ---------------------------------------------

_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _cell(reference: str, value: Any, shared: list[str] | None) -> str:
    if isinstance(value, int | float):
        return f'<c r="{reference}"><v>{value}</v></c>'
    if shared is not None:
        if value not in shared:
            shared.append(value)
        return f'<c r="{reference}" t="s"><v>{shared.index(value)}</v></c>'
    return f'<c r="{reference}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def package(name: str, workbook: str, sheets: dict[str, str], rows: list[list[Any]],
            strings: str | None = None) -> None:  # fmt: skip
    """A minimal SpreadsheetML package with its workbook at ``workbook`` and each sheet (name →
    part) where given; shared strings at ``strings`` (inline strings when None)."""
    shared: list[str] | None = [] if strings else None
    folder = posixpath.dirname(workbook)
    sheet_xml = "".join(
        f'<row r="{r}">'
        + "".join(_cell(f"{chr(65 + c)}{r}", v, shared) for c, v in enumerate(row) if v is not None)
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    overrides = [(f"/{workbook}", f"{_SHEET_TYPE}.sheet.main+xml")]
    relations = []
    entries = []
    for number, (title, part) in enumerate(sheets.items(), start=1):
        overrides.append((f"/{part}", f"{_SHEET_TYPE}.worksheet+xml"))
        relations.append((f"rId{number}", "worksheet", posixpath.relpath(part, folder or ".")))
        entries.append(f'<sheet name="{escape(title)}" sheetId="{number}" r:id="rId{number}"/>')
    if strings:
        overrides.append((f"/{strings}", f"{_SHEET_TYPE}.sharedStrings+xml"))
        relations.append(("rIdS", "sharedStrings", posixpath.relpath(strings, folder or ".")))
    body = f'<worksheet xmlns="{_MAIN}"><sheetData>{sheet_xml}</sheetData></worksheet>'
    with zipfile.ZipFile(OUT / name, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="{_TYPES}">'
            f'<Default Extension="rels" ContentType="{_RELS[:-7]}relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
            + "</Types>"
        ))  # fmt: skip
        archive.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
            f'<Relationship Id="rId1" Type="{_DOC}/officeDocument" Target="{workbook}"/>'
            "</Relationships>"
        ))  # fmt: skip
        archive.writestr(
            posixpath.join(folder, "_rels", posixpath.basename(workbook) + ".rels"),
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
            + "".join(
                f'<Relationship Id="{i}" Type="{_DOC}/{kind}" Target="{target}"/>'
                for i, kind, target in relations
            )
            + "</Relationships>",
        )
        archive.writestr(workbook, (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_DOC}">'
            f"<sheets>{''.join(entries)}</sheets></workbook>"
        ))  # fmt: skip
        for part in sheets.values():
            archive.writestr(part, body)
        if strings and shared is not None:
            items = "".join(f"<si><t>{escape(s)}</t></si>" for s in shared)
            archive.writestr(strings, (
                f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}" count="{len(shared)}"'
                f' uniqueCount="{len(shared)}">{items}</sst>'
            ))  # fmt: skip


def packages() -> None:
    rows: list[list[Any]] = [
        ["Full name", "Country", "Organisation"],
        ["Ataev Sergey", "KG", "Border Service"],
        ["Nurlanova Aigerim", "KZ", "Customs Committee"],
        ["Karimova Dilnoza", "UZ", "Ministry of Interior"],
    ]
    package("parts_at_root.xlsx", "workbook.xml", {"Participants": "sheets/list.xml"}, rows)
    package("parts_in_folder.xlsx", "spreadsheet/workbook.xml",
            {"Participants": "spreadsheet/pages/first.xml"}, rows)  # fmt: skip
    # Valid too, but python-calamine 0.9 looks for shared strings only at xl/sharedStrings.xml:
    # refused with a sentence that says to save it again, not called "not a spreadsheet".
    package("strings_elsewhere.xlsx", "spreadsheet/workbook.xml",
            {"Participants": "spreadsheet/pages/first.xml"}, rows,
            strings="spreadsheet/words.xml")  # fmt: skip
    package("named_zip.zip", "data/workbook.xml", {"Sheet A": "data/a.xml"}, rows)
    with zipfile.ZipFile(OUT / "notes_zip.xlsx", "w") as archive:  # a zip, but no spreadsheet
        archive.writestr("[Content_Types].xml", f'<Types xmlns="{_TYPES}"/>')
        archive.writestr("notes/readme.txt", "Participants: see the attached list.")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    if not shutil.which("soffice"):
        raise SystemExit("LibreOffice (soffice) is needed to write the .xls and .ods lists")
    not_names()
    coded_headers()
    roles_or_positions()
    other_languages()
    one_column()
    packages()
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:>9}  {path.name}")


if __name__ == "__main__":
    main()
