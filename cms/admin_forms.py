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
