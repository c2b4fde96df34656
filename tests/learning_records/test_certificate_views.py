"""The member's "My certificates" page, downloads and asking for a certificate."""

import hashlib

import pytest

from django.urls import reverse

from learning_records.certificates.models import Certificate
from learning_records.certificates.services import issue_certificate, reissue_certificate, revoke_certificate
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST = reverse("certificates:list")


def owner_urls(certificate) -> list[str]:
    return [
        reverse("certificates:pdf", args=[certificate.pk]),
        reverse("certificates:badge", args=[certificate.pk]),
        reverse("certificates:badge_jwt", args=[certificate.pk]),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, certificate):
    for url in [LIST, *owner_urls(certificate)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_empty_state(client, member):
    client.force_login(member)
    response = client.get(LIST)
    assert response.status_code == 200
    assert "You have no certificates yet" in response.content.decode()


def test_lists_every_certificate_with_status_downloads_and_verify_link(client, certificate, member):
    new = reissue_certificate(certificate=certificate, issued_by=None)
    revoke_certificate(certificate=new, reason="Attendance was recorded wrongly.", revoked_by=None)
    client.force_login(member)

    page = client.get(LIST).content.decode()

    for version in (certificate, new):
        assert version.serial in page
        for url in owner_urls(version):
            assert url in page
        assert version.get_verification_path() in page
    assert "Superseded" in page and f"Replaced by {new.serial}" in page
    assert "Revoked" in page and "Attendance was recorded wrongly." in page


def test_lists_only_the_members_own(client, certificate, attendance_kind, attendance_params):
    other = UserFactory()
    theirs = issue_certificate(kind=attendance_kind, recipient=other, params=attendance_params)
    client.force_login(other)
    page = client.get(LIST).content.decode()
    assert theirs.serial in page
    assert certificate.serial not in page


def test_list_query_count_does_not_grow_with_certificates(
    client, member, attendance_kind, attendance_params, django_assert_max_num_queries
):
    def issue(courses):
        for course in courses:
            issue_certificate(
                kind=attendance_kind, recipient=member, params={**attendance_params, "course": course}
            )

    client.force_login(member)
    issue(["Course 0"])
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    issue([f"Course {i}" for i in range(1, 9)])
    reissue_certificate(certificate=Certificate.objects.order_by("pk").first(), issued_by=None)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert response.content.decode().count("Verification page<") == 10


def test_paginates_at_twenty(client, member, attendance_kind, attendance_params):
    for i in range(21):
        issue_certificate(
            kind=attendance_kind, recipient=member, params={**attendance_params, "course": f"C{i}"}
        )
    client.force_login(member)
    assert "Page 1 of 2" in client.get(LIST).content.decode()
    assert client.get(LIST, {"page": 2}).context["certificates"][0].serial_number == 1


def test_pdf_download_is_the_stored_file(client, certificate, member):
    client.force_login(member)
    response = client.get(reverse("certificates:pdf", args=[certificate.pk]))
    body = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{certificate.serial}.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert hashlib.sha256(body).hexdigest() == certificate.sha256
    assert body == certificate.pdf.open("rb").read()


def test_badge_downloads(client, certificate, member):
    client.force_login(member)
    badge = client.get(reverse("certificates:badge", args=[certificate.pk]))
    assert badge["Content-Type"].startswith("application/ld+json")
    assert badge.json() == certificate.badge
    assert "attachment" in badge["Content-Disposition"]
    token = client.get(reverse("certificates:badge_jwt", args=[certificate.pk]))
    assert token["Content-Type"] == "application/jwt"
    assert token.content.decode() == certificate.badge_jwt


def test_another_member_gets_404_on_every_certificate_url(client, certificate):
    client.force_login(UserFactory())
    for url in owner_urls(certificate):
        assert client.get(url).status_code == 404, url
    # ...but the public verification page works for anyone.
    assert client.get(certificate.get_verification_path()).status_code == 200


def test_staff_get_404_here_too(client, certificate):
    """Staff download through the admin, which checks their permission; not through members' URLs."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for url in owner_urls(certificate):
        assert client.get(url).status_code == 404


def test_unknown_certificate_is_404(client, member):
    client.force_login(member)
    for url in owner_urls(Certificate(pk=999_999)):
        assert client.get(url).status_code == 404


class TestRequest:
    url = reverse("certificates:request")

    def post(self, client, **data):
        return client.post(
            self.url,
            {"kind": "example_attendance", "course": "Systemic practice", "days_required": 13, **data},
        )

    def test_issues_and_says_so(self, client, member, attendance_kind):
        client.force_login(member)
        response = self.post(client, days_attended=14)
        certificate = Certificate.objects.get(recipient=member)
        assert response.status_code == 302
        assert response["Location"] == LIST
        page = client.get(LIST).content.decode()
        assert f"is ready (serial {certificate.serial})" in page

    def test_refusal_lists_what_is_missing_and_issues_nothing(self, client, member, attendance_kind):
        client.force_login(member)
        response = self.post(client, days_attended=10, next="/my/records/")
        page = response.content.decode()
        assert response.status_code == 400
        assert "We cannot issue your Course attendance (example) yet" in page
        assert "You attended 10 of the days of Systemic practice; the certificate needs at least 13." in page
        assert 'href="/my/records/"' in page
        assert not Certificate.objects.exists()

    def test_refusal_ignores_an_outside_next_url(self, client, member, attendance_kind):
        client.force_login(member)
        page = self.post(client, days_attended=10, next="https://evil.example/").content.decode()
        assert "evil.example" not in page

    def test_bad_params_are_a_clear_refusal(self, client, member, attendance_kind):
        client.force_login(member)
        response = self.post(client, days_attended="lots")
        assert response.status_code == 400
        assert "Choose a course" in response.content.decode()

    def test_unknown_or_staff_only_kinds_are_404(self, client, member, attendance_kind, monkeypatch):
        client.force_login(member)
        assert self.post(client, kind="nothing", days_attended=14).status_code == 404
        monkeypatch.setattr(attendance_kind, "member_can_request", False)
        assert self.post(client, days_attended=14).status_code == 404
        assert not Certificate.objects.exists()

    def test_get_is_not_allowed_and_anonymous_must_log_in(self, client, attendance_kind):
        assert client.get(self.url).status_code == 405
        assert self.post(client, days_attended=14).status_code == 302
        assert not Certificate.objects.exists()
