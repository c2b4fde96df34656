"""Enrolments in the Wagtail admin. Staff edit who and where in the form; the phase and the
status change only through the actions below, each calling its service, where the rules live
(issue 13: the admin holds no rule of its own)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils.functional import cached_property

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput
from wagtail.admin.widgets.button import Button

from cms.models import Phase
from learning_records.common.admin import ServiceActionView
from learning_records.programme import services
from learning_records.programme.models import Enrolment

PEOPLE_FIELDS = [
    "aspirant",
    "cohort",
    "aspirant_organisation",
    "mentor",
    "mentor_organisation",
    "manager_name",
    "manager_email",
    "enrolled_on",
]
# Shown, never posted: the actions change them through the services.
STATE_FIELDS = ["phase", "in_role_started_on", "status", "ended_on", "status_note"]


class EnrolmentForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        # A new mentor (say, after the last one deleted their account) brings their own authority.
        mentor = cleaned.get("mentor")
        if (
            self.instance.pk
            and "mentor" in self.changed_data
            and "mentor_organisation" not in self.changed_data
            and mentor is not None
            and mentor.organisation_id
        ):
            cleaned["mentor_organisation"] = mentor.organisation
            self.instance.mentor_organisation = mentor.organisation
        return cleaned


class EnrolmentCreateView(CreateView):
    def save_instance(self):
        instance = services.enrol(**{name: self.form.cleaned_data[name] for name in PEOPLE_FIELDS})
        self.form.instance = instance
        return instance

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)


def action_buttons(view, enrolment) -> list[Button]:
    if not view.permission_policy.user_has_permission(view.request.user, "change"):
        return []
    namespace = view.index_url_name.rsplit(":", 1)[0]
    buttons = []
    for action in ENROLMENT_ACTIONS:
        if action.applies_to(enrolment):
            url = reverse(f"{namespace}:{action.url_name}", args=[enrolment.pk])
            buttons.append(
                Button(action.page_title, url=url, icon_name=action.icon, priority=action.priority)
            )
    return buttons


class EnrolmentEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *action_buttons(self, self.object)]


class EnrolmentIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super().get_base_queryset().select_related("aspirant", "mentor", "cohort", "mentor_organisation")
        )

    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), *action_buttons(self, instance)]


class EnrolmentActionView(ServiceActionView):
    model = Enrolment
    permission_required = "change"
    index_label = "Enrolments"
    icon = "user"
    priority = 50

    def get_queryset(self):
        return Enrolment.objects.with_people()

    def get_facts(self):
        enrolment = self.object
        return [
            ("Aspirant", enrolment.aspirant),
            ("Cohort", f"{enrolment.cohort} ({enrolment.cohort.programme})"),
            ("Mentor", enrolment.mentor_label()),
            ("Phase", enrolment.get_phase_display()),
            ("Status", enrolment.get_status_display()),
        ]

    def done(self, enrolment, message):
        messages.success(self.request, f"{enrolment.aspirant}: {message}")
        return enrolment


class MoveToInRoleForm(forms.Form):
    started_on = forms.DateField(
        label="Started in a practice leader role on",
        widget=AdminDateInput,
        help_text="The first day in the role. It must be after the preparatory phase ends.",
    )


class MoveToInRoleView(EnrolmentActionView):
    form_class = MoveToInRoleForm
    url_name = "move_to_in_role"
    page_title = "Move to the in-role phase"
    submit_label = "Move to the in-role phase"
    intro = "From this date the aspirant logs in-role days. Their preparatory record stays as it is."
    icon = "arrow-right"

    @staticmethod
    def applies_to(enrolment):
        return enrolment.status == Enrolment.Status.ACTIVE and enrolment.phase == Phase.PREPARATORY

    def perform(self, data):
        enrolment = services.move_to_in_role(enrolment=self.object, started_on=data["started_on"])
        return self.done(enrolment, "now in the in-role phase.")


class ReturnToPreparatoryView(EnrolmentActionView):
    form_class = forms.Form
    url_name = "return_to_preparatory"
    page_title = "Back to the preparatory phase"
    submit_label = "Move back to the preparatory phase"
    intro = "For a move made by mistake: refused once the aspirant has logged in-role days."
    icon = "arrow-left"
    priority = 51

    @staticmethod
    def applies_to(enrolment):
        return enrolment.status == Enrolment.Status.ACTIVE and enrolment.phase == Phase.IN_ROLE

    def perform(self, data):
        enrolment = services.return_to_preparatory(enrolment=self.object)
        return self.done(enrolment, "back in the preparatory phase.")


class EndEnrolmentForm(forms.Form):
    status = forms.ChoiceField(
        label="How it ended",
        choices=[
            (Enrolment.Status.COMPLETED, Enrolment.Status.COMPLETED.label),
            (Enrolment.Status.WITHDRAWN, Enrolment.Status.WITHDRAWN.label),
        ],
        widget=forms.RadioSelect,
    )
    on = forms.DateField(label="On", widget=AdminDateInput)
    note = forms.CharField(label="Note for staff", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class EndEnrolmentView(EnrolmentActionView):
    form_class = EndEnrolmentForm
    url_name = "end"
    page_title = "End the enrolment"
    submit_label = "End the enrolment"
    intro = "Nothing is deleted. The aspirant and mentor can no longer log days from this date."
    icon = "cross"
    priority = 52

    @staticmethod
    def applies_to(enrolment):
        return enrolment.status == Enrolment.Status.ACTIVE

    def perform(self, data):
        enrolment = services.end_enrolment(
            enrolment=self.object, status=data["status"], on=data["on"], note=data["note"]
        )
        return self.done(enrolment, f"enrolment {enrolment.get_status_display().lower()}.")


ENROLMENT_ACTIONS = (MoveToInRoleView, ReturnToPreparatoryView, EndEnrolmentView)


class EnrolmentViewSet(ModelViewSet):
    name = "programme_enrolments"
    model = Enrolment
    icon = "user"
    menu_label = "Enrolments"
    index_view_class = EnrolmentIndexView
    add_view_class = EnrolmentCreateView
    edit_view_class = EnrolmentEditView
    edit_handler = ObjectList(
        [
            *(FieldPanel(name) for name in PEOPLE_FIELDS),
            *(FieldPanel(name, read_only=True) for name in STATE_FIELDS),
        ],
        base_form_class=EnrolmentForm,
    )
    list_display = ["aspirant", "cohort", "mentor_label", "mentor_organisation", "phase", "status"]
    list_filter = ["cohort", "phase", "status", "mentor_organisation"]
    list_export = [
        "aspirant",
        "aspirant.email",
        "aspirant_organisation",
        "cohort",
        "mentor_label",
        "mentor_organisation",
        "manager_name",
        "manager_email",
        "phase",
        "status",
        "enrolled_on",
        "in_role_started_on",
        "ended_on",
    ]
    export_headings = {"aspirant.email": "Aspirant's email"}
    search_fields = [
        "aspirant__first_name",
        "aspirant__last_name",
        "aspirant__email",
        "mentor__last_name",
        "mentor_name",
    ]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            *(
                path(
                    f"{action.url_name.replace('_', '-')}/<int:pk>/",
                    action.as_view(
                        permission_policy=self.permission_policy,
                        index_url_name=self.get_url_name("index"),
                        object_url_name=self.get_url_name("edit"),
                    ),
                    name=action.url_name,
                )
                for action in ENROLMENT_ACTIONS
            ),
        ]
