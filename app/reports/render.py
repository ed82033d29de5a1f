"""The one rendering path of every report: HTML laid out by a QTextDocument, painted page by page
onto any paged device — a QPdfWriter for "Save as PDF" and the CLI, a QPrinter for printing and
print preview in the GUI. Only QtGui is used, so this runs headless (offscreen platform).

Pages are A4 with the report's orientation; each page gets a footer with the report's name and
"Page n of N". Tables longer than a page repeat their header row (``<thead>``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextOption,
    QTextTable,
)

from app.output_files import OutputError, atomic_output
from app.reports import labels
from app.reports.fonts import register_report_fonts, report_typeface

MARGINS_MM = QMarginsF(16, 14, 16, 12)
_FOOTER_PT = 7.5
PDF_RESOLUTION = 600

STYLE_SHEET = """
body { font-size: 9pt; color: #1d1d1d; }
h1 { font-size: 16pt; font-weight: bold; color: #17365d; margin-top: 0px; margin-bottom: 2px; }
h2 { font-size: 11.5pt; font-weight: bold; color: #17365d; margin-top: 14px; margin-bottom: 4px; }
h3 { font-size: 9.5pt; font-weight: bold; color: #17365d; margin-top: 10px; margin-bottom: 3px; }
p { margin-top: 0px; margin-bottom: 5px; }
p.kicker { font-size: 8pt; color: #5a6b7d; margin-bottom: 3px; }
p.subtitle { font-size: 10pt; color: #33475b; margin-bottom: 8px; }
p.lead { font-size: 10pt; margin-top: 4px; margin-bottom: 12px; line-height: 120%; }
p.note { font-size: 8pt; color: #5a6b7d; }
p.headline { font-size: 10pt; font-weight: bold; margin-bottom: 6px; }
table.grid { border-collapse: collapse; border-color: #b9c4d0; border-style: solid; }
table.grid th { background-color: #e4ebf3; color: #17365d; font-weight: bold; font-size: 8pt; }
table.annex { font-size: 8pt; }
table.striped th { background-color: #dce5ef; color: #17365d; font-weight: bold; font-size: 8pt; }
tr.odd td { background-color: #f1f4f8; }
td.label { color: #4a5a6a; font-weight: bold; }
tr.total td { font-weight: bold; background-color: #f2f5f8; }
td.muted { color: #5a6b7d; }
"""


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new headless one (offscreen platform) for the CLI; with
    the reports' fonts registered."""
    app = QGuiApplication.instance()
    if app is None:  # the CLI: no window is ever shown, so no display is needed either
        app = QGuiApplication(["convene", "-platform", "offscreen"])
        ensure_gui_application.keep = app  # type: ignore[attr-defined]
    register_report_fonts()
    return app  # type: ignore[return-value]


def report_font(point_size: float = 9.0) -> QFont:
    font = report_typeface()
    font.setPointSizeF(point_size)
    return font


@dataclasses.dataclass
class ReportDocument:
    """A report ready to print: its HTML, the images it shows, and how to lay out its pages."""

    title: str
    html: str
    lang: str = "en"
    images: dict[str, QImage] = dataclasses.field(default_factory=dict)
    landscape: bool = False
    footer: str = ""  # left side of every page's footer, e.g. "2022-001 · Event summary"

    def page_layout(self) -> QPageLayout:
        orientation = (
            QPageLayout.Orientation.Landscape
            if self.landscape
            else QPageLayout.Orientation.Portrait
        )
        return QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter
        )

    def text_document(self, device: QPagedPaintDevice | None = None) -> QTextDocument:
        """The report laid out for ``device`` (its resolution and printable width)."""
        ensure_gui_application()
        document = QTextDocument()
        document.setDefaultFont(report_font())
        document.setDefaultStyleSheet(STYLE_SHEET)
        document.setDocumentMargin(0)
        # Lines break between words only: a word wider than its column widens the column (Qt
        # sizes columns to their longest word) instead of being cut ("Wome/n", "Мужско/й").
        option = document.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        option.setUseDesignMetrics(True)  # the font's own widths, not the screen's rounded ones
        document.setDefaultTextOption(option)
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, self.title)
        for name, image in self.images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        if device is not None:
            document.documentLayout().setPaintDevice(device)
        document.setHtml(self.html)
        return document


def _footer_height(device: QPagedPaintDevice) -> float:
    return device.logicalDpiY() * (_FOOTER_PT * 2.6) / 72


def _laid_out(report: ReportDocument, device: QPagedPaintDevice) -> tuple[QTextDocument, QSizeF]:
    """The report's document paginated for ``device``, and the size of a page's body."""
    document = report.text_document(device)
    body = QSizeF(device.width(), device.height() - _footer_height(device))
    document.setPageSize(body)
    keep_rows_whole(document)
    return document, body


def header_tables(document: QTextDocument) -> list[QTextTable]:
    """The tables of figures and lists (those with a header row), in document order; layout
    tables (side by side blocks) are passed over but searched."""
    found: list[QTextTable] = []

    def visit(frame: QTextFrame) -> None:
        for child in frame.childFrames():
            if isinstance(child, QTextTable) and child.format().headerRowCount() > 0:
                found.append(child)
            visit(child)

    visit(document.rootFrame())
    return found


def row_pages(document: QTextDocument, table: QTextTable) -> list[tuple[int, int]]:
    """For each body row of ``table`` (header rows left out), the pages its top and its bottom
    are laid out on (0-based)."""
    height = document.pageSize().height()
    return [
        (int(top // height), int(max(top, bottom - 1) // height))
        for top, bottom in _row_bounds(document, table)
    ]


def _break_after(table: QTextTable, *rows: int) -> None:
    """A page break after each body row of ``rows``: set on the last block of every cell of
    the row, the only way Qt's table layout takes it (on some cells only, Qt splits the row).
    One edit block: the document is laid out again once, not once per cell (0.14 s each for a
    500-row list)."""
    edit = table.firstCursorPosition()
    edit.beginEditBlock()
    try:
        for row in rows:
            for column in range(table.columns()):
                cell = table.cellAt(row + table.format().headerRowCount(), column)
                cursor = cell.lastCursorPosition()
                block = cursor.blockFormat()
                block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter)
                cursor.setBlockFormat(block)
    finally:
        edit.endEditBlock()


def _row_to_move(pages: list[tuple[int, int]]) -> int | None:
    """The first body row to begin a new page, if any: a row that would be split across two
    pages (Qt moves a row to the next page only when a cell's first line does not fit), or the
    last row left alone on the table's last page (its predecessor goes with it)."""
    for row, (top, bottom) in enumerate(pages):
        if top != bottom and row > 0 and pages[row - 1][1] == top:  # (not one taller than a page)
            return row
    if len(pages) >= 4:
        last_page = pages[-1][0]
        alone = pages[-2][1] < last_page
        room = sum(1 for top, _ in pages if top == pages[-2][0]) >= 3
        if alone and room and pages[-1][0] == pages[-1][1]:
            return len(pages) - 2
    return None


def _row_bounds(document: QTextDocument, table: QTextTable) -> list[tuple[float, float]]:
    """The top and bottom of each body row of ``table`` in the document as laid out now."""
    layout = document.documentLayout()
    bounds = []
    for row in range(table.format().headerRowCount(), table.rows()):
        top, bottom = float("inf"), float("-inf")
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            first = layout.blockBoundingRect(cell.firstCursorPosition().block())
            last = layout.blockBoundingRect(cell.lastCursorPosition().block())
            top, bottom = min(top, first.top()), max(bottom, last.bottom())
        bounds.append((top, bottom))
    return bounds


def _first_lines(document: QTextDocument, table: QTextTable) -> list[float]:
    """For each body row, how far below its top the first line of its cells ends (the
    tallest): Qt moves a row that crosses the foot of a page to the next page only when that
    much does not fit there, and otherwise splits it."""
    layout = document.documentLayout()
    out = []
    for row in range(table.format().headerRowCount(), table.rows()):
        top, first_bottom = float("inf"), float("-inf")
        for column in range(table.columns()):
            block = table.cellAt(row, column).firstCursorPosition().block()
            rect = layout.blockBoundingRect(block)
            lines = block.layout().lineCount()
            top = min(top, rect.top())
            first_bottom = max(
                first_bottom, rect.top() + (block.layout().lineAt(0).height() if lines else 0)
            )
        out.append(first_bottom - top)
    return out


def _planned_breaks(
    unpaged: list[tuple[float, float]],
    first_lines: list[float],
    paged: list[tuple[float, float]],
    height: float,
    forced: float,
) -> list[int]:
    """The body rows Qt would split across pages, worked out from the rows' own heights (laid
    out on one long page, ``unpaged``) and where the table starts (``paged``): each begins a
    page after a break of ours, ``forced`` below the page's top."""
    pages = [(int(t // height), int(max(t, b - 1) // height)) for t, b in paged]
    continued = [
        paged[i][0] - pages[i][0] * height
        for i in range(1, len(paged))
        if pages[i][0] > pages[i - 1][1]
    ]
    head = min(continued) if continued else forced  # where Qt's own new page puts a row
    breaks: list[int] = []
    y, page = paged[0][0], pages[0][0]
    for i, (top, bottom) in enumerate(unpaged):
        pitch = (unpaged[i + 1][0] - top) if i + 1 < len(unpaged) else bottom - top
        if y + max(pitch, bottom - top) > (page + 1) * height:  # (with the rule below it)
            split = i > 0 and y + first_lines[i] <= (page + 1) * height
            if split:
                breaks.append(i)
            page += 1
            y = page * height + (forced if split else head)
        y += pitch
    return breaks


def keep_rows_whole(document: QTextDocument) -> int:
    """Lay out ``document`` so that no table row is split across pages (Qt lays the lines of a
    row's cells out one by one, so a two-line name could end on the next page, under the
    repeated header) and no table leaves its last row alone on a new page; returns how many
    page breaks were put before rows.

    Every change lays the document out again, so for a long table the first break is put,
    then the others are planned at once from the rows' heights laid out on one long page and
    where that break put its row; then any row still wrong is moved one at a time."""
    breaks = 0
    for table in header_tables(document):
        first = _row_to_move(row_pages(document, table))
        if first is None:
            continue
        _break_after(table, first - 1)
        breaks += 1
        size = document.pageSize()
        height = size.height()
        paged = _row_bounds(document, table)
        forced = paged[first][0] - (paged[first][0] // height) * height
        document.setPageSize(QSizeF(size.width(), 1e9))
        unpaged, lines = _row_bounds(document, table), _first_lines(document, table)
        document.setPageSize(size)
        planned = _planned_breaks(unpaged, lines, _row_bounds(document, table), height, forced)
        later = [row - 1 for row in planned if row > first]
        if later:
            _break_after(table, *later)  # all of them, then one layout
            breaks += len(later)
        done = first
        while (move := _row_to_move(row_pages(document, table)[done:])) is not None:
            _break_after(table, done + move - 1)
            done += move
            breaks += 1
            if breaks > 2000:  # a row taller than a page cannot be kept whole
                return breaks
    return breaks


def _pages_with_content(document: QTextDocument, page_height: float) -> list[int]:
    """The pages that show something. Qt can lay out a page holding only an empty block (a
    table ending exactly at the foot of a page, then a page break): such a page is not printed."""
    layout = document.documentLayout()
    used = set()
    block = document.begin()
    while block.isValid():
        if block.length() > 1:  # any character, even a non-breaking space or an image
            rect = layout.blockBoundingRect(block)
            used.add(int(rect.top() // page_height))
            used.add(int(max(rect.top(), rect.bottom() - 1) // page_height))
        block = block.next()
    pages = [page for page in sorted(used) if 0 <= page < document.pageCount()]
    return pages or [0]


def page_count(report: ReportDocument) -> int:
    """How many A4 pages ``report`` takes, laid out exactly as for PDF; nothing is written."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(report.page_layout())
    writer.setResolution(PDF_RESOLUTION)
    document, body = _laid_out(report, writer)
    return len(_pages_with_content(document, body.height()))


def paint_report(report: ReportDocument, device: QPagedPaintDevice) -> int:
    """Paint ``report`` onto ``device`` (a QPdfWriter or QPrinter whose page layout is already
    set), one page after another; returns the number of pages."""
    document, body = _laid_out(report, device)
    width = device.width()
    footer = _footer_height(device)
    shown = _pages_with_content(document, body.height())
    pages = len(shown)
    painter = QPainter()
    if not painter.begin(device):
        raise OutputError("the page could not be prepared for printing")
    try:
        for number, page in enumerate(shown, 1):
            if number > 1:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            document.drawContents(painter, QRectF(0, page * body.height(), width, body.height()))
            painter.restore()
            _paint_footer(painter, report, device, number, pages, body.height(), footer)
    finally:
        painter.end()
    return pages


def _paint_footer(
    painter: QPainter,
    report: ReportDocument,
    device: QPagedPaintDevice,
    page: int,
    pages: int,
    top: float,
    height: float,
) -> None:
    painter.save()
    scale = device.logicalDpiY() / 72
    painter.setPen(QPen(QColor("#b9c4d0"), max(1.0, 0.5 * scale)))
    rule = top + height * 0.35
    painter.drawLine(0, int(rule), device.width(), int(rule))
    font = report_font(_FOOTER_PT)
    painter.setFont(font)
    painter.setPen(QColor("#5a6b7d"))
    area = QRectF(0, rule + 2 * scale, device.width(), height - (rule - top))
    painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, report.footer)
    painter.drawText(
        area,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
        labels.text("page_of", report.lang, page=page, pages=pages),
    )
    painter.restore()


def write_pdf(report: ReportDocument, path: Path) -> int:
    """Write ``report`` as a PDF file at ``path`` (replaced only once complete); the page count."""
    ensure_gui_application()
    with atomic_output(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setPageLayout(report.page_layout())
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(report.title)
        writer.setCreator("Convene")
        try:
            pages = paint_report(report, writer)
        finally:
            del writer  # closes the file
    return pages


def printed_on(lang: str) -> str:
    from app.reports.words import long_date

    return labels.text("printed", lang, date=long_date(dt.date.today(), lang))
