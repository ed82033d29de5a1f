"""Charts drawn with QPainter into images that reports embed: participants by country split by
sex (horizontal stacked bars), and events held by month or year (columns).

Images are drawn at twice the size they are shown, so they stay sharp on paper; every bar carries
its number, so the chart reads without the table next to it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from app.reports import labels
from app.reports.figures import Breakdown
from app.reports.fonts import report_typeface
from app.reports.render import ensure_gui_application

WOMEN = QColor("#d9822b")
MEN = QColor("#2e6da4")
UNSPECIFIED = QColor("#a6a6a6")
EVENTS = QColor("#4a7f6b")
_INK = QColor("#1d1d1d")
_TITLE = QColor("#17365d")
_GRID = QColor("#d5dce4")
_SCALE = 2  # image pixels per displayed pixel


def _font(pixels: float, bold: bool = False) -> QFont:
    font = report_typeface()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


def _nice_step(largest: int, ticks: int = 5) -> int:
    """A round step (1, 2, 5 × 10ⁿ) giving about ``ticks`` grid lines up to ``largest``."""
    raw = max(largest, 1) / ticks
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return max(1, int(factor * magnitude))
    return int(10 * magnitude)


def _canvas(width: float, height: float) -> tuple[QImage, QPainter]:
    ensure_gui_application()
    image = QImage(round(width * _SCALE), round(height * _SCALE), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(_SCALE, _SCALE)
    return image, painter


def _legend(painter: QPainter, entries: Sequence[tuple[str, QColor]], x: float, y: float) -> None:
    painter.setFont(_font(11))
    metrics = QFontMetricsF(_font(11))
    for text, colour in entries:
        painter.fillRect(QRectF(x, y + 2, 11, 11), colour)
        painter.setPen(_INK)
        painter.drawText(QRectF(x + 15, y, 400, 15), Qt.AlignmentFlag.AlignVCenter, text)
        x += 15 + metrics.horizontalAdvance(text) + 18


def _title(painter: QPainter, title: str, width: float) -> float:
    """Draw the chart's title (part of the image, so it never parts from its chart on a page
    break); the height it took."""
    if not title:
        return 0.0
    painter.setFont(_font(13, bold=True))
    painter.setPen(_TITLE)
    painter.drawText(QRectF(0, 0, width, 18), Qt.AlignmentFlag.AlignVCenter, title)
    return 24.0


def country_sex_chart(
    table: Breakdown,
    lang: str,
    label: Callable[[str | None], str],
    title: str = "",
    width: float = 640,
) -> QImage:
    """Horizontal bars, one per row of ``table``, split into women, men and sex not stated."""
    rows = [row for row in table.rows if row.counts.total]
    show_unspecified = any(row.counts.unspecified for row in rows)
    row_height, bar_height, top, bottom = 24.0, 15.0, 28.0, 24.0
    if title:
        top += 24.0
    height = top + bottom + row_height * max(len(rows), 1)
    image, painter = _canvas(width, height)
    try:
        _title(painter, title, width)
        legend = [(labels.text("women", lang), WOMEN), (labels.text("men", lang), MEN)]
        if show_unspecified:
            legend.append((labels.text("unspecified", lang), UNSPECIFIED))
        _legend(painter, legend, 0, top - 26)
        label_font = _font(11)
        metrics = QFontMetricsF(label_font)
        names = [label(row.key) for row in rows]
        label_width = min(
            max((metrics.horizontalAdvance(n) for n in names), default=40) + 10,
            width * 0.38,
        )
        plot_left, plot_right = label_width, width - 30
        largest = max((row.counts.total for row in rows), default=1)
        step = _nice_step(largest)
        axis_max = step * math.ceil(largest / step)
        per_unit = (plot_right - plot_left) / axis_max
        plot_bottom = top + row_height * len(rows)
        painter.setFont(_font(10))
        for tick in range(0, axis_max + 1, step):
            x = plot_left + tick * per_unit
            painter.setPen(QPen(_GRID, 1))
            painter.drawLine(round(x), round(top - 4), round(x), round(plot_bottom))
            painter.setPen(_INK)
            painter.drawText(
                QRectF(x - 30, plot_bottom + 4, 60, 16), Qt.AlignmentFlag.AlignHCenter, str(tick)
            )
        for index, (row, name) in enumerate(zip(rows, names, strict=True)):
            y = top + index * row_height
            painter.setFont(label_font)
            painter.setPen(_INK)
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRectF(0, y, label_width - 8, row_height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                shown,
            )
            x = plot_left
            bar_top = y + (row_height - bar_height) / 2
            for value, colour in (
                (row.counts.female, WOMEN),
                (row.counts.male, MEN),
                (row.counts.unspecified, UNSPECIFIED),
            ):
                if not value:
                    continue
                segment = QRectF(x, bar_top, value * per_unit, bar_height)
                painter.fillRect(segment, colour)
                painter.setFont(_font(10, bold=True))
                if segment.width() >= 16:
                    painter.setPen(QColor("white"))
                    painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, str(value))
                x += value * per_unit
            painter.setFont(_font(10))
            painter.setPen(_INK)
            painter.drawText(
                QRectF(x + 4, y, 40, row_height),
                Qt.AlignmentFlag.AlignVCenter,
                str(row.counts.total),
            )
    finally:
        painter.end()
    return image


LABEL_GAP = 6.0  # pixels at least between two labels under the columns


def label_style(names: Sequence[str], slot: float) -> str:
    """How the labels under columns ``slot`` pixels apart are written so that they never run
    together ("май 2019июн 2019"): "flat" on one line when each fits its slot, "stacked" (month
    over year) when each part does, else "rotated"."""
    metrics = QFontMetricsF(_font(9.5))
    if all(metrics.horizontalAdvance(name) + LABEL_GAP <= slot for name in names):
        return "flat"
    if all(
        metrics.horizontalAdvance(part) + LABEL_GAP <= slot
        for name in names
        for part in name.split(" ")
    ):
        return "stacked"
    return "rotated"


def columns_chart(
    bars: Sequence[tuple[str, int]], title: str = "", width: float = 640, height: float = 210
) -> QImage:
    """Columns with their values on top and their labels below (month over year, or rotated,
    when one line each would run together)."""
    image, painter = _canvas(width, height)
    try:
        left, right = 30.0, 8.0
        slot = (width - left - right) / max(len(bars), 1)
        style = label_style([name for name, _ in bars], slot)
        top = 18.0 + _title(painter, title, width)
        bottom = {"flat": 22.0, "stacked": 36.0, "rotated": 52.0}[style]
        plot_bottom = height - bottom
        largest = max((n for _, n in bars), default=1)
        step = _nice_step(largest, 4)
        axis_max = step * math.ceil(max(largest, 1) / step)
        per_unit = (plot_bottom - top) / axis_max
        painter.setFont(_font(10))
        for tick in range(0, axis_max + 1, step):
            y = plot_bottom - tick * per_unit
            painter.setPen(QPen(_GRID, 1))
            painter.drawLine(round(left), round(y), round(width - right), round(y))
            painter.setPen(_INK)
            painter.drawText(
                QRectF(0, y - 8, left - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(tick),
            )
        bar_width = min(slot * 0.7, 48)
        for index, (name, value) in enumerate(bars):
            centre = left + slot * (index + 0.5)
            bar = QRectF(
                centre - bar_width / 2, plot_bottom - value * per_unit, bar_width, value * per_unit
            )
            painter.fillRect(bar, EVENTS)
            painter.setPen(_INK)
            painter.setFont(_font(10, bold=True))
            if value:
                painter.drawText(
                    QRectF(centre - 20, bar.top() - 15, 40, 14),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    str(value),
                )
            painter.setFont(_font(9.5))
            if style == "rotated":
                painter.save()
                painter.translate(centre + 4, plot_bottom + 4)
                painter.rotate(-60)
                painter.drawText(
                    QRectF(-60, -8, 60, 16),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    name,
                )
                painter.restore()
            else:
                text = name.replace(" ", "\n") if style == "stacked" else name
                painter.drawText(
                    QRectF(centre - slot / 2, plot_bottom + 4, slot, bottom - 4),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    text,
                )
    finally:
        painter.end()
    return image
