"""Forms for aspirants, mentors and managers on the programme. The services check the rules."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from learning_records.programme.models import MentorLogEntry, ServiceProjectAgreement, ServiceProjectMilestone
from learning_records.programme.rules import RESIDENTIAL_DAYS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field if the form has it, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ProgrammeDayForm(forms.Form):
    activity_type = forms.ChoiceField(label="Activity", widget=forms.RadioSelect)
    date = forms.DateField(widget=DateInput, help_text="For the residential, the first of its two days.")
    days = forms.TypedChoiceField(
        label="How long",
        choices=[("1", "A whole day"), ("0.5", "Half a day")],
        coerce=Decimal,
        initial="1",
        widget=forms.RadioSelect,
        help_text=f"A residential always counts as {RESIDENTIAL_DAYS.normalize()} days, whatever you choose.",
    )
    place = forms.CharField(
        label="Place or authority",
        max_length=200,
        required=False,
        help_text="For example the mentor's authority, or the venue.",
    )
    what_happened = forms.CharField(
        label="What happened", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    what_i_learnt = forms.CharField(
        label="What I learnt", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, requirements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].choices = [
            (r.activity_type, r.get_activity_type_display()) for r in requirements
        ]
        if len(requirements) == 1:
            self.fields["activity_type"].initial = requirements[0].activity_type


class DayQueryForm(forms.Form):
    comment = forms.CharField(
        label="Your question for the aspirant",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Say what they should check or add. They are emailed and can change the day.",
    )


class MentorLogEntryForm(forms.ModelForm):
    duration_minutes = forms.IntegerField(
        label="Duration (minutes)", min_value=5, max_value=720, help_text="For example 60 for an hour."
    )

    class Meta:
        model = MentorLogEntry
        fields = ["date", "duration_minutes", "mode", "focus", "notes", "agreed_actions", "visibility"]
        widgets = {
            "date": DateInput,
            "mode": forms.RadioSelect,
            "visibility": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 4}),
            "agreed_actions": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "visibility": "Programme staff read entries only when you choose so here.",
            "agreed_actions": "What each of you will do before you next meet.",
        }

    def _post_clean(self):
        # The service validates and saves; skip ModelForm's own model validation of a half-built row.
        pass


class ServicePlanForm(forms.Form):
    title = forms.CharField(max_length=200)
    aim = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="What the project sets out to change."
    )
    need = forms.CharField(
        label="The need in your authority",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why your authority needs this now.",
    )
    planned_outcomes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="What will be different, and how you will know."
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label="Milestone", max_length=200)
    due_on = forms.DateField(label="Due by", widget=DateInput)
    status = forms.ChoiceField(
        choices=ServiceProjectMilestone.Status.choices, initial=ServiceProjectMilestone.Status.NOT_STARTED
    )


class BaseMilestoneFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not any(form.cleaned_data and not form.cleaned_data.get("DELETE") for form in self.forms):
            raise ValidationError("Add at least one milestone with a date.")


MilestoneFormSet = forms.formset_factory(
    MilestoneForm, formset=BaseMilestoneFormSet, extra=2, can_delete=True, max_num=20, validate_max=True
)


class AgreementForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[
            (ServiceProjectAgreement.Decision.AGREED, "I agree this plan"),
            (ServiceProjectAgreement.Decision.CHANGES_REQUESTED, "I would like changes"),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label="Comment",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Needed if you would like changes: say what should change.",
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == ServiceProjectAgreement.Decision.CHANGES_REQUESTED
            and not cleaned.get("comment", "").strip()
        ):
            self.add_error("comment", "Say what should change, so the aspirant can revise the plan.")
        return cleaned
