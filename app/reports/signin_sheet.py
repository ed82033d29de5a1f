"""The sign-in sheet staff print before an event: one row per person expected (invited,
registered or already marked as attending — not those who cancelled or did not come), with the
name pre-filled in Latin and local script, the organisation, a signature box for every day, and
blank rows for people who turn up without being on the list. Bilingual (English and Russian) by
default, since a regional event's participants read either; PDF or xlsx.

Up to two days fit a portrait page; longer events go landscape with up to six days per table;
a longer event still gets one table per block of six days, each on its own pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from app import reference
from app.exports.workbook import put_cell, save_workbook
from app.reports import labels
from app.reports.event_data import EXPECTED_STATUSES, Participant, participants
from app.reports.markup import esc
from app.reports.render import ReportDocument, page_count
from app.reports.words import date_span, short_date
from db.models import Event

PORTRAIT_DAYS = 2
DAYS_PER_TABLE = 6
MIN_BLANK_ROWS, MAX_BLANK_ROWS = 5, 15
FILL_LIMIT = 30  # at most this many more blank rows to fill the last page


@dataclasses.dataclass(frozen=True)
class SigninData:
    """What a sign-in sheet needs to know: the event and the people expected at it."""

    reference: str
    title: str
    start_date: dt.date
    end_date: dt.date
    place: tuple[str | None, str | None, str | None]  # venue, city, country code
    people: tuple[Participant, ...]
    title_ru: str | None = None

    def titles(self, lang: str) -> list[str]:
        """The title as a sheet in ``lang`` shows it: Russian where recorded for "ru", both
        (English first) for "both"."""
        if lang == "ru":
            return [self.title_ru or self.title]
        if lang == "both" and self.title_ru and self.title_ru != self.title:
            return [self.title, self.title_ru]
        return [self.title]

    @property
    def days(self) -> list[dt.date]:
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + dt.timedelta(days=i) for i in range(count)]

    @property
    def blank_rows(self) -> int:
        """Room for walk-ins at least: a fifth of the list, at least five, at most fifteen."""
        return min(max(math.ceil(len(self.people) / 5), MIN_BLANK_ROWS), MAX_BLANK_ROWS)


def fitted_blank_rows(data: SigninData, lang: str = "both") -> int:
    """As many blank rows as fill the last printed page, and never fewer than
    ``data.blank_rows``: a sheet should not end with three rows alone on a new page."""
    least = data.blank_rows
    pages = page_count(signin_document(data, lang, least))
    low, high = least, least + FILL_LIMIT
    while low < high:  # the largest count that keeps the number of pages
        middle = (low + high + 1) // 2
        if page_count(signin_document(data, lang, middle)) == pages:
            low = middle
        else:
            high = middle - 1
    return low


def load_signin(session: Session, event: Event) -> SigninData:
    """The event and its expected people (invited, registered, attending), alphabetically."""
    return SigninData(
        event.reference,
        event.title,
        event.start_date,
        event.end_date,
        (event.venue, event.city, event.country),
        participants(session, event.id, EXPECTED_STATUSES),
        event.title_ru,
    )


def _label(key: str, lang: str, html: bool = True) -> str:
    if lang in ("en", "ru"):
        return esc(labels.text(key, lang)) if html else labels.text(key, lang)
    english, russian = labels.text(key, "en"), labels.text(key, "ru")
    if english == russian:
        return esc(english) if html else english
    return f"{esc(english)}<br>{esc(russian)}" if html else f"{english} / {russian}"


def _place(data: SigninData, lang: str) -> str:
    venue, city, country = data.place
    language = "ru" if lang == "ru" else "en"
    parts = (venue, labels.city(city, language), reference.country_name(country, language))
    return ", ".join(p for p in parts if p)


def _when_and_where(data: SigninData, lang: str) -> str:
    """The dates, and the place when the event has one: "12–13 May 2025 · Bishkek"."""
    language = "ru" if lang == "ru" else "en"
    when = date_span(data.start_date, data.end_date, language)
    place = _place(data, lang)
    return f"{when} · {place}" if place else when


def _day_header(index: int, day: dt.date, lang: str) -> str:
    if lang == "ru":
        return f"День {index}<br>{short_date(day, 'ru')}"
    if lang == "en":
        return f"Day {index}<br>{short_date(day, 'en')}"
    return f"Day {index} / День {index}<br>{day.strftime('%d.%m.%Y')}"


def signin_document(
    data: SigninData, lang: str = "both", blank_rows: int | None = None
) -> ReportDocument:
    """The sign-in sheet as a printable document (``lang``: "en", "ru" or "both") with
    ``blank_rows`` rows for walk-ins (by default as many as fill the last page)."""
    if blank_rows is None:
        blank_rows = fitted_blank_rows(data, lang)
    days = data.days
    landscape = len(days) > PORTRAIT_DAYS
    chunks = [days[i : i + DAYS_PER_TABLE] for i in range(0, len(days), DAYS_PER_TABLE)]
    language = "ru" if lang == "ru" else "en"
    kicker = _label("signin_sheet", lang, html=False).replace(" / ", " · ")
    heading = (
        f'<p class="kicker">{esc(kicker.upper())} · {esc(data.reference)}</p>'
        f"<h1>{'<br>'.join(esc(title) for title in data.titles(lang))}</h1>"
        f'<p class="subtitle">{esc(_when_and_where(data, lang))}</p>'
    )
    parts = []
    for number, chunk in enumerate(chunks):
        first_day = days.index(chunk[0]) + 1
        block = heading
        if len(chunks) > 1:
            span = labels.text(
                "days_range", language, first=first_day, last=first_day + len(chunk) - 1
            )
            block += f'<p class="headline">{esc(span)}</p>'
        block += _table(data, chunk, first_day, lang, landscape, blank_rows)
        block += f'<p class="note">{esc(_label("walk_ins", lang, html=False))}</p>'
        style = ' style="page-break-before: always"' if number else ""
        parts.append(f"<div{style}>{block}</div>")
    footer = f"{_label('signin_sheet', lang, html=False)} {data.reference}"
    return ReportDocument(
        f"{labels.text('signin_sheet', language)} {data.reference}: {data.titles(language)[0]}",
        "".join(parts),
        language,
        landscape=landscape,
        footer=footer,
    )


def _table(
    data: SigninData,
    days: list[dt.date],
    first_day: int,
    lang: str,
    landscape: bool,
    blank_rows: int,
) -> str:
    headers_html = [
        _label("no", lang),
        _label("name", lang) if lang != "both" else f"{esc('Name')}<br>{esc('Фамилия, имя')}",
        _label("organisation", lang),
    ]
    headers_html += [_day_header(first_day + i, day, lang) for i, day in enumerate(days)]
    signature_share = 46 if landscape else 40
    day_width = signature_share // max(len(days), 1)
    widths = [4, 30, 100 - 4 - 30 - day_width * len(days)] + [day_width] * len(days)
    language = "ru" if lang == "ru" else "en"
    rows = []
    for number, person in enumerate(data.people, 1):
        local = (
            f'<br><span style="color:#5a6b7d">{esc(person.local_name)}</span>'
            if person.local_name
            else "<br>&nbsp;"
        )
        organisation = labels.organisation_name(
            person.organisation or "", person.organisation_local, language
        )
        country = reference.country_name(person.nationality, language)
        where = esc(organisation) + (
            f'<br><span style="color:#5a6b7d">{esc(country)}</span>' if country else ""
        )
        rows.append(
            [str(number), f"<b>{esc(person.latin_name or person.local_name)}</b>{local}", where]
            + [""] * len(days)
        )
    start = len(data.people) + 1
    for number in range(start, start + blank_rows):
        rows.append([str(number), "&nbsp;<br>&nbsp;", ""] + [""] * len(days))
    return _html_table(headers_html, rows, widths)


def _html_table(headers: list[str], rows: list[list[str]], widths: list[int]) -> str:
    """Like ``markup.grid_table`` but with HTML headers and roomy rows to sign in."""
    head = "".join(
        f'<th align="left" width="{w}%">{h}</th>' for h, w in zip(headers, widths, strict=True)
    )
    body = "".join(
        "<tr>" + "".join(f'<td valign="middle">{cell}</td>' for cell in row) + "</tr>"
        for row in rows
    )
    return (
        '<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


# --- xlsx -----------------------------------------------------------------------------------


def write_signin_xlsx(data: SigninData, path: Path, lang: str = "both") -> None:
    """The sign-in sheet as a workbook ready to print: landscape for long events, the header row
    repeated on every page, fitted to the page width, boxes tall enough to sign in."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sign-in"
    days = data.days
    language = "ru" if lang == "ru" else "en"
    thin = Side(style="thin", color="8EA0B4")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet["A1"] = f"{_label('signin_sheet', lang, html=False)} · {data.reference}"
    sheet["A1"].font = Font(size=9, color="5A6B7D")
    put_cell(sheet, 2, 1, " / ".join(data.titles(lang))).font = Font(size=14, bold=True)
    sheet["A3"] = _when_and_where(data, lang)
    headers = [
        _label(key, lang, html=False).replace(" / ", "\n")
        for key in ("no", "name", "name_local", "organisation")
    ]
    headers += [_day_header(i, day, lang).replace("<br>", "\n") for i, day in enumerate(days, 1)]
    header_row = 5
    for column, text in enumerate(headers, 1):
        cell = sheet.cell(header_row, column, text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F1")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = box
    sheet.row_dimensions[header_row].height = 45
    for index, width in enumerate([5, 30, 30, 40] + [18] * len(days), 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    row = header_row
    for number, person in enumerate(data.people, 1):
        row += 1
        organisation = labels.organisation_name(
            person.organisation or "", person.organisation_local, language
        )
        for column, value in enumerate(
            [number, person.latin_name, person.local_name, organisation], 1
        ):
            put_cell(sheet, row, column, value)
    for number in range(len(data.people) + 1, len(data.people) + data.blank_rows + 1):
        row += 1
        sheet.cell(row, 1, number)
    for r in range(header_row + 1, row + 1):
        sheet.row_dimensions[r].height = 30
        for column in range(1, len(headers) + 1):
            cell = sheet.cell(r, column)
            cell.border = box
            cell.alignment = Alignment(vertical="center", wrap_text=True)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    # the workbook has a column for the local-script name too, so only one day fits upright
    sheet.page_setup.orientation = "landscape" if len(days) > 1 else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.right.text = "&P / &N"
    save_workbook(workbook, path)
