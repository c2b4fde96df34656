from collections import defaultdict

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from cms.models import Framework, Statement
from learning_records.cpd import rules
from learning_records.cpd.evidence import ACCEPT_ATTRIBUTE, WHAT_IS_ALLOWED
from learning_records.cpd.models import CPDRecord
from learning_records.cpd.services import RECORD_FIELDS

CONFIRMED_HELP = "Confirmed by the provider from its register: you cannot change it."
TEXT_LIMIT = 10_000  # characters per long answer: generous for reflection, refuses pasted books


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class CPDRecordForm(forms.ModelForm):
    """Every field is optional here but the title; the submit rules live in cpd.rules and are
    applied by the services, so a draft can be saved at any point."""

    hours = forms.DecimalField(
        required=False,
        help_text="Time spent learning, to the nearest half hour, e.g. 3.5.",
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    statements = forms.ModelMultipleChoiceField(
        queryset=Statement.objects.none(),
        required=False,
        label="Standards it evidences",
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick the statements this learning helps you meet.",
    )

    class Meta:
        model = CPDRecord
        fields = [*RECORD_FIELDS, "statements"]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "peer_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "learning": forms.Textarea(attrs={"rows": 6}),
            "impact": forms.Textarea(attrs={"rows": 6}),
            "peer_learning": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {"start_date": "Date (or start date)", "end_date": "End date"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("description", "learning", "impact", "peer_learning"):
            self.fields[name].max_length = TEXT_LIMIT
            self.fields[name].validators.append(MaxLengthValidator(TEXT_LIMIT))
        self.fields["title"].widget.attrs["autocomplete"] = "off"
        self.fields["title"].error_messages["required"] = "Give the record a title, so you can find it again."
        self.fields["activity_type"].choices = [("", "Choose a type")] + list(
            self.fields["activity_type"].choices
        )[1:]
        self.fields["peer_role"].choices = [("", "Choose a role")] + list(self.fields["peer_role"].choices)[
            1:
        ]
        self.fields["statements"].queryset = self._statement_queryset()
        if self.instance.provider_confirmed:
            # Shown but not editable; a disabled field ignores whatever is posted for it.
            for name in rules.CONFIRMED_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = CONFIRMED_HELP

    @property
    def confirmed_fields(self) -> tuple[str, ...]:
        return rules.CONFIRMED_FIELDS if self.instance.provider_confirmed else ()

    def clean(self):
        cleaned = super().clean()
        start, end, hours = cleaned.get("start_date"), cleaned.get("end_date"), cleaned.get("hours")
        if message := rules.dates_problem(start, end):
            self.add_error("end_date", message)
        if message := rules.hours_problem(hours, start, end):
            self.add_error("hours", message)
        return cleaned

    def _statement_queryset(self):
        # Current frameworks, plus any older statements this record already evidences.
        wanted = Q(framework__in=Framework.objects.current_on(timezone.localdate()))
        if self.instance.pk:
            wanted |= Q(pk__in=self.instance.statements.values("pk"))
        return (
            Statement.objects.filter(wanted)
            .select_related("framework")
            .order_by("framework__name", "framework_id", "sort_order", "pk")
        )

    def statement_groups(self):
        """[(framework, [(checkbox, statement), ...]), ...] to render a fieldset per framework."""
        groups = defaultdict(list)
        for checkbox in self["statements"]:
            statement = checkbox.data["value"].instance
            groups[statement.framework].append((checkbox, statement))
        return list(groups.items())


class EvidenceForm(forms.Form):
    file = forms.FileField(label="File", widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
    description = forms.CharField(
        max_length=200,
        required=False,
        help_text="Optional: what this file shows, e.g. 'Certificate of attendance'.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.CPD_EVIDENCE_MAX_BYTES)
        self.fields["file"].help_text = f"{WHAT_IS_ALLOWED[0].upper()}{WHAT_IS_ALLOWED[1:]}, up to {limit}."
