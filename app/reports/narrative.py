"""The opening sentences of an event summary, written from the data in the style of OSCE
reporting — in English here, in Russian in ``narrative_ru``:

"Fifteen officials — four of them women — from border, customs, foreign-affairs, migration and
drug-control agencies of the five Central Asian States took part in the 17th Central Asia Border
Management Initiative (CABMI) Conference, held in Tashkent, Uzbekistan, on 13–15 December 2022,
together with five representatives of the OSCE, BOMCA, UNOCT and UNODC. Four participants joined
online. It was co-organised by …"

Officials are the attended participants from national agencies; everyone else (international
organisations, donors, embassies…) is named by organisation (see ``event_facts``). Numbers follow
OSCE editorial usage: below ten in words, and in words at the start of a sentence.
"""

from __future__ import annotations

from app import reference
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
from app.reports.words import capitalise, count_words, date_span, join_words, plural_en
from db.enums import AgencySector, EventFormat, EventStatus

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
_GENERIC_FIRST_WORDS = {
    "regional", "national", "international", "sub-regional", "subregional", "joint", "annual",
    "workshop", "seminar", "training", "conference", "round", "meeting", "study", "assessment",
    "online", "expert", "high-level", "technical", "tabletop", "table-top", "field",
}  # fmt: skip
_INSTITUTION_WORDS = {
    "ministry", "state", "national", "border", "customs", "academy", "centre", "center",
    "college", "institute", "office", "embassy", "headquarters", "training", "regional",
}  # fmt: skip


def opening_sentences(facts: EventFacts, lang: str) -> str:
    """One to three sentences introducing the event, in ``lang`` ("en" or "ru")."""
    if lang == "ru":
        from app.reports.narrative_ru import opening_sentences_ru

        return opening_sentences_ru(facts)
    if facts.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
        return _called_off(facts)
    if facts.status == EventStatus.PLANNED and facts.figures.by_sex.total == 0:
        return _planned(facts)
    if facts.figures.source == "reported":
        sentences = [_reported(facts)]
    elif facts.figures.by_sex.total == 0:
        sentences = [_nobody(facts)]
    else:
        sentences = [_took_part(facts)]
        if facts.online and facts.format != EventFormat.ONLINE:
            noun = plural_en(facts.online, "participant", "participants")
            sentences.append(f"{count_words(facts.online, 'en', start=True)} {noun} joined online.")
    partners = _partners_sentence(facts)
    return " ".join([*sentences, partners] if partners else sentences)


def event_title_in_text(title: str) -> str:
    """The title as running English text uses it: "the regional workshop on border checks",
    but "the 17th … Conference" and "the OSCE needs-assessment visit" unchanged."""
    first = title.split(" ", 1)[0]
    if first.casefold() in _GENERIC_FIRST_WORDS and first[:1].isupper() and not first.isupper():
        title = first.lower() + title[len(first) :]
    return title if title[:4].casefold() == "the " else f"the {title}"


def _with_article(venue: str) -> str:
    """ "the OSCE Border Management Staff College", but "CARICC" and "Hotel Uzbekistan" as
    they are."""
    words = venue.split()
    first = words[0]
    acronym_led = first.isupper() and len(words) > 1 and len(first) > 1
    if first.casefold() == "the" or not (acronym_led or first.casefold() in _INSTITUTION_WORDS):
        return venue
    return f"the {venue}"


def _place(facts: EventFacts) -> str:
    if facts.format == EventFormat.ONLINE:
        return "held online"
    where = ", ".join(p for p in (facts.city, reference.country_name(facts.country)) if p)
    venue = f" at {_with_article(facts.venue)}" if facts.venue else ""
    if venue and where:
        return f"held{venue} in {where}"
    return f"held{venue}" if venue else (f"held in {where}" if where else "held")


def _dates(facts: EventFacts) -> str:
    span = date_span(facts.start_date, facts.end_date, "en")
    if " – " in span:
        first, last = span.split(" – ")
        return f"from {first} to {last}"
    return f"on {span}"


def _women(total: int, count: int) -> str:
    if count == 0 or total == 1:
        return ""
    if count == total:
        return " — all of them women —"
    return f" — {count_words(count, 'en')} of them {plural_en(count, 'a woman', 'women')} —"


