"""Download all my data (ZIP) and delete my account."""

import io
import json
import zipfile
from pathlib import Path

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learning_records.cpd import services
from learning_records.cpd.models import CPDRecord, EvidenceFile
from members.models import User
from tests.learning_records.factories import CPDRecordFactory
from tests.learning_records.test_evidence import PDF_BYTES
from tests.members.factories import DEFAULT_PASSWORD, UserFactory


@pytest.fixture
def member_with_records(db):
    member = UserFactory(email="priya@example.org", first_name="Priya")
    record = CPDRecordFactory(member=member, with_peer=True, title="Dementia Matters")
    CPDRecordFactory(member=member, draft=True, title="Half done")
    upload = SimpleUploadedFile("certificate.pdf", PDF_BYTES)
    services.add_evidence(member=member, record=record, upload=upload, description="Certificate")
    return member


def test_privacy_page(client, member_with_records):
    client.force_login(member_with_records)
    html = client.get(reverse("members:privacy")).content.decode()
    assert "Download all my data" in html and "Delete my account" in html


def test_download_all_my_data(client, member_with_records):
    client.force_login(member_with_records)
    response = client.get(reverse("members:download_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    profile = json.loads(archive.read("profile.json"))
    assert profile["email"] == "priya@example.org"
    records = json.loads(archive.read("cpd-records.json"))
    assert {r["title"] for r in records} == {"Dementia Matters", "Half done"}
    with_file = next(r for r in records if r["evidence_files"])
    path = with_file["evidence_files"][0]["file"]
    assert path.endswith("certificate.pdf")
    assert archive.read(path) == PDF_BYTES


def test_delete_account_needs_the_password_and_keeps_everything_otherwise(client, member_with_records):
    client.force_login(member_with_records)
    response = client.post(reverse("members:delete_account"), {"password": "wrong", "confirm": "on"})
    assert response.status_code == 200
    assert "That is not your current password." in response.content.decode()
    assert User.objects.filter(pk=member_with_records.pk).exists()


def test_delete_account_removes_records_and_files_and_logs_out(
    client, member_with_records, django_capture_on_commit_callbacks
):
    other_record = CPDRecordFactory()
    path = Path(EvidenceFile.objects.get().file.path)
    assert path.exists()
    client.force_login(member_with_records)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:delete_account"), {"password": DEFAULT_PASSWORD, "confirm": "on"}
        )
    assert response.status_code == 302
    assert not User.objects.filter(pk=member_with_records.pk).exists()
    assert list(CPDRecord.objects.all()) == [other_record]
    assert not EvidenceFile.objects.exists()
    assert not path.exists()
    followed = client.get(response.url)
    assert "Your account, records and files have been deleted" in followed.content.decode()
    assert client.get(reverse("records:dashboard")).status_code == 302
