"""The layout of every PDF, read back as a reader sees it: no word of a table header (or of any
table cell) is broken across lines ("Wome/n", "Мужско/й", "Туркмениста/н"), no table row is
split across pages, no table leaves a single row alone on a new page, chart labels do not run
together, and the period workbook names partners' countries.

Each report is rendered for records made to stress the layout: long words in names and
organisations, people of unknown sex (a column more), enough rows for several pages, events of
one, two, three and eight days."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter, QTextDocument, QTextTable

from app.reports.event_summary import event_summary
from app.reports.period_figures import PeriodFilter, period_figures
from app.reports.period_report import period_report
from app.reports.period_workbook import write_period_xlsx
from app.reports.render import PDF_RESOLUTION, ReportDocument, _laid_out, write_pdf
from app.reports.signin_sheet import load_signin, signin_document
from app.services import events, organizations, participations, partners, people, projects
from app.services.events import find_event

pytestmark = pytest.mark.usefixtures("qapp")

YEAR = PeriodFilter(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
# Long single words, as agency names and Turkmen and Kyrgyz names have them.
LONG = [
    ("Gurbangulymukhammedov", "Гурбангулымухаммедов", "TM"),
    ("Abdyrakhmanovna", "Абдырахмановна", "KG"),
    ("Nurmukhammedova", "Нурмухаммедова", "TM"),
    ("Zhumabekova", "Жумабекова", "KZ"),
    ("Khudoiberdiev", "Худойбердиев", "UZ"),
    ("Sharipov", "Шарипов", "TJ"),
]


def _records(session: Any) -> None:
    agencies = {
        code: organizations.create_organization(
            session, name=name, name_local=local, kind="national_agency", sector=sector,
            country=code,
        ).id
        for code, name, local, sector in (
            ("TM", "State Border Service of Turkmenistan",
             "Государственная пограничная служба Туркменистана", "border"),
            ("KG", "Border Service of the Kyrgyz Republic",
             "Пограничная служба Кыргызской Республики", "border"),
            ("KZ", "State Revenue Committee", "Комитет государственных доходов", "customs"),
            ("UZ", "Interdepartmental Counter-Narcotics Commission",
             "Межведомственная антинаркотическая комиссия", "drug_control"),
            ("TJ", "Ministry of Internal Affairs", "Министерство внутренних дел", "law_enforcement"),
        )
    }  # fmt: skip
    unodc = organizations.create_organization(
        session, name="United Nations Office on Drugs and Crime", acronym="UNODC",
        kind="international_organization", country="AT",
    ).id  # fmt: skip
    project = projects.create_project(session, code="BOMCA-10", title="Border Management"
                                      " Programme in Central Asia, phase 10").id  # fmt: skip
    spans = [(1, 1), (2, 2), (3, 3), (8, 8)]  # days
    made = []
    for index, (days, _) in enumerate(spans):
        start = dt.date(2019, 2 + 2 * index, 10)
        event = events.create_event(
            session, reference=f"2019-0{index + 1}",
            title=f"Interdepartmental workshop on counter-narcotics co-operation {index + 1}",
            type=["workshop", "training_course", "seminar", "study_visit"][index],
            start_date=start, end_date=start + dt.timedelta(days=days - 1),
            city="Ashgabat", country="TM", status="held", project_id=project,
            venue="Ministry of Foreign Affairs",
        )  # fmt: skip
        partners.add_partner(session, event.id, unodc, "co_organizer")
        made.append(event)
    # every other type once, so that the table of events by type has a narrow column each
    for index, kind in enumerate(("conference", "round_table", "assessment_visit", "meeting",
                                  "exercise", "other")):  # fmt: skip
        events.create_event(
            session, reference=f"2019-1{index}", title=f"Event of type {kind}", type=kind,
            start_date=dt.date(2019, 11, 1 + index), end_date=dt.date(2019, 11, 1 + index),
            city="Bishkek", country="KG", status="held", project_id=project,
        )  # fmt: skip
    sexes = ["female", "male", "unspecified"]
    for i in range(64):
        family, local, country = LONG[i % len(LONG)]
        person = people.create_person(
            session, family_name=f"{family}", given_name=f"Oguljahan{i}",
            family_name_local=local, given_name_local=f"Огулджахан{i}", sex=sexes[i % 3],
            nationality=country, organization_id=agencies[country],
        )  # fmt: skip
        for event in made:
            if i < 56 or event is made[0]:
                participations.add_participation(
                    session, event.id, person.id, status="attended" if i % 7 else "registered"
                )


@pytest.fixture(scope="module")
def layout_db(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Any:
    import shutil

    from db.engine import open_database

    path = tmp_path_factory.mktemp("layout") / "layout.sqlite"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path)
    with database.session_scope() as session:
        _records(session)
    yield database
    database.dispose()


def _documents(database: Any) -> dict[str, ReportDocument]:
    out: dict[str, ReportDocument] = {}
    with database.session_scope() as session:
        for lang in ("en", "ru"):
            out[f"summary-{lang}"] = event_summary(
                session, find_event(session, "2019-01"), lang=lang
            )
            out[f"period-{lang}"] = period_report(session, YEAR, lang=lang)
        for ref, langs in (("2019-01", ("both", "en", "ru")), ("2019-02", ("both",)),
                           ("2019-03", ("ru",)), ("2019-04", ("both",))):  # fmt: skip
            data = load_signin(session, find_event(session, ref))
            for lang in langs:
                out[f"signin-{ref}-{lang}"] = signin_document(data, lang)
    return out


@pytest.fixture(scope="module")
def rendered(layout_db: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for name, report in _documents(layout_db).items():
        path = folder / f"{name}.pdf"
        pages = write_pdf(report, path)
        out[name] = (report, path, pages)
    return out


def _layout_text(path: Path) -> list[list[str]]:
    """Each page's lines as ``pdftotext -layout`` prints them."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page.splitlines() for page in text.split("\f")]


