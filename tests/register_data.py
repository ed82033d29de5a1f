"""A small office history for the register tests: events of 2019–2022, people, who attended
what — and the files an office keeps it in: a register (xlsx by openpyxl, .xls by LibreOffice,
Windows-1251 csv), with Russian or English headers and dates written every usual way, and the
same history as three linked tables in one workbook."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import shutil
import subprocess
from pathlib import Path

from openpyxl import Workbook


@dataclasses.dataclass(frozen=True)
class HistoryEvent:
    title: str
    start: dt.date
    end: dt.date
    city: str
    country: str  # as the register writes it
    code: str  # ISO code it means
    type: str  # EventType value the title gives
    dates_text: str | dt.date  # how the register's one dates column writes them


@dataclasses.dataclass(frozen=True)
class HistoryPerson:
    family: str
    given: str
    sex: str  # "м" or "ж"
    citizenship: str
    code: str
    agency: str
    position: str


EVENTS = [
    HistoryEvent("Семинар по управлению рисками", dt.date(2019, 3, 27), dt.date(2019, 3, 29),
                 "Ташкент", "Узбекистан", "UZ", "seminar", "27–29.03.2019"),
    HistoryEvent("Workshop on contingency planning", dt.date(2019, 3, 12), dt.date(2019, 3, 14),
                 "Almaty", "Kazakhstan", "KZ", "workshop", "12.03.2019 - 14.03.2019"),
    HistoryEvent("Учебный курс по анализу рисков", dt.date(2020, 10, 5), dt.date(2020, 10, 5),
                 "Бишкек", "Кыргызстан", "KG", "training_course", dt.date(2020, 10, 5)),
    HistoryEvent("Round table on border crossing points", dt.date(2021, 3, 30), dt.date(2021, 4, 2),
                 "Dushanbe", "Tajikistan", "TJ", "round_table", "30 марта – 2 апреля 2021 г."),
    HistoryEvent("Conference on border security", dt.date(2021, 6, 8), dt.date(2021, 6, 10),
                 "Ashgabat", "Turkmenistan", "TM", "conference", "June 8-10, 2021"),
    HistoryEvent("Конференция CABMI", dt.date(2022, 12, 13), dt.date(2022, 12, 15),
                 "Ташкент", "Узбекистан", "UZ", "conference", "13-15 декабря 2022"),
    HistoryEvent("Семинар по электронному обучению", dt.date(2022, 3, 28), dt.date(2022, 4, 1),
                 "Алматы", "Казахстан", "KZ", "seminar", "28.03–01.04.2022"),
]  # fmt: skip

PEOPLE = [
    HistoryPerson("Каримов", "Рустам", "м", "Узбекистан", "UZ", "ГТК", "инспектор"),
    HistoryPerson("Ахмедова", "Дильноза", "ж", "Узбекистан", "UZ", "ГТК", "главный инспектор"),
    HistoryPerson("Нурланов", "Ержан", "м", "Казахстан", "KZ", "Погранслужба КНБ", "офицер"),
    HistoryPerson("Садыкова", "Айгуль", "ж", "Кыргызстан", "KG", "ГТС", "специалист"),
    HistoryPerson("Рахимов", "Далер", "м", "Таджикистан", "TJ", "Пограничные войска", "майор"),
    HistoryPerson("Бердыева", "Огулджан", "ж", "Туркменистан", "TM", "ГТС Туркменистана",
                  "эксперт"),
    HistoryPerson("Исмаилов", "Фаррух", "м", "Узбекистан", "UZ", "Комитет госграницы",
                  "начальник отдела"),
    HistoryPerson("Жумабекова", "Алия", "ж", "Казахстан", "KZ", "КГД МФ", "аналитик"),
    HistoryPerson("Токтогулов", "Азамат", "м", "Кыргызстан", "KG", "ГПС", "инструктор"),
    HistoryPerson("Шарипова", "Мадина", "ж", "Таджикистан", "TJ", "Таможенная служба",
                  "инспектор"),
]  # fmt: skip

# who attended what: (event index, person index); each person at one to four events
LINKS = sorted(
    {(e, p) for e in range(len(EVENTS)) for p in range(len(PEOPLE)) if (e * 3 + p * 7) % 5 < 2}
)

HEADERS = {
    "ru": ["Мероприятие", "Даты", "Город", "Страна проведения", "Фамилия", "Имя", "Пол",
           "Гражданство", "Ведомство", "Должность"],
    "en": ["Event", "Dates", "City", "Host country", "Surname", "Given name", "Sex",
           "Citizenship", "Agency", "Position"],
}  # fmt: skip
START_END = {"ru": ["Начало", "Окончание"], "en": ["Start date", "End date"]}


def register_rows(lang: str = "ru", *, start_end: bool = False) -> list[list[object]]:
    """The register: a title row, a blank row, the headers, then one row per attendance
    (the event written on its first row only when ``start_end``: the rest of its rows blank
    there, as many registers are kept)."""
    header = list(HEADERS[lang])
    if start_end:
        header[1:2] = START_END[lang]
    rows: list[list[object]] = [["Реестр участников мероприятий 2019–2022"], [], header]
    previous = None
    for e, p in LINKS:
        event, person = EVENTS[e], PEOPLE[p]
        if start_end:
            said: list[object] = [event.title, event.start, event.end, event.city, event.country]
            if previous == e:
                said = [None] * 5
        else:
            said = [event.title, event.dates_text, event.city, event.country]
        sex = person.sex if lang == "ru" else {"м": "M", "ж": "F"}[person.sex]
        rows.append([*said, person.family, person.given, sex, person.citizenship,
                     person.agency, person.position])  # fmt: skip
        previous = e
    return rows


def write_xlsx(path: Path, rows: list[list[object]], title: str = "Реестр") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv_cp1251(path: Path, rows: list[list[object]]) -> Path:
    """As Russian-locale Excel saves "CSV (разделители — запятые)": semicolons, Windows-1251,
    dates as DD.MM.YYYY."""
    with path.open("w", encoding="cp1251", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        for row in rows:
            writer.writerow([c.strftime("%d.%m.%Y") if isinstance(c, dt.date) else c for c in row])
    return path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_xls(xlsx: Path) -> Path:
    """The workbook saved as Excel 97–2003 .xls by LibreOffice."""
    office = soffice()
    assert office is not None
    subprocess.run(
        [office, f"-env:UserInstallation=file://{xlsx.parent}/lo-profile", "--headless",
         "--convert-to", "xls", "--outdir", str(xlsx.parent), str(xlsx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    shutil.rmtree(xlsx.parent / "lo-profile", ignore_errors=True)
    return xlsx.with_suffix(".xls")


def write_linked_xlsx(path: Path) -> Path:
    """The same history as three tables: events, people and attendance, joined by ids."""
    book = Workbook()
    events = book.active
    events.title = "Events"
    events.append(["EventID", "Title", "Start", "End", "City", "Country"])
    for number, e in enumerate(EVENTS, start=101):
        events.append([number, e.title, e.start, e.end, e.city, e.country])
    people = book.create_sheet("People")
    people.append(["PersonID", "Фамилия", "Имя", "Пол", "Гражданство", "Ведомство", "Должность"])
    for number, p in enumerate(PEOPLE, start=1):
        people.append([number, p.family, p.given, p.sex, p.citizenship, p.agency, p.position])
    links = book.create_sheet("Attendance")
    links.append(["PersonID", "EventID"])
    for e, p in LINKS:
        links.append([p + 1, e + 101])
    book.save(path)
    return path
