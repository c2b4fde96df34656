"""Asking for the real certificates: the request view, the buttons on the year and programme
pages, the dashboard box, and the certificates in "download all my data"."""

import datetime
import io
import json
import zipfile

import pytest

from django.urls import reverse
from django.utils import timezone

from learning_records.certificates.models import Certificate
from learning_records.certificates.services import issue_certificate
from learning_records.cpd import rules
from tests.learning_records.completion_fixtures import complete
from tests.learning_records.factories import CPDRecordFactory
from tests.learning_records.test_certificate_cpd_statement import DAY_IN_YEAR
from tests.learning_records.years import settled_year

pytestmark = pytest.mark.django_db

REQUEST = reverse("certificates:request")
LIST = reverse("certificates:list")
YEAR_NAME = rules.year_name(settled_year())
YEAR_URL = reverse("records:year", args=[YEAR_NAME])


def ask_for_statement(client, year=YEAR_NAME, **extra):
    return client.post(REQUEST, {"kind": "cpd_statement", "year": year, "next": YEAR_URL, **extra})


@pytest.fixture
def counted(member):
    return CPDRecordFactory(member=member, start_date=DAY_IN_YEAR, title="Genograms in practice")


class TestCpdStatementRequest:
    def test_issues_says_so_and_goes_to_my_certificates(self, member_client, member, counted):
        response = ask_for_statement(member_client)
        certificate = Certificate.objects.get(recipient=member)
        assert response.status_code == 302
        assert response["Location"] == LIST
        page = member_client.get(LIST).content.decode()
        assert f"Your CPD statement is ready (serial {certificate.serial})" in page
        assert certificate.kind == "cpd_statement"
        assert certificate.params == {"year": YEAR_NAME}

    def test_refusal_page_lists_the_problem_with_a_way_back(self, member_client, member):
        CPDRecordFactory(member=member, start_date=DAY_IN_YEAR, draft=True)
        response = ask_for_statement(member_client)
        page = response.content.decode()
        assert response.status_code == 400
        assert "We cannot issue your CPD statement yet" in page
        assert f"You have no submitted CPD records dated in {YEAR_NAME}" in page
        assert "You have 1 draft in that year: submit them first." in page
        assert f'href="{YEAR_URL}"' in page
        assert not Certificate.objects.exists()

    def test_bad_year_is_a_readable_refusal(self, member_client, counted):
        response = ask_for_statement(member_client, year="2025-27")
        assert response.status_code == 400
        assert "“2025-27” is not a registration year" in response.content.decode()

    def test_second_request_says_already_issued(self, member_client, member, counted):
        ask_for_statement(member_client)
        certificate = Certificate.objects.get()
        response = ask_for_statement(member_client)
        assert response.status_code == 400
        assert f"CPD statement was already issued on {certificate.issued_at:%-d %B %Y}" in (
            response.content.decode()
        )
        assert f"(serial {certificate.serial}) and is still valid" in response.content.decode()
        assert Certificate.objects.count() == 1

    def test_anonymous_must_log_in(self, client, counted):
        response = ask_for_statement(client)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
        assert not Certificate.objects.exists()


class TestYearPage:
    def test_offers_the_statement_once_a_record_counts(self, member_client, counted):
        page = member_client.get(YEAR_URL).content.decode()
        assert f"Get a CPD statement for {YEAR_NAME}" in page
        assert 'name="kind" value="cpd_statement"' in page
        assert f'name="year" value="{YEAR_NAME}"' in page
        assert f'action="{REQUEST}"' in page
        assert "A signed PDF listing your 1 submitted record" in page

    def test_no_button_without_a_counting_record(self, member_client, member):
        CPDRecordFactory(member=member, start_date=DAY_IN_YEAR, draft=True)
        page = member_client.get(YEAR_URL).content.decode()
        assert "Get a CPD statement" not in page

    def test_links_to_the_statement_once_issued(self, member_client, member, counted):
        certificate = issue_certificate(kind="cpd_statement", recipient=member, params={"year": YEAR_NAME})
        page = member_client.get(YEAR_URL).content.decode()
        assert "Get a CPD statement" not in page
        assert reverse("certificates:pdf", args=[certificate.pk]) in page
        assert certificate.serial in page

    def test_offers_again_after_revocation(self, member_client, member, counted):
        from learning_records.certificates.services import revoke_certificate

        certificate = issue_certificate(kind="cpd_statement", recipient=member, params={"year": YEAR_NAME})
        revoke_certificate(certificate=certificate, reason="Issued in error", revoked_by=None)
        assert f"Get a CPD statement for {YEAR_NAME}" in member_client.get(YEAR_URL).content.decode()