def _header_words(report: ReportDocument) -> set[str]:
    """Every word of every table header cell of the report (its <th> cells)."""
    words: set[str] = set()
    for cell in re.findall(r"<th[^>]*>(.*?)</th>", report.html, flags=re.S):
        text = re.sub(r"<[^>]+>", " ", cell).replace("&nbsp;", " ")
        words |= {w for w in re.findall(r"[\w%№.]+", text, flags=re.U) if len(w) > 1}
    return words


def _broken(lines: list[str], word: str) -> str | None:
    """Where ``word`` is printed cut in two on consecutive lines of the same column."""
    for k in range(1, len(word)):
        head, tail = word[:k], word[k:]
        for upper, lower in itertools.pairwise(lines):
            for match in re.finditer(rf"(?<!\S){re.escape(head)}(?!\S)", upper):
                below = lower[match.start() :]
                if re.match(rf"{re.escape(tail)}(?!\S)", below):
                    return f"{head}/{tail}"
    return None


def test_every_report_renders(rendered: dict[str, Any]) -> None:
    assert set(rendered) >= {"summary-en", "summary-ru", "period-en", "period-ru"}
    assert rendered["summary-en"][2] >= 2 and rendered["signin-2019-01-both"][2] >= 2


def test_no_table_header_word_is_broken(rendered: dict[str, Any]) -> None:
    problems = []
    for name, (report, path, _) in rendered.items():
        pages = _layout_text(path)
        text = "\n".join("\n".join(p) for p in pages)
        for word in sorted(_header_words(report)):
            if not re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text):
                problems.append(f"{name}: header word {word!r} not printed whole")
            for lines in pages:
                if cut := _broken(lines, word):
                    problems.append(f"{name}: {cut}")
                    break
    assert not problems, problems


def _cells(document: QTextDocument) -> list[tuple[QTextTable, int, int, Any]]:
    """Every cell of every table, layout tables and nested ones included: (table, row,
    column, cell)."""
    found = []

    def visit(frame: Any) -> None:
        for child in frame.childFrames():
            if isinstance(child, QTextTable):
                for r in range(child.rows()):
                    for c in range(child.columns()):
                        found.append((child, r, c, child.cellAt(r, c)))
            visit(child)

    visit(document.rootFrame())
    return found


