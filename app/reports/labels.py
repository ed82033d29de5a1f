"""Every heading and label the reports print, in English and Russian, and the names of places and
organisations as Russian report text writes them.

Enumeration labels (event types, roles, sectors…) come from ``app.reference`` and the labels of
fields from ``app.fields``; this module holds only what is particular to reports.
"""

from __future__ import annotations

import re

from app import reference
from app.fields import EVENT, PARTICIPATION, PERSON, Field
from app.i18n import N_, tr
from app.reports.words import percent, plural_en
from db.enums import AgencySector, OrganizationKind, PartnerRole

# The English of every report label, keyed; the Russian is in the catalogue (app.i18n), where
# the key is the disambiguation.
_TEXT: dict[str, str] = {
    # Titles
    "event_summary": N_("Event summary", "event_summary"),
    "period_report": N_("Period report", "period_report"),
    "signin_sheet": N_("Sign-in sheet", "signin_sheet"),
    "annex_participants": N_("Annex. List of participants", "annex_participants"),
    "annex_events": N_("Annex. Events of the period", "annex_events"),
    "page_of": N_("Page {page} of {pages}", "page_of"),
    "printed": N_("Printed {date}", "printed"),
    # Facts about an event
    "series_number": N_("no. {n}", "series_number"),
    "dates": N_("Dates", "dates"),
    "days": N_("{n} days", "days"),
    "one_day": N_("1 day", "one_day"),
    "partners": N_("Partners", "partners"),
    "online": N_("online", "online"),
    # Figures
    "participants": N_("Participants", "participants"),
    "figures": N_("Figures", "figures"),
    "by_sex": N_("By sex", "by_sex"),
    "by_country": N_("By country (nationality)", "by_country"),
    "by_sector": N_("By agency sector", "by_sector"),
    "by_role": N_("By role", "by_role"),
    "by_mode": N_("Attendance mode", "by_mode"),
    "women": N_("Women", "women"),
    "men": N_("Men", "men"),
    "unspecified": N_("Sex not stated", "unspecified"),
    "total": N_("Total", "total"),
    "share_women": N_("% women", "share_women"),
    "col_women": N_("Women", "col_women"),
    "col_men": N_("Men", "col_men"),
    "col_unspecified": N_("Not stated", "col_unspecified"),
    "col_share_women": N_("% women", "col_share_women"),
    "share_women_known": N_("% women (of those whose sex is known)", "share_women_known"),
    "country": N_("Country", "country"),
    "sector": N_("Agency sector", "sector"),
    "not_stated": N_("Not stated", "not_stated"),
    "no_organisation": N_("No organisation recorded", "no_organisation"),
    "reported_rows": N_("Reported head-counts (not broken down)", "reported_rows"),
    "reported_short": N_("Reported only", "reported_short"),
    "headline": N_("{total} took part", "headline"),
    "headline_reported": N_("{total} took part (reported head-count)", "headline_reported"),
    "sexes": N_("{women} {women_noun} ({share}), {men} {men_noun}", "sexes"),
    "sexes_partly_known": N_(
        "{women} {women_noun} ({share} of the {known} whose sex is known), {men} {men_noun}; sex not stated for {unknown}",
        "sexes_partly_known",
    ),
    "sexes_unknown": N_("sex not stated", "sexes_unknown"),
    "share_note": N_("Shares of women are of the people whose sex is known.", "share_note"),
    "source_reported": N_(
        "Figures as reported for the event; no participant list is recorded.", "source_reported"
    ),
    "source_none": N_("No participants are recorded for this event.", "source_none"),
    "not_counted": N_("Listed but not counted as taking part: {what}.", "not_counted"),
    "chart_by_country": N_("Participants by country and sex", "chart_by_country"),
    "chart_events_by_month": N_("Events held by month", "chart_events_by_month"),
    "chart_events_by_year": N_("Events held by year", "chart_events_by_year"),
    "names_left_out": N_("The list of participants is left out of this copy.", "names_left_out"),
    # Annex and sign-in sheet columns
    "no": N_("No.", "no"),
    "name": N_("Name", "name"),
    "name_local": N_("Name (local script)", "name_local"),
    "signature": N_("Signature", "signature"),
    "walk_ins": N_("Blank rows are for participants not on the list.", "walk_ins"),
    "days_range": N_("Days {first}–{last}", "days_range"),
    "registered": N_("Registered: {n}", "registered"),
    # Period report
    "period": N_("Period", "period"),
    "filters": N_("Filters", "filters"),
    "filter_country": N_("events in {value}", "filter_country"),
    "filter_project": N_("project {value}", "filter_project"),
    "filter_partner": N_("with partner {value}", "filter_partner"),
    "no_filters": N_("all events", "no_filters"),
    "key_figures": N_("Key figures", "key_figures"),
    "events_held": N_("Events held", "events_held"),
    "participations": N_("Participants (all events)", "participations"),
    "unique_people": N_("Different people (listed by name)", "unique_people"),
    "repeat_people": N_("Took part in more than one event", "repeat_people"),
    "partners_involved": N_("Partners involved", "partners_involved"),
    "events_by_type_month": N_("Events held by type and month", "events_by_type_month"),
    "events_by_type_year": N_("Events held by type and year", "events_by_type_year"),
    "month": N_("Month", "month"),
    "year": N_("Year", "year"),
    "participations_heading": N_("Participants, counted once per event", "participations_heading"),
    "people_heading": N_(
        "Different people, each counted once (by their current organisation)", "people_heading"
    ),
    "repeat_heading": N_("Repeat participants", "repeat_heading"),
    "events_attended": N_("Events attended", "events_attended"),
    "people": N_("People", "people"),
    "organisation_roles": N_("Roles", "organisation_roles"),
    "events": N_("Events", "events"),
    "event": N_("Event", "event"),
    "place": N_("Place", "place"),
    "no_events": N_("No events were held in this period.", "no_events"),
    "not_held_note": N_("Not counted as held: {what}.", "not_held_note"),
    "reported_note": N_(
        "Events known only by reported head-counts: {n}. They count in the number of participants, not in the number of different people.",
        "reported_note",
    ),
    "sheet_summary": N_("Summary", "sheet_summary"),
    # Indicators (period report)
    "indicators": N_("Indicators", "indicators"),
    "indicator": N_("Indicator", "indicator"),
    "this_period": N_("This period", "this_period"),
    "since": N_("Since {date}", "since"),
    "ind_events": N_("Events held", "ind_events"),
    "ind_participations": N_("Participations ¹", "ind_participations"),
    "ind_people": N_("Different people trained ²", "ind_people"),
    "ind_person_days": N_("Person-days of training ³", "ind_person_days"),
    "ind_repeat": N_("People trained more than once ⁴", "ind_repeat"),
    "ind_people_short": N_("People", "ind_people_short"),
    "ind_participations_short": N_("Participations", "ind_participations_short"),
    "ind_person_days_short": N_("Person-days", "ind_person_days_short"),
    "ind_by_country": N_("Indicators by country (nationality)", "ind_by_country"),
    "ind_by_sector": N_("Indicators by agency sector", "ind_by_sector"),
    "ind_by_project": N_("Indicators by project", "ind_by_project"),
    "no_project": N_("No project", "no_project"),
    "project_people_limit": N_(
        "— Different people by project are counted for periods of up to {n} participations.",
        "project_people_limit",
    ),
    "def_participations": N_(
        "¹ Participations: people who attended (attended or partially attended) each event, each person once per event, and the reported head-counts of events known only by them.",
        "def_participations",
    ),
    "def_people": N_(
        "² Different people trained: people listed by name who attended at least one event, each counted once however many events they attended (by their current organisation); the share of women is of those whose sex is known.",
        "def_people",
    ),
    "def_person_days": N_(
        "³ Person-days: for each participation, the days attended, or the event's length in days when they are not recorded; for events known by head-counts, the head-count times the length.",
        "def_person_days",
    ),
    "def_repeat": N_(
        "⁴ People trained more than once: different people who attended two or more events.",
        "def_repeat",
    ),
    "def_cumulative_project": N_(
        "Cumulative figures count the same way from the start of the project ({date}) to the end of the period.",
        "def_cumulative_project",
    ),
    "def_cumulative_records": N_(
        "Cumulative figures count the same way from the first event recorded ({date}) to the end of the period.",
        "def_cumulative_records",
    ),
    "figure": N_("Figure", "figure"),
    "value": N_("Value", "value"),
}


