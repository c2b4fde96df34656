"""Sorting learning_records by domain moved modules, not tables: one app, the same migrations and
the same table names, so an existing database needs nothing new (issue 13). New domains add
their tables and migrations here."""

import pytest

from django.apps import apps
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader

TABLES = {
    "Attendance": "learning_records_attendance",  # the registers of course cohorts (issue 11), 0009
    "Booking": "learning_records_booking",  # added by the bookings domain (issue 11), 0007
    "CalendarFeed": "learning_records_calendarfeed",  # a private calendar feed (issue 11), 0010
    "Certificate": "learning_records_certificate",
    "CertificateSerialCounter": "learning_records_certificateserialcounter",
    "Cohort": "learning_records_cohort",
    "CPDRecord": "learning_records_cpdrecord",
    "Enrolment": "learning_records_enrolment",
    "EvidenceFile": "learning_records_evidencefile",
    "MentorLogEntry": "learning_records_mentorlogentry",
    "ProgrammeDay": "learning_records_programmeday",
    "ServiceProject": "learning_records_serviceproject",
    "ServiceProjectAgreement": "learning_records_serviceprojectagreement",
    "ServiceProjectMilestone": "learning_records_serviceprojectmilestone",
    "ServiceProjectVersion": "learning_records_serviceprojectversion",
}

MIGRATIONS = [
    "0001_initial",
    "0002_cpd_report_permission",
    "0003_programme_staff_group",
    "0004_certificate_permissions",
    "0005_cpd_from_mentoring",
    "0006_enrolment_former_mentor",
    "0007_bookings",  # issue 11, after the reorganisation
    "0008_programme_staff_view_bookings",
    "0009_attendance",
    "0010_booking_reminders",
    "0011_programme_staff_take_registers",
    "0012_attendance_certificates",
]


def test_every_model_keeps_its_app_and_table():
    models = apps.get_app_config("learning_records").get_models()
    assert {model.__name__: model._meta.db_table for model in models} == TABLES


def test_the_migration_history_is_unchanged():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    names = sorted(name for app, name in loader.graph.nodes if app == "learning_records")
    assert names == MIGRATIONS
    assert loader.graph.leaf_nodes("learning_records") == [("learning_records", MIGRATIONS[-1])]


@pytest.mark.django_db
def test_the_models_need_no_new_migration():
    # --check exits non-zero when the models and the migrations disagree.
    call_command("makemigrations", "learning_records", check=True, dry_run=True, verbosity=0)
