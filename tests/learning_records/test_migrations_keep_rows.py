"""A database with rows in every learning_records table migrates back to 0005 and forward to the
latest migration with every row kept: the reorganisation by domain changed no migration, and
0006 (the mentor's name) and later ones are safe on a populated database."""

import pytest

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from learning_records.certificates.services import issue_certificate
from learning_records.cpd import services as cpd_services
from learning_records.programme.models import Enrolment
from tests.learning_records.completion_fixtures import complete
from tests.learning_records.factories import CPDRecordFactory
from tests.learning_records.programme_factories import EnrolmentFactory, MentorLogEntryFactory
from tests.learning_records.test_evidence import PDF_BYTES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = ("learning_records", "0005_cpd_from_mentoring")


def row_counts(tables=None) -> dict[str, int]:
    if tables is None:
        tables = [model._meta.db_table for model in apps.get_app_config("learning_records").get_models()]
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def migrate_to(target) -> None:
    MigrationExecutor(connection).migrate([target])


def latest():
    [leaf] = MigrationExecutor(connection).loader.graph.leaf_nodes("learning_records")
    return leaf


def test_every_row_survives_migrating_back_and_forward(attendance_kind, attendance_params):
    record = CPDRecordFactory()
    upload = SimpleUploadedFile("certificate.pdf", PDF_BYTES)
    cpd_services.add_evidence(member=record.member, record=record, upload=upload, description="Slides")
    enrolment = complete(EnrolmentFactory(mentor__first_name="Jo", mentor__last_name="Whitfield"))
    MentorLogEntryFactory(enrolment=enrolment)
    issue_certificate(kind=attendance_kind, recipient=enrolment.aspirant, params=attendance_params)
    before = row_counts()
    head = latest()

    migrate_to(BEFORE)
    # Tables made by later migrations (bookings, 0007) go on the way back and come back empty;
    # every table that existed at 0005 must keep its rows.
    kept = sorted(set(before) & set(connection.introspection.table_names()))
    empty = [table for table in kept if before[table] == 0]
    assert empty == [], "make a row in every table, or the test proves nothing about it"
    migrate_to(head)

    assert row_counts(kept) == {table: before[table] for table in kept}
    assert len(kept) == 12
    # 0006 fills the mentor's name from the account, as Enrolment.save() does.
    assert Enrolment.objects.get(pk=enrolment.pk).mentor_name == "Jo Whitfield"
