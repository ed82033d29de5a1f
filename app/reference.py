"""Reference data, in one place: countries, OSCE fields of work and participating States, and the
English and Russian labels of every enumeration (event types, formats, agency sectors, roles…).

Nothing else in Convene keeps its own copy of these lists; forms, imports and reports ask here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import gettext
import re
from typing import TypeVar

import pycountry

from app.country_reading import find_country, former_country  # noqa: F401 (read here)
from app.i18n import N_, language, tr
from db.enums import (
    AgencySector,
    AttendanceMode,
    AuditAction,
    EventFormat,
    EventScope,
    EventStatus,
    EventType,
    OrganizationKind,
    ParticipationRole,
    ParticipationStatus,
    PartnerRole,
    Sex,
)

E = TypeVar("E", bound=enum.Enum)

# The English label of every enumeration value; the Russian is in the catalogue (app.i18n).
_LABELS: dict[enum.Enum, str] = {
    OrganizationKind.NATIONAL_AGENCY: N_("National agency"),
    OrganizationKind.INTERNATIONAL_ORGANIZATION: N_("International organisation"),
    OrganizationKind.DONOR_GOVERNMENT: N_("Donor government"),
    OrganizationKind.EMBASSY: N_("Embassy"),
    OrganizationKind.NGO: N_("NGO"),
    OrganizationKind.ACADEMIC: N_("Academic institution"),
    OrganizationKind.PRIVATE: N_("Private sector"),
    OrganizationKind.OTHER: N_("Other"),
    AgencySector.BORDER: N_("Border"),
    AgencySector.CUSTOMS: N_("Customs"),
    AgencySector.MIGRATION: N_("Migration"),
    AgencySector.VETERINARY: N_("Veterinary"),
    AgencySector.PHYTOSANITARY: N_("Phytosanitary"),
    AgencySector.SANITARY_EPIDEMIOLOGICAL: N_("Sanitary-epidemiological"),
    AgencySector.LAW_ENFORCEMENT: N_("Law enforcement"),
    AgencySector.DRUG_CONTROL: N_("Drug control"),
    AgencySector.FOREIGN_AFFAIRS: N_("Foreign affairs"),
    AgencySector.OTHER: N_("Other"),
    Sex.FEMALE: N_("Female"),
    Sex.MALE: N_("Male"),
    Sex.UNSPECIFIED: N_("Unspecified"),
    EventType.SEMINAR: N_("Seminar"),
    EventType.WORKSHOP: N_("Workshop"),
    EventType.TRAINING_COURSE: N_("Training course"),
    EventType.CONFERENCE: N_("Conference"),
    EventType.ROUND_TABLE: N_("Round table"),
    EventType.STUDY_VISIT: N_("Study visit"),
    EventType.ASSESSMENT_VISIT: N_("Assessment visit"),
    EventType.MEETING: N_("Meeting"),
    EventType.EXERCISE: N_("Exercise"),
    EventType.OTHER: N_("Other"),
    EventFormat.IN_PERSON: N_("In person"),
    EventFormat.ONLINE: N_("Online"),
    EventFormat.HYBRID: N_("Hybrid"),
    EventScope.NATIONAL: N_("National"),
    EventScope.REGIONAL: N_("Regional"),
    EventScope.INTERNATIONAL: N_("International"),
    EventStatus.PLANNED: N_("Planned"),
    EventStatus.HELD: N_("Held"),
    EventStatus.POSTPONED: N_("Postponed"),
    EventStatus.CANCELLED: N_("Cancelled"),
    PartnerRole.ORGANIZER: N_("Organiser"),
    PartnerRole.CO_ORGANIZER: N_("Co-organiser"),
    PartnerRole.DONOR: N_("Donor"),
    PartnerRole.EXPERT_PROVIDER: N_("Expert provider"),
    PartnerRole.HOST: N_("Host"),
    PartnerRole.DELEGATION: N_("Delegation"),
    PartnerRole.OBSERVER: N_("Observer"),
    ParticipationRole.PARTICIPANT: N_("Participant"),
    ParticipationRole.SPEAKER: N_("Speaker"),
    ParticipationRole.TRAINER: N_("Trainer / expert"),
    ParticipationRole.MODERATOR: N_("Moderator"),
    ParticipationRole.ORGANIZER: N_("Organiser"),
    ParticipationRole.OBSERVER: N_("Observer"),
    ParticipationRole.INTERPRETER: N_("Interpreter"),
    ParticipationStatus.INVITED: N_("Invited"),
    ParticipationStatus.REGISTERED: N_("Registered"),
    ParticipationStatus.ATTENDED: N_("Attended"),
    ParticipationStatus.PARTIALLY_ATTENDED: N_("Partially attended"),
    ParticipationStatus.NO_SHOW: N_("No-show"),
    ParticipationStatus.CANCELLED: N_("Cancelled"),
    AttendanceMode.IN_PERSON: N_("In person"),
    AttendanceMode.ONLINE: N_("Online"),
    AuditAction.CREATE: N_("Created"),
    AuditAction.UPDATE: N_("Changed"),
    AuditAction.DELETE: N_("Deleted"),
    AuditAction.RESTORE: N_("Restored"),
    AuditAction.MERGE: N_("Merged"),
    AuditAction.IMPORT: N_("Imported"),
    AuditAction.ANONYMISE: N_("Anonymised"),
}


# How a reported head-count is marked where a count of listed participants would be ("15 (reported)").
REPORTED_SUFFIX = N_(" (reported)")

DATE_FORMAT = "%d.%m.%Y"  # how dates are shown everywhere: lists, fields, messages, reports


def show_date(value: dt.date | None) -> str:
    """DD.MM.YYYY (years below 1000 too, which strftime would not pad)."""
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}" if value else ""


def label(value: enum.Enum | None, lang: str | None = None) -> str:
    """The user-facing name of an enumeration value in ``lang`` ("en" or "ru"; by default the
    current language of ``app.i18n``)."""
    if value is None:
        return ""
    return tr(_LABELS[value], lang=lang)


def choices(enum_cls: type[enum.Enum], lang: str | None = None) -> list[tuple[enum.Enum, str]]:
    """Every value of ``enum_cls`` with its label, in declaration order (for combo boxes)."""
    return [(member, label(member, lang)) for member in enum_cls]


def _fold(text: str) -> str:
    return re.sub(r"[\s.\-_'’]+", " ", text.casefold().replace("ё", "е")).strip()


def parse_enum(enum_cls: type[E], text: str | E) -> E:
    """Read an enumeration value from its stored value or its English or Russian label.

    Raises ValueError with a message naming the accepted values.
    """
    if isinstance(text, enum_cls):
        return text
    wanted = _fold(str(text))
    for member in enum_cls:
        english, russian = _LABELS[member], tr(_LABELS[member], lang="ru")
        if wanted in (_fold(str(member.value)), _fold(english), _fold(russian)):
            return member
    accepted = ", ".join(str(m.value) for m in enum_cls)
    raise ValueError(tr("'{text}' is not one of: {accepted}").format(text=text, accepted=accepted))


# --- Countries -----------------------------------------------------------------------------------

CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")

# The 57 participating States of the OSCE (ISO 3166 alpha-2).
OSCE_PARTICIPATING_STATES = frozenset(
    [
        "AL",
        "AD",
        "AM",
        "AT",
        "AZ",
        "BY",
        "BE",
        "BA",
        "BG",
        "CA",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "GE",
        "DE",
        "GR",
        "VA",
        "HU",
        "IS",
        "IE",
        "IT",
        "KZ",
        "KG",
        "LV",
        "LI",
        "LT",
        "LU",
        "MT",
        "MD",
        "MC",
        "MN",
        "ME",
        "NL",
        "MK",
        "NO",
        "PL",
        "PT",
        "RO",
        "RU",
        "SM",
        "RS",
        "SK",
        "SI",
        "ES",
        "SE",
        "CH",
        "TJ",
        "TR",
        "TM",
        "UA",
        "GB",
        "US",
        "UZ",
    ]
)

# Where the iso-codes Russian names differ from the usage of the region's own governments.
_RUSSIAN_NAME_OVERRIDES = {"KG": "Кыргызстан", "MD": "Молдова", "BY": "Беларусь"}
_RUSSIAN_OFFICIAL_OVERRIDES = {"KG": "Кыргызская Республика"}
_ENGLISH_NAME_OVERRIDES = {"MD": "Moldova", "RU": "Russian Federation", "VA": "Holy See"}


@dataclasses.dataclass(frozen=True)
class Country:
    code: str
    alpha3: str
    name_en: str
    name_ru: str
    official_en: str
    official_ru: str

    def name(self, lang: str = "en") -> str:
        return self.name_ru if lang == "ru" else self.name_en


@functools.cache
def countries() -> dict[str, Country]:
    """Every ISO 3166 country by alpha-2 code, with English and Russian names."""
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    result = {}
    for c in pycountry.countries:
        name_en = _ENGLISH_NAME_OVERRIDES.get(c.alpha_2, getattr(c, "common_name", c.name))
        official_en = getattr(c, "official_name", c.name)
        result[c.alpha_2] = Country(
            code=c.alpha_2,
            alpha3=c.alpha_3,
            name_en=name_en,
            name_ru=_RUSSIAN_NAME_OVERRIDES.get(c.alpha_2, russian.gettext(c.name)),
            official_en=official_en,
            official_ru=_RUSSIAN_OFFICIAL_OVERRIDES.get(c.alpha_2, russian.gettext(official_en)),
        )
    return result


def country_name(code: str | None, lang: str | None = None) -> str:
    """A country's short name in ``lang`` (by default the current language of ``app.i18n``)."""
    if not code:
        return ""
    country = countries().get(code.upper())
    return country.name(lang or language()) if country else code


