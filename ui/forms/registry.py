"""Which form edits which kind of record (by list name)."""

from __future__ import annotations

from ui.forms.event_form import EventForm
from ui.forms.organization_form import OrganizationForm
from ui.forms.person_form import PersonForm
from ui.forms.project_form import ProjectForm

FORMS = {
    "events": EventForm,
    "people": PersonForm,
    "organizations": OrganizationForm,
    "projects": ProjectForm,
}
