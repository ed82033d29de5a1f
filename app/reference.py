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

LANGUAGES = ("en", "ru")
E = TypeVar("E", bound=enum.Enum)

# English and Russian labels of every enumeration value.
_LABELS: dict[enum.Enum, tuple[str, str]] = {
    OrganizationKind.NATIONAL_AGENCY: ("National agency", "Государственное ведомство"),
    OrganizationKind.INTERNATIONAL_ORGANIZATION: (
        "International organisation",
        "Международная организация",
    ),
    OrganizationKind.DONOR_GOVERNMENT: ("Donor government", "Правительство-донор"),
    OrganizationKind.EMBASSY: ("Embassy", "Посольство"),
    OrganizationKind.NGO: ("NGO", "НПО"),
    OrganizationKind.ACADEMIC: ("Academic institution", "Учебное или научное учреждение"),
    OrganizationKind.PRIVATE: ("Private sector", "Частный сектор"),
    OrganizationKind.OTHER: ("Other", "Другое"),
    AgencySector.BORDER: ("Border", "Пограничная служба"),
    AgencySector.CUSTOMS: ("Customs", "Таможня"),
    AgencySector.MIGRATION: ("Migration", "Миграционная служба"),
    AgencySector.VETERINARY: ("Veterinary", "Ветеринарная служба"),
    AgencySector.PHYTOSANITARY: ("Phytosanitary", "Фитосанитарная служба"),
    AgencySector.SANITARY_EPIDEMIOLOGICAL: (
        "Sanitary-epidemiological",
        "Санитарно-эпидемиологическая служба",
    ),
    AgencySector.LAW_ENFORCEMENT: ("Law enforcement", "Правоохранительные органы"),
    AgencySector.DRUG_CONTROL: ("Drug control", "Контроль над наркотиками"),
    AgencySector.FOREIGN_AFFAIRS: ("Foreign affairs", "Иностранные дела"),
    AgencySector.OTHER: ("Other", "Другое"),
    Sex.FEMALE: ("Female", "Женский"),
    Sex.MALE: ("Male", "Мужской"),
    Sex.UNSPECIFIED: ("Unspecified", "Не указан"),
    EventType.SEMINAR: ("Seminar", "Семинар"),
    EventType.WORKSHOP: ("Workshop", "Семинар-практикум"),
    EventType.TRAINING_COURSE: ("Training course", "Учебный курс"),
    EventType.CONFERENCE: ("Conference", "Конференция"),
    EventType.ROUND_TABLE: ("Round table", "Круглый стол"),
    EventType.STUDY_VISIT: ("Study visit", "Ознакомительный визит"),
    EventType.ASSESSMENT_VISIT: ("Assessment visit", "Оценочный визит"),
    EventType.MEETING: ("Meeting", "Совещание"),
    EventType.EXERCISE: ("Exercise", "Учения"),
    EventType.OTHER: ("Other", "Другое"),
    EventFormat.IN_PERSON: ("In person", "Очно"),
    EventFormat.ONLINE: ("Online", "Онлайн"),
    EventFormat.HYBRID: ("Hybrid", "Смешанный формат"),
    EventScope.NATIONAL: ("National", "Национальный"),
    EventScope.REGIONAL: ("Regional", "Региональный"),
    EventScope.INTERNATIONAL: ("International", "Международный"),
    EventStatus.PLANNED: ("Planned", "Запланировано"),
    EventStatus.HELD: ("Held", "Проведено"),
    EventStatus.POSTPONED: ("Postponed", "Перенесено"),
    EventStatus.CANCELLED: ("Cancelled", "Отменено"),
    PartnerRole.ORGANIZER: ("Organiser", "Организатор"),
    PartnerRole.CO_ORGANIZER: ("Co-organiser", "Соорганизатор"),
    PartnerRole.DONOR: ("Donor", "Донор"),
    PartnerRole.EXPERT_PROVIDER: ("Expert provider", "Предоставление экспертов"),
    PartnerRole.HOST: ("Host", "Принимающая сторона"),
    PartnerRole.DELEGATION: ("Delegation", "Делегация"),
    PartnerRole.OBSERVER: ("Observer", "Наблюдатель"),
    ParticipationRole.PARTICIPANT: ("Participant", "Участник"),
    ParticipationRole.SPEAKER: ("Speaker", "Докладчик"),
    ParticipationRole.TRAINER: ("Trainer / expert", "Тренер / эксперт"),
    ParticipationRole.MODERATOR: ("Moderator", "Модератор"),
    ParticipationRole.ORGANIZER: ("Organiser", "Организатор"),
    ParticipationRole.OBSERVER: ("Observer", "Наблюдатель"),
    ParticipationRole.INTERPRETER: ("Interpreter", "Переводчик"),
    ParticipationStatus.INVITED: ("Invited", "Приглашён"),
    ParticipationStatus.REGISTERED: ("Registered", "Зарегистрирован"),
    ParticipationStatus.ATTENDED: ("Attended", "Участвовал"),
    ParticipationStatus.PARTIALLY_ATTENDED: ("Partially attended", "Участвовал частично"),
    ParticipationStatus.NO_SHOW: ("No-show", "Не явился"),
    ParticipationStatus.CANCELLED: ("Cancelled", "Отменено"),
    AttendanceMode.IN_PERSON: ("In person", "Очно"),
    AttendanceMode.ONLINE: ("Online", "Онлайн"),
    AuditAction.CREATE: ("Created", "Создано"),
    AuditAction.UPDATE: ("Changed", "Изменено"),
    AuditAction.DELETE: ("Deleted", "Удалено"),
    AuditAction.RESTORE: ("Restored", "Восстановлено"),
    AuditAction.MERGE: ("Merged", "Объединено"),
    AuditAction.IMPORT: ("Imported", "Импортировано"),
    AuditAction.ANONYMISE: ("Anonymised", "Обезличено"),
}


DATE_FORMAT = "%d.%m.%Y"  # how dates are shown everywhere: lists, fields, messages, reports


def show_date(value: dt.date | None) -> str:
    """DD.MM.YYYY (years below 1000 too, which strftime would not pad)."""
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}" if value else ""


def label(value: enum.Enum | None, lang: str = "en") -> str:
    """The user-facing name of an enumeration value in ``lang`` ("en" or "ru")."""
    if value is None:
        return ""
    english, russian = _LABELS[value]
    return russian if lang == "ru" else english


def choices(enum_cls: type[enum.Enum], lang: str = "en") -> list[tuple[enum.Enum, str]]:
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
        english, russian = _LABELS[member]
        if wanted in (_fold(str(member.value)), _fold(english), _fold(russian)):
            return member
    accepted = ", ".join(str(m.value) for m in enum_cls)
    raise ValueError(f"'{text}' is not one of: {accepted}")


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


def country_name(code: str | None, lang: str = "en") -> str:
    if not code:
        return ""
    country = countries().get(code.upper())
    return country.name(lang) if country else code


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
