"""The period report: what was done over a date range (optionally in one country, under one
project or with one partner) — events held by type and month, who took part by sex, country and
agency, how many different people and how many came back, the partners involved — as a PDF with
charts (English or Russian) or as an xlsx workbook with one sheet per table.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app import reference
from app.reports import labels
from app.reports.charts import columns_chart, country_sex_chart
from app.reports.figures import SexSplit
from app.reports.markup import breakdown_table, esc, grid_table, heading, side_by_side
from app.reports.period_figures import (
    PROJECT_PEOPLE_LIMIT,
    PeriodFigures,
    PeriodFilter,
    period_figures,
)
from app.reports.period_narrative import period_sentences
from app.reports.render import ReportDocument, printed_on
from app.reports.words import (
    capitalise,
    date_span,
    month_label,
    percent,
    short_date,
)
from db.enums import EventType

COUNTRY_CHART = "chart:period-by-country"
EVENTS_CHART = "chart:period-events"


def period_report(session: Session, period: PeriodFilter, *, lang: str = "en") -> ReportDocument:
    """The period report for ``period``, ready to print or save as PDF."""
    return period_document(period_figures(session, period), lang)


def _filters(period: PeriodFilter, lang: str) -> str:
    t = labels.text
    parts = []
    if period.country:
        parts.append(t("filter_country", lang, value=reference.country_name(period.country, lang)))
    if period.project_label:
        parts.append(t("filter_project", lang, value=period.project_label))
    if period.partner_label:
        parts.append(t("filter_partner", lang, value=period.partner_label))
    return "; ".join(parts) or t("no_filters", lang)


def _events_table(figures: PeriodFigures, lang: str) -> str:
    t = labels.text
    by_period = figures.events_by_period()
    types = [et for et in EventType if any(counter[et] for counter in by_period.values())]
    headers = [t("year" if figures.by_year else "month", lang)]
    headers += [reference.label(et, lang) for et in types] + [t("total", lang)]
    rows = []
    for (year, month), counter in by_period.items():
        name = str(year) if month == 0 else month_label(year, month, lang)
        rows.append(
            [name] + [str(counter[et] or "") for et in types] + [str(sum(counter.values()))]
        )
    totals = [t("total", lang)] + [str(sum(c[et] for c in by_period.values())) for et in types]
    totals.append(str(len(figures.events)))
    width = f"{min(100, 28 + 14 * (len(types) + 1))}%"
    return grid_table(
        headers,
        rows,
        align="l" + "r" * (len(types) + 1),
        total=totals if len(rows) > 1 else None,
        width=width,
    )


def _chart_bars(figures: PeriodFigures, lang: str) -> list[tuple[str, int]]:
    """Every month (or year) of the period, with the number of events held in it."""
    by_period = figures.events_by_period()
    start, end = figures.filter.date_from, figures.filter.date_to
    bars = []
    if figures.by_year:
        for year in range(start.year, end.year + 1):
            bars.append((str(year), sum(by_period.get((year, 0), {}).values())))
        return bars
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        bars.append(
            (month_label(year, month, lang), sum(by_period.get((year, month), {}).values()))
        )
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return bars


def period_document(figures: PeriodFigures, lang: str) -> ReportDocument:
    """The period report built from figures already computed (``period_figures``)."""
    t = labels.text
    period = figures.filter
    span = date_span(period.date_from, period.date_to, lang)
    parts = [
        f'<p class="kicker">{esc(t("period_report", lang).upper())}</p>',
        heading(1, capitalise(span)),
        f'<p class="subtitle">{esc(t("filters", lang))}: {esc(_filters(period, lang))}</p>',
        f'<p class="lead">{esc(period_sentences(figures, lang))}</p>',
    ]
    images = {}
    if figures.events:
        parts.append(_indicators(figures, lang))
        notes = []
        if figures.not_held:
            what = ", ".join(
                f"{reference.label(s, lang).lower()} — {k}" for s, k in figures.not_held.items()
            )
            notes.append(t("not_held_note", lang, what=what))
        if figures.reported_events:
            notes.append(t("reported_note", lang, n=figures.reported_events))
        parts += [f'<p class="note">{esc(note)}</p>' for note in notes]
        title = t("events_by_type_year" if figures.by_year else "events_by_type_month", lang)
        parts += [heading(2, title), _events_table(figures, lang)]
        chart_title = t(
            "chart_events_by_year" if figures.by_year else "chart_events_by_month", lang
        )
        images[EVENTS_CHART] = columns_chart(_chart_bars(figures, lang), chart_title)
        parts.append(f'<p style="margin-top: 10px"><img src="{EVENTS_CHART}" width="640"></p>')
        parts += _indicator_breakdowns(figures, lang)
        parts += _participant_sections(figures, lang, images)
        parts.append(_annex(figures, lang))
    else:
        parts.append(f'<p class="note">{esc(t("no_events", lang))}</p>')
    title = f"{t('period_report', lang)}: {span}"
    footer = f"{t('period_report', lang)} {short_date(period.date_from, lang)} – {short_date(period.date_to, lang)} · {printed_on(lang)}"
    return ReportDocument(title, "".join(parts), lang, images, footer=footer)


def _number(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "\u00a0" if lang == "ru" else ",")


def _with_women(split: SexSplit, lang: str) -> str:
    if not split.total:
        return "0"
    sexes = labels.sexes(split.female, split.male, split.unspecified, lang)
    return f"{_number(split.total, lang)} — {sexes}"


def _columns(figures: PeriodFigures) -> list[PeriodFigures]:
    """The figures side by side: the period's, then the cumulative ones when they differ."""
    return [figures, figures.cumulative] if figures.cumulative else [figures]


