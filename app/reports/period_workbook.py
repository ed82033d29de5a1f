"""The period report as an xlsx workbook: the same figures as the PDF, one sheet per table, so a
manager can chart and filter them further (headers, widths and frozen rows as every export)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import reference
from app.exports.workbook import Column, new_workbook, save_workbook, write_sheet
from app.reports import labels
from app.reports.figures import Breakdown, SexSplit
from app.reports.period_figures import PeriodFigures
from app.reports.period_narrative import period_sentences
from app.reports.words import month_label
from db.enums import EventType


def write_period_xlsx(figures: PeriodFigures, path: Path, lang: str = "en") -> None:
    """Write the workbook: a summary sheet, then events by month (or year), participants and
    different people by country and by sector, repeat participants, partners and events."""
    t = labels.text
    workbook = new_workbook()
    period = figures.filter
    summary = [
        (t("period", lang), f"{period.date_from.isoformat()} – {period.date_to.isoformat()}"),
        (t("events_held", lang), len(figures.events)),
        (t("participations", lang), figures.participations.total),
        (t("women", lang), figures.participations.female),
        (t("men", lang), figures.participations.male),
        (t("unspecified", lang), figures.participations.unspecified),
        (t("share_women_known", lang), _share(figures.participations)),
        (t("unique_people", lang), figures.people.total),
        (f"{t('unique_people', lang)}: {t('share_women_known', lang)}", _share(figures.people)),
        (t("repeat_people", lang), figures.repeat_people.total),
        (t("partners_involved", lang), len(figures.partners)),
        (t("summary", lang), period_sentences(figures, lang)),
    ]
    if period.country:
        summary.insert(1, (t("country", lang), reference.country_name(period.country, lang)))
    if period.project_label:
        summary.insert(1, (t("project", lang), period.project_label))
    if period.partner_label:
        summary.insert(1, (t("partners", lang), period.partner_label))
    write_sheet(
        workbook,
        t("sheet_summary", lang),
        (Column(t("figure", lang), max_width=40), Column(t("value", lang), max_width=90)),
        summary,
    )
    _indicator_sheets(workbook, figures, lang)
    by_period = figures.events_by_period()
    types = [et for et in EventType if any(c[et] for c in by_period.values())]
    write_sheet(
        workbook,
        t("year" if figures.by_year else "month", lang),
        (
            Column(t("year" if figures.by_year else "month", lang)),
            *(Column(reference.label(et, lang)) for et in types),
            Column(t("total", lang)),
        ),
        [
            [
                str(year) if month == 0 else month_label(year, month, lang),
                *(counter[et] for et in types),
                sum(counter.values()),
            ]
            for (year, month), counter in by_period.items()
        ],
    )

    def country(key: str | None) -> str:
        return labels.agency_label(key, lang) if key == "reported" else labels.country(key, lang)

    def sector(key: str | None) -> str:
        return labels.agency_label(key, lang)

    for sheet, table, first, label in (
        (t("by_country", lang), figures.participations_by_country, t("country", lang), country),
        (t("by_sector", lang), figures.participations_by_sector, t("sector", lang), sector),
        (
            f"{t('people', lang)} – {t('country', lang)}",
            figures.people_by_country,
            t("country", lang),
            country,
        ),
        (
            f"{t('people', lang)} – {t('sector', lang)}",
            figures.people_by_sector,
            t("sector", lang),
            sector,
        ),
    ):
        _breakdown_sheet(workbook, sheet, table, first, label, lang)
    write_sheet(
        workbook,
        t("repeat_heading", lang),
        [Column(t("events_attended", lang)), Column(t("women", lang)), Column(t("men", lang)),
         Column(t("unspecified", lang)), Column(t("total", lang))],
        [[n, s.female, s.male, s.unspecified, s.total] for n, s in figures.repeat],
    )  # fmt: skip
    write_sheet(
        workbook,
        t("partners_involved", lang),
        [Column(t("organisation", lang), max_width=60), Column(t("country", lang)),
         Column(t("organisation_roles", lang), max_width=40), Column(t("events", lang))],
        [
            [labels.organisation_name(p.name, p.name_local, lang),
             reference.country_name(p.country, lang) or None,
             ", ".join(reference.label(r, lang) for r in p.roles), p.events]
            for p in figures.partners
        ],
    )  # fmt: skip
    write_sheet(
        workbook,
        t("events", lang),
        [Column(t("reference", lang), min_width=10), Column("Start", "date", min_width=11),
         Column("End", "date", min_width=11), Column(t("event", lang), max_width=70),
         Column(t("type", lang)), Column(t("place", lang), max_width=30), Column(t("country", lang)),
         Column(t("total", lang)), Column(t("women", lang)), Column(t("men", lang)),
         Column(t("reported_short", lang))],
        [
            [e.reference, e.start_date, e.end_date, e.shown_title(lang), reference.label(e.type, lang),
             labels.city(e.city, lang), reference.country_name(e.country, lang) or None,
             e.counts.total if e.source != "none" else None,
             e.counts.female if e.source != "none" else None,
             e.counts.male if e.source != "none" else None,
             "✓" if e.source == "reported" else None]
            for e in figures.events
        ],
    )  # fmt: skip
    save_workbook(workbook, path)


def _breakdown_sheet(workbook, title: str, table: Breakdown, first: str, label, lang: str) -> None:  # type: ignore[no-untyped-def]
    t = labels.text
    rows = [
        [
            label(row.key),
            row.counts.female,
            row.counts.male,
            row.counts.unspecified,
            row.counts.total,
            _share(row.counts),
        ]
        for row in table.rows
    ]
    total = table.total
    rows.append([t("total", lang), total.female, total.male, total.unspecified, total.total,
                 _share(total)])  # fmt: skip
    write_sheet(
        workbook,
        title,
        [Column(first, max_width=40), Column(t("women", lang)), Column(t("men", lang)),
         Column(t("unspecified", lang)), Column(t("total", lang)),
         Column(t("share_women_known", lang), "number", max_width=24)],
        rows,
    )  # fmt: skip


def _share(split: SexSplit) -> float | None:
    """The percentage of women among those whose sex is known (one decimal); empty when
    nobody's is."""
    return round(100 * split.female / split.known, 1) if split.known else None


