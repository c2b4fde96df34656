"""Wagtail admin forms for page types whose rules involve related objects.

modelcluster assigns a ParentalManyToManyField to the page only when the form is saved, after
the model's clean() has run, so clean() sees the relation as it was before the edit. Rules on
those relations are therefore checked here, on the submitted value, and shown on the field.
"""

from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminPageForm

from cms.rules import partner_agency_count_error


class ChangeProjectPageForm(WagtailAdminPageForm):
    def clean_partner_agencies(self):
        agencies = self.cleaned_data["partner_agencies"]
        if message := partner_agency_count_error(len(agencies)):
            raise ValidationError(message)
        return agencies


def duplicate_requirement_message(activity_label: str, phase_label: str) -> str:
    return (
        f"There are two requirement rows for '{activity_label}' in the {phase_label.lower()}. "
        "Keep one row per activity and phase."
    )


class ProgrammePageForm(WagtailAdminPageForm):
    """Checks the requirement rows as submitted: one row per (activity, phase).

    The inline rows are written to the page after its clean() has run, so ProgrammePage.clean()
    sees the rows as they were. Rows marked for deletion are ignored; a duplicate is marked on
    its own row and summarised at the top of the form. Each row's minimum and maximum are checked
    by ProgrammeRequirement.clean(), shown on the row's maximum field.
    """

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("requirements")
        if formset is None or not formset.is_valid():
            return cleaned
        seen = set()
        for form in formset.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE") or not data.get("activity_type") or not data.get("phase"):
                continue
            key = (data["activity_type"], data["phase"])
            if key in seen:
                message = duplicate_requirement_message(
                    dict(form.fields["activity_type"].choices)[key[0]],
                    dict(form.fields["phase"].choices)[key[1]],
                )
                form.add_error("activity_type", message)
                self.add_error(None, message)
            seen.add(key)
        return cleaned
