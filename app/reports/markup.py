"""Small builders of the HTML that Qt's rich-text engine lays out: escaped text, tables of facts,
tables of figures by sex, and side-by-side blocks.

Qt supports a subset of HTML 4 and CSS 2 (see "Supported HTML Subset" in the Qt docs): widths are
given as attributes, numbers are right-aligned with ``align``, a ``<thead>`` repeats on each page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from app.reports import labels
from app.reports.figures import Breakdown, SexSplit
from app.reports.words import percent


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def paragraphs(text: str | None) -> str:
    """Free text with its paragraphs and line breaks kept."""
    if not text:
        return ""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join(f"<p>{esc(b).replace(chr(10), '<br>')}</p>" for b in blocks)


def facts_table(rows: Sequence[tuple[str, str]], label_width: int = 26) -> str:
    """A two-column table of labelled facts; the values are HTML already (escape before)."""
    body = "".join(
        f'<tr><td class="label" width="{label_width}%">{esc(label)}</td><td>{value}</td></tr>'
        for label, value in rows
        if value
    )
    return f'<table width="100%" cellspacing="0" cellpadding="2">{body}</table>'


def grid_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    align: str = "",
    widths: Sequence[int] = (),
    total: Sequence[str] | None = None,
    width: str = "100%",
    padding: int = 3,
    css_class: str = "grid",
    striped: bool = False,
) -> str:
    """A ruled table. ``align`` holds one letter per column (l, r, c); cells are HTML already.
    The header row repeats on every page; ``total`` is a bold last row.

    ``striped`` tables (long lists) shade every other row instead of ruling cells: Qt lays out
    collapsed borders several times slower, and a 500-row annex must print in well under a
    second."""
    align = align.ljust(len(headers), "l")
    names = {"l": "left", "r": "right", "c": "center"}

    def cells(values: Sequence[str], tag: str) -> str:
        out = []
        for i, value in enumerate(values):
            w = f' width="{widths[i]}%"' if i < len(widths) and widths[i] else ""
            out.append(f'<{tag} align="{names[align[i]]}"{w}>{value}</{tag}>')
        return "".join(out)

    head = f"<thead><tr>{cells([esc(h) for h in headers], 'th')}</tr></thead>"
    if striped:
        body = "".join(
            f'<tr class="{"odd" if i % 2 else "even"}">{cells(row, "td")}</tr>'
            for i, row in enumerate(rows)
        )
        return (
            f'<table class="striped {css_class}" width="{width}" border="0" cellspacing="0"'
            f' cellpadding="{padding}">{head}<tbody>{body}</tbody></table>'
        )
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
    if total is not None:
        body += f'<tr class="total">{cells(total, "td")}</tr>'
    return (
        f'<table class="grid {css_class}" width="{width}" border="1" cellspacing="0"'
        f' cellpadding="{padding}">{head}<tbody>{body}</tbody></table>'
    )


def breakdown_table(
    first_header: str, table: Breakdown, label: Callable[[str | None], str], lang: str
) -> str:
    """A table of figures by sex: one row per key, women, men, (not stated), total, share of
    women (of those whose sex is known; "—" when nobody's is); a total row when there is more
    than one row."""
    show_unspecified = table.has_unspecified
    headers = [first_header, labels.text("col_women", lang), labels.text("col_men", lang)]
    if show_unspecified:
        headers.append(labels.text("col_unspecified", lang))
    headers += [labels.text("total", lang), labels.text("col_share_women", lang)]

    def numbers(split: SexSplit) -> list[str]:
        values = [str(split.female), str(split.male)]
        if show_unspecified:
            values.append(str(split.unspecified))
        return [*values, str(split.total), percent(split.female, split.known, lang)]

    rows = [[esc(label(row.key)), *numbers(row.counts)] for row in table.rows]
    total = [esc(labels.text("total", lang)), *numbers(table.total)] if len(rows) > 1 else None
    widths = [25, 15, 15, 15, 15, 15] if show_unspecified else [40, 15, 15, 15, 15]
    return grid_table(
        headers, rows, align="l" + "r" * (len(headers) - 1), widths=widths, total=total
    )


def side_by_side(*blocks: str, gap: int = 4, stacked: bool = False) -> str:
    """Blocks next to each other in equal columns (an invisible layout table), or one under the
    other when ``stacked`` (tables too wide for half a page)."""
    if stacked:
        return "".join(blocks)
    width = (100 - gap * (len(blocks) - 1)) // len(blocks)
    cells = f'<td width="{gap}%"></td>'.join(
        f'<td width="{width}%" valign="top">{block}</td>' for block in blocks
    )
    return f'<table width="100%" cellspacing="0" cellpadding="0"><tr>{cells}</tr></table>'


def heading(level: int, text: str) -> str:
    return f"<h{level}>{esc(text)}</h{level}>"