class TestProgrammeCompletion:
    def url(self, enrolment):
        return reverse("programme:dashboard", args=[enrolment.pk])

    def test_programme_page_says_what_is_missing(self, enrolment, client_for):
        page = client_for(enrolment.aspirant).get(self.url(enrolment)).content.decode()
        assert "Completion certificate" in page
        assert "Seminar: 0 of 8 days confirmed by your mentor." in page
        assert "Get your completion certificate" not in page

    def test_complete_aspirant_gets_the_button_and_the_certificate(self, enrolment, client_for):
        complete(enrolment)
        client = client_for(enrolment.aspirant)
        page = client.get(self.url(enrolment)).content.decode()
        assert "Get your completion certificate" in page
        response = client.post(
            REQUEST,
            {"kind": "programme_completion", "enrolment": enrolment.pk, "next": self.url(enrolment)},
        )
        assert response.status_code == 302
        certificate = Certificate.objects.get(recipient=enrolment.aspirant)
        assert certificate.subject_key == f"enrolment:{enrolment.pk}"
        page = client.get(self.url(enrolment)).content.decode()
        assert "Get your completion certificate" not in page
        assert reverse("certificates:pdf", args=[certificate.pk]) in page

    def test_another_members_enrolment_is_refused_without_its_data(self, enrolment, stranger, client_for):
        complete(enrolment)
        response = client_for(stranger).post(
            REQUEST, {"kind": "programme_completion", "enrolment": enrolment.pk}
        )
        page = response.content.decode()
        assert response.status_code == 400
        assert "We could not find that programme enrolment among yours." in page
        for private in (
            enrolment.cohort.name,
            enrolment.cohort.programme.title,
            "Redesigning the front door",
            enrolment.aspirant.get_full_name(),
            "Seminar",
        ):
            assert private not in page
        assert not Certificate.objects.exists()


class TestDashboardBox:
    url = reverse("records:dashboard")

    def test_empty(self, member_client):
        page = member_client.get(self.url).content.decode()
        assert "Your certificates" in page
        assert "No certificates yet." in page
        assert f'href="{LIST}"' in page

    def test_count_and_latest(self, member_client, member, counted):
        issue_certificate(kind="cpd_statement", recipient=member, params={"year": YEAR_NAME})
        page = member_client.get(self.url).content.decode()
        assert "You have 1 certificate." in page
        assert "The latest is your CPD statement, issued" in page
        assert "(valid)" in page

    def test_queries_do_not_grow_with_certificates(
        self, member_client, member, counted, django_assert_max_num_queries
    ):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        issue_certificate(kind="cpd_statement", recipient=member, params={"year": YEAR_NAME})
        with CaptureQueriesContext(connection) as one:
            member_client.get(self.url)
        for offset in range(1, 6):
            CPDRecordFactory(member=member, start_date=DAY_IN_YEAR - datetime.timedelta(days=365 * offset))
            issue_certificate(
                kind="cpd_statement",
                recipient=member,
                params={"year": rules.year_name(rules.registration_year_of(DAY_IN_YEAR) - offset)},
            )
        with django_assert_max_num_queries(len(one)):
            member_client.get(self.url)


def test_download_all_my_data_has_certificates_json_and_each_pdf(member_client, member, counted):
    certificate = issue_certificate(kind="cpd_statement", recipient=member, params={"year": YEAR_NAME})
    response = member_client.get(reverse("members:download_data"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    (item,) = json.loads(archive.read("certificates.json"))
    assert item["serial"] == certificate.serial
    assert item["kind"] == "CPD statement"
    assert item["title"] == "CPD statement"
    assert item["status"] == "valid"
    assert item["verification_url"] == certificate.verification_url
    assert item["snapshot"]["tables"][0]["rows"][0][1] == "Genograms in practice"
    assert item["issued"].startswith(str(timezone.localdate(certificate.issued_at).year))
    assert archive.read(item["file"]) == certificate.pdf.open("rb").read()


def test_the_delete_account_page_warns_that_certificates_go_and_verification_then_fails(
    member_client, member, counted, client
):
    certificate = issue_certificate(kind="cpd_statement", recipient=member, params={"year": YEAR_NAME})
    page = member_client.get(reverse("members:delete_account")).content.decode()
    assert "Your 1 certificate will be deleted." in page
    assert "not found" in page

    member.delete()
    assert client.get(certificate.get_verification_path()).status_code == 404
