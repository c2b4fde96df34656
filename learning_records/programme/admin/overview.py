"""The staff's cohort overview in the Wagtail admin: one row per aspirant, one column per
requirement, days done against needed, with filters and a CSV download. Registered as part of
the Programme menu group in `admin/viewsets.py`."""

import csv

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from cms.models import Phase
from learning_records.programme.models import Cohort, Enrolment
from learning_records.programme.selectors import cohort_overview


def can_view_overview(user) -> bool:
    return user.has_perm("learning_records.view_enrolment")


def plain(number) -> str:
    """5.0 -> '5', 2.5 -> '2.5', None -> ''; no exponent (Decimal('10').normalize() is 1E+1)."""
    return "" if number is None else f"{number.normalize():f}"


def csv_safe(value) -> str:
    """Stop a spreadsheet from running a name someone typed as a formula."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class OverviewFilterForm(forms.Form):
    q = forms.CharField(label="Search aspirants", required=False)
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *Enrolment.Status.choices]
    )
    phase = forms.ChoiceField(label="Phase", required=False, choices=[("", "Any phase"), *Phase.choices])


class CohortOverviewIndex(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Cohort overview"
    header_icon = "table"
    template_name = "learning_records/admin/cohort_overview_index.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_overview(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cohorts"] = Cohort.objects.select_related("programme").annotate(
            aspirant_count=Count("enrolments")
        )
        return context


class CohortOverview(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "table"
    template_name = "learning_records/admin/cohort_overview.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_overview(request.user):
            raise PermissionDenied
        self.cohort = get_object_or_404(Cohort.objects.select_related("programme"), pk=kwargs["pk"])
        self.filter_form = OverviewFilterForm(request.GET or None)
        self.requirements, self.rows = cohort_overview(
            cohort=self.cohort, enrolments=self.filtered_enrolments()
        )
        if request.GET.get("export") == "csv":
            return self.csv_response()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Cohort overview: {self.cohort.name}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("programme_overview:index"), "label": "Cohort overview"},
            {"url": "", "label": self.cohort.name},
        ]

    def filtered_enrolments(self):
        enrolments = Enrolment.objects.filter(cohort=self.cohort).order_by(
            "aspirant__last_name", "aspirant__first_name"
        )
        if self.filter_form.is_valid():
            data = self.filter_form.cleaned_data
            if data["status"]:
                enrolments = enrolments.filter(status=data["status"])
            if data["phase"]:
                enrolments = enrolments.filter(phase=data["phase"])
            for word in data["q"].split():
                enrolments = enrolments.filter(
                    Q(aspirant__first_name__icontains=word)
                    | Q(aspirant__last_name__icontains=word)
                    | Q(mentor__last_name__icontains=word)
                    | Q(mentor_name__icontains=word)
                )
        return enrolments

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query["export"] = "csv"
        context.update(
            {
                "cohort": self.cohort,
                "requirements": self.requirements,
                "rows": self.rows,
                "filter_form": self.filter_form,
                "csv_query": query.urlencode(),
                "mentor_log_url": reverse("programme_mentor_log:index"),
            }
        )
        return context

    def csv_response(self):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="cohort-overview-{slugify(self.cohort.name)}.csv"'
        )
        writer = csv.writer(response)
        heading = ["Aspirant", "Email", "Authority", "Mentor", "Mentor's authority", "Phase", "Status"]
        for requirement in self.requirements:
            label = f"{requirement.get_activity_type_display()} ({requirement.get_phase_display()})"
            heading += [f"{label}: done", f"{label}: confirmed", f"{label}: needed", f"{label}: at most"]
        writer.writerow([*heading, "Project plan"])
        for row in self.rows:
            e = row.enrolment
            values = [
                e.aspirant.display_name,
                e.aspirant.email,
                e.aspirant_organisation,
                e.mentor_label(),
                e.mentor_organisation,
                e.get_phase_display(),
                e.get_status_display(),
            ]
            for cell in row.cells:
                values += [
                    plain(cell.done),
                    plain(cell.confirmed),
                    plain(cell.min_days),
                    plain(cell.max_days),
                ]
            writer.writerow([csv_safe(v) for v in [*values, row.plan_status]])
        return response


class CohortOverviewViewSet(ViewSet):
    name = "programme_overview"
    icon = "table"
    menu_label = "Cohort overview"
    url_prefix = "programme/overview"

    def get_urlpatterns(self):
        return [
            path("", CohortOverviewIndex.as_view(), name="index"),
            path("<int:pk>/", CohortOverview.as_view(), name="cohort"),
        ]

    @property
    def menu_url(self):
        return reverse("programme_overview:index")

    @cached_property
    def menu_item_class(self):
        return type(
            "CohortOverviewMenuItem",
            (MenuItem,),
            {"is_shown": lambda _item, request: can_view_overview(request.user)},
        )
