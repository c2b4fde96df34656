"""The registry of kinds and the shapes kinds print."""

import pytest

from django.core.exceptions import ImproperlyConfigured, ValidationError

from learning_records.certificates.kinds import (
    CertificateContent,
    CertificateKind,
    Column,
    Fact,
    Table,
    get_kind,
    kind_name,
    register_kind,
    registered_kinds,
    unregister_kind,
)
from tests.learning_records.certificate_kinds import ExampleAttendanceKind


class OtherKind(CertificateKind):
    code = "example_attendance"
    name = "Another kind with the same code"


def test_registered_kind_is_found_by_code(attendance_kind):
    assert get_kind("example_attendance") is attendance_kind
    assert attendance_kind in registered_kinds()
    assert kind_name("example_attendance") == "Course attendance (example)"


def test_unknown_kind_is_a_readable_validation_error():
    with pytest.raises(ValidationError, match="no kind of certificate called"):
        get_kind("nothing_like_this")


def test_unregistered_codes_still_have_a_display_name():
    assert kind_name("course_attendance") == "Course attendance"


def test_two_kinds_cannot_share_a_code(attendance_kind):
    with pytest.raises(ImproperlyConfigured, match="Two kinds"):
        register_kind(OtherKind())


def test_registering_the_same_kind_again_is_harmless(attendance_kind):
    assert register_kind(ExampleAttendanceKind()).code == attendance_kind.code


def test_a_kind_needs_a_code_and_a_name():
    with pytest.raises(ImproperlyConfigured):
        register_kind(CertificateKind())


def test_unregister_kind(attendance_kind):
    unregister_kind(attendance_kind.code)
    with pytest.raises(ValidationError):
        get_kind(attendance_kind.code)


def test_table_rows_must_match_the_columns():
    with pytest.raises(ValueError, match="must have 2 cells"):
        Table(caption="Records", columns=[Column("Date"), Column("Title")], rows=[["1 May 2026"]])
    with pytest.raises(ValueError):
        Table(caption="Records", columns=[Column("Date")], rows=[], footer=["a", "b"])


def test_content_snapshot_is_plain_json_without_the_subject_key():
    content = CertificateContent(
        title="Certificate",
        recipient_name="Priya Shah",
        statement="did a thing.",
        subject_key="thing:1",
        facts=[Fact("Year", "2025-26")],
        tables=[Table(caption="Rows", columns=[Column("Hours", numeric=True)], rows=[["3"]], footer=["3"])],
    )
    snapshot = content.as_snapshot()
    assert "subject_key" not in snapshot
    assert snapshot["facts"] == [{"label": "Year", "value": "2025-26"}]
    assert snapshot["tables"][0]["columns"] == [{"label": "Hours", "numeric": True}]
