"""Every enumeration of the domain model, in one place.

Values are stored in the database as the lower-case ``value`` strings, so they read well in SQL
and in JSON output; user-facing labels (English and Russian) live in ``app.reference``.
"""

from __future__ import annotations

import enum

StrEnum = enum.StrEnum  # str() of a member is its stored value


class OrganizationKind(StrEnum):
    NATIONAL_AGENCY = "national_agency"
    INTERNATIONAL_ORGANIZATION = "international_organization"
    DONOR_GOVERNMENT = "donor_government"
    EMBASSY = "embassy"
    NGO = "ngo"
    ACADEMIC = "academic"
    PRIVATE = "private"
    OTHER = "other"


class AgencySector(StrEnum):
    BORDER = "border"
    CUSTOMS = "customs"
    MIGRATION = "migration"
    VETERINARY = "veterinary"
    PHYTOSANITARY = "phytosanitary"
    SANITARY_EPIDEMIOLOGICAL = "sanitary_epidemiological"
    LAW_ENFORCEMENT = "law_enforcement"
    DRUG_CONTROL = "drug_control"
    FOREIGN_AFFAIRS = "foreign_affairs"
    OTHER = "other"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNSPECIFIED = "unspecified"


class EventType(StrEnum):
    SEMINAR = "seminar"
    WORKSHOP = "workshop"
    TRAINING_COURSE = "training_course"
    CONFERENCE = "conference"
    ROUND_TABLE = "round_table"
    STUDY_VISIT = "study_visit"
    ASSESSMENT_VISIT = "assessment_visit"
    MEETING = "meeting"
    EXERCISE = "exercise"
    OTHER = "other"


class EventFormat(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class EventScope(StrEnum):
    NATIONAL = "national"
    REGIONAL = "regional"
    INTERNATIONAL = "international"


class EventStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class PartnerRole(StrEnum):
    ORGANIZER = "organizer"
    CO_ORGANIZER = "co_organizer"
    DONOR = "donor"
    EXPERT_PROVIDER = "expert_provider"
    HOST = "host"
    DELEGATION = "delegation"
    OBSERVER = "observer"


class ParticipationRole(StrEnum):
    PARTICIPANT = "participant"
    SPEAKER = "speaker"
    TRAINER = "trainer"
    MODERATOR = "moderator"
    ORGANIZER = "organizer"
    OBSERVER = "observer"
    INTERPRETER = "interpreter"


class ParticipationStatus(StrEnum):
    INVITED = "invited"
    REGISTERED = "registered"
    ATTENDED = "attended"
    PARTIALLY_ATTENDED = "partially_attended"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class AttendanceMode(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"
    MERGE = "merge"
    IMPORT = "import"
    ANONYMISE = "anonymise"


# Statuses that count as having taken part, for figures and reports.
ATTENDED_STATUSES = (ParticipationStatus.ATTENDED, ParticipationStatus.PARTIALLY_ATTENDED)