def _laid_out_for_pdf(report: ReportDocument) -> tuple[QTextDocument, Any]:
    """The document laid out exactly as ``write_pdf`` lays it out."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(report.page_layout())
    writer.setResolution(PDF_RESOLUTION)
    return _laid_out(report, writer)


def _cell_lines(document: QTextDocument, cell: Any) -> list[tuple[str, list[int]]]:
    """Each block of a cell: its text and where its lines start."""
    out = []
    cursor = cell.firstCursorPosition()
    block = cursor.block()
    end = cell.lastCursorPosition().block()
    while block.isValid():
        layout = block.layout()
        starts = [layout.lineAt(i).textStart() for i in range(layout.lineCount())]
        out.append((block.text(), starts))
        if block == end:
            break
        block = block.next()
    return out


def test_no_word_in_any_table_cell_is_broken(rendered: dict[str, Any]) -> None:
    """In the laid-out document itself: every line of every table cell starts after a space
    or a hyphen, never inside a word."""
    problems = []
    for name, (report, _, _) in rendered.items():
        document, _ = _laid_out_for_pdf(report)
        for _, _, _, cell in _cells(document):
            for text, starts in _cell_lines(document, cell):
                for start in starts[1:]:
                    before, at = text[start - 1], text[start]
                    if not (before.isspace() or before in "-–/\u2028" or at.isspace()):
                        problems.append(f"{name}: {text[:start]}/{text[start:]}")
    assert not problems, problems[:20]


def test_no_row_split_across_pages_nor_left_alone(rendered: dict[str, Any]) -> None:
    """Each laid-out table row lies on one page, and a table that goes on to a new page takes
    at least two rows there."""
    problems = []
    for name, (report, _, _) in rendered.items():
        document, body = _laid_out_for_pdf(report)
        layout = document.documentLayout()
        height = body.height()
        tables: dict[int, dict[int, set[int]]] = {}
        for table, row, _, cell in _cells(document):
            if table.format().headerRowCount() > row:
                continue
            block = cell.firstCursorPosition().block()
            end = cell.lastCursorPosition().block()
            pages = set()
            while block.isValid():
                rect = layout.blockBoundingRect(block)
                pages |= {int(rect.top() // height), int((rect.bottom() - 1) // height)}
                if block == end:
                    break
                block = block.next()
            tables.setdefault(id(table), {}).setdefault(row, set()).update(pages)
        for rows in tables.values():
            for row, pages in rows.items():
                if len(pages) > 1:
                    problems.append(f"{name}: row {row} on pages {sorted(pages)}")
            last = max(min(p) for p in rows.values())
            on_last = [r for r, p in rows.items() if min(p) == last]
            if len(rows) > 1 and last > min(min(p) for p in rows.values()) and len(on_last) < 2:
                problems.append(f"{name}: row {on_last} alone on page {last + 1}")
    assert not problems, problems


@pytest.mark.parametrize("width", [640.0, 520.0])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_month_labels_under_columns_do_not_run_together(lang: str, width: float) -> None:
    """A year of months in the period report's chart: between two neighbouring labels the
    boundary of their slots stays blank over the whole band of labels (at 520 pixels, or with
    a wider fallback font, "май 2019" no longer fits its slot on one line)."""
    from app.reports import charts
    from app.reports.words import month_label

    bars = [(month_label(2019, m, lang), m % 4) for m in range(1, 13)]
    height = 210.0
    image = charts.columns_chart(bars, "Events held by month", width, height)
    scale = image.width() / width
    slot = (width - 30.0 - 8.0) / len(bars)
    inked = []
    for k in range(1, len(bars)):
        x = round((30.0 + slot * k) * scale)
        for y in range(round((height - 18) * scale), image.height()):
            if image.pixelColor(x, y).lightness() < 200:
                inked.append((bars[k - 1][0], bars[k][0]))
                break
    assert not inked, inked


def test_period_workbook_names_countries(layout_db: Any, tmp_path: Path) -> None:
    with layout_db.session_scope() as session:
        figures = period_figures(session, YEAR)
    for lang, austria, partners_name, events_name in (
        ("en", "Austria", "Partners involved", "Events"),
        ("ru", "Австрия", "Задействованные партнёры", "Мероприятий"),
    ):
        path = tmp_path / f"period-{lang}.xlsx"
        write_period_xlsx(figures, path, lang)
        workbook = openpyxl.load_workbook(path, read_only=True)
        partners_sheet = workbook[partners_name]
        rows = list(partners_sheet.iter_rows(values_only=True))
        assert rows[1][:2] == (
            "United Nations Office on Drugs and Crime" if lang == "en" else rows[1][0],
            austria,
        ), rows
        events_sheet = list(workbook[events_name].iter_rows(values_only=True))
        assert {row[6] for row in events_sheet[1:]} == (
            {"Turkmenistan", "Kyrgyzstan"} if lang == "en" else {"Туркменистан", "Кыргызстан"}
        )