def _took_part(facts: EventFacts) -> str:
    officials, others = facts.officials, facts.others
    n_officials, n_others = people(officials), people(others)
    n_reps, n_loose = people(facts.representatives), people(facts.unaffiliated)
    bodies = join_words(body_names(others, facts.bodies, "en"), "en")
    if n_officials:
        noun = plural_en(n_officials, "official", "officials")
        subject = f"{count_words(n_officials, 'en', start=True)} {noun}"
        subject += f"{_women(n_officials, women(officials))} {_agencies(officials)}"
    else:
        noun = plural_en(n_others, "participant", "participants")
        subject = (
            f"{count_words(n_others, 'en', start=True)} {noun}{_women(n_others, women(others))}"
        )
        if bodies and not n_loose:
            subject += f" from {bodies}"
        elif bodies:  # some have no organisation recorded: only the others came from bodies
            subject += f" ({count_words(n_reps, 'en')} of them from {bodies})"
    sentence = (
        f"{subject} took part in {event_title_in_text(facts.title)}, {_place(facts)},"
        f" {_dates(facts)}"
    )
    if n_officials and n_others:
        joined = []
        if n_reps:
            noun = plural_en(n_reps, "representative", "representatives")
            joined.append(
                f"{count_words(n_reps, 'en')} {noun}" + (f" of {bodies}" if bodies else "")
            )
        if n_loose:
            noun = plural_en(n_loose, "other participant", "other participants")
            joined.append(f"{count_words(n_loose, 'en')} {noun}")
        sentence += ", together with " + join_words(joined, "en")
    return sentence + "."


def _agencies(officials: list[Group]) -> str:
    named, more = sectors(officials)
    if one_agency(officials):
        kind = f"{_SECTOR_EN[named[0]]} agency" if named else "national agency"
        phrase = f"from {'an' if kind[0] in 'aeiou' else 'a'} {kind}"
    elif named:
        words = [_SECTOR_EN[s] for s in named] + (["other"] if more else [])
        phrase = f"from {join_words(words, 'en')} agencies"
    else:
        phrase = "from national agencies"
    codes = countries(officials)
    if not codes:
        return phrase
    if len(codes) <= NAMED_COUNTRIES:
        return f"{phrase} of {join_words(sorted(reference.country_name(c) for c in codes), 'en')}"
    if set(codes) <= set(reference.CENTRAL_ASIA):
        article = "the " if len(codes) == len(reference.CENTRAL_ASIA) else ""
        return f"{phrase} of {article}{count_words(len(codes), 'en')} Central Asian States"
    return f"{phrase} of {count_words(len(codes), 'en')} countries"


def _reported(facts: EventFacts) -> str:
    split = facts.figures.by_sex
    share = 0 < split.female < split.total
    woman = plural_en(split.female, "a woman", "women")
    women_clause = f" — {count_words(split.female, 'en')} of them {woman} —" if share else ""
    noun = plural_en(split.total, "participant", "participants")
    return (
        f"According to the event report, {count_words(split.total, 'en')} {noun}{women_clause}"
        f" took part in {event_title_in_text(facts.title)}, {_place(facts)}, {_dates(facts)}."
    )


def _nobody(facts: EventFacts) -> str:
    return (
        f"No participants are recorded for {event_title_in_text(facts.title)},"
        f" {_place(facts)}, {_dates(facts)}."
    )


def _planned(facts: EventFacts) -> str:
    n = facts.registered
    where = _place(facts).replace("held", "to be held", 1)
    if not n:
        title = capitalise(event_title_in_text(facts.title))
        return f"{title} is planned, {where}, {_dates(facts)}. No participants are registered yet."
    return (
        f"{count_words(n, 'en', start=True)} {plural_en(n, 'person is', 'people are')} registered"
        f" for {event_title_in_text(facts.title)}, {where}, {_dates(facts)}."
    )


def _called_off(facts: EventFacts) -> str:
    outcome = "was cancelled" if facts.status == EventStatus.CANCELLED else "was postponed"
    title = capitalise(event_title_in_text(facts.title))
    where = _place(facts).replace("held", "to be held", 1)
    return f"{title}, planned {where}, {_dates(facts)}, {outcome}."


def _partners_sentence(facts: EventFacts) -> str:
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