# Partner roles as row labels when several organisations share the role.
PARTNER_ROLES_PLURAL = {
    PartnerRole.ORGANIZER: N_("Organisers"),
    PartnerRole.CO_ORGANIZER: N_("Co-organisers"),
    PartnerRole.DONOR: N_("Donors"),
    PartnerRole.EXPERT_PROVIDER: N_("Expert providers"),
    PartnerRole.HOST: N_("Hosts"),
    PartnerRole.DELEGATION: N_("Delegations"),
    PartnerRole.OBSERVER: N_("Observers"),
}


def partner_role(role: PartnerRole, count: int, lang: str) -> str:
    """ "Co-organiser" or "Co-organisers", as many organisations have the role."""
    if count <= 1:
        return reference.label(role, lang)
    return tr(PARTNER_ROLES_PLURAL[role], lang=lang)


# The report labels that name a field: the catalogue's label (``app.fields``), as forms show it.
_FIELDS: dict[str, Field] = {
    **{key: EVENT[key] for key in (
        "reference", "type", "series", "venue", "format", "scope", "status", "organising_unit",
        "fields_of_work", "summary", "outcomes",
    )},
    "project": EVENT["project_id"],
    "sex": PERSON["sex"],
    "organisation": PERSON["organization_id"],
    "position": PERSON["position"],
    "role": PARTICIPATION["role"],
    "mode": PARTICIPATION["mode"],
}  # fmt: skip


