"""Write the attendee lists that the import tests read, into ``tests/fixtures/import/``.

Run on a machine with LibreOffice (``soffice``), which converts the Russian list to legacy .xls
and .ods; the files are committed, so the tests need neither LibreOffice nor this script.
The password-protected file needs msoffcrypto-tool and the .xlsb copy pyxlsbwriter (LibreOffice
reads .xlsb but cannot write it), both used only here:

    uv run --with msoffcrypto-tool --with pyxlsbwriter python -m tools.make_import_fixtures
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "import"

# The 17th-conference delegates, as the Russian organisers and the English secretariat wrote them.
RU_HEADER = ["№ п/п", "Ф.И.О.", "Пол", "Страна", "Ведомство", "Должность", "E-mail", "Телефон"]
RU_PEOPLE = [
    [
        "АТАЕВ Сергей Иванович",
        "муж.",
        "Республика Казахстан",
        "Пограничная служба КНБ",
        "Начальник отдела",
        " ataev.s@kgp.kz ",
        77012345678,
    ],
    [
        "Жумабекова Айгуль Маратовна",
        "жен.",
        "Республика Казахстан",
        "Комитет государственных доходов",
        "Главный эксперт",
        "A.Zhumabekova@kgd.gov.kz",
        "+7 (701) 555-12-34",
    ],
    [
        "Исмаилов Бахтиёр Рустамович",
        "м",
        "Республика Узбекистан",
        "Государственный таможенный комитет",
        "Инспектор",
        "ismailov@customs.uz",
        None,
    ],
    [
        "Хайдаров Фаррух",
        "М",
        "Таджикистан",
        "Пограничные войска ГКНБ",
        "Заместитель начальника",
        "haidarov@mail",
        "992 93 555 44 33",
    ],
    [
        "Чарыев Мерген",
        "муж",
        "Туркменистан",
        "Государственная пограничная служба",
        "Офицер",
        None,
        None,
    ],
]
RU_KG_DELEGATION = [
    [
        "Юлдашева Наталья Викторовна",
        "ж",
        None,
        "Пограничная служба ГКНБ",
        "Старший инспектор",
        "yuldasheva@gps.kg",
        None,
    ],
    ["Осмонов Нурлан", "Г-н", None, "Пограничная служба ГКНБ", "Инспектор", None, None],
]
RU_TAIL = [
    [
        "Алексеев Алексей Петрович",
        "муж.",
        "Российская Федерация",
        "ФТС России",
        "Советник",
        "alekseev@customs.ru",
        None,
    ],
    [
        "Рахимов Далер",
        None,
        "Республика Таджикистан",
        "Агентство по контролю за наркотиками",
        "Аналитик",
        None,
        None,
    ],
]

EN_HEADER = ["No", "Title", "Family name", "Given name", "Country", "Organisation", "Position",
             "E-mail"]  # fmt: skip
EN_PEOPLE = [
    ["Mr", "ATAYEV", "Sergei", "Republic of Kazakhstan", "Border Service of the NSC",
     "Head of Division", None],
    ["Ms", "Zhumabekova", "Aigul", "KAZ", "State Revenue Committee", "Chief Expert",
     "a.zhumabekova@kgd.gov.kz"],
    ["Mr", "Ismailov", "Bakhtiyor", "UZB", "State Customs Committee", "Inspector", None],
    ["Mr", "Haydarov", "Farrukh", "Tajikistan", "Border Troops", "Deputy Head", None],
    ["Mr", "Charyyev", "Mergen", "TKM", "State Border Service", "Officer", None],
    ["Mrs", "Yuldasheva", "Natalia", "Kyrgyz Republic", "Border Service", "Senior Inspector",
     "yuldasheva@gps.kg"],
    ["Mr", "Osmonov", "Nurlan", "KGZ", "Border Service", "Inspector", None],
    ["Mr", "Alekseev", "Alexei", "Russia", "Federal Customs Service", "Adviser", None],
    ["Mr", "Rakhimov", "Daler", "TJK", "Drug Control Agency", "Analyst", None],
    ["Mr", "Smith", "John", "United Kingdom", "OSCE", "Trainer", "john.smith@osce.org"],
]  # fmt: skip


def russian_list(path: Path) -> None:
    """Title and date rows, merged cells, an empty row, a delegation heading, totals rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Участники"
    sheet.append(["Список участников 17-й Конференции ЦАИПУ"])
    sheet.merge_cells("A1:H1")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(["Ташкент, 13–15 декабря 2022 г."])
    sheet.merge_cells("A2:H2")
    sheet.append([])
    sheet.append(RU_HEADER)
    number = 0
    for person in RU_PEOPLE[:3]:
        number += 1
        sheet.append([number, *person])
    sheet.append([])  # an empty row in the middle
    for person in RU_PEOPLE[3:]:
        number += 1
        sheet.append([str(number), *person])  # numbers stored as text
    sheet.append(["Делегация Кыргызской Республики"])
    sheet.merge_cells(f"A{sheet.max_row}:H{sheet.max_row}")
    first = sheet.max_row + 1
    for person in RU_KG_DELEGATION:
        number += 1
        sheet.append([number, *person])
    sheet.merge_cells(f"E{first}:E{sheet.max_row}")  # the delegation's agency, merged down
    for person in RU_TAIL:
        number += 1
        sheet.append([number, *person])
    sheet.append([None, f"Итого: {number} участников"])
    sheet.append([None, f"=COUNTA(B5:B{sheet.max_row - 1})"])
    for column, width in zip("ABCDEFGH", (7, 34, 7, 24, 36, 24, 28, 20), strict=True):
        sheet.column_dimensions[column].width = width
    book.save(path)


