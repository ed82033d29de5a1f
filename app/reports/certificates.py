"""Certificates of attendance as printed: one A4 landscape page per person and language (English,
Russian, or both — then the English page and the Russian page of each person in turn), painted
with QPainter onto any paged device — a QPdfWriter for PDF files, a QPrinter for printing and
print preview — with the fonts of the other reports.

A page shows the office's logo (if set), the title, the person's name in the script of the
language (Latin for English, as written locally for Russian, else the other), the event's title,
dates and place in the language, the organisers and donors as the event lists them, the
signatory, and the certificate's number and verification code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app.output_files import OutputError, atomic_output
from app.reports.certificate_content import CertificateContent, bodies, word
from app.reports.render import PDF_RESOLUTION, ensure_gui_application, report_font

LANGUAGES = ("en", "ru", "both")
NAVY = QColor("#17365d")
GOLD = QColor("#a8842c")
INK = QColor("#1d1d1d")
MUTED = QColor("#5a6b7d")
PAGE_MM = (297.0, 210.0)


def page_layout() -> QPageLayout:
    """A4 landscape with no margins: the certificate draws its own frame inside the page."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def pages_in(
    contents: Sequence[CertificateContent], lang: str
) -> list[tuple[CertificateContent, str]]:
    """Each page to print: a certificate and its language, in order."""
    languages = ("en", "ru") if lang == "both" else (lang,)
    return [(content, language) for content in contents for language in languages]