def _indicator_sheets(workbook, figures: PeriodFigures, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The indicators for the period and cumulatively side by side (as the PDF's), then by
    country, agency sector and project; definitions as in the PDF's footnote."""
    t = labels.text
    columns = [figures, figures.cumulative] if figures.cumulative else [figures]
    spans = [t("this_period", lang)]
    if figures.cumulative:
        spans.append(t("since", lang, date=figures.since.isoformat()))
    types = [et for et in EventType if any(f.events_by_type()[et] for f in columns)]

    def split_rows(key: str, split: Callable[[PeriodFigures], SexSplit]) -> list[list[Any]]:
        return [
            [t(key, lang), *(split(f).total for f in columns)],
            [f"  {t('women', lang)}", *(split(f).female for f in columns)],
            [f"  {t('men', lang)}", *(split(f).male for f in columns)],
            [f"  {t('unspecified', lang)}", *(split(f).unspecified for f in columns)],
            [f"  {t('share_women_known', lang)}", *(_share(split(f)) for f in columns)],
        ]

    rows: list[list[Any]] = [[t("ind_events", lang), *(len(f.events) for f in columns)]]
    rows += [
        [f"  {reference.label(et, lang)}", *(f.events_by_type()[et] for f in columns)]
        for et in types
    ]
    rows += split_rows("ind_participations", lambda f: f.participations)
    rows += split_rows("ind_people", lambda f: f.people)
    rows.append([t("ind_person_days", lang), *(f.person_days for f in columns)])
    rows += split_rows("ind_repeat", lambda f: f.repeat_people)
    rows.append([t("partners_involved", lang), *(len(f.partners) for f in columns)])
    blank = [None] * len(columns)
    rows.append([None, *blank])
    for key in ("def_participations", "def_people", "def_person_days", "def_repeat"):
        rows.append([t(key, lang), *blank])
    if figures.cumulative:
        key = "def_cumulative_project" if figures.filter.project_id else "def_cumulative_records"
        rows.append([t(key, lang, date=figures.since.isoformat()), *blank])
    write_sheet(
        workbook,
        t("indicators", lang),
        [Column(t("indicator", lang), max_width=60),
         *(Column(span, "number", min_width=14) for span in spans)],
        rows,
    )  # fmt: skip

    def country(key: str | None) -> str:
        return labels.agency_label(key, lang) if key == "reported" else labels.country(key, lang)

    def sector(key: str | None) -> str:
        return labels.agency_label(key, lang)

    names = [t("ind_participations_short", lang), t("ind_people_short", lang),
             t("share_women_known", lang)]  # fmt: skip
    for first, by_participations, by_people, label in (
        ("country", "participations_by_country", "people_by_country", country),
        ("sector", "participations_by_sector", "people_by_sector", sector),
    ):
        table = []
        whole: Breakdown = getattr(columns[-1], by_participations)
        for key in whole.keys():  # noqa: SIM118 (a Breakdown's row keys, in its order)
            row: list[Any] = [label(key)]
            for f in columns:
                people = getattr(f, by_people).get(key)
                row += [getattr(f, by_participations).get(key).total,
                        people.total if key != "reported" else None,
                        _share(people) if key != "reported" else None]  # fmt: skip
            table.append(row)
        write_sheet(
            workbook,
            f"{t('indicators', lang)} – {t(first, lang)}",
            [Column(t(first, lang), max_width=40),
             *(Column(f"{name} ({span})", "number") for span in spans for name in names)],
            table,
        )  # fmt: skip
    by_project = [{p.project_id: p for p in f.projects} for f in columns]
    table = []
    for line in columns[-1].projects:
        row = [line.label or t("no_project", lang)]
        for lines in by_project:
            mine = lines.get(line.project_id)
            people = mine.people.total if mine and mine.people is not None else None
            row += [mine.events, mine.participations.total, people,
                    mine.person_days] if mine else [0, 0, 0, 0]  # fmt: skip
        table.append(row)
    names = [t("events", lang), t("ind_participations_short", lang), t("ind_people_short", lang),
             t("ind_person_days_short", lang)]  # fmt: skip
    write_sheet(
        workbook,
        f"{t('indicators', lang)} – {t('project', lang)}",
        [Column(t("project", lang), max_width=40),
         *(Column(f"{name} ({span})", "number") for span in spans for name in names)],
        table,
    )  # fmt: skip
