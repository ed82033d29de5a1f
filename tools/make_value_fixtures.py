"""Write the lists of issue 17's value classes into ``tests/fixtures/import/values/``: countries
and other values the import must read or report (class 4), names with more in the cell (7),
and lists of things that are not people (8). Each is written by a real writer: openpyxl,
LibreOffice (``soffice --headless --convert-to xls/ods`` of the openpyxl file) and Python's csv
in utf-8 or cp1251 with ";". The files are committed; the tests need neither LibreOffice nor
this script:

    uv run python -m tools.make_value_fixtures
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tools.make_import_fixtures import convert

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "import" / "values"

# Class 4: countries in their many written forms (with the code each is), then values no
# reader understands, each in its own row and column.
COUNTRY_HEADER = ["No.", "Participant", "Citizenship", "Gender", "Role", "Status",
                  "Attendance", "Email", "Alternative e-mail"]  # fmt: skip
COUNTRIES = [
    ("Haddad Rami", "PALESTINE", "PS"),
    ("Dlamini Thandiwe", "Swaziland", "SZ"),
    ("Pretrick Kalani", "Micronesia (Federated States of)", "FM"),
    ("Ledee Anais", "St. Barthélemy", "BL"),
    ("Hodge Marcus", "U.S. Virgin Islands", "VI"),
    ("Kovac Peter", "Slovakia (Slovak Republic)", "SK"),
    ("Christian Mavis", "Pitcairn Islands", "PN"),
    ("Kouassi Yao", "Cote d'Ivoire", "CI"),
    ("Yilmaz Ayse", "Turkiye", "TR"),
    ("Tun Aung", "Burma", "MM"),
    ("Mbala Joseph", "Zaire", "CD"),
    ("Guterres Ana", "East Timor", "TL"),
    ("Phommachanh Khamla", "Lao PDR", "LA"),
    ("Kim Jiwoo", "Korea (South)", "KR"),
    ("Liburd Keisha", "St Kitts & Nevis", "KN"),
    ("Abed Lina", "Occupied Palestinian Territory", "PS"),
    ("Nuñez Rosa", "Bolivia, Plurinational State of", "BO"),
    ("Tshabalala Sipho", "Kingdom of Eswatini", "SZ"),
    ("Dupont Claire", "Netherlands (Kingdom of the)", "NL"),
    ("Kassymova Aigerim", "Kazakhstan / Казахстан", "KZ"),
]
# (name, citizenship, gender, role, status, attendance, email, alternative e-mail)
UNREAD = [
    ("Novak Jan", "Czechoslovakia", "M", "participant", "attended", "in person",
     "jan.novak@example.cz", None),
    ("Petrov Ivan", "Atlantis", "M", "participant", "attended", "in person", None, None),
    ("Sato Ken", "Japan", "X", "participant", "attended", "in person", None, None),
    ("Brown Lee", "Canada", "M", "keynote guru", "attended", "in person", None, None),
    ("Garcia Luis", "Spain", "M", "participant", "perhaps", "in person", None, None),
    ("Novakova Eva", "Czechia", "F", "participant", "attended", "by carrier pigeon", None, None),
    ("Smith Jo", "Australia", "F", "participant", "attended", "online",
     "jo at example dot org", None),
    ("Lopez Ana", "Mexico", "F", "participant", "attended", "online",
     "ana@example.mx", "ana.lopez@work.example.mx"),
]  # fmt: skip
RU_COUNTRIES = [
    ("Хаддад Рами", "Палестина", "PS"),
    ("Дламини Тандиве", "Свазиленд", "SZ"),
    ("Кваси Яо", "Кот-д'Ивуар", "CI"),
    ("Йылмаз Айше", "Турция", "TR"),
    ("Тун Аунг", "Бирма", "MM"),
    ("Мбала Жозеф", "Заир", "CD"),
    ("Ковач Петер", "Словацкая Республика", "SK"),
    ("Ходж Маркус", "Виргинские острова (США)", "VI"),
    ("Претрик Калани", "Микронезия", "FM"),
    ("Кристиан Мэвис", "Питкэрн", "PN"),
    ("Леде Анаис", "Сен-Бартелеми", "BL"),
    ("Чон Минсу", "Республика Корея", "KR"),
]
RU_UNREAD = [("Петров Иван", "СССР"), ("Сидоров Пётр", "Гиперборея")]

# Class 7: names with more in the cell, and what each should give:
# (cell, organisation column, expected family, given, e-mail, organisation, sex)
NAMES = [
    ("Lena Novak <lena.novak@inst.example.eu>", None,
     "Novak", "Lena", "lena.novak@inst.example.eu", None, None),
    ('"Okafor, Chidi" <c.okafor@agency.example.ng>', None,
     "Okafor", "Chidi", "c.okafor@agency.example.ng", None, None),
    ("Ferreira, Joana (Instituto Nacional de Fronteiras)", None,
     "Ferreira", "Joana", None, "Instituto Nacional de Fronteiras", None),
    ("Hossain, Karim (Border Guard Academy)", "Customs Academy",
     "Hossain", "Karim", None, "Customs Academy", None),
    ("DR. M.K. HOSSAIN", None, "Hossain", "M.", None, None, None),
    ("SHEIKH DR. HAMAD AL-SABAH", None, "Al-Sabah", "Hamad", None, None, "male"),
    ("Prof. Dr. med. Klaus Weber", None, "Weber", "Klaus", None, None, None),
    ("H.E. Mr Omar bin Rashid", None, "bin Rashid", "Omar", None, None, "male"),
    ("Dato' Seri Ahmad Zahid bin Hamidi", None, "bin Hamidi", "Ahmad Zahid", None, None, None),
    ("Tan Sri Abdul Aziz Kassim", None, "Kassim", "Abdul Aziz", None, None, None),
    ("Puan Sri Siti Aishah binti Abdul Ghani", None,
     "binti Abdul Ghani", "Siti Aishah", None, None, "female"),
    ("Mohamed Ould Cheikh", None, "Ould Cheikh", "Mohamed", None, None, None),
    ("Fatima bint Khalid", None, "bint Khalid", "Fatima", None, None, None),
    ("Yousef El-Masri", None, "El-Masri", "Yousef", None, None, None),
    ("Ali Abu Bakar", None, "Abu Bakar", "Ali", None, None, None),
    ("Khalid ibn Walid", None, "ibn Walid", "Khalid", None, None, None),
    ("María José García de la Fuente", None, "García de la Fuente", "María José", None, None,
     None),
    ("Luis Alberto Ortega y Gasset", None, "Ortega y Gasset", "Luis Alberto", None, None, None),
    ("Mohammed bin Abdulrahman bin Jassim Al Thani", None,
     "bin Abdulrahman bin Jassim Al Thani", "Mohammed", None, None, None),
    ("Ana Paula dos Santos Ferreira", None, "dos Santos Ferreira", "Ana Paula", None, None, None),
]  # fmt: skip

# Class 8: lists of things that are not people.
HOSPITALS = [
    ["Name", "City", "Beds", "Phone"],
    ["Royal Free London NHS Foundation Trust", "London", 839, "020 7794 0500"],
    ["Barts Health NHS Trust", "London", 1400, "020 3416 5000"],
    ["St Mary's Hospital", "Manchester", 450, "0161 276 1234"],
    ["Ninewells Hospital", "Dundee", 850, "01382 660111"],
    ["Mercy Health Services LLC", "Cincinnati", 300, "+1 513 952 5000"],
    ["Helios Kliniken GmbH", "Berlin", 1100, "+49 30 521 321 0"],
    ["Ministry of Health of the Kyrgyz Republic", "Bishkek", None, "+996 312 622 123"],
    ["12", "Leeds", 12, None],
]
RU_AGENCIES = [
    ["Участник", "Город", "Телефон"],
    ["Министерство здравоохранения Республики Казахстан", "Астана", "+7 7172 74 32 43"],
    ["Государственная таможенная служба", "Бишкек", "+996 312 51 20 11"],
    ["ООО «Ромашка»", "Алматы", "+7 727 250 00 00"],
    ["АО «Казахтелеком»", "Астана", "+7 7172 58 58 58"],
    ["Комитет национальной безопасности", "Душанбе", "+992 37 221 12 12"],
    ["Агентство по делам государственной службы", "Астана", None],
    ["Иванов Иван Иванович", "Астана", "+7 701 111 11 11"],
]
# Mostly people: the rows naming an organisation are skipped each with its reason; a person
# whose agency is a ministry is a person.
MIXED = [
    ["Full name", "Agency", "Country"],
    ["Atabekov Nurlan", "Ministry of Internal Affairs", "KG"],
    ["Seitkali Aruzhan", "State Revenue Committee", "KZ"],
    ["Ministry of Foreign Affairs", None, "TJ"],
    ["Rakhimova Dilnoza", "State Customs Committee", "UZ"],
    ["Border Guard Service of Tajikistan", None, "TJ"],
    ["Service Robert", "Home Office", "GB"],
    ["Jumaev Farrukh", "Агентство по контролю за наркотиками", "TJ"],
    ["Tashkent Medical Academy", None, "UZ"],
    ["Orozbaeva Gulnara", "Министерство иностранных дел", "KG"],
    ["Bekov Timur", "Pogranichnaya sluzhba", "KZ"],
]


def _xlsx(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "List"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _csv(path: Path, rows: list[list[Any]], encoding: str, delimiter: str) -> None:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([["" if cell is None else cell for cell in row] for row in rows])
    path.write_bytes(text.getvalue().encode(encoding))


def country_rows() -> list[list[Any]]:
    rows: list[list[Any]] = [COUNTRY_HEADER]
    for number, (name, country, _code) in enumerate(COUNTRIES, 1):
        rows.append([number, name, country, None, "participant", "attended", "in person", None,
                     None])  # fmt: skip
    for number, unread in enumerate(UNREAD, len(COUNTRIES) + 1):
        rows.append([number, *unread])
    return rows


def name_rows() -> list[list[Any]]:
    rows: list[list[Any]] = [["#", "Participant", "Organisation", "Country"]]
    for number, (cell, organisation, *_expected) in enumerate(NAMES, 1):
        rows.append([number, cell, organisation, "MY"])
    return rows


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    countries = _xlsx(OUT / "countries.xlsx", country_rows())
    ru = [["ФИО", "Гражданство", "Пол"]]
    ru += [[name, country, "м"] for name, country, _code in RU_COUNTRIES]
    ru += [[name, country, "м"] for name, country in RU_UNREAD]
    _csv(OUT / "countries_ru_cp1251.csv", ru, "cp1251", ";")
    names = _xlsx(OUT / "names.xlsx", name_rows())
    _csv(OUT / "names_utf8.csv", name_rows(), "utf-8", ",")
    hospitals = _xlsx(OUT / "hospitals.xlsx", HOSPITALS)
    _csv(OUT / "agencies_cp1251.csv", RU_AGENCIES, "cp1251", ";")
    mixed = _xlsx(OUT / "mixed.xlsx", MIXED)
    if shutil.which("soffice"):
        convert(countries, "xls")
        convert(names, "ods")
        convert(hospitals, "ods")
        convert(mixed, "xls")
    else:
        print("LibreOffice (soffice) missing: the .xls and .ods lists were not written")


if __name__ == "__main__":
    main()