def _indicators(figures: PeriodFigures, lang: str) -> str:
    """The indicators of a donor's results framework, for the period and cumulatively, with
    their definitions in a footnote."""
    t = labels.text
    columns = _columns(figures)
    headers = [t("indicator", lang), t("this_period", lang)]
    if figures.cumulative:
        headers.append(t("since", lang, date=short_date(figures.since, lang)))
    types = [et for et in EventType if any(f.events_by_type()[et] for f in columns)]
    rows = [[esc(t("ind_events", lang)), *(_number(len(f.events), lang) for f in columns)]]
    rows += [
        [
            f"&nbsp;&nbsp;&nbsp;{esc(reference.label(et, lang))}",
            *(_number(f.events_by_type()[et], lang) for f in columns),
        ]
        for et in types
    ]
    for key, value in (
        ("ind_participations", lambda f: _with_women(f.participations, lang)),
        ("ind_people", lambda f: _with_women(f.people, lang)),
        ("ind_person_days", lambda f: _number(f.person_days, lang)),
        ("ind_repeat", lambda f: _with_women(f.repeat_people, lang)),
        ("partners_involved", lambda f: _number(len(f.partners), lang)),
    ):
        rows.append([esc(t(key, lang)), *(esc(value(f)) for f in columns)])
    widths = [34, 33, 33] if figures.cumulative else [45, 55]
    notes = ["def_participations", "def_people", "def_person_days", "def_repeat"]
    footnote = "".join(f'<p class="note">{esc(t(key, lang))}</p>' for key in notes)
    if figures.cumulative:
        key = "def_cumulative_project" if figures.filter.project_id else "def_cumulative_records"
        since = date_span(figures.since, figures.since, lang)
        footnote += f'<p class="note">{esc(t(key, lang, date=since))}</p>'
    return (
        heading(2, t("indicators", lang))
        + grid_table(headers, rows, align="l" + "r" * len(columns), widths=widths)
        + footnote
    )


def _spaced_heading(text: str) -> str:
    """A table's heading with room above it (Qt gives none after a table otherwise)."""
    return f'<p style="font-size: 6pt; margin: 0px">&nbsp;</p>{heading(3, text)}'


