"""The member's dashboard at /my/ and CPD records at /my/records/ (namespace "records")."""

from django.urls import path

from learning_records.cpd.views import files as cpd_files
from learning_records.cpd.views import records as cpd
from learning_records.cpd.views import years as cpd_years

app_name = "records"

urlpatterns = [
    path("", cpd.dashboard, name="dashboard"),
    path("records/", cpd.record_list, name="list"),
    path("records/new/", cpd.record_create, name="create"),
    path("records/new/autosave/", cpd.record_autosave, name="autosave_new"),
    path("records/export.csv", cpd_files.export_csv, name="export_csv"),
    path("records/standards/", cpd_years.standards, name="standards"),
    path("records/years/<str:year>/", cpd_years.year_detail, name="year"),
    path("records/years/<str:year>/print/", cpd_years.year_print, name="year_print"),
    path("records/<int:pk>/", cpd.record_detail, name="detail"),
    path("records/<int:pk>/edit/", cpd.record_edit, name="edit"),
    path("records/<int:pk>/autosave/", cpd.record_autosave, name="autosave"),
    path("records/<int:pk>/delete/", cpd.record_delete, name="delete"),
    path("records/<int:pk>/evidence/", cpd_files.evidence_add, name="evidence_add"),
    path(
        "records/<int:pk>/evidence/<int:evidence_pk>/", cpd_files.evidence_download, name="evidence_download"
    ),
    path(
        "records/<int:pk>/evidence/<int:evidence_pk>/delete/",
        cpd_files.evidence_delete,
        name="evidence_delete",
    ),
]