def text(key: str, lang: str = "en", **values: object) -> str:
    """The report label ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    field = _FIELDS.get(key)
    template = field.title(lang) if field is not None else tr(_TEXT[key], key, lang=lang)
    return template.format(**values) if values else template


def sexes(female: int, male: int, unspecified: int, lang: str) -> str:
    """Who took part by sex, the share of women taken over those whose sex is known:
    "2 women (67%), 1 man"; "2 women (40% of the 5 whose sex is known), 3 men; sex not stated
    for 10"; "sex not stated" when nobody's is known. Russian in the dash form that needs no
    agreement ("из них женщин — 2 (67 %), мужчин — 1")."""
    known = female + male
    if not known:
        return text("sexes_unknown", lang)
    values = {
        "women": female,
        "men": male,
        "women_noun": plural_en(female, "woman", "women"),
        "men_noun": plural_en(male, "man", "men"),
        "share": percent(female, known, lang),
        "known": known,
        "unknown": unspecified,
    }
    return text("sexes_partly_known" if unspecified else "sexes", lang, **values)


def headline(total: int, female: int, male: int, unspecified: int, lang: str, *,
             reported: bool = False) -> str:  # fmt: skip
    """ "3 took part: 2 women (67%), 1 man" / "15 took part (reported head-count); sex not
    stated" / "Приняли участие: 3, из них женщин — 2 (67 %), мужчин — 1"."""
    opening = text("headline_reported" if reported else "headline", lang, total=total)
    if not total:
        return opening
    split = sexes(female, male, unspecified, lang)
    if lang == "ru":
        return f"{opening}{'; ' if not female + male else ', '}{split}"
    return f"{opening}{'; ' if not female + male else ': '}{split}"


