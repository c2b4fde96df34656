"""A mentor reads their aspirants' programme records, never their CPD records (DESIGN.md, Access).

The mentor asks for every CPD URL naming their aspirant's records and gets 404; the pages that
list records show the mentor only their own; the mentoring pages carry no CPD content.
"""

import io
import zipfile

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learning_records.cpd import services
from learning_records.cpd.models import CPDRecord
from learning_records.programme.services.cpd_drafts import draft_cpd_from_mentoring
from tests.learning_records.factories import CPDRecordFactory
from tests.learning_records.programme_factories import MentorLogEntryFactory
from tests.learning_records.test_cpd_access import NAMED, record_urls
from tests.learning_records.test_evidence import PDF_BYTES

pytestmark = pytest.mark.django_db

YEAR = "2025-26"  # the factory's records are dated 10 March 2026


@pytest.fixture
def aspirants_records(enrolment):
    aspirant = enrolment.aspirant
    record = CPDRecordFactory(member=aspirant, with_peer=True, title="Aspirant's seminar on risk")
    upload = SimpleUploadedFile("notes.pdf", PDF_BYTES, content_type="application/pdf")
    evidence = services.add_evidence(member=aspirant, record=record, upload=upload)
    entry = MentorLogEntryFactory(enrolment=enrolment)
    draft = draft_cpd_from_mentoring(entry=entry, member=aspirant).record
    draft.title = "Aspirant's mentoring reflection"
    draft.save()
    return record, evidence, draft


@pytest.fixture
def mentors_own(enrolment):
    return CPDRecordFactory(member=enrolment.mentor, title="Mentor's own conference")


@pytest.mark.parametrize("name", NAMED)
def test_the_mentor_gets_404_for_every_url_naming_an_aspirants_record(
    enrolment, client_for, aspirants_records, name
):
    record, evidence, draft = aspirants_records
    client = client_for(enrolment.mentor)
    for target in (record, draft):
        method, url = record_urls(target, evidence)[name]
        response = getattr(client, method)(url, {"title": "Changed by the mentor", "action": "draft"})
        assert response.status_code == 404, (name, target.title)
    assert not CPDRecord.objects.filter(title="Changed by the mentor").exists()
    assert record.evidence_files.count() == 1
    assert CPDRecord.objects.filter(member=enrolment.aspirant).count() == 2


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("records:dashboard", []),
        ("records:list", []),
        ("records:export_csv", []),
        ("records:standards", []),
        ("records:year", [YEAR]),
        ("records:year_print", [YEAR]),
    ],
)
def test_the_mentors_own_record_pages_show_only_their_records(
    enrolment, client_for, aspirants_records, mentors_own, name, args
):
    response = client_for(enrolment.mentor).get(reverse(name, args=args))
    assert response.status_code == 200
    body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
    assert "Aspirant&#x27;s" not in body and "Aspirant's" not in body
    if name != "records:standards":
        assert "Mentor" in body and "own conference" in body


def test_the_mentors_data_download_holds_none_of_the_aspirants_cpd(enrolment, client_for, aspirants_records):
    response = client_for(enrolment.mentor).get(reverse("members:download_data"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    everything = "".join(
        archive.read(name).decode(errors="replace") for name in archive.namelist() if name.endswith(".json")
    )
    assert "Aspirant's seminar on risk" not in everything
    assert "Aspirant's mentoring reflection" not in everything
    assert not [name for name in archive.namelist() if name.startswith("cpd-evidence/")]


@pytest.mark.parametrize("url_name", ["programme:mentoring", "programme:mentee", "programme:mentee_log"])
def test_the_mentoring_pages_carry_no_cpd_content(enrolment, client_for, aspirants_records, url_name):
    record, evidence, draft = aspirants_records
    args = [] if url_name == "programme:mentoring" else [enrolment.pk]
    body = client_for(enrolment.mentor).get(reverse(url_name, args=args)).content.decode()
    for target in (record, draft):
        assert target.title not in body
        assert target.title.replace("'", "&#x27;") not in body
        assert reverse("records:detail", args=[target.pk]) not in body
    assert evidence.original_name not in body
    assert "How fear of blame shapes decisions." not in body  # the record's learning
