"""The staff report in the Wagtail admin (registered in wagtail_hooks.py)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from learning_records.common.spreadsheets import csv_download
from learning_records.cpd import rules
from learning_records.cpd.models import CPDRecord
from learning_records.cpd.reports import CSV_HEADINGS, cpd_activity, csv_row
from members.models import Organisation

PERMISSION = "learning_records.view_cpd_report"
NONE_VALUE = "none"


class ReportFilterForm(forms.Form):
    organisation = forms.ChoiceField(required=False)
    year = forms.ChoiceField(label="Registration year", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [
            ("", "All organisations"),
            (NONE_VALUE, "No organisation given"),
            *[(str(pk), name) for pk, name in Organisation.objects.values_list("pk", "name")],
        ]
        years = (
            CPDRecord.objects.exclude(registration_year__isnull=True)
            .values_list("registration_year", flat=True)
            .distinct()
            .order_by("-registration_year")
        )
        self.fields["year"].choices = [
            ("", "All years"),
            *[(rules.year_name(y), rules.year_name(y)) for y in years],
        ]


class CPDReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "learning_records/admin/cpd_report.html"
    page_title = "CPD activity"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "CPD activity"}]

    def rows(self):
        form = ReportFilterForm(self.request.GET or None)
        organisation = self.request.GET.get("organisation", "")
        year = rules.parse_year_name(self.request.GET.get("year", ""))
        organisation_id = int(organisation) if organisation.isdigit() else None
        rows = cpd_activity(
            today=timezone.localdate(),
            organisation_id=organisation_id,
            no_organisation=organisation == NONE_VALUE,
            year=year,
        )
        return form, rows

    def get(self, request, *args, **kwargs):
        form, rows = self.rows()
        if request.GET.get("export") == "csv":
            return self.csv_response(rows)
        query = request.GET.copy()
        query["export"] = "csv"
        return self.render_to_response(
            self.get_context_data(
                form=form, rows=rows, csv_url=f"{reverse('cpd_report')}?{query.urlencode()}"
            )
        )

    def csv_response(self, rows):
        filename = f"cpd-activity-{timezone.localdate():%Y-%m-%d}.csv"
        return csv_download(filename, CSV_HEADINGS, (csv_row(row) for row in rows))