def country(code: str | None, lang: str) -> str:
    return reference.country_name(code, lang) if code else text("not_stated", lang)


def agency_label(key: str | None, lang: str) -> str:
    """The row label of an agency-sector breakdown: a sector, or the kind of a body that is not
    a national agency (international organisation, embassy…), or not stated."""
    if key is None:
        return text("no_organisation", lang)
    if key == "reported":
        return text("reported_rows", lang)
    if key.startswith("kind:"):
        return reference.label(OrganizationKind(key[5:]), lang)
    return reference.label(AgencySector(key), lang)


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def organisation_name(name: str, name_local: str | None, lang: str) -> str:
    """An organisation's name for a report in ``lang``: the Russian name for Russian reports
    when the local name is written in Cyrillic, else the English name."""
    if lang == "ru" and name_local and _CYRILLIC.search(name_local):
        return name_local
    return name


# Cities of the region as Russian text writes them (the database keeps English spellings).
CITIES_RU = {
    "almaty": "Алматы",
    "astana": "Астана",
    "nur-sultan": "Нур-Султан",
    "bishkek": "Бишкек",
    "osh": "Ош",
    "cholpon-ata": "Чолпон-Ата",
    "dushanbe": "Душанбе",
    "khujand": "Худжанд",
    "khorog": "Хорог",
    "ashgabat": "Ашхабад",
    "turkmenbashi": "Туркменбаши",
    "mary": "Мары",
    "dashoguz": "Дашогуз",
    "tashkent": "Ташкент",
    "samarkand": "Самарканд",
    "termez": "Термез",
    "bukhara": "Бухара",
    "kabul": "Кабул",
    "moscow": "Москва",
    "vienna": "Вена",
    "riga": "Рига",
    "brussels": "Брюссель",
    "ulaanbaatar": "Улан-Батор",
}


def city(name: str | None, lang: str) -> str:
    if not name:
        return ""
    return CITIES_RU.get(name.strip().casefold(), name) if lang == "ru" else name


# International organisations by the acronyms Russian text uses for them.
ACRONYMS_RU = {
    "OSCE": "ОБСЕ",
    "UNODC": "УНП ООН",
    "UNOCT": "КТУ ООН",
    "UNHCR": "УВКБ ООН",
    "UNDP": "ПРООН",
    "IOM": "МОМ",
    "EU": "ЕС",
    "BOMCA": "БОМКА",
    "CADAP": "КАДАП",
    "CARICC": "ЦАРИКЦ",
    "Frontex": "Фронтекс",
    "WCO": "ВТамО",
    "CIS": "СНГ",
    "CSTO": "ОДКБ",
    "SCO": "ШОС",
    "BMSC": "Колледж ОБСЕ",
    "BSMU": "ГБУГ ОБСЕ",
}


# Countries of the region in the genitive ("ведомств Узбекистана").
COUNTRIES_RU_GENITIVE = {
    "KZ": "Казахстана",
    "KG": "Кыргызстана",
    "TJ": "Таджикистана",
    "TM": "Туркменистана",
    "UZ": "Узбекистана",
    "AF": "Афганистана",
    "MN": "Монголии",
    "RU": "России",
    "CN": "Китая",
    "AZ": "Азербайджана",
    "LV": "Латвии",
    "LT": "Литвы",
    "EE": "Эстонии",
    "DE": "Германии",
    "PL": "Польши",
    "TR": "Турции",
    "US": "США",
    "GB": "Великобритании",
    "FR": "Франции",
    "IT": "Италии",
    "AT": "Австрии",
    "CH": "Швейцарии",
    "FI": "Финляндии",
    "SE": "Швеции",
    "NO": "Норвегии",
    "BY": "Беларуси",
    "UA": "Украины",
    "GE": "Грузии",
    "AM": "Армении",
    "IR": "Ирана",
    "PK": "Пакистана",
    "IN": "Индии",
    "JP": "Японии",
    "KR": "Республики Корея",
}
