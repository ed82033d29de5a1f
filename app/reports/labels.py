"""Every heading and label the reports print, in English and Russian, and the names of places and
organisations as Russian report text writes them.

Enumeration labels (event types, roles, sectors…) come from ``app.reference``; this module holds
only what is particular to reports.
"""

from __future__ import annotations

import re

from app import reference
from app.reports.words import percent, plural_en
from db.enums import AgencySector, OrganizationKind, PartnerRole

_TEXT: dict[str, tuple[str, str]] = {
    # Titles
    "event_summary": ("Event summary", "Справка о мероприятии"),
    "period_report": ("Period report", "Отчёт за период"),
    "signin_sheet": ("Sign-in sheet", "Лист регистрации участников"),
    "annex_participants": ("Annex. List of participants", "Приложение. Список участников"),
    "annex_events": ("Annex. Events of the period", "Приложение. Мероприятия за период"),
    "page_of": ("Page {page} of {pages}", "Стр. {page} из {pages}"),
    "printed": ("Printed {date}", "Напечатано {date}"),
    # Facts about an event
    "reference": ("Reference", "Номер"),
    "type": ("Type", "Тип"),
    "series": ("Series", "Серия"),
    "series_number": ("no. {n}", "№\u00a0{n}"),
    "dates": ("Dates", "Даты"),
    "days": ("{n} days", "{n} дн."),
    "one_day": ("1 day", "1 день"),
    "venue": ("Venue", "Место проведения"),
    "format": ("Format", "Формат"),
    "scope": ("Scope", "Охват"),
    "status": ("Status", "Статус"),
    "organising_unit": ("Organising unit", "Организационное подразделение"),
    "project": ("Project", "Проект"),
    "fields_of_work": ("Fields of work", "Направления деятельности"),
    "summary": ("Summary", "Краткое содержание"),
    "outcomes": ("Outcomes", "Результаты"),
    "partners": ("Partners", "Партнёры"),
    "online": ("online", "онлайн"),
    # Figures
    "participants": ("Participants", "Участники"),
    "figures": ("Figures", "Цифры"),
    "by_sex": ("By sex", "По полу"),
    "by_country": ("By country (nationality)", "По странам (гражданство)"),
    "by_sector": ("By agency sector", "По типу ведомства"),
    "by_role": ("By role", "По роли"),
    "by_mode": ("Attendance mode", "Форма участия"),
    "women": ("Women", "Женщины"),
    "men": ("Men", "Мужчины"),
    "unspecified": ("Sex not stated", "Пол не указан"),
    "total": ("Total", "Всего"),
    "share_women": ("% women", "% женщин"),
    "col_women": ("Women", "Жен."),
    "col_men": ("Men", "Муж."),
    "col_unspecified": ("Not stated", "Не указан"),
    "col_share_women": ("% women", "% жен."),
    "share_women_known": (
        "% women (of those whose sex is known)",
        "% женщин (от лиц с указанным полом)",
    ),
    "country": ("Country", "Страна"),
    "sector": ("Agency sector", "Тип ведомства"),
    "role": ("Role", "Роль"),
    "mode": ("Mode", "Форма"),
    "not_stated": ("Not stated", "Не указано"),
    "no_organisation": ("No organisation recorded", "Организация не указана"),
    "reported_rows": (
        "Reported head-counts (not broken down)",
        "Отчётные данные (без разбивки)",
    ),
    "reported_short": ("Reported only", "Только отчётные"),
    "headline": ("{total} took part", "Приняли участие: {total}"),
    "headline_reported": (
        "{total} took part (reported head-count)",
        "Приняли участие: {total} (по отчётным данным)",
    ),
    "sexes": (
        "{women} {women_noun} ({share}), {men} {men_noun}",
        "из них женщин — {women} ({share}), мужчин — {men}",
    ),
    "sexes_partly_known": (
        "{women} {women_noun} ({share} of the {known} whose sex is known), {men} {men_noun};"
        " sex not stated for {unknown}",
        "из них женщин — {women} ({share} от числа лиц с указанным полом: {known}),"
        " мужчин — {men}; пол не указан — {unknown}",
    ),
    "sexes_unknown": ("sex not stated", "пол не указан"),
    "share_note": (
        "Shares of women are of the people whose sex is known.",
        "Доля женщин — от числа лиц с указанным полом.",
    ),
    "source_reported": (
        "Figures as reported for the event; no participant list is recorded.",
        "Данные из отчёта о мероприятии; список участников не внесён.",
    ),
    "source_none": (
        "No participants are recorded for this event.",
        "Участники мероприятия не внесены.",
    ),
    "not_counted": (
        "Listed but not counted as taking part: {what}.",
        "Внесены в список, но не учтены как участники: {what}.",
    ),
    "chart_by_country": (
        "Participants by country and sex",
        "Участники по странам и полу",
    ),
    "chart_events_by_month": ("Events held by month", "Проведённые мероприятия по месяцам"),
    "chart_events_by_year": ("Events held by year", "Проведённые мероприятия по годам"),
    "names_left_out": (
        "The list of participants is left out of this copy.",
        "Список участников в этот экземпляр не включён.",
    ),
    # Annex and sign-in sheet columns
    "no": ("No.", "№"),
    "name": ("Name", "Фамилия, имя (латиница)"),
    "name_local": ("Name (local script)", "Фамилия, имя (местное написание)"),
    "sex": ("Sex", "Пол"),
    "organisation": ("Organisation", "Организация"),
    "position": ("Position", "Должность"),
    "signature": ("Signature", "Подпись"),
    "walk_ins": (
        "Blank rows are for participants not on the list.",
        "Пустые строки — для участников, не включённых в список.",
    ),
    "days_range": ("Days {first}–{last}", "Дни {first}–{last}"),
    "registered": ("Registered: {n}", "Зарегистрировано: {n}"),
    # Period report
    "period": ("Period", "Период"),
    "filters": ("Filters", "Отбор"),
    "filter_country": ("events in {value}", "мероприятия в стране: {value}"),
    "filter_project": ("project {value}", "проект {value}"),
    "filter_partner": ("with partner {value}", "с участием партнёра: {value}"),
    "no_filters": ("all events", "все мероприятия"),
    "key_figures": ("Key figures", "Основные показатели"),
    "events_held": ("Events held", "Проведено мероприятий"),
    "participations": ("Participants (all events)", "Участники (по всем мероприятиям)"),
    "unique_people": ("Different people (listed by name)", "Разных людей (по спискам)"),
    "repeat_people": (
        "Took part in more than one event",
        "Участвовали более чем в одном мероприятии",
    ),
    "partners_involved": ("Partners involved", "Задействованные партнёры"),
    "events_by_type_month": ("Events held by type and month", "Мероприятия по типам и месяцам"),
    "events_by_type_year": ("Events held by type and year", "Мероприятия по типам и годам"),
    "month": ("Month", "Месяц"),
    "year": ("Year", "Год"),
    "participations_heading": (
        "Participants, counted once per event",
        "Число участников (с учётом повторного участия)",
    ),
    "people_heading": (
        "Different people, each counted once (by their current organisation)",
        "Разные люди, каждый учтён один раз (по нынешней организации)",
    ),
    "repeat_heading": ("Repeat participants", "Повторное участие"),
    "events_attended": ("Events attended", "Число мероприятий"),
    "people": ("People", "Человек"),
    "organisation_roles": ("Roles", "Роли"),
    "events": ("Events", "Мероприятий"),
    "event": ("Event", "Мероприятие"),
    "place": ("Place", "Место"),
    "no_events": (
        "No events were held in this period.",
        "За этот период мероприятий не проводилось.",
    ),
    "not_held_note": (
        "Not counted as held: {what}.",
        "Не учтены как проведённые: {what}.",
    ),
    "reported_note": (
        "Events known only by reported head-counts: {n}. They count in the number of"
        " participants, not in the number of different people.",
        "Мероприятий, известных только по отчётным данным: {n}. Они учтены в числе участников,"
        " но не в числе разных людей.",
    ),
    "sheet_summary": ("Summary", "Сводка"),
    # Indicators (period report)
    "indicators": ("Indicators", "Показатели"),
    "indicator": ("Indicator", "Показатель"),
    "this_period": ("This period", "За период"),
    "since": ("Since {date}", "С {date}"),
    "ind_events": ("Events held", "Проведено мероприятий"),
    "ind_participations": ("Participations ¹", "Участий в мероприятиях ¹"),
    "ind_people": ("Different people trained ²", "Обучено разных людей ²"),
    "ind_person_days": ("Person-days of training ³", "Человеко-дней обучения ³"),
    "ind_repeat": ("People trained more than once ⁴", "Обучены более одного раза ⁴"),
    "ind_people_short": ("People", "Людей"),
    "ind_participations_short": ("Participations", "Участий"),
    "ind_person_days_short": ("Person-days", "Чел.-дней"),
    "ind_by_country": (
        "Indicators by country (nationality)",
        "Показатели по странам (гражданство)",
    ),
    "ind_by_sector": ("Indicators by agency sector", "Показатели по типу ведомства"),
    "ind_by_project": ("Indicators by project", "Показатели по проектам"),
    "no_project": ("No project", "Без проекта"),
    "project_people_limit": (
        "— Different people by project are counted for periods of up to {n} participations.",
        "— Разные люди по проектам подсчитываются за периоды до {n} участий.",
    ),
    "def_participations": (
        "¹ Participations: people who attended (attended or partially attended) each event,"
        " each person once per event, and the reported head-counts of events known only by them.",
        "¹ Участия: посетившие каждое мероприятие (полностью или частично), каждый человек один"
        " раз на мероприятие, и отчётные данные мероприятий без списка участников.",
    ),
    "def_people": (
        "² Different people trained: people listed by name who attended at least one event,"
        " each counted once however many events they attended (by their current organisation);"
        " the share of women is of those whose sex is known.",
        "² Разные люди: поимённо учтённые участники хотя бы одного мероприятия, каждый учтён"
        " один раз, сколько бы мероприятий он ни посетил (по нынешней организации); доля"
        " женщин — от числа лиц с указанным полом.",
    ),
    "def_person_days": (
        "³ Person-days: for each participation, the days attended, or the event's length in"
        " days when they are not recorded; for events known by head-counts, the head-count"
        " times the length.",
        "³ Человеко-дни: по каждому участию — число посещённых дней, а если оно не внесено —"
        " продолжительность мероприятия в днях; для мероприятий с отчётными данными —"
        " численность, умноженная на продолжительность.",
    ),
    "def_repeat": (
        "⁴ People trained more than once: different people who attended two or more events.",
        "⁴ Обучены более одного раза: разные люди, посетившие два мероприятия или более.",
    ),
    "def_cumulative_project": (
        "Cumulative figures count the same way from the start of the project ({date}) to the"
        " end of the period.",
        "Нарастающие итоги считаются так же — с начала проекта ({date}) до конца периода.",
    ),
    "def_cumulative_records": (
        "Cumulative figures count the same way from the first event recorded ({date}) to the"
        " end of the period.",
        "Нарастающие итоги считаются так же — с первого внесённого мероприятия ({date}) до"
        " конца периода.",
    ),
    "figure": ("Figure", "Показатель"),
    "value": ("Value", "Значение"),
}


# Partner roles as row labels when several organisations share the role.
PARTNER_ROLES_PLURAL = {
    PartnerRole.ORGANIZER: ("Organisers", "Организаторы"),
    PartnerRole.CO_ORGANIZER: ("Co-organisers", "Соорганизаторы"),
    PartnerRole.DONOR: ("Donors", "Доноры"),
    PartnerRole.EXPERT_PROVIDER: ("Expert providers", "Предоставление экспертов"),
    PartnerRole.HOST: ("Hosts", "Принимающие стороны"),
    PartnerRole.DELEGATION: ("Delegations", "Делегации"),
    PartnerRole.OBSERVER: ("Observers", "Наблюдатели"),
}


def partner_role(role: PartnerRole, count: int, lang: str) -> str:
    """ "Co-organiser" or "Co-organisers", as many organisations have the role."""
    if count <= 1:
        return reference.label(role, lang)
    english, russian = PARTNER_ROLES_PLURAL[role]
    return russian if lang == "ru" else english


def text(key: str, lang: str = "en", **values: object) -> str:
    """The report label ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    english, russian = _TEXT[key]
    template = russian if lang == "ru" else english
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