# --- OSCE fields of work -----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class FieldOfWorkRef:
    code: str
    name_en: str
    name_ru: str

    def name(self, lang: str = "en") -> str:
        return self.name_ru if lang == "ru" else self.name_en


# As listed on osce.org under "Fields of work".
FIELDS_OF_WORK: tuple[FieldOfWorkRef, ...] = (
    FieldOfWorkRef("arms_control", "Arms control", "Контроль над вооружениями"),
    FieldOfWorkRef("border_management", "Border management", "Управление границами"),
    FieldOfWorkRef(
        "combating_trafficking",
        "Combating trafficking in human beings",
        "Борьба с торговлей людьми",
    ),
    FieldOfWorkRef(
        "conflict_prevention",
        "Conflict prevention and resolution",
        "Предотвращение и урегулирование конфликтов",
    ),
    FieldOfWorkRef("countering_terrorism", "Countering terrorism", "Противодействие терроризму"),
    FieldOfWorkRef("cyber_ict_security", "Cyber/ICT security", "Кибер/ИКТ-безопасность"),
    FieldOfWorkRef("democratization", "Democratization", "Демократизация"),
    FieldOfWorkRef("economic_activities", "Economic activities", "Экономическая деятельность"),
    FieldOfWorkRef("education", "Education", "Образование"),
    FieldOfWorkRef("elections", "Elections", "Выборы"),
    FieldOfWorkRef(
        "environmental_activities", "Environmental activities", "Природоохранная деятельность"
    ),
    FieldOfWorkRef("gender_equality", "Gender equality", "Гендерное равенство"),
    FieldOfWorkRef("good_governance", "Good governance", "Благое управление"),
    FieldOfWorkRef("human_rights", "Human rights", "Права человека"),
    FieldOfWorkRef("media_freedom", "Media freedom and development", "Свобода и развитие СМИ"),
    FieldOfWorkRef("migration", "Migration", "Миграция"),
    FieldOfWorkRef(
        "national_minorities", "National minority issues", "Вопросы национальных меньшинств"
    ),
    FieldOfWorkRef("policing", "Policing", "Полицейская деятельность"),
    FieldOfWorkRef(
        "security_sector_reform",
        "Reform and co-operation in the security sector",
        "Реформа и сотрудничество в секторе безопасности",
    ),
    FieldOfWorkRef("roma_and_sinti", "Roma and Sinti", "Рома и синти"),
    FieldOfWorkRef("rule_of_law", "Rule of law", "Верховенство права"),
    FieldOfWorkRef(
        "tolerance_non_discrimination",
        "Tolerance and non-discrimination",
        "Толерантность и недискриминация",
    ),
    FieldOfWorkRef("youth", "Youth", "Молодёжь"),
)

FIELDS_OF_WORK_BY_CODE = {f.code: f for f in FIELDS_OF_WORK}


def event_title(title: str, title_ru: str | None, lang: str | None = None) -> str:
    """An event's title in ``lang`` (by default the current language): the Russian one in
    Russian where there is one, else the English."""
    return (title_ru or title) if (lang or language()) == "ru" else title
