"""Certificates in the Wagtail admin: programme staff list, filter, search, revoke, re-issue."""

import hashlib

import pytest

from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from wagtail.models import ModelLogEntry

from learning_records.certificates.models import Certificate
from learning_records.certificates.services import issue_certificate, reissue_certificate, revoke_certificate
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("certificate_admin:index")


@pytest.fixture
def staff():
    user = UserFactory(first_name="Morgan", last_name="Price")
    user.groups.add(Group.objects.get(name="Programme staff"))
    return user


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_programme_staff_group_has_the_certificate_permissions(staff):
    assert staff.has_perm("wagtailadmin.access_admin")
    assert staff.has_perm("learning_records.view_certificate")
    assert staff.has_perm("learning_records.revoke_certificate")
    assert staff.has_perm("learning_records.reissue_certificate")
    assert not staff.has_perm("learning_records.change_certificate")


def test_listing_shows_certificates_with_status(staff_client, certificate):
    response = staff_client.get(INDEX)
    html = response.content.decode()
    assert response.status_code == 200
    assert certificate.serial in html
    assert "Priya Shah" in html
    assert "Valid" in html
    assert reverse("certificate_admin:revoke", args=[certificate.pk]) in html
    assert reverse("certificate_admin:reissue", args=[certificate.pk]) in html


def test_listing_query_count_is_constant(
    staff_client, certificate, attendance_kind, attendance_params, django_assert_max_num_queries
):
    with django_assert_max_num_queries(60) as few:
        staff_client.get(INDEX)
    for _ in range(6):
        issue_certificate(kind=attendance_kind, recipient=UserFactory(), params=attendance_params)
    with django_assert_max_num_queries(len(few.captured_queries)):
        staff_client.get(INDEX)


@pytest.fixture
def three(certificate, attendance_kind, attendance_params):
    """A valid, a revoked and a superseded certificate (plus the one that replaced it)."""
    sam = UserFactory(first_name="Sam", last_name="Okafor", email="sam@example.org")
    revoked = issue_certificate(kind=attendance_kind, recipient=sam, params=attendance_params)
    revoke_certificate(certificate=revoked, reason="Issued in error.", revoked_by=None)
    replacement = reissue_certificate(certificate=certificate, issued_by=None)
    return {"superseded": certificate, "revoked": revoked, "valid": replacement}


@pytest.mark.parametrize("state", ["valid", "revoked", "superseded"])
def test_filter_by_status(staff_client, three, state):
    listed = list(staff_client.get(INDEX, {"state": state}).context["object_list"])
    assert listed == [three[state]]


def test_filter_by_kind_and_year(staff_client, three):
    year = three["valid"].serial_year
    assert len(staff_client.get(INDEX, {"kind": "example_attendance"}).context["object_list"]) == 3
    assert len(staff_client.get(INDEX, {"serial_year": year}).context["object_list"]) == 3
    assert staff_client.get(INDEX, {"serial_year": year - 1}).status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sam okafor", {"revoked"}),
        ("Okafor", {"revoked"}),
        ("sam@example.org", {"revoked"}),
        ("priya", {"valid", "superseded"}),
        ("nobody", set()),
    ],
)
def test_search_by_member(staff_client, three, query, expected):
    listed = set(staff_client.get(INDEX, {"q": query}).context["object_list"])
    assert listed == {three[name] for name in expected}


def test_search_by_serial(staff_client, three):
    serial = three["revoked"].serial
    assert list(staff_client.get(INDEX, {"q": serial.lower()}).context["object_list"]) == [three["revoked"]]


def test_inspect_view(staff_client, certificate):
    response = staff_client.get(reverse("certificate_admin:inspect", args=[certificate.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert certificate.display_code in html
    assert certificate.sha256 in html
    assert "Course attendance (example)" in html


def test_revoke_with_a_reason_is_logged(staff_client, staff, certificate):
    url = reverse("certificate_admin:revoke", args=[certificate.pk])
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url, {"reason": "Attendance was recorded wrongly."})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.state == "revoked"
    assert certificate.revoked_by == staff
    entry = ModelLogEntry.objects.get(action="praxis.certificate.revoke", object_id=str(certificate.pk))
    assert entry.user_id == staff.pk
    assert entry.data["reason"] == "Attendance was recorded wrongly."
    assert "Revoked" in staff_client.get(certificate.get_verification_path()).content.decode()


def test_revoke_without_a_reason_is_refused(staff_client, certificate):
    response = staff_client.post(reverse("certificate_admin:revoke", args=[certificate.pk]), {"reason": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.state == "valid"


def test_revoke_twice_shows_the_service_message(staff_client, certificate):
    revoke_certificate(certificate=certificate, reason="Issued in error.", revoked_by=None)
    response = staff_client.post(
        reverse("certificate_admin:revoke", args=[certificate.pk]), {"reason": "Again"}
    )
    assert "already revoked" in response.content.decode()


def test_reissue(staff_client, staff, certificate):
    response = staff_client.post(
        reverse("certificate_admin:reissue", args=[certificate.pk]), {"note": "Name corrected."}
    )
    new = Certificate.objects.get(replaces=certificate)
    assert response.status_code == 302
    assert response["Location"] == reverse("certificate_admin:inspect", args=[new.pk])
    assert new.issued_by == staff
    entry = ModelLogEntry.objects.get(action="praxis.certificate.reissue")
    assert entry.data["note"] == "Name corrected."


def test_reissue_refusal_is_shown(staff_client, certificate):
    reissue_certificate(certificate=certificate, issued_by=None)
    response = staff_client.post(reverse("certificate_admin:reissue", args=[certificate.pk]), {})
    assert "already been replaced" in response.content.decode()


def test_staff_download_the_pdf(staff_client, certificate):
    response = staff_client.get(reverse("certificate_admin:pdf", args=[certificate.pk]))
    assert response.status_code == 200
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == certificate.sha256


def test_nobody_adds_edits_or_deletes_certificates_by_hand(client, certificate):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for name in ["add", "edit", "delete", "copy"]:
        with pytest.raises(NoReverseMatch):
            reverse(f"certificate_admin:{name}", args=[] if name == "add" else [certificate.pk])
    assert "Add certificate" not in client.get(INDEX).content.decode()


def test_editors_without_the_permissions_are_refused(client, certificate):
    editor = UserFactory()
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for url in [
        INDEX,
        reverse("certificate_admin:inspect", args=[certificate.pk]),
        reverse("certificate_admin:revoke", args=[certificate.pk]),
        reverse("certificate_admin:reissue", args=[certificate.pk]),
        reverse("certificate_admin:pdf", args=[certificate.pk]),
    ]:
        response = client.get(url)
        assert response.status_code in {302, 403}, url
        assert certificate.serial not in response.content.decode()
    assert client.post(
        reverse("certificate_admin:revoke", args=[certificate.pk]), {"reason": "x"}
    ).status_code in {302, 403}
    certificate.refresh_from_db()
    assert certificate.state == "valid"


def test_members_cannot_reach_the_admin(client, certificate, member):
    client.force_login(member)
    response = client.get(INDEX)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
