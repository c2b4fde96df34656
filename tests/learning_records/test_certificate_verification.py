"""The public verification pages: status, printed fields only, rate limit, file comparison."""

import pytest

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learning_records.certificates.services import reissue_certificate, revoke_certificate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def page(client, certificate, **kwargs):
    response = client.get(certificate.get_verification_path(), **kwargs)
    return response, response.content.decode()


def test_valid_certificate_shows_every_printed_field(client, certificate, attendance_params):
    response, html = page(client, certificate)
    assert response.status_code == 200
    assert '<h2 id="status-heading">Valid</h2>' in html
    snapshot = certificate.snapshot
    for printed in [
        snapshot["title"],
        snapshot["recipient_name"],
        snapshot["statement"],
        snapshot["serial"],
        snapshot["display_code"],
        snapshot["issued_on"],
        snapshot["issuer"]["organisation_name"],
        "Systemic practice",
        "14 (13 required)",
        *(row[1] for row in attendance_params["sessions"]),
        "Incorporate feedback from a range of sources",
        certificate.sha256,
    ]:
        assert printed in html, printed
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_shows_nothing_else_about_the_member(client, certificate, member):
    member.job_title = "Senior social worker"
    member.save()
    _, html = page(client, certificate)
    assert member.email not in html
    assert member.swe_registration_number not in html
    assert "Senior social worker" not in html
    assert f"/my/certificates/{certificate.pk}/" not in html


def test_renders_from_the_snapshot_not_the_live_member(client, certificate, member):
    member.first_name = "Renamed"
    member.save()
    _, html = page(client, certificate)
    assert "Priya Shah" in html
    assert "Renamed" not in html


def test_revoked_shows_date_and_reason(client, certificate):
    revoke_certificate(
        certificate=certificate, reason="Issued in error: attendance corrected.", revoked_by=None
    )
    certificate.refresh_from_db()
    _, html = page(client, certificate)
    assert '<h2 id="status-heading">Revoked</h2>' in html
    assert f"We revoked this certificate on {certificate.revoked_at:%-d %B %Y}" in html
    assert "Issued in error: attendance corrected." in html
    assert "Valid</h2>" not in html


def test_superseded_links_to_the_current_version(client, certificate):
    new = reissue_certificate(certificate=certificate, issued_by=None)
    _, html = page(client, certificate)
    assert '<h2 id="status-heading">Superseded</h2>' in html
    assert f'href="{new.get_verification_path()}"' in html
    assert f"See the current version, {new.serial}" in html
    _, current = page(client, new)
    assert '<h2 id="status-heading">Valid</h2>' in current
    assert f'Replaces</dt><dd class="certificate-code">{certificate.serial}' in current