def _indicator_breakdowns(figures: PeriodFigures, lang: str) -> list[str]:
    """Participations and different people (with the share of women among them) by country
    and by agency sector, and events, people and person-days by project; for the period and
    cumulatively, side by side."""
    t = labels.text
    columns = _columns(figures)
    spans = [t("this_period", lang)]
    if figures.cumulative:
        spans.append(t("since", lang, date=short_date(figures.since, lang)))

    def table(first: str, keys: list, label, cells, names: list[str]) -> str:  # type: ignore[no-untyped-def]
        head_top = '<th align="left"></th>' + "".join(
            f'<th align="center" colspan="{len(names)}">{esc(span)}</th>' for span in spans
        )
        head = f'<th align="left">{esc(first)}</th>' + "".join(
            f'<th align="right">{esc(name)}</th>' for name in names * len(columns)
        )
        body = "".join(
            f"<tr><td>{esc(label(key))}</td>"
            + "".join(f'<td align="right">{value}</td>' for f in columns for value in cells(f, key))
            + "</tr>"
            for key in keys
        )
        return (
            '<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="3">'
            f"<thead><tr>{head_top}</tr><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def country(key: str | None) -> str:
        return labels.agency_label(key, lang) if key == "reported" else labels.country(key, lang)

    def sector(key: str | None) -> str:
        return labels.agency_label(key, lang)

    parts = []
    whole = columns[-1]
    names = [
        t("ind_participations_short", lang),
        t("ind_people_short", lang),
        t("col_share_women", lang),
    ]
    for title, by_participations, by_people, label in (
        ("ind_by_country", "participations_by_country", "people_by_country", country),
        ("ind_by_sector", "participations_by_sector", "people_by_sector", sector),
    ):
        keys = getattr(whole, by_participations).keys()

        def cells(f: PeriodFigures, key, by_participations=by_participations, by_people=by_people):  # type: ignore[no-untyped-def]
            participations = getattr(f, by_participations).get(key)
            people = getattr(f, by_people).get(key)
            return [
                _number(participations.total, lang),
                _number(people.total, lang) if key != "reported" else "",
                percent(people.female, people.known, lang) if key != "reported" else "",
            ]

        first = t("country" if label is country else "sector", lang)
        parts += [_spaced_heading(t(title, lang)), table(first, keys, label, cells, names)]
    projects = {p.project_id: p for p in whole.projects}
    if projects:
        by_figures = [{p.project_id: p for p in f.projects} for f in columns]

        def project_cells(f: PeriodFigures, key):  # type: ignore[no-untyped-def]
            line = by_figures[columns.index(f)].get(key)
            if line is None:
                return ["0", "0", "0"]
            return [
                _number(line.events, lang),
                _number(line.people.total, lang) if line.people is not None else "—",
                _number(line.person_days, lang),
            ]

        def project_label(key) -> str:  # type: ignore[no-untyped-def]
            return projects[key].label or t("no_project", lang)

        names = [t("events", lang), t("ind_people_short", lang), t("ind_person_days_short", lang)]
        parts += [
            _spaced_heading(t("ind_by_project", lang)),
            table(t("project", lang), list(projects), project_label, project_cells, names),
        ]
        if any(p.people is None for f in columns for p in f.projects):
            limit = _number(PROJECT_PEOPLE_LIMIT, lang)
            parts.append(f'<p class="note">{esc(t("project_people_limit", lang, n=limit))}</p>')
    return parts


def _participant_sections(figures: PeriodFigures, lang: str, images: dict) -> list[str]:  # type: ignore[type-arg]
    t = labels.text

    def country(key: str | None) -> str:
        return labels.agency_label(key, lang) if key == "reported" else labels.country(key, lang)

    def sector(key: str | None) -> str:
        return labels.agency_label(key, lang)

    parts = []
    if figures.participations.total:
        parts += [
            heading(2, t("participations_heading", lang)),
            side_by_side(
                heading(3, t("by_country", lang))
                + breakdown_table(
                    t("country", lang), figures.participations_by_country, country, lang
                ),
                heading(3, t("by_sector", lang))
                + breakdown_table(
                    t("sector", lang), figures.participations_by_sector, sector, lang
                ),
                stacked=figures.participations.unspecified > 0,  # a fifth column: full width
            ),
        ]
        by_country = figures.participations_by_country
        if by_country.rows:

            def bar_label(key: str | None) -> str:
                return t("reported_short", lang) if key == "reported" else country(key)

            chart_title = t("chart_by_country", lang)
            images[COUNTRY_CHART] = country_sex_chart(by_country, lang, bar_label, chart_title)
            parts.append(f'<p style="margin-top: 10px"><img src="{COUNTRY_CHART}" width="640"></p>')
    if figures.people.total:
        parts += [
            heading(2, t("people_heading", lang)),
            side_by_side(
                heading(3, t("by_country", lang))
                + breakdown_table(t("country", lang), figures.people_by_country, country, lang),
                heading(3, t("by_sector", lang))
                + breakdown_table(t("sector", lang), figures.people_by_sector, sector, lang),
                stacked=figures.people.unspecified > 0,
            ),
        ]
    if figures.repeat:
        rows = [
            [str(events), str(split.female), str(split.male), str(split.total)]
            for events, split in figures.repeat
        ]
        headers = [
            t("events_attended", lang),
            t("col_women", lang),
            t("col_men", lang),
            t("total", lang),
        ]
        parts += [
            heading(2, t("repeat_heading", lang)),
            grid_table(headers, rows, align="rrrr", width="60%"),
        ]
    if figures.partners:
        rows = [
            [
                esc(labels.organisation_name(p.name, p.name_local, lang)),
                esc(reference.country_name(p.country, lang)),
                esc(", ".join(reference.label(r, lang) for r in p.roles)),
                str(p.events),
            ]
            for p in figures.partners
        ]
        headers = [
            t("organisation", lang),
            t("country", lang),
            t("organisation_roles", lang),
            t("events", lang),
        ]
        parts += [
            heading(2, t("partners_involved", lang)),
            grid_table(headers, rows, align="lllr", widths=[46, 14, 28, 12]),
        ]
    return parts


def _annex(figures: PeriodFigures, lang: str) -> str:
    t = labels.text
    rows = []
    for e in figures.events:
        place = ", ".join(
            p for p in (labels.city(e.city, lang), reference.country_name(e.country, lang)) if p
        )
        total = "" if e.source == "none" else str(e.counts.total)
        women = "" if e.source != "participants" and not e.counts.female else str(e.counts.female)
        if e.source == "reported":
            total += "*"
        rows.append(
            [
                esc(e.reference),
                esc(date_span(e.start_date, e.end_date, lang)),
                f'{esc(e.shown_title(lang))}<br><span style="color:#5a6b7d">{esc(reference.label(e.type, lang))}</span>',
                esc(place),
                total,
                women,
            ]
        )
    headers = [
        t("reference", lang),
        t("dates", lang),
        t("event", lang),
        t("place", lang),
        t("total", lang),
        t("col_women", lang),
    ]
    table = grid_table(
        headers,
        rows,
        align="llllrr",
        widths=[10, 17, 42, 15, 8, 8],
        padding=2,
        css_class="annex",
        striped=True,
    )
    note = (
        f'<p class="note">* {esc(t("reported_rows", lang))}</p>' if figures.reported_events else ""
    )
    return f'<h2 style="page-break-before: always">{esc(t("annex_events", lang))}</h2>{table}{note}'