def english_list(path: Path) -> None:
    """The secretariat's list: Mr/Ms titles, ISO alpha-3 countries, other spellings, a person
    listed twice, a Total row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Participants"
    sheet.append(["17th Central Asia Border Management Initiative Conference"])
    sheet.append(["List of participants", None, None, None, None, None, "as of 15.12.2022"])
    sheet.append(EN_HEADER)
    for number, person in enumerate(EN_PEOPLE, start=1):
        sheet.append([number, *person])
    sheet.append([len(EN_PEOPLE) + 1, *EN_PEOPLE[0]])  # listed twice
    sheet.append(["Total", len(EN_PEOPLE) + 1])
    book.save(path)


def sign_in_sheet(path: Path) -> None:
    """Day columns dated as a real date, an Excel serial number, DD.MM.YYYY and ISO text."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sign-in"
    sheet.append(["ФИО", "Организация", dt.date(2022, 12, 13), 44909, "15.12.2022", "2022-12-16"])
    sheet.append(["Атаев Сергей", "Пограничная служба КНБ", "+", "+", "+", "+"])
    sheet.append(
        ["Жумабекова Айгуль", "Комитет государственных доходов", "+", None, "подпись", None]
    )
    sheet.append(["Исмаилов Бахтиёр", "Государственный таможенный комитет", None, None, None, "-"])
    book.save(path)


def full_name_latin(path: Path) -> None:
    """A Latin "Full name" column written "Given FAMILY", sex as Male/Female, phones as numbers,
    how each took part (in person / online) and in what role."""
    book = Workbook()
    sheet = book.active
    sheet.append(["#", "Full name", "Gender", "Nationality", "Agency", "Mobile", "Participation",
                  "Role"])  # fmt: skip
    rows = [
        ["Sergey ATAEV", "Male", "Kazakhstan", "Border Service", 77012345678, "in person", None],
        ["Aigul ZHUMABEKOVA", "Female", "Kazakhstan", "State Revenue Committee", 77015551234,
         "Online", "Speaker"],
        ["Farrukh HAIDAROV", "M", "TJ", "Border Troops", None, "онлайн", "участник"],
        ["Mr. John Smith", None, "GB", "OSCE", None, "очно", "Trainer"],
        ["9", None, None, None, None, None, None],
    ]  # fmt: skip
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    book.save(path)


