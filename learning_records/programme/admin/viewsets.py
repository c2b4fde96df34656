"""Programme staff in the Wagtail admin: cohorts, enrolments (admin/enrolments.py), days, shared
mentor log entries and the cohort overview (with CSV download). The "Programme staff" group's
permissions come from `learning_records/migrations/0003_programme_staff_group.py`.
"""

from django import forms
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import path

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from learning_records.programme.models import Cohort, MentorLogEntry, ProgrammeDay
from members.models import User

from .enrolments import EnrolmentViewSet
from .overview import CohortOverviewViewSet

PROGRAMME_STAFF_GROUP = "Programme staff"


class CohortForm(WagtailAdminModelForm):
    class Meta:
        model = Cohort
        fields = ["programme", "name", "start", "preparatory_end", "staff_contacts"]
        widgets = {"staff_contacts": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff_contacts"].queryset = User.objects.filter(
            groups__name=PROGRAMME_STAFF_GROUP, is_active=True
        ).order_by("last_name", "first_name")


class CohortIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("programme")
            .annotate(aspirant_count=Count("enrolments"))
        )


class CohortViewSet(ModelViewSet):
    name = "programme_cohorts"
    model = Cohort
    form_fields = ["programme", "name", "start", "preparatory_end", "staff_contacts"]
    icon = "group"
    menu_label = "Cohorts"
    index_view_class = CohortIndexView
    list_display = ["name", "programme", "start", "preparatory_end", "aspirant_count"]
    list_filter = ["programme"]
    list_export = ["name", "programme", "start", "preparatory_end", "aspirant_count"]
    export_headings = {"aspirant_count": "Aspirants", "preparatory_end": "End of the preparatory phase"}
    search_fields = ["name"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return CohortForm


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Days and mentor log entries are written by aspirants and mentors through the services,
    never in the admin, so nobody (not even a superuser) gets add, change or delete here."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


WRITE_URL_NAMES = ("add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name")


class ReadOnlyViewSet(ModelViewSet):
    inspect_view_enabled = True
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **dict.fromkeys(WRITE_URL_NAMES),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


class ProgrammeDayIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("enrolment__aspirant", "enrolment__cohort")


class ProgrammeDayViewSet(ReadOnlyViewSet):
    name = "programme_days"
    model = ProgrammeDay
    icon = "date"
    menu_label = "Programme days"
    index_view_class = ProgrammeDayIndexView
    list_display = ["date", "enrolment", "activity_type", "days", "status"]
    list_filter = ["status", "activity_type", "phase", "enrolment__cohort"]
    list_export = ["enrolment", "phase", "activity_type", "date", "days", "place", "status", "query_comment"]
    search_fields = ["enrolment__aspirant__first_name", "enrolment__aspirant__last_name", "place"]
    inspect_view_fields = [
        "enrolment",
        "phase",
        "activity_type",
        "date",
        "days",
        "place",
        "what_happened",
        "what_i_learnt",
        "mentor_joined_on_day",
        "status",
        "query_comment",
        "reviewed_at",
    ]


class SharedMentorLogIndexView(IndexView):
    def get_base_queryset(self):
        return MentorLogEntry.objects.visible_to_staff().select_related(
            "enrolment__aspirant", "enrolment__cohort"
        )


class SharedMentorLogInspectView(InspectView):
    def get_object(self, queryset=None):
        # An entry the mentor kept between the pair is not found here, whoever asks.
        return get_object_or_404(MentorLogEntry.objects.visible_to_staff(), pk=self.pk)


class MentorLogViewSet(ReadOnlyViewSet):
    name = "programme_mentor_log"
    model = MentorLogEntry
    icon = "comment"
    menu_label = "Mentor log (shared)"
    index_view_class = SharedMentorLogIndexView
    inspect_view_class = SharedMentorLogInspectView
    list_display = ["date", "enrolment", "focus", "mode", "duration_minutes"]
    list_filter = ["mode", "phase", "enrolment__cohort"]
    list_export = [
        "enrolment",
        "phase",
        "date",
        "duration_minutes",
        "mode",
        "focus",
        "notes",
        "agreed_actions",
    ]
    search_fields = ["focus", "enrolment__aspirant__last_name"]
    inspect_view_fields = [
        "enrolment",
        "phase",
        "date",
        "duration_minutes",
        "mode",
        "focus",
        "notes",
        "agreed_actions",
    ]


class ProgrammeGroup(ViewSetGroup):
    menu_label = "Programme"
    menu_icon = "group"
    menu_order = 250
    items = (
        CohortOverviewViewSet,
        CohortViewSet,
        EnrolmentViewSet,
        ProgrammeDayViewSet,
        MentorLogViewSet,
    )
