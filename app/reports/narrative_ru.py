"""The opening sentences of an event summary in Russian, from the same facts as the English
(``narrative``), with numerals and nouns agreeing in gender, number and case:

«В конференции «…» (Ташкент, Узбекистан, 13–15 декабря 2022 года) приняли участие
15 должностных лиц, в том числе четыре женщины, из пограничных, таможенных … ведомств пяти
государств Центральной Азии, а также пять представителей партнёрских организаций (ОБСЕ, …)».

Titles stay as recorded (in English), quoted; places are given in parentheses, so that city and
country names need no declension.
"""

from __future__ import annotations

from app import reference
from app.reports import labels
from app.reports.event_facts import (
    NAMED_COUNTRIES,
    EventFacts,
    body_names,
    countries,
    one_agency,
    people,
    sectors,
    women,
)
from app.reports.figures import Group
from app.reports.words import (
    capitalise,
    count_words,
    date_span,
    genitive_ru,
    join_words,
    plural_ru,
)
from db.enums import AgencySector, EventFormat, EventStatus, EventType

# Genitive singular and plural of the sector adjectives: "из пограничного ведомства",
# "из пограничных … ведомств".
_SECTOR = {
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
_TYPE_PREPOSITIONAL = {
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


def opening_sentences_ru(facts: EventFacts) -> str:
    """One to three sentences introducing the event, in Russian."""
    if facts.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
        outcome = "отменено" if facts.status == EventStatus.CANCELLED else "перенесено"
        return f"Мероприятие «{facts.title}» {_place(facts)} {outcome}."
    if facts.status == EventStatus.PLANNED and facts.figures.by_sex.total == 0:
        return _planned(facts)
    if facts.figures.source == "reported":
        sentences = [_reported(facts)]
    elif facts.figures.by_sex.total == 0:
        sentences = [
            f"Сведения об участниках мероприятия «{facts.title}» {_place(facts)} не внесены."
        ]
    else:
        sentences = [_took_part(facts)]
        if facts.online and facts.format != EventFormat.ONLINE:
            noun = plural_ru(facts.online, "участник", "участника", "участников")
            verb = "подключился" if noun == "участник" else "подключились"
            sentences.append(f"{count_words(facts.online, 'ru', start=True)} {noun} {verb} онлайн.")
    partners = _partners_sentence(facts)
    return " ".join([*sentences, partners] if partners else sentences)


def _place(facts: EventFacts) -> str:
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


def _singular(n: int) -> bool:
    return n % 10 == 1 and n % 100 != 11


def _women(total: int, count: int) -> str:
    """ ", в том числе четыре женщины" (the caller closes it with a comma if more follows)."""
    if count == 0 or total == 1:
        return ""
    if count == total:
        return " (все — женщины)"
    noun = plural_ru(count, "женщина", "женщины", "женщин")
    return f", в том числе {count_words(count, 'ru', gender='f')} {noun}"


def _took_part(facts: EventFacts) -> str:
    officials, others = facts.officials, facts.others
    n_officials, n_others = people(officials), people(others)
    opening = f"В {_TYPE_PREPOSITIONAL[facts.type]} «{facts.title}» {_place(facts)}"
    if n_officials:
        noun = plural_ru(n_officials, "должностное лицо", "должностных лица", "должностных лиц")
        clause = _women(n_officials, women(officials))
        subject = f"{count_words(n_officials, 'ru', gender='n')} {noun}{clause}"
        subject += ("," if clause.startswith(",") else "") + " " + _agencies(officials)
        verb = "приняло" if n_others == 0 and _singular(n_officials) else "приняли"
    else:
        noun = plural_ru(n_others, "участник", "участника", "участников")
        subject = f"{count_words(n_others, 'ru')} {noun}{_women(n_others, women(others))}"
        verb = "принял" if _singular(n_others) else "приняли"
    sentence = f"{opening} {verb} участие {subject}"
    bodies = ", ".join(body_names(others, facts.bodies, "ru"))
    n_reps, n_loose = people(facts.representatives), people(facts.unaffiliated)
    if n_officials and n_reps:
        noun = plural_ru(n_reps, "представитель", "представителя", "представителей")
        sentence += f", а также {count_words(n_reps, 'ru')} {noun} партнёрских организаций"
        sentence += f" ({bodies})" if bodies else ""
    elif bodies and n_others and not n_loose:
        sentence += f" ({bodies})"
    elif bodies and n_others:  # some have no organisation recorded: only the others
        represented = plural_ru(n_reps, "представляет", "представляют", "представляют")
        sentence += f" ({count_words(n_reps, 'ru')} из них {represented} {bodies})"
    if n_officials and n_loose:
        noun = plural_ru(n_loose, "участник", "участника", "участников")
        also = "и ещё" if n_reps else "а также"
        sentence += f", {also} {count_words(n_loose, 'ru')} {noun} без указания организации"
    return sentence + "."


def _agencies(officials: list[Group]) -> str:
    named, more = sectors(officials)
    if one_agency(officials):
        phrase = f"из {_SECTOR[named[0]][0] if named else 'государственного'} ведомства"
    elif named:
        words = [_SECTOR[s][1] for s in named] + (["других"] if more else [])
        phrase = f"из {join_words(words, 'ru')} ведомств"
    else:
        phrase = "из государственных ведомств"
    codes = countries(officials)
    n = len(codes)
    if not codes:
        return phrase
    genitives = labels.COUNTRIES_RU_GENITIVE
    if n <= NAMED_COUNTRIES and all(code in genitives for code in codes):
        return f"{phrase} " + join_words(sorted(genitives[c] for c in codes), "ru")
    if n == 1:
        return f"{phrase} ({reference.country_name(codes[0], 'ru')})"
    if set(codes) <= set(reference.CENTRAL_ASIA):
        states = genitive_ru(n, "государства", "государств")
        return f"{phrase} {count_words(n, 'ru', gender='n', case='gen')} {states} Центральной Азии"
    countries_word = genitive_ru(n, "страны", "стран")
    return f"{phrase} {count_words(n, 'ru', gender='f', case='gen')} {countries_word}"


def _reported(facts: EventFacts) -> str:
    split = facts.figures.by_sex
    noun = plural_ru(split.total, "человек", "человека", "человек")
    verb = "принял участие" if _singular(split.total) else "приняли участие"
    clause = ""
    if split.female:
        women_noun = plural_ru(split.female, "женщина", "женщины", "женщин")
        clause = f", в том числе {count_words(split.female, 'ru', gender='f')} {women_noun}"
    return (
        f"По данным отчёта о мероприятии, в {_TYPE_PREPOSITIONAL[facts.type]} «{facts.title}»"
        f" {_place(facts)} {verb} {count_words(split.total, 'ru')} {noun}{clause}."
    )


def _planned(facts: EventFacts) -> str:
    n = facts.registered
    first = f"Мероприятие «{facts.title}» {_place(facts)} запланировано."
    if not n:
        return f"{first} Участники пока не зарегистрированы."
    noun = plural_ru(n, "человек", "человека", "человек")
    verb = "зарегистрирован" if _singular(n) else "зарегистрированы"
    return f"{first} {capitalise(verb)} {count_words(n, 'ru')} {noun}."


def _partners_sentence(facts: EventFacts) -> str:
    parts = []
    for bodies, one, many in (
        (facts.organisers, "организатор", "организаторы"),
        (facts.co_organisers, "соорганизатор", "соорганизаторы"),
        (facts.hosts, "принимающая сторона", "принимающие стороны"),
        (facts.donors, "донор", "доноры"),
    ):
        if bodies:
            word = one if len(bodies) == 1 else many
            parts.append(f"{word} — " + ", ".join(b.full("ru") for b in bodies))
    return capitalise("; ".join(parts)) + "." if parts else ""
