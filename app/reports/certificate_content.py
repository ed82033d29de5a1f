"""What a certificate of attendance states, in English and Russian: the words of the page, the
person's name in the script of the language, the event's title, place and dates in the
language, and its organisers and donors. Painted by ``app.reports.certificates``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.reports import labels
from app.reports.words import date_span, join_words
from db.enums import EventType, PartnerRole, Sex
from db.models import Certificate, Event, EventPartner, Organization, Participation, Person

# Every word a certificate prints, in English and Russian.
_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Certificate of Attendance", "Сертификат об участии"),
    "certify": ("This is to certify that", "Настоящим удостоверяется, что"),
    "took_part": ("took part in the {kind}", "{verb} участие в {kind}"),
    "organised_by": ("Organised by {names}", "Организатор: {names}"),
    "organised_by_many": ("Organised by {names}", "Организаторы: {names}"),
    "supported_by": ("With the support of {names}", "При поддержке: {names}"),
    "number": ("Certificate No. {number}", "Сертификат № {number}"),
    "code": ("Verification code: {code}", "Код проверки: {code}"),
    "specimen": ("(number given on printing)", "(номер присваивается при печати)"),
    "signature": ("Signature", "Подпись"),
    "document": ("Certificates of attendance", "Сертификаты об участии"),
}

# "… took part in the training course" / "… принял участие в учебном курсе" (prepositional).
_KINDS: dict[EventType, tuple[str, str]] = {
    EventType.SEMINAR: ("seminar", "семинаре"),
    EventType.WORKSHOP: ("workshop", "практическом семинаре"),
    EventType.TRAINING_COURSE: ("training course", "учебном курсе"),
    EventType.CONFERENCE: ("conference", "конференции"),
    EventType.ROUND_TABLE: ("round table", "круглом столе"),
    EventType.STUDY_VISIT: ("study visit", "ознакомительном визите"),
    EventType.ASSESSMENT_VISIT: ("assessment visit", "оценочном визите"),
    EventType.MEETING: ("meeting", "совещании"),
    EventType.EXERCISE: ("exercise", "учениях"),
    EventType.OTHER: ("event", "мероприятии"),
}
_VERBS_RU = {Sex.FEMALE: "приняла", Sex.MALE: "принял", Sex.UNSPECIFIED: "принял(а)"}


def word(key: str, lang: str, **values: object) -> str:
    english, russian = _WORDS[key]
    text = russian if lang == "ru" else english
    return text.format(**values) if values else text


@dataclasses.dataclass(frozen=True)
class CertificateContent:
    """What one person's certificate states, in both languages."""

    family_name: str | None
    given_name: str | None
    family_name_local: str | None
    given_name_local: str | None
    patronymic_local: str | None
    sex: Sex
    event_type: EventType
    title: str
    title_ru: str | None
    start_date: dt.date
    end_date: dt.date
    city: str | None
    country: str | None
    organisers: tuple[tuple[str, str], ...]  # (English, Russian) names
    donors: tuple[tuple[str, str], ...]
    signatory_name: str | None
    signatory_title: str | None
    number: str | None  # None: a preview of a certificate not issued yet
    code: str | None

    def name(self, lang: str) -> str:
        """The name in the script of ``lang``: Latin "Given Family" in English; as written
        locally "Family Given Patronymic" in Russian; the other where one is missing."""
        latin = " ".join(p for p in (self.given_name, self.family_name) if p)
        local = " ".join(
            p for p in (self.family_name_local, self.given_name_local, self.patronymic_local) if p
        )
        return (local or latin) if lang == "ru" else (latin or local)

    def event_title(self, lang: str) -> str:
        return (self.title_ru or self.title) if lang == "ru" else self.title

    def place_and_dates(self, lang: str) -> str:
        place = ", ".join(
            p
            for p in (
                labels.city(self.city, lang),
                labels.country(self.country, lang) if self.country else "",
            )
            if p
        )
        dates = date_span(self.start_date, self.end_date, lang)
        return f"{place} · {dates}" if place else dates

    def took_part(self, lang: str) -> str:
        english, russian = _KINDS[self.event_type]
        if lang == "ru":
            return word("took_part", lang, verb=_VERBS_RU[self.sex], kind=russian)
        return word("took_part", lang, kind=english)


def _body_names(
    session: Session, event: Event, roles: Sequence[PartnerRole]
) -> tuple[tuple[str, str], ...]:
    """The (English, Russian) names of the event's partners in ``roles``, in the order of the
    roles, then by name."""
    order = sa.case({role: i for i, role in enumerate(roles)}, value=EventPartner.role)
    rows = session.scalars(
        sa.select(Organization)
        .join(EventPartner, EventPartner.organization_id == Organization.id)
        .where(
            EventPartner.event_id == event.id,
            EventPartner.deleted_at.is_(None),
            EventPartner.role.in_(roles),
            Organization.deleted_at.is_(None),
        )
        .order_by(order, Organization.name)
    ).all()
    return tuple(
        (org.name, labels.organisation_name(org.name, org.name_local, "ru")) for org in rows
    )


def certificate_contents(
    session: Session,
    event: Event,
    participations: Sequence[Participation],
    issued: dict[object, Certificate] | None = None,
) -> list[CertificateContent]:
    """The certificates of ``participations`` in ``event``; ``issued`` maps a participation id
    to its certificate (a participation without one is shown with no number: a preview)."""
    organisers = _body_names(session, event, (PartnerRole.ORGANIZER, PartnerRole.CO_ORGANIZER))
    donors = _body_names(session, event, (PartnerRole.DONOR,))
    issued = issued or {}
    contents = []
    for participation in participations:
        person: Person = participation.person
        certificate = issued.get(participation.id)
        contents.append(
            CertificateContent(
                family_name=person.family_name,
                given_name=person.given_name,
                family_name_local=person.family_name_local,
                given_name_local=person.given_name_local,
                patronymic_local=person.patronymic_local,
                sex=person.sex,
                event_type=event.type,
                title=event.title,
                title_ru=event.title_ru,
                start_date=event.start_date,
                end_date=event.end_date,
                city=event.city,
                country=event.country,
                organisers=organisers,
                donors=donors,
                signatory_name=event.signatory_name,
                signatory_title=event.signatory_title,
                number=certificate.number if certificate is not None else None,
                code=certificate.code if certificate is not None else None,
            )
        )
    return contents


def bodies(names: Sequence[tuple[str, str]], lang: str) -> str:
    """Organisations as the sentence lists them: "the OSCE Centre in Ashgabat and the European
    Union" / "Центр ОБСЕ в Ашхабаде, Европейский союз" (after a colon in Russian)."""
    if lang == "ru":
        return ", ".join(ru for _en, ru in names)
    return join_words([en if en[:4].lower() == "the " else f"the {en}" for en, _ru in names], "en")
