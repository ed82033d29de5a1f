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
from app.reports.period_figures import PeriodFigures, PeriodFilter, period_figures
from app.reports.render import ReportDocument, printed_on
from app.reports.words import (
    capitalise,
    count_words,
    date_span,
    genitive_ru,
    join_words,
    month_label,
    percent,
    period_span,
    plural_en,
    plural_ru,
    short_date,
)
from db.enums import EventType

COUNTRY_CHART = "chart:period-by-country"
EVENTS_CHART = "chart:period-events"

# Event types counted in prose: English singular and plural; Russian forms for 1, 2–4, 5+ and
# the gender the numeral takes.
_TYPE_EN = {
    EventType.SEMINAR: ("seminar", "seminars"),
    EventType.WORKSHOP: ("workshop", "workshops"),
    EventType.TRAINING_COURSE: ("training course", "training courses"),
    EventType.CONFERENCE: ("conference", "conferences"),
    EventType.ROUND_TABLE: ("round table", "round tables"),
    EventType.STUDY_VISIT: ("study visit", "study visits"),
    EventType.ASSESSMENT_VISIT: ("assessment visit", "assessment visits"),
    EventType.MEETING: ("meeting", "meetings"),
    EventType.EXERCISE: ("exercise", "exercises"),
    EventType.OTHER: ("other event", "other events"),
}
_TYPE_RU = {
    EventType.SEMINAR: ("семинар", "семинара", "семинаров", "m"),
    EventType.WORKSHOP: ("семинар-практикум", "семинара-практикума", "семинаров-практикумов", "m"),
    EventType.TRAINING_COURSE: ("учебный курс", "учебных курса", "учебных курсов", "m"),
    EventType.CONFERENCE: ("конференция", "конференции", "конференций", "f"),
    EventType.ROUND_TABLE: ("круглый стол", "круглых стола", "круглых столов", "m"),
    EventType.STUDY_VISIT: (
        "ознакомительный визит",
        "ознакомительных визита",
        "ознакомительных визитов",
        "m",
    ),
    EventType.ASSESSMENT_VISIT: ("оценочный визит", "оценочных визита", "оценочных визитов", "m"),
    EventType.MEETING: ("совещание", "совещания", "совещаний", "n"),
    EventType.EXERCISE: ("учения", "учения", "учений", "p"),
    EventType.OTHER: ("другое мероприятие", "других мероприятия", "других мероприятий", "n"),
}


def period_report(session: Session, period: PeriodFilter, *, lang: str = "en") -> ReportDocument:
    """The period report for ``period``, ready to print or save as PDF."""
    return period_document(period_figures(session, period), lang)


def period_sentences(figures: PeriodFigures, lang: str) -> str:
    """The opening paragraph: events by type, participants, different and returning people."""
    period = figures.filter
    opening = period_span(period.date_from, period.date_to, lang)
    n = len(figures.events)
    by_type = figures.events_by_type().most_common()
    if lang == "ru":
        return _sentences_ru(figures, opening, n, by_type)
    if n == 0:
        return f"{opening}, no events were held."
    types = join_words(
        [f"{count_words(k, 'en')} {plural_en(k, *_TYPE_EN[t])}" for t, k in by_type], "en"
    )
    sentences = [
        f"{opening}, {count_words(n, 'en')} {plural_en(n, 'event was', 'events were')} held: {types}."
    ]
    total = figures.participations
    if total.total:
        pronoun = "It" if n == 1 else "They"
        women = ""
        if total.female:
            # a share only when everyone's sex is known; reported head-counts often lack it
            share = (
                f" ({percent(total.female, total.total, 'en')})" if not total.unspecified else ""
            )
            women = f", {count_words(total.female, 'en')} of them women{share}"
        sentences.append(
            f"{pronoun} brought together {count_words(total.total, 'en')} participants{women}."
        )
    people = figures.people.total
    if people:
        repeat = figures.repeat_people.total
        sentence = f"{count_words(people, 'en', start=True)} different {plural_en(people, 'person', 'people')} are listed by name"
        if repeat:
            sentence += f"; {count_words(repeat, 'en')} of them took part in more than one event"
        sentences.append(sentence + ".")
    reported = figures.reported
    if reported.total:
        k = figures.reported_events
        sentences.append(
            f"{count_words(reported.total, 'en', start=True)} participants are known only from the"
            f" reported head-{plural_en(k, 'count', 'counts')} of {count_words(k, 'en')} {plural_en(k, 'event', 'events')}."
        )
    return " ".join(sentences)


