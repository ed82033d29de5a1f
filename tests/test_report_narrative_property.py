"""The opening sentence of an event summary never says something false: for random events
(hypothesis) every number it prints agrees with the figures, and every noun and verb with its
number — in English (1 official / 2 officials, one of them a woman) and in Russian (1 участник /
2 участника / 5 участников / 21 участник; одно должностное лицо, две женщины; приняло /
приняли). Representatives are only those who came from an organisation: people with none
recorded are not "representatives of partner organisations"."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from app.reports.event_facts import Body, EventFacts, people, women
from app.reports.figures import EventFigures, Group, SexSplit
from app.reports.narrative import opening_sentences
from app.reports.words import number_en, number_ru, plural_ru
from db.enums import (
    AgencySector,
    AttendanceMode,
    EventFormat,
    EventStatus,
    EventType,
    OrganizationKind,
    ParticipationRole,
    Sex,
)

AGENCY = {code: uuid.uuid4() for code in ("KZ", "KG", "TJ", "TM", "UZ", "DE")}
BODIES = {
    uuid.uuid4(): Body("United Nations Office on Drugs and Crime", None, "UNODC"),
    uuid.uuid4(): Body("OSCE Secretariat", None, "OSCE"),
}
SECTORS = [AgencySector.BORDER, AgencySector.CUSTOMS, AgencySector.MIGRATION, None]

# Every way a count from 0 to 999 is written, and figures beyond ten.
_EN = {number_en(n): n for n in range(1000)}
_EN |= {w[:1].upper() + w[1:]: n for w, n in list(_EN.items())}
_RU = {number_ru(n, g): n for n in range(1000) for g in ("m", "f", "n")}
_RU |= {w[:1].upper() + w[1:]: n for w, n in list(_RU.items())}


def _number_pattern(words: dict[str, int]) -> str:
    return (
        "(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r"|\d[\d,\u00a0]*)"
    )


EN_NUMBER, RU_NUMBER = _number_pattern(_EN), _number_pattern(_RU)


def _value(text: str, words: dict[str, int]) -> int:
    return words[text] if text in words else int(re.sub(r"[,\u00a0]", "", text))


@st.composite
def groups(draw: st.DrawFn) -> list[Group]:
    out = []
    for _ in range(draw(st.integers(0, 7))):
        kind = draw(st.sampled_from(["official", "body", "none"]))
        sex = draw(st.sampled_from(list(Sex)))
        count = draw(st.sampled_from([1, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101]))
        mode = draw(st.sampled_from([AttendanceMode.IN_PERSON, AttendanceMode.ONLINE]))
        role = ParticipationRole.PARTICIPANT
        if kind == "official":
            country = draw(st.sampled_from(list(AGENCY)))
            sector = draw(st.sampled_from(SECTORS))
            out.append(Group(sex, country, AGENCY[country], sector,
                             OrganizationKind.NATIONAL_AGENCY, role, mode, count))  # fmt: skip
        elif kind == "body":
            body = draw(st.sampled_from(list(BODIES)))
            out.append(Group(sex, "AT", body, None, OrganizationKind.INTERNATIONAL_ORGANIZATION,
                             role, mode, count))  # fmt: skip
        else:
            nationality = draw(st.sampled_from(["KZ", "UZ", None]))
            out.append(Group(sex, nationality, None, None, None, role, mode, count))
    return out


def _facts(listed: list[Group], event_format: EventFormat) -> EventFacts:
    by_sex = sum((SexSplit.of(g.sex, g.count) for g in listed), SexSplit())
    return EventFacts(
        title="Regional workshop on border checks", type=EventType.WORKSHOP,
        status=EventStatus.HELD, start_date=dt.date(2019, 2, 19), end_date=dt.date(2019, 2, 21),
        format=event_format, venue=None, city="Ashgabat", country="TM",
        figures=EventFigures("participants", by_sex, tuple(listed), {}), bodies=BODIES,
    )  # fmt: skip


def _counted(pattern: str, text: str, words: dict[str, int]) -> list[tuple[int, str]]:
    """(number, the noun after it) for each match of ``pattern`` (groups: number, noun)."""
    return [(_value(m.group(1), words), m.group(2)) for m in re.finditer(pattern, text)]


FORMATS = st.sampled_from([EventFormat.IN_PERSON, EventFormat.HYBRID, EventFormat.ONLINE])


@settings(max_examples=300, deadline=None)
@given(groups(), FORMATS)
def test_english_opening_agrees_with_the_figures(listed: list[Group], event_format) -> None:  # type: ignore[no-untyped-def]
    facts = _facts(listed, event_format)
    text = opening_sentences(facts, "en")
    officials, others = facts.officials, facts.others
    n_off, n_others = people(officials), people(others)
    n_reps = people([g for g in others if g.organization_id is not None])
    n_loose = n_others - n_reps
    if n_off + n_others == 0:
        assert text.startswith("No participants are recorded")
        return
    subject = officials if n_off else others
    n = people(subject)
    (number, noun), *_ = _counted(rf"^{EN_NUMBER} (officials?|participants?)\b", text, _EN)
    assert number == n, text
    assert noun == ("official" if n_off else "participant") + ("" if n == 1 else "s"), text
    first = text.split(". ")[0]
    w = women(subject)
    clause = _counted(rf" — {EN_NUMBER} of them (a woman|women) —", first, _EN)
    if "all of them women" in first:
        assert w == n > 1, text
    elif w and n > 1:
        assert clause == [(w, "a woman" if w == 1 else "women")], text
    else:
        assert not clause, text
    together = _counted(rf"together with {EN_NUMBER} (representatives?)\b", first, _EN)
    loose = _counted(rf"{EN_NUMBER} (other participants?)\b", first, _EN)
    if n_off:
        assert together == ([(n_reps, "representative" + "s" * (n_reps != 1))] if n_reps else [])
        assert loose == ([(n_loose, "other participant" + "s" * (n_loose != 1))] if n_loose else [])
    else:
        assert not together and not loose, text
        of_them = _counted(rf"\({EN_NUMBER} of (them) from", first, _EN)
        assert of_them in ([], [(n_reps, "them")]), text
        assert not of_them or n_loose, text
    if "representative" in text:
        assert n_reps, text
    online = sum(g.count for g in listed if g.mode == AttendanceMode.ONLINE)
    joined = _counted(rf"{EN_NUMBER} (participants?) joined online", text, _EN)
    if online and event_format != EventFormat.ONLINE:
        assert joined == [(online, "participant" + "s" * (online != 1))], text
    else:
        assert not joined, text


@settings(max_examples=300, deadline=None)
@given(groups(), FORMATS)
def test_russian_opening_agrees_with_the_figures(listed: list[Group], event_format) -> None:  # type: ignore[no-untyped-def]
    facts = _facts(listed, event_format)
    text = opening_sentences(facts, "ru")
    officials, others = facts.officials, facts.others
    n_off, n_others = people(officials), people(others)
    n_reps = people([g for g in others if g.organization_id is not None])
    n_loose = n_others - n_reps
    if n_off + n_others == 0:
        assert "не внесены" in text
        return
    singular = lambda k: k % 10 == 1 and k % 100 != 11  # noqa: E731
    if n_off:
        found = re.search(
            rf"(приняло|приняли) участие {RU_NUMBER} (должностное лицо|должностных лица|"
            r"должностных лиц)\b", text,
        )  # fmt: skip
        assert found, text
        verb, number, noun = found.groups()
        assert _value(number, _RU) == n_off, text
        assert noun == plural_ru(n_off, "должностное лицо", "должностных лица", "должностных лиц")
        if n_off < 10:
            assert number == number_ru(n_off, "n"), text  # одно, два (neuter)
        assert verb == ("приняло" if singular(n_off) and n_others == 0 else "приняли"), text
        subject = officials
    else:
        found = re.search(
            rf"(принял|приняли) участие {RU_NUMBER} (участник|участника|участников)\b", text
        )
        assert found, text
        verb, number, noun = found.groups()
        assert _value(number, _RU) == n_others, text
        assert noun == plural_ru(n_others, "участник", "участника", "участников"), text
        assert verb == ("принял" if singular(n_others) else "приняли"), text
        subject = others
    n, w = people(subject), women(subject)
    first = text.split(". ")[0]
    clause = _counted(rf"в том числе {RU_NUMBER} (женщина|женщины|женщин)\b", first, _RU)
    if "(все — женщины)" in first:
        assert w == n > 1, text
    elif w and n > 1:
        assert clause == [(w, plural_ru(w, "женщина", "женщины", "женщин"))], text
        if w < 10:
            assert re.search(rf"в том числе {re.escape(number_ru(w, 'f'))} ", first), text
    else:
        assert not clause, text
    reps = _counted(
        rf"а также {RU_NUMBER} (представитель|представителя|представителей)\b", first, _RU
    )
    loose = _counted(rf"{RU_NUMBER} (участник|участника|участников) без указания", first, _RU)
    if n_off:
        forms = ("представитель", "представителя", "представителей")
        assert reps == ([(n_reps, plural_ru(n_reps, *forms))] if n_reps else []), text
        forms = ("участник", "участника", "участников")
        assert loose == ([(n_loose, plural_ru(n_loose, *forms))] if n_loose else []), text
    else:
        assert not reps and not loose, text
    if "представител" in text:
        assert n_reps, text
    online = sum(g.count for g in listed if g.mode == AttendanceMode.ONLINE)
    joined = re.search(
        rf"{RU_NUMBER} (участник|участника|участников) (подключился|подключились) онлайн", text
    )
    if online and event_format != EventFormat.ONLINE:
        assert joined, text
        number, noun, verb = joined.groups()
        assert _value(number, _RU) == online
        assert noun == plural_ru(online, "участник", "участника", "участников"), text
        assert verb == ("подключился" if noun == "участник" else "подключились"), text
    else:
        assert not joined, text


def test_examples_the_issue_names() -> None:
    """ "together with two representatives" of people with no organisation recorded."""
    official = Group(Sex.MALE, "KZ", AGENCY["KZ"], AgencySector.BORDER,
                     OrganizationKind.NATIONAL_AGENCY, ParticipationRole.PARTICIPANT,
                     AttendanceMode.IN_PERSON, 3)  # fmt: skip
    nobody = Group(Sex.FEMALE, None, None, None, None, ParticipationRole.PARTICIPANT,
                   AttendanceMode.IN_PERSON, 2)  # fmt: skip
    text = opening_sentences(_facts([official, nobody], EventFormat.IN_PERSON), "en")
    assert "representative" not in text and "together with two other participants." in text
    ru = opening_sentences(_facts([official, nobody], EventFormat.IN_PERSON), "ru")
    assert "представител" not in ru and "а также два участника без указания организации" in ru
