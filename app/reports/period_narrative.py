"""The opening paragraph of a period report, in English and Russian: how many events of which
kinds were held, how many took part (and how many of them women), how many different people and
how many came back, and how many are known only from reported head-counts."""

from __future__ import annotations

from app.reports.period_figures import PeriodFigures
from app.reports.words import (
    count_words,
    genitive_ru,
    join_words,
    percent,
    period_span,
    plural_en,
    plural_ru,
)
from db.enums import EventType

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
            # the share of women is of those whose sex is known, and says so when some are not
            share = f" ({percent(total.female, total.known, 'en')})"
            if total.unspecified:
                share = (
                    f" ({percent(total.female, total.known, 'en')} of the {total.known:,}"
                    " whose sex is known)"
                )
            woman = plural_en(total.female, "a woman", "women")
            women = f", {count_words(total.female, 'en')} of them {woman}{share}"
        noun = plural_en(total.total, "participant", "participants")
        sentences.append(
            f"{pronoun} brought together {count_words(total.total, 'en')} {noun}{women}."
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
            f"{count_words(reported.total, 'en', start=True)}"
            f" {plural_en(reported.total, 'participant is', 'participants are')} known only from the"
            f" reported head-{plural_en(k, 'count', 'counts')} of {count_words(k, 'en')} {plural_en(k, 'event', 'events')}."
        )
    return " ".join(sentences)


def _sentences_ru(
    figures: PeriodFigures, opening: str, n: int, by_type: list[tuple[EventType, int]]
) -> str:
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
            share = f" ({percent(total.female, total.known, 'ru')}"
            if total.unspecified:
                share += f" от числа лиц с указанным полом: {total.known}"
            share += ")"
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