class _Page:
    """One certificate page being painted: millimetres to device pixels, and text blocks."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice, *, dry: bool = False) -> None:
        self.dry = dry  # measure only: nothing is drawn
        self.painter = painter
        self.device = device
        self.k = device.width() / PAGE_MM[0]  # device pixels per millimetre
        self.height_mm = device.height() / self.k

    def mm(self, value: float) -> float:
        return value * self.k

    def font(self, size: float, *, bold: bool = False, spacing: float = 0.0) -> QFont:
        font = report_font(size)
        font.setBold(bold)
        if spacing:
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100 + spacing)
        return font

    def text(
        self,
        text: str,
        top_mm: float,
        font: QFont,
        color: QColor = INK,
        *,
        left_mm: float = 30.0,
        width_mm: float = PAGE_MM[0] - 60.0,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
        max_lines: int = 3,
    ) -> float:
        """Draw ``text`` wrapped within the column; the font shrinks (to 70%) if it would take
        more than ``max_lines`` lines. Returns the bottom of the block, in millimetres."""
        if not text:
            return top_mm
        flags = align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        area = QRectF(self.mm(left_mm), self.mm(top_mm), self.mm(width_mm), self.mm(200))
        size = font.pointSizeF()
        while True:
            metrics = QFontMetricsF(font, self.device)
            bounds = metrics.boundingRect(area, int(flags), text)
            fits = bounds.height() <= metrics.lineSpacing() * max_lines + 1
            if fits or font.pointSizeF() * 0.92 < size * 0.7:
                break
            font.setPointSizeF(font.pointSizeF() * 0.92)
        if not self.dry:
            self.painter.setFont(font)
            self.painter.setPen(color)
            self.painter.drawText(area, int(flags), text)
        return top_mm + bounds.height() / self.k

    def rule(
        self, y_mm: float, left_mm: float, right_mm: float, color: QColor, width_mm: float
    ) -> None:
        self.painter.setPen(QPen(color, self.mm(width_mm)))
        self.painter.drawLine(
            QPointF(self.mm(left_mm), self.mm(y_mm)), QPointF(self.mm(right_mm), self.mm(y_mm))
        )


def _paint_frame(page: _Page) -> None:
    width, height = PAGE_MM[0], page.height_mm
    painter = page.painter
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(NAVY, page.mm(1.6)))
    painter.drawRect(QRectF(page.mm(9), page.mm(9), page.mm(width - 18), page.mm(height - 18)))
    painter.setPen(QPen(GOLD, page.mm(0.45)))
    painter.drawRect(QRectF(page.mm(12), page.mm(12), page.mm(width - 24), page.mm(height - 24)))
    # corner ornaments: small gold squares on the inner frame
    painter.setBrush(GOLD)
    painter.setPen(Qt.PenStyle.NoPen)
    for x, y in ((12, 12), (width - 12, 12), (12, height - 12), (width - 12, height - 12)):
        size = 3.2
        painter.drawRect(
            QRectF(page.mm(x - size / 2), page.mm(y - size / 2), page.mm(size), page.mm(size))
        )
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _paint_logo(page: _Page, logo: QImage | None, top_mm: float) -> float:
    if logo is None or logo.isNull():
        return top_mm + 8
    max_w, max_h = 70.0, 24.0
    ratio = logo.width() / logo.height()
    h = min(max_h, max_w / ratio)
    w = h * ratio
    target = QRectF(page.mm((PAGE_MM[0] - w) / 2), page.mm(top_mm), page.mm(w), page.mm(h))
    page.painter.drawImage(target, logo)
    return top_mm + h + 5


def paint_certificate(
    page: _Page, content: CertificateContent, lang: str, logo: QImage | None
) -> None:
    """One page: the frame, the logo and title at the top, the signatory and number at the
    foot, and the statement centred in the space between them."""
    _paint_frame(page)
    y = _paint_logo(page, logo, 22 if logo is not None else 30)
    y = page.text(word("title", lang).upper(), y, page.font(25, bold=True, spacing=4), NAVY)
    page.rule(y + 3, PAGE_MM[0] / 2 - 35, PAGE_MM[0] / 2 + 35, GOLD, 0.6)
    top, bottom = y + 6, _foot_top(page) - 6
    measure = _Page(page.painter, page.device, dry=True)
    height = _paint_statement(measure, content, lang, 0.0)
    _paint_statement(page, content, lang, top + max(0.0, (bottom - top - height) / 2))
    _paint_foot(page, content, lang)


def _paint_statement(page: _Page, content: CertificateContent, lang: str, y: float) -> float:
    """Who, what, when and where, and by whom organised; returns the bottom (mm)."""
    start = y
    y = page.text(word("certify", lang), y, page.font(13), MUTED)
    y = page.text(content.name(lang), y + 4, page.font(30, bold=True), INK, max_lines=2)
    y = page.text(content.took_part(lang), y + 5, page.font(13), MUTED)
    quoted = f"«{content.event_title(lang)}»" if lang == "ru" else f"“{content.event_title(lang)}”"
    y = page.text(quoted, y + 2, page.font(16, bold=True), NAVY, max_lines=3)
    y = page.text(content.place_and_dates(lang), y + 3, page.font(12.5), INK)
    if content.organisers:
        names = bodies(content.organisers, lang)
        key = "organised_by" if len(content.organisers) == 1 else "organised_by_many"
        y = page.text(word(key, lang, names=names), y + 7, page.font(10.5), MUTED)
    if content.donors:
        names = bodies(content.donors, lang)
        y = page.text(word("supported_by", lang, names=names), y + 1.5, page.font(10.5), MUTED)
    return y - start


def _foot_top(page: _Page) -> float:
    return page.height_mm - 22 - 15 - 6


def _paint_foot(page: _Page, content: CertificateContent, lang: str) -> None:
    """The signatory at the bottom left, the number and code at the bottom right."""
    left, right = 30.0, PAGE_MM[0] - 30.0
    column = 105.0
    line_y = _foot_top(page) + 6
    page.rule(line_y, left, left + 80, INK, 0.3)
    page.text(word("signature", lang), line_y - 5, page.font(7.5), MUTED, left_mm=left,
              width_mm=80, align=Qt.AlignmentFlag.AlignLeft)  # fmt: skip
    y = page.text(content.signatory_name or "", line_y + 1.5, page.font(10.5, bold=True), INK,
                  left_mm=left, width_mm=column, align=Qt.AlignmentFlag.AlignLeft, max_lines=1)  # fmt: skip
    page.text(content.signatory_title or "", y + 0.5, page.font(9), MUTED, left_mm=left,
              width_mm=column, align=Qt.AlignmentFlag.AlignLeft, max_lines=2)  # fmt: skip
    number = (
        word("number", lang, number=content.number)
        if content.number
        else f"{word('number', lang, number='').rstrip()} {word('specimen', lang)}"
    )
    x = right - column
    y = page.text(number, line_y + 1.5, page.font(10.5, bold=True), NAVY, left_mm=x,
                  width_mm=column, align=Qt.AlignmentFlag.AlignRight, max_lines=1)  # fmt: skip
    if content.code:
        page.text(word("code", lang, code=content.code), y + 0.5, page.font(9.5), MUTED,
                  left_mm=x, width_mm=column, align=Qt.AlignmentFlag.AlignRight, max_lines=1)  # fmt: skip


def logo_image(png: bytes | None) -> QImage | None:
    if not png:
        return None
    image = QImage.fromData(QByteArray(png))
    return None if image.isNull() else image


def paint_certificates(
    contents: Sequence[CertificateContent],
    lang: str,
    device: QPagedPaintDevice,
    logo_png: bytes | None = None,
) -> int:
    """Paint the certificates onto ``device`` (its page layout already set, see
    ``page_layout``), one page per person and language; returns the number of pages."""
    ensure_gui_application()
    logo = logo_image(logo_png)
    painter = QPainter()
    if not painter.begin(device):
        raise OutputError("the page could not be prepared for printing")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    pages = pages_in(contents, lang)
    try:
        for number, (content, language) in enumerate(pages):
            if number:
                device.newPage()
            paint_certificate(_Page(painter, device), content, language, logo)
    finally:
        painter.end()
    return len(pages)


def write_certificates_pdf(
    contents: Sequence[CertificateContent], lang: str, path: Path, logo_png: bytes | None = None
) -> int:
    """Write the certificates as one PDF file (replaced only once complete); the page count."""
    ensure_gui_application()
    with atomic_output(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setPageLayout(page_layout())
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(word("document", "en" if lang == "both" else lang))
        writer.setCreator("Convene")
        try:
            pages = paint_certificates(contents, lang, writer, logo_png)
        finally:
            del writer
    return pages


_UNSAFE = re.compile(r"[^\w.-]+")


def suggested_file_name(reference: str, lang: str) -> str:
    return _UNSAFE.sub("-", f"certificates {reference} {lang}") + ".pdf"