def _sentences_ru(figures: PeriodFigures, opening: str, n: int, by_type) -> str:  # type: ignore[no-untyped-def]
    if n == 0:
        return f"{opening} мероприятия не проводились."
    verb = plural_ru(n, "проведено", "проведены", "проведено")
    noun = plural_ru(n, "мероприятие", "мероприятия", "мероприятий")
    types = join_words(
        [
            f"{count_words(k, 'ru', gender=_TYPE_RU[t][3])} {plural_ru(k, *_TYPE_RU[t][:3])}"
            for t, k in by_type
        ],
        "ru",
    )
    sentences = [f"{opening} {verb} {count_words(n, 'ru', gender='n')} {noun}: {types}."]
    total = figures.participations
    if total.total:
        where = "В нём" if n == 1 else "В них"
        verb = plural_ru(total.total, "принял", "приняли", "приняли")
        people_word = plural_ru(total.total, "человек", "человека", "человек")
        sentence = f"{where} {verb} участие {count_words(total.total, 'ru')} {people_word}"
        if total.female:
            women = plural_ru(total.female, "женщина", "женщины", "женщин")
            share = (
                f" ({percent(total.female, total.total, 'ru')})" if not total.unspecified else ""
            )
            sentence += (
                f", в том числе {count_words(total.female, 'ru', gender='f')} {women}{share}"
            )
        sentences.append(sentence + ".")
    people = figures.people.total
    if people:
        verb = plural_ru(people, "учтён", "учтены", "учтены")
        word = plural_ru(people, "человек", "человека", "человек")
        sentence = f"Поимённо {verb} {count_words(people, 'ru')} {word}"
        repeat = figures.repeat_people.total
        if repeat:
            took = plural_ru(repeat, "участвовал", "участвовали", "участвовали")
            sentence += f"; {count_words(repeat, 'ru')} из них {took} более чем в одном мероприятии"
        sentences.append(sentence + ".")
    reported = figures.reported
    if reported.total:
        k = figures.reported_events
        verb = plural_ru(reported.total, "учтён", "учтены", "учтены")
        word = plural_ru(reported.total, "человек", "человека", "человек")
        events = genitive_ru(k, "мероприятия", "мероприятий")
        sentences.append(
            f"Ещё {count_words(reported.total, 'ru')} {word} {verb} по отчётным данным"
            f" {count_words(k, 'ru', gender='n', case='gen')} {events}."
        )
    return " ".join(sentences)


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
        parts.append(_key_figures(figures, lang))
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
        parts += _participant_sections(figures, lang, images)
        parts.append(_annex(figures, lang))
    else:
        parts.append(f'<p class="note">{esc(t("no_events", lang))}</p>')
    title = f"{t('period_report', lang)}: {span}"
    footer = f"{t('period_report', lang)} {short_date(period.date_from, lang)} – {short_date(period.date_to, lang)} · {printed_on(lang)}"
    return ReportDocument(title, "".join(parts), lang, images, footer=footer)


def _key_figures(figures: PeriodFigures, lang: str) -> str:
    t = labels.text

    def with_women(split: SexSplit) -> str:
        if not split.total:
            return "0"
        women = f"{t('women', lang).lower()} {split.female} ({percent(split.female, split.total, lang)})"
        return f"{split.total} — {women}"

    rows = [
        [esc(t("events_held", lang)), str(len(figures.events))],
        [esc(t("participations", lang)), esc(with_women(figures.participations))],
        [esc(t("unique_people", lang)), esc(with_women(figures.people))],
        [esc(t("repeat_people", lang)), esc(with_women(figures.repeat_people))],
        [esc(t("partners_involved", lang)), str(len(figures.partners))],
    ]
    return heading(2, t("key_figures", lang)) + grid_table(
        [t("figure", lang), t("value", lang)], rows, widths=[55, 45]
    )


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
                f'{esc(e.title)}<br><span style="color:#5a6b7d">{esc(reference.label(e.type, lang))}</span>',
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