def csv_lists() -> None:
    rows = [["№", "Фамилия", "Имя", "Отчество", "Пол", "Гражданство", "Организация", "Эл. почта"]]
    for number, person in enumerate(RU_PEOPLE, start=1):
        family, given, *patronymic = person[0].split()
        rows.append([str(number), family, given, " ".join(patronymic), person[1], person[2],
                     person[3], (person[5] or "").strip()])  # fmt: skip
    rows.append(["", "Итого: 5", "", "", "", "", "", ""])
    _write_csv(OUT / "ru_cp1251_semicolon.csv", rows, "cp1251", ";")
    _write_csv(OUT / "ru_utf8_semicolon.csv", rows, "utf-8", ";")
    english = [["Surname", "First name", "Sex", "Country", "Institution", "Email"]]
    for person in EN_PEOPLE:
        english.append([person[1], person[2], "F" if person[0] in ("Ms", "Mrs") else "M",
                        person[3], person[4], person[6] or ""])  # fmt: skip
    _write_csv(OUT / "en_utf8_bom_comma.csv", english, "utf-8-sig", ",")
    _write_csv(OUT / "en_utf8_comma.csv", english, "utf-8", ",")
    _write_csv(OUT / "en_utf8_tab.txt", english, "utf-8", "\t")


def _write_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str) -> None:
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(text.getvalue().encode(encoding))


def bad_files() -> None:
    (OUT / "empty.csv").write_bytes(b"")
    good = (OUT / "ru_conference.xlsx").read_bytes()
    (OUT / "truncated.xlsx").write_bytes(good[: len(good) // 2])
    (OUT / "picture.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    book = Workbook()
    book.active.title = "Empty"
    book.save(OUT / "empty_sheet.xlsx")
    book = Workbook()
    sheet = book.active
    sheet.append(["Budget line", "Amount", "Currency"])
    sheet.append(["Venue", 1200, "EUR"])
    book.save(OUT / "no_names.xlsx")
    with zipfile.ZipFile(OUT / "zip_bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        bomb.writestr("xl/workbook.xml", "<workbook/>")
        bomb.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 * 1024 * 1024))
    try:
        import msoffcrypto.format.ooxml as ooxml
    except ImportError:
        print("msoffcrypto-tool missing: password_protected.xlsx not written")
        return
    with (
        (OUT / "ru_conference.xlsx").open("rb") as plain,
        (OUT / "password_protected.xlsx").open("wb") as locked,
    ):
        ooxml.OOXMLFile(plain).encrypt("secret", locked)


def convert(source: Path, kind: str) -> None:
    """Save ``source`` as ``kind`` (xls or ods) with LibreOffice, next to it."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--convert-to", kind, "--outdir", str(source.parent), str(source)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip


def xlsb_copy(source: Path, target: Path) -> None:
    """Write the cell values LibreOffice saved in ``source`` (an .ods) as an Excel binary
    workbook (.xlsb) with pyxlsbwriter. It keeps values only: no merged cells, no formulas."""
    try:
        from pyxlsbwriter import XlsbWriter
    except ImportError:
        print("pyxlsbwriter missing: the .xlsb list was not written")
        return
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(source)).get_sheet_by_index(0).to_python()
    cells = [[None if value == "" else value for value in row] for row in rows]
    with XlsbWriter(str(target)) as writer:
        writer.add_sheet("Участники")
        writer.write_sheet(cells)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    russian_list(OUT / "ru_conference.xlsx")
    english_list(OUT / "en_conference.xlsx")
    sign_in_sheet(OUT / "sign_in_days.xlsx")
    full_name_latin(OUT / "full_name_latin.xlsx")
    csv_lists()
    bad_files()
    if shutil.which("soffice"):
        convert(OUT / "ru_conference.xlsx", "xls")
        convert(OUT / "ru_conference.xlsx", "ods")
        convert(OUT / "en_conference.xlsx", "ods")
        xlsb_copy(OUT / "ru_conference.ods", OUT / "ru_conference.xlsb")
    else:
        print("LibreOffice (soffice) missing: the .xls and .ods lists were not written")
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:>9}  {path.name}")


if __name__ == "__main__":
    main()