@pytest.mark.parametrize("code", ["0000-0000-0000-0000", "ZZZZ-ZZZZ-ZZZZ-ZZZZ", "not-a-code", "1234"])
def test_wrong_code_is_plainly_not_found(client, certificate, code):
    response = client.get(f"/verify/{code}/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Certificate not found" in html
    assert certificate.serial not in html and "Priya" not in html


def test_code_typed_loosely_redirects_to_the_canonical_page(client, certificate):
    loose = certificate.display_code.lower().replace("-", "")
    response = client.get(f"/verify/{loose}/")
    assert response.status_code == 301
    assert response["Location"] == certificate.get_verification_path()


class TestForm:
    url = reverse("certificates:verify")

    def test_blank_form(self, client):
        response = client.get(self.url)
        assert response.status_code == 200
        assert 'name="code"' in response.content.decode()
        assert "There is a problem" not in response.content.decode()

    def test_code_goes_to_its_page(self, client, certificate):
        typed = " " + certificate.display_code.lower().replace("-", " ") + " "
        response = client.get(self.url, {"code": typed})
        assert response.status_code == 302
        assert response["Location"] == certificate.get_verification_path()

    def test_malformed_code_is_a_field_error_that_keeps_what_was_typed(self, client):
        response = client.get(self.url, {"code": "7K3M-Q9TD"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Enter the code as printed" in html
        assert 'value="7K3M-Q9TD"' in html
        assert 'aria-invalid="true"' in html


class TestRateLimit:
    def test_lookups_beyond_the_limit_get_a_plain_429(self, client, certificate, settings):
        settings.PRAXIS_VERIFY_RATE_LIMIT = 3
        for _ in range(3):
            assert page(client, certificate)[0].status_code == 200
        response, html = page(client, certificate)
        assert response.status_code == 429
        assert "Too many checks" in html
        assert "wait 10 minutes" in html
        assert response["Retry-After"] == "600"
        assert certificate.serial not in html

    def test_wrong_codes_count_too(self, client, settings):
        settings.PRAXIS_VERIFY_RATE_LIMIT = 2
        statuses = [client.get(f"/verify/0000-0000-0000-000{i}/").status_code for i in range(4)]
        assert statuses == [404, 404, 429, 429]

    def test_the_limit_is_per_address(self, client, certificate, settings):
        settings.PRAXIS_VERIFY_RATE_LIMIT = 1
        assert page(client, certificate, REMOTE_ADDR="10.0.0.1")[0].status_code == 200
        assert page(client, certificate, REMOTE_ADDR="10.0.0.1")[0].status_code == 429
        assert page(client, certificate, REMOTE_ADDR="10.0.0.2")[0].status_code == 200

    def test_forwarded_for_is_ignored_unless_a_proxy_is_trusted(self, client, certificate, settings):
        settings.PRAXIS_VERIFY_RATE_LIMIT = 1
        assert page(client, certificate, HTTP_X_FORWARDED_FOR="1.1.1.1")[0].status_code == 200
        assert page(client, certificate, HTTP_X_FORWARDED_FOR="2.2.2.2")[0].status_code == 429
        settings.PRAXIS_TRUSTED_PROXY_COUNT = 1
        assert page(client, certificate, HTTP_X_FORWARDED_FOR="spoofed, 3.3.3.3")[0].status_code == 200
        assert page(client, certificate, HTTP_X_FORWARDED_FOR="other, 3.3.3.3")[0].status_code == 429


class TestCompareFile:
    def upload(self, client, certificate, content: bytes, name="certificate.pdf"):
        response = client.post(
            certificate.get_verification_path(),
            {"file": SimpleUploadedFile(name, content, content_type="application/pdf")},
        )
        return response, response.content.decode()

    def test_identical_file(self, client, certificate):
        response, html = self.upload(client, certificate, certificate.pdf.open("rb").read())
        assert response.status_code == 200
        assert "The file is identical" in html

    def test_altered_file(self, client, certificate):
        original = bytearray(certificate.pdf.open("rb").read())
        original[len(original) // 2] ^= 0x01
        _, html = self.upload(client, certificate, bytes(original))
        assert "The file is not the one we issued" in html
        assert "The file is identical" not in html

    def test_another_certificate_is_not_this_one(self, client, certificate):
        new = reissue_certificate(certificate=certificate, issued_by=None)
        _, html = self.upload(client, certificate, new.pdf.open("rb").read())
        assert "The file is not the one we issued" in html

    def test_not_a_pdf(self, client, certificate):
        _, html = self.upload(client, certificate, b"GIF89a....", name="certificate.pdf")
        assert "The file is not a PDF" in html
        assert "identical" not in html.split("Check a PDF", 1)[1].split("<form", 1)[0]

    def test_too_large(self, client, certificate, settings):
        settings.PRAXIS_VERIFY_UPLOAD_MAX_BYTES = 1024
        _, html = self.upload(client, certificate, b"%PDF-" + b"0" * 2000)
        assert "larger than 1.0\xa0KB" in html

    def test_no_file_chosen(self, client, certificate):
        response = client.post(certificate.get_verification_path(), {})
        assert response.status_code == 200
        assert "This field is required" in response.content.decode()

    def test_uploads_count_against_the_rate_limit(self, client, certificate, settings):
        settings.PRAXIS_VERIFY_RATE_LIMIT = 1
        self.upload(client, certificate, b"%PDF-1.7")
        assert self.upload(client, certificate, b"%PDF-1.7")[0].status_code == 429


def test_verification_page_queries_stay_few_however_long_the_certificate(
    client, member, attendance_kind, attendance_params, django_assert_max_num_queries
):
    from learning_records.certificates.services import issue_certificate

    rows = [[f"{n % 28 + 1} May 2026", f"Session {n}", "1"] for n in range(200)]
    long = issue_certificate(
        kind=attendance_kind, recipient=member, params={**attendance_params, "sessions": rows}
    )
    with django_assert_max_num_queries(6):
        response = client.get(long.get_verification_path())
    assert response.content.decode().count("<tr>") >= 200
