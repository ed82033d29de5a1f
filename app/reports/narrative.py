"""The opening sentences of reports, written from the data in the style of OSCE reporting.

"Fourteen officials — four of them women — from border, customs and migration agencies of the
five Central Asian States took part in the 17th Central Asia Border Management Initiative (CABMI)
Conference, held in Tashkent, Uzbekistan, on 13–15 December 2022, together with five
representatives of the OSCE, UNODC, UNOCT and BOMCA."

Officials are the attended participants from national agencies; everyone else (international
organisations, donors, embassies…) is named by organisation. English follows OSCE editorial
usage (numbers below ten in words; in words at the start of a sentence); Russian agrees numbers
and nouns in gender, number and case (see ``app.reports.words``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from collections import Counter

from app import reference
from app.reports import labels
from app.reports.figures import EventFigures, Group
from app.reports.words import (
    capitalise,
    count_words,
    date_span,
    genitive_ru,
    join_words,
    plural_en,
    plural_ru,
)
from db.enums import AgencySector, EventFormat, EventStatus, EventType, OrganizationKind

_LATIN_ACRONYM = re.compile(r"^[A-Za-z][A-Za-z0-9&\-]*$")


@dataclasses.dataclass(frozen=True)
class Body:
    """An organisation as report prose names it."""

    name: str
    name_local: str | None
    short: str  # "OSCE", "UNODC", "Government of Germany"

    def named(self, lang: str) -> str:
        if lang == "ru":
            if self.short in labels.ACRONYMS_RU:
                return labels.ACRONYMS_RU[self.short]
            if self.short != self.name and _LATIN_ACRONYM.match(self.short):
                return self.short
            return labels.organisation_name(self.name, self.name_local, "ru")
        if self.short in ("OSCE", "EU", "UN") or (self.short == self.name):
            return self.short if self.short.startswith("the ") else f"the {self.short}"
        return self.short

    def full(self, lang: str) -> str:
        """The full name, with "the" in English where it needs one."""
        if lang == "ru":
            return labels.organisation_name(self.name, self.name_local, "ru")
        return self.name if self.name[:4].lower() == "the " else f"the {self.name}"


def short_name(
    name: str, acronym: str | None, root_name: str | None, root_acronym: str | None
) -> str:
    """A sub-unit is named by its parent body where its name says so ("OSCE Project
    Co-ordinator in Uzbekistan" → "OSCE"); else by its own Latin acronym, else its name."""
    if root_acronym and root_name and root_name != name and root_acronym in name.split():
        return root_acronym
    if acronym and _LATIN_ACRONYM.match(acronym.replace(" ", "")):
        return acronym
    return name


@dataclasses.dataclass(frozen=True)
class EventFacts:
    """What the opening sentences say about an event."""

    title: str
    type: EventType
    status: EventStatus
    start_date: dt.date
    end_date: dt.date
    format: EventFormat
    venue: str | None
    city: str | None
    country: str | None
    figures: EventFigures
    bodies: dict[uuid.UUID, Body]  # the organisations of the participants
    organisers: tuple[Body, ...] = ()
    co_organisers: tuple[Body, ...] = ()
    hosts: tuple[Body, ...] = ()
    donors: tuple[Body, ...] = ()
    registered: int = 0  # for planned events: invited or registered people


_SECTOR_EN = {
    AgencySector.BORDER: "border",
    AgencySector.CUSTOMS: "customs",
    AgencySector.MIGRATION: "migration",
    AgencySector.VETERINARY: "veterinary",
    AgencySector.PHYTOSANITARY: "phytosanitary",
    AgencySector.SANITARY_EPIDEMIOLOGICAL: "sanitary-epidemiological",
    AgencySector.LAW_ENFORCEMENT: "law-enforcement",
    AgencySector.DRUG_CONTROL: "drug-control",
    AgencySector.FOREIGN_AFFAIRS: "foreign-affairs",
}
# Genitive singular and plural of the Russian adjectives: "из пограничного ведомства",
# "из пограничных … ведомств".
_SECTOR_RU = {
    AgencySector.BORDER: ("пограничного", "пограничных"),
    AgencySector.CUSTOMS: ("таможенного", "таможенных"),
    AgencySector.MIGRATION: ("миграционного", "миграционных"),
    AgencySector.VETERINARY: ("ветеринарного", "ветеринарных"),
    AgencySector.PHYTOSANITARY: ("фитосанитарного", "фитосанитарных"),
    AgencySector.SANITARY_EPIDEMIOLOGICAL: (
        "санитарно-эпидемиологического",
        "санитарно-эпидемиологических",
    ),
    AgencySector.LAW_ENFORCEMENT: ("правоохранительного", "правоохранительных"),
    AgencySector.DRUG_CONTROL: ("антинаркотического", "антинаркотических"),
    AgencySector.FOREIGN_AFFAIRS: ("внешнеполитического", "внешнеполитических"),
}
# "в конференции «…»": the event type in the prepositional case.
_TYPE_RU_PREPOSITIONAL = {
    EventType.SEMINAR: "семинаре",
    EventType.WORKSHOP: "семинаре-практикуме",
    EventType.TRAINING_COURSE: "учебном курсе",
    EventType.CONFERENCE: "конференции",
    EventType.ROUND_TABLE: "круглом столе",
    EventType.STUDY_VISIT: "ознакомительном визите",
    EventType.ASSESSMENT_VISIT: "оценочном визите",
    EventType.MEETING: "совещании",
    EventType.EXERCISE: "учениях",
    EventType.OTHER: "мероприятии",
}
# Countries of the region in the genitive ("ведомств Узбекистана").
_COUNTRY_RU_GENITIVE = {
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
_NAMED_COUNTRIES = 2  # up to this many countries are named; more are counted
_LISTED_SECTORS = 5
_NAMED_BODIES = 4
_GENERIC_FIRST_WORDS = {
    "regional", "national", "international", "sub-regional", "subregional", "joint", "annual",
    "workshop", "seminar", "training", "conference", "round", "meeting", "study", "assessment",
    "online", "expert", "high-level", "technical", "tabletop", "table-top", "field",
}  # fmt: skip


def event_title_in_text(title: str) -> str:
    """The title as running English text uses it: "the regional workshop on border checks",
    but "the 17th … Conference" and "the OSCE needs-assessment visit" unchanged."""
    first = title.split(" ", 1)[0]
    if first.casefold() in _GENERIC_FIRST_WORDS and first[:1].isupper() and not first.isupper():
        title = first.lower() + title[len(first) :]
    return title if title[:4].casefold() == "the " else f"the {title}"


_INSTITUTION_WORDS = {
    "ministry", "state", "national", "border", "customs", "academy", "centre", "center",
    "college", "institute", "office", "embassy", "headquarters", "training", "regional",
}  # fmt: skip


def _with_article(venue: str) -> str:
    """ "the OSCE Border Management Staff College", but "CARICC" and "Hotel Uzbekistan" as they are."""
    words = venue.split()
    first = words[0]
    acronym_led = first.isupper() and len(words) > 1 and len(first) > 1
    if first.casefold() == "the" or not (acronym_led or first.casefold() in _INSTITUTION_WORDS):
        return venue
    return f"the {venue}"


def _place_en(facts: EventFacts) -> str:
    if facts.format == EventFormat.ONLINE:
        return "held online"
    where = ", ".join(p for p in (facts.city, reference.country_name(facts.country)) if p)
    venue = f" at {_with_article(facts.venue)}" if facts.venue else ""
    if venue and where:
        return f"held{venue} in {where}"
    return f"held{venue}" if venue else (f"held in {where}" if where else "held")


def _place_ru(facts: EventFacts) -> str:
    """ "(Ташкент, Узбекистан, 13–15 декабря 2022 года)"."""
    if facts.format == EventFormat.ONLINE:
        parts = [labels.text("online", "ru")]
    else:
        parts = [
            facts.venue or "",
            labels.city(facts.city, "ru"),
            reference.country_name(facts.country, "ru"),
        ]
    parts.append(date_span(facts.start_date, facts.end_date, "ru", year_word=True))
    return "(" + ", ".join(p for p in parts if p) + ")"


def _dates_en(facts: EventFacts) -> str:
    span = date_span(facts.start_date, facts.end_date, "en")
    if (
        facts.start_date.month != facts.end_date.month
        or facts.start_date.year != facts.end_date.year
    ):
        first, last = span.split(" – ")
        return f"from {first} to {last}"
    return f"on {span}"


def _is_official(group: Group) -> bool:
    return group.organization_id is not None and group.kind == OrganizationKind.NATIONAL_AGENCY


def opening_sentences(facts: EventFacts, lang: str) -> str:
    """One to three sentences introducing the event (see the module docstring)."""
    if facts.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
        return _called_off(facts, lang)
    if facts.status == EventStatus.PLANNED and facts.figures.by_sex.total == 0:
        return _planned(facts, lang)
    figures = facts.figures
    if figures.source == "reported":
        sentences = [_reported(facts, lang)]
    elif figures.by_sex.total == 0:
        sentences = [_nobody(facts, lang)]
    else:
        sentences = [_took_part(facts, lang)]
        online = sum(g.count for g in figures.groups if g.mode.value == "online")
        if online and facts.format != EventFormat.ONLINE:
            sentences.append(_joined_online(online, lang))
    partners = _partners_sentence(facts, lang)
    if partners:
        sentences.append(partners)
    return " ".join(sentences)


def _took_part(facts: EventFacts, lang: str) -> str:
    groups = facts.figures.groups
    officials = [g for g in groups if _is_official(g)]
    others = [g for g in groups if not _is_official(g)]
    n_officials = sum(g.count for g in officials)
    n_others = sum(g.count for g in others)
    if lang == "ru":
        return _took_part_ru(facts, officials, others, n_officials, n_others)
    if n_officials:
        women = sum(g.count for g in officials if g.sex.value == "female")
        subject = (
            count_words(n_officials, "en", start=True)
            + " "
            + plural_en(n_officials, "official", "officials")
        )
        subject += _women_en(n_officials, women) + " " + _agencies_en(officials)
    else:
        women = sum(g.count for g in others if g.sex.value == "female")
        subject = (
            count_words(n_others, "en", start=True)
            + " "
            + plural_en(n_others, "participant", "participants")
        )
        subject += _women_en(n_others, women)
        bodies = _bodies(others, facts.bodies, "en")
        if bodies:
            subject += f" from {bodies}"
    sentence = (
        f"{subject} took part in {event_title_in_text(facts.title)}, {_place_en(facts)},"
        f" {_dates_en(facts)}"
    )
    if n_officials and n_others:
        noun = plural_en(n_others, "representative", "representatives")
        bodies = _bodies(others, facts.bodies, "en")
        sentence += f", together with {count_words(n_others, 'en')} {noun}"
        sentence += f" of {bodies}" if bodies else ""
    return sentence + "."


def _women_en(total: int, women: int) -> str:
    if women == 0 or total == 1:
        return ""
    if women == total:
        return " — all of them women —"
    return f" — {count_words(women, 'en')} of them {plural_en(women, 'a woman', 'women')} —"


def _sectors(officials: list[Group]) -> tuple[list[AgencySector], bool]:
    """The sectors of the officials' agencies, largest first, and whether others were left out."""
    counts: Counter[AgencySector] = Counter()
    for g in officials:
        counts[g.sector or AgencySector.OTHER] += g.count
    named = [s for s, _ in counts.most_common() if s != AgencySector.OTHER]
    more = len(named) > _LISTED_SECTORS or AgencySector.OTHER in counts
    return named[:_LISTED_SECTORS], more


def _countries(groups: list[Group]) -> list[str]:
    counts: Counter[str] = Counter()
    for g in groups:
        if g.nationality:
            counts[g.nationality] += g.count
    return [code for code, _ in counts.most_common()]


def _agencies_en(officials: list[Group]) -> str:
    sectors, more = _sectors(officials)
    if len({g.organization_id for g in officials}) == 1:
        kind = f"{_SECTOR_EN[sectors[0]]} agency" if sectors else "national agency"
        phrase = f"from {'an' if kind[0] in 'aeiou' else 'a'} {kind}"
    elif sectors:
        words = [_SECTOR_EN[s] for s in sectors] + (["other"] if more else [])
        phrase = f"from {join_words(words, 'en')} agencies"
    else:
        phrase = "from national agencies"
    countries = _countries(officials)
    if not countries:
        return phrase
    if len(countries) <= _NAMED_COUNTRIES:
        names = sorted(reference.country_name(code) for code in countries)
        return f"{phrase} of {join_words(names, 'en')}"
    if set(countries) <= set(reference.CENTRAL_ASIA):
        article = "the " if len(countries) == len(reference.CENTRAL_ASIA) else ""
        return f"{phrase} of {article}{count_words(len(countries), 'en')} Central Asian States"
    return f"{phrase} of {count_words(len(countries), 'en')} countries"


def _bodies(groups: list[Group], bodies: dict[uuid.UUID, Body], lang: str) -> str:
    counts: Counter[str] = Counter()
    for g in groups:
        body = bodies.get(g.organization_id) if g.organization_id else None
        if body is not None:
            counts[body.named(lang)] += g.count
    names = [name for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    if len(names) > _NAMED_BODIES:
        rest = "other organisations" if lang == "en" else "другие"
        names = [*names[:_NAMED_BODIES], rest]
    return join_words(names, lang) if lang == "en" else ", ".join(names)


def _took_part_ru(
    facts: EventFacts, officials: list[Group], others: list[Group], n_officials: int, n_others: int
) -> str:
    opening = f"В {_TYPE_RU_PREPOSITIONAL[facts.type]} «{facts.title}» {_place_ru(facts)}"
    if n_officials:
        women = sum(g.count for g in officials if g.sex.value == "female")
        noun = plural_ru(n_officials, "должностное лицо", "должностных лица", "должностных лиц")
        subject = f"{count_words(n_officials, 'ru', gender='n')} {noun}"
        women_clause = _women_ru(n_officials, women)
        subject += women_clause + ("," if women_clause.startswith(",") else "")
        subject += " " + _agencies_ru(officials)
        singular = n_others == 0 and noun == "должностное лицо"
        verb = "приняло участие" if singular else "приняли участие"
    else:
        women = sum(g.count for g in others if g.sex.value == "female")
        noun = plural_ru(n_others, "участник", "участника", "участников")
        subject = f"{count_words(n_others, 'ru')} {noun}" + _women_ru(n_others, women)
        verb = "принял участие" if noun == "участник" else "приняли участие"
    sentence = f"{opening} {verb} {subject}"
    bodies = _bodies(others, facts.bodies, "ru")
    if n_officials and n_others:
        noun = plural_ru(n_others, "представитель", "представителя", "представителей")
        sentence += f", а также {count_words(n_others, 'ru')} {noun} партнёрских организаций"
        sentence += f" ({bodies})" if bodies else ""
    elif bodies:
        sentence += f" ({bodies})"
    return sentence + "."


def _women_ru(total: int, women: int) -> str:
    """ ", в том числе четыре женщины" (the caller closes it with a comma if more follows)."""
    if women == 0 or total == 1:
        return ""
    if women == total:
        return " (все — женщины)"
    noun = plural_ru(women, "женщина", "женщины", "женщин")
    return f", в том числе {count_words(women, 'ru', gender='f')} {noun}"


def _agencies_ru(officials: list[Group]) -> str:
    sectors, more = _sectors(officials)
    if len({g.organization_id for g in officials}) == 1:
        adjective = _SECTOR_RU[sectors[0]][0] if sectors else "государственного"
        phrase = f"из {adjective} ведомства"
    elif sectors:
        words = [_SECTOR_RU[s][1] for s in sectors] + (["других"] if more else [])
        phrase = f"из {join_words(words, 'ru')} ведомств"
    else:
        phrase = "из государственных ведомств"
    countries = _countries(officials)
    if not countries:
        return phrase
    n = len(countries)
    if n <= _NAMED_COUNTRIES and all(code in _COUNTRY_RU_GENITIVE for code in countries):
        return f"{phrase} " + join_words(sorted(_COUNTRY_RU_GENITIVE[c] for c in countries), "ru")
    if n == 1:
        return f"{phrase} ({reference.country_name(countries[0], 'ru')})"
    if set(countries) <= set(reference.CENTRAL_ASIA):
        states = genitive_ru(n, "государства", "государств")
        return f"{phrase} {count_words(n, 'ru', gender='n', case='gen')} {states} Центральной Азии"
    countries_word = genitive_ru(n, "страны", "стран")
    return f"{phrase} {count_words(n, 'ru', gender='f', case='gen')} {countries_word}"


def _joined_online(online: int, lang: str) -> str:
    if lang == "ru":
        noun = plural_ru(online, "участник", "участника", "участников")
        verb = "подключился" if noun == "участник" else "подключились"
        return f"{count_words(online, 'ru', start=True)} {noun} {verb} онлайн."
    noun = plural_en(online, "participant", "participants")
    return f"{count_words(online, 'en', start=True)} {noun} joined online."


def _reported(facts: EventFacts, lang: str) -> str:
    split = facts.figures.by_sex
    if lang == "ru":
        noun = plural_ru(split.total, "человек", "человека", "человек")
        verb = (
            "принял участие"
            if split.total % 10 == 1 and split.total % 100 != 11
            else "приняли участие"
        )
        women = ""
        if split.female:
            women_noun = plural_ru(split.female, "женщина", "женщины", "женщин")
            women = f", в том числе {count_words(split.female, 'ru', gender='f')} {women_noun}"
        return (
            f"По данным отчёта о мероприятии, в {_TYPE_RU_PREPOSITIONAL[facts.type]}"
            f" «{facts.title}» {_place_ru(facts)} {verb} {count_words(split.total, 'ru')} {noun}{women}."
        )
    women = (
        f" — {count_words(split.female, 'en')} of them women —"
        if 0 < split.female < split.total
        else ""
    )
    noun = plural_en(split.total, "participant", "participants")
    return (
        f"According to the event report, {count_words(split.total, 'en')} {noun}{women} took part"
        f" in {event_title_in_text(facts.title)}, {_place_en(facts)}, {_dates_en(facts)}."
    )


def _nobody(facts: EventFacts, lang: str) -> str:
    if lang == "ru":
        return f"Сведения об участниках мероприятия «{facts.title}» {_place_ru(facts)} не внесены."
    return (
        f"No participants are recorded for {event_title_in_text(facts.title)},"
        f" {_place_en(facts)}, {_dates_en(facts)}."
    )


def _planned(facts: EventFacts, lang: str) -> str:
    n = facts.registered
    if lang == "ru":
        first = f"Мероприятие «{facts.title}» {_place_ru(facts)} запланировано."
        if not n:
            return f"{first} Участники пока не зарегистрированы."
        noun = plural_ru(n, "человек", "человека", "человек")
        verb = (
            "зарегистрирован"
            if noun == "человек" and n % 10 == 1 and n % 100 != 11
            else "зарегистрированы"
        )
        return f"{first} {capitalise(verb)} {count_words(n, 'ru')} {noun}."
    where = _place_en(facts).replace("held", "to be held", 1)
    title = capitalise(event_title_in_text(facts.title))
    if not n:
        return (
            f"{title} is planned, {where}, {_dates_en(facts)}. No participants are registered yet."
        )
    verb = "is" if n == 1 else "are"
    return (
        f"{count_words(n, 'en', start=True)} {plural_en(n, 'person', 'people')} {verb} registered"
        f" for {event_title_in_text(facts.title)}, {where}, {_dates_en(facts)}."
    )


def _called_off(facts: EventFacts, lang: str) -> str:
    cancelled = facts.status == EventStatus.CANCELLED
    if lang == "ru":
        outcome = "отменено" if cancelled else "перенесено"
        return f"Мероприятие «{facts.title}» {_place_ru(facts)} {outcome}."
    outcome = "was cancelled" if cancelled else "was postponed"
    title = capitalise(event_title_in_text(facts.title))
    where = _place_en(facts).replace("held", "to be held", 1)
    return f"{title}, planned {where}, {_dates_en(facts)}, {outcome}."


def _partners_sentence(facts: EventFacts, lang: str) -> str:
    if lang == "ru":
        parts = []
        for bodies, one, many in (
            (facts.organisers, "организатор", "организаторы"),
            (facts.co_organisers, "соорганизатор", "соорганизаторы"),
            (facts.hosts, "принимающая сторона", "принимающая сторона"),
            (facts.donors, "донор", "доноры"),
        ):
            if bodies:
                word = one if len(bodies) == 1 else many
                parts.append(f"{word} — " + ", ".join(b.full("ru") for b in bodies))
        return capitalise("; ".join(parts)) + "." if parts else ""
    clauses = []
    for bodies, verb in (
        (facts.organisers, "organised by"),
        (facts.co_organisers, "co-organised by"),
        (facts.hosts, "hosted by"),
        (facts.donors, "funded by"),
    ):
        if bodies:
            clauses.append(f"{verb} {join_words([b.full('en') for b in bodies], 'en')}")
    if not clauses:
        return ""
    if len(clauses) > 1 and any(" and " in clause for clause in clauses):
        # "…, the OSCE Secretariat and UNODC, and hosted by…": the serial comma keeps it clear
        return f"It was {', '.join(clauses[:-1])}, and {clauses[-1]}."
    return f"It was {join_words(clauses, 'en')}."
