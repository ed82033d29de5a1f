"""The event summary a manager prints for donors: one to two A4 pages — what the event was, who
organised and funded it, an opening paragraph written from the data, the figures by sex, country,
agency sector, role and attendance mode with a chart — then, unless left out for privacy, an
annex listing the participants. English or Russian.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app import reference
from app.reports import labels
from app.reports.charts import country_sex_chart
from app.reports.event_data import EventReportData, Participant, load_event_report
from app.reports.event_facts import Body
from app.reports.markup import (
    breakdown_table,
    esc,
    facts_table,
    grid_table,
    heading,
    paragraphs,
    side_by_side,
)
from app.reports.narrative import opening_sentences
from app.reports.render import ReportDocument, printed_on
from app.reports.words import date_span
from db.enums import (
    AttendanceMode,
    EventFormat,
    ParticipationRole,
    ParticipationStatus,
    PartnerRole,
)
from db.models import Event

COUNTRY_CHART = "chart:by-country"


def event_summary(
    session: Session, event: Event, *, lang: str = "en", include_names: bool = True
) -> ReportDocument:
    """The summary of ``event``, ready to print or save as PDF."""
    return summary_document(load_event_report(session, event), lang, include_names)


def summary_document(data: EventReportData, lang: str, include_names: bool) -> ReportDocument:
    """The summary built from data already read (see ``event_data.load_event_report``), with
    the event's title and organising unit in ``lang`` where recorded so."""
    t = labels.text
    data = data.in_language(lang)
    images = {}
    parts = [
        f'<p class="kicker">{esc(t("event_summary", lang).upper())} · {esc(data.reference)}</p>',
        heading(1, data.title),
        f'<p class="subtitle">{esc(_subtitle(data, lang))}</p>',
        f'<p class="lead">{esc(opening_sentences(data.facts, lang))}</p>',
        facts_table(_facts(data, lang)),
    ]
    if data.summary:
        parts += [heading(2, t("summary", lang)), paragraphs(data.summary)]
    if data.outcomes:
        parts += [heading(2, t("outcomes", lang)), paragraphs(data.outcomes)]
    figures_html, chart = _figures(data, lang)
    parts.append(figures_html)
    if chart is not None:
        images[COUNTRY_CHART] = chart
    if include_names and data.participants:
        parts.append(_annex(data, lang))
    elif not include_names and data.participants:
        parts.append(f'<p class="note">{esc(t("names_left_out", lang))}</p>')
    title = f"{t('event_summary', lang)} {data.reference}: {data.title}"
    footer = f"{t('event_summary', lang)} {data.reference} · {printed_on(lang)}"
    return ReportDocument(title, "".join(parts), lang, images, footer=footer)


def _subtitle(data: EventReportData, lang: str) -> str:
    place = ", ".join(
        p for p in (labels.city(data.city, lang), reference.country_name(data.country, lang)) if p
    )
    bits = [
        reference.label(data.type, lang),
        date_span(data.start_date, data.end_date, lang),
        place,
        reference.label(data.format, lang),
    ]
    return " · ".join(b for b in bits if b)


def _facts(data: EventReportData, lang: str) -> list[tuple[str, str]]:
    t = labels.text
    days = t("one_day", lang) if data.days == 1 else t("days", lang, n=data.days)
    venue = ", ".join(
        p
        for p in (
            data.venue,
            labels.city(data.city, lang),
            reference.country_name(data.country, lang),
        )
        if p
    )
    if data.format == EventFormat.ONLINE:
        venue = venue or t("online", lang)
    series = ""
    if data.series:
        series = esc(data.series)
        if data.series_number:
            series += ", " + esc(t("series_number", lang, n=data.series_number))
    rows = [
        (t("reference", lang), esc(data.reference)),
        (t("type", lang), esc(reference.label(data.type, lang))),
        (t("scope", lang), esc(reference.label(data.scope, lang))),
        (t("series", lang), series),
        (t("dates", lang), esc(f"{date_span(data.start_date, data.end_date, lang)} ({days})")),
        (t("venue", lang), esc(venue)),
        (t("format", lang), esc(reference.label(data.format, lang))),
        (t("status", lang), esc(reference.label(data.status, lang))),
        (t("organising_unit", lang), esc(data.organising_unit)),
    ]

    def names(bodies: list[Body]) -> str:
        return "<br>".join(
            esc(labels.organisation_name(b.name, b.name_local, lang)) for b in bodies
        )

    for role in PartnerRole:
        bodies = [p.body for p in data.partners if p.role == role]
        if role == PartnerRole.DONOR:
            rows.append((t("project", lang), esc(data.project)))
            bodies = list(data.donors)
        rows.append((labels.partner_role(role, len(bodies), lang), names(bodies)))
    fields = [ru if lang == "ru" else en for en, ru in data.fields_of_work]
    rows.append((t("fields_of_work", lang), esc("; ".join(fields))))
    return rows


def _figures(data: EventReportData, lang: str):  # type: ignore[no-untyped-def]
    t = labels.text
    figures = data.figures
    parts = [heading(2, t("participants", lang))]
    if figures.source == "none":
        parts.append(f'<p class="note">{esc(t("source_none", lang))}</p>')
        return "".join(parts), None
    split = figures.by_sex
    headline = labels.headline(
        split.total,
        split.female,
        split.male,
        split.unspecified,
        lang,
        reported=figures.source == "reported",
    )
    parts.append(f'<p class="headline">{esc(headline)}</p>')
    if figures.source == "reported":
        parts.append(f'<p class="note">{esc(t("source_reported", lang))}</p>')
        return "".join(parts), None
    not_counted = figures.not_counted
    if not_counted:
        what = ", ".join(
            f"{reference.label(status, lang).lower()} — {n}" for status, n in not_counted.items()
        )
        parts.append(f'<p class="note">{esc(t("not_counted", lang, what=what))}</p>')
    if split.total == 0:
        return "".join(parts), None

    def country(key: str | None) -> str:
        return labels.country(key, lang)

    def sector(key: str | None) -> str:
        return labels.agency_label(key, lang)

    def role(key: str | None) -> str:
        return reference.label(ParticipationRole(key), lang)

    def mode(key: str | None) -> str:
        return reference.label(AttendanceMode(key), lang)

    by_country = breakdown_table(t("country", lang), figures.by_country, country, lang)
    by_sector = breakdown_table(t("sector", lang), figures.by_sector, sector, lang)
    by_role = breakdown_table(t("role", lang), figures.by_role, role, lang)
    by_mode = breakdown_table(t("mode", lang), figures.by_mode, mode, lang)
    stacked = split.unspecified > 0  # a column more: each table gets the full width
    if split.unspecified and split.known:
        parts.append(f'<p class="note">{esc(t("share_note", lang))}</p>')
    parts += [
        side_by_side(
            heading(3, t("by_country", lang)) + by_country,
            heading(3, t("by_sector", lang)) + by_sector,
            stacked=stacked,
        ),
        f'<p style="margin-top: 10px"><img src="{COUNTRY_CHART}" width="640"></p>',
        side_by_side(
            heading(3, t("by_role", lang)) + by_role,
            heading(3, t("by_mode", lang)) + by_mode,
            stacked=stacked,
        ),
    ]
    chart = country_sex_chart(figures.by_country, lang, country, t("chart_by_country", lang))
    return "".join(parts), chart


def _annex(data: EventReportData, lang: str) -> str:
    t = labels.text
    headers = [
        t("no", lang),
        t("name", lang),
        t("name_local", lang),
        t("sex", lang),
        t("country", lang),
        t("organisation", lang),
        t("role", lang),
    ]
    rows = [_annex_row(i, p, lang) for i, p in enumerate(data.participants, 1)]
    table = grid_table(
        headers,
        rows,
        align="r",
        widths=[4, 18, 19, 8, 12, 27, 12],
        padding=2,
        css_class="annex",
        striped=True,
    )
    return f'<h2 style="page-break-before: always">{esc(t("annex_participants", lang))}</h2>{table}'


def _annex_row(number: int, person: Participant, lang: str) -> list[str]:
    organisation = labels.organisation_name(
        person.organisation or "", person.organisation_local, lang
    )
    where = esc(organisation)
    if person.position:
        where += f'<br><span style="color:#5a6b7d">{esc(person.position)}</span>'
    role = reference.label(person.role, lang)
    notes = []
    if person.mode == AttendanceMode.ONLINE:
        notes.append(labels.text("online", lang))
    if person.status not in (ParticipationStatus.ATTENDED,):
        notes.append(reference.label(person.status, lang).lower())
    if notes:
        role += f" ({', '.join(notes)})"
    return [
        str(number),
        esc(person.latin_name),
        esc(person.local_name),
        esc(reference.label(person.sex, lang)),
        esc(reference.country_name(person.nationality, lang)),
        where,
        esc(role),
    ]
