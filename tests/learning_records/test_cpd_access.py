"""Every URL that names a record, evidence file or export: 404 to another member, login for anonymous."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learning_records.cpd import services
from tests.learning_records.factories import CPDRecordFactory
from tests.learning_records.test_evidence import PDF_BYTES

pytestmark = pytest.mark.django_db


@pytest.fixture
def owned(member):
    record = CPDRecordFactory(member=member, with_peer=True)
    upload = SimpleUploadedFile("notes.pdf", PDF_BYTES, content_type="application/pdf")
    evidence = services.add_evidence(member=member, record=record, upload=upload)
    return record, evidence


def record_urls(record, evidence):
    return {
        "detail": ("get", reverse("records:detail", args=[record.pk])),
        "edit": ("get", reverse("records:edit", args=[record.pk])),
        "edit-post": ("post", reverse("records:edit", args=[record.pk])),
        "autosave": ("post", reverse("records:autosave", args=[record.pk])),
        "delete": ("get", reverse("records:delete", args=[record.pk])),
        "delete-post": ("post", reverse("records:delete", args=[record.pk])),
        "evidence-add": ("post", reverse("records:evidence_add", args=[record.pk])),
        "evidence-download": ("get", reverse("records:evidence_download", args=[record.pk, evidence.pk])),
        "evidence-delete": ("get", reverse("records:evidence_delete", args=[record.pk, evidence.pk])),
        "evidence-delete-post": ("post", reverse("records:evidence_delete", args=[record.pk, evidence.pk])),
    }


NAMED = [
    "detail",
    "edit",
    "edit-post",
    "autosave",
    "delete",
    "delete-post",
    "evidence-add",
    "evidence-download",
    "evidence-delete",
    "evidence-delete-post",
]


@pytest.mark.parametrize("name", NAMED)
def test_another_member_gets_404(client, other_member, owned, name):
    record, evidence = owned
    method, url = record_urls(record, evidence)[name]
    client.force_login(other_member)
    response = getattr(client, method)(url, {"title": "Hijack", "action": "draft"})
    assert response.status_code == 404
    record.refresh_from_db()
    assert record.title != "Hijack"
    assert record.evidence_files.count() == 1


@pytest.mark.parametrize("name", NAMED)
def test_anonymous_visitor_is_sent_to_login(client, owned, name):
    record, evidence = owned
    method, url = record_urls(record, evidence)[name]
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_evidence_of_one_record_is_not_reachable_through_another_of_the_owners_records(
    member_client, member, owned
):
    _record, evidence = owned
    other_record = CPDRecordFactory(member=member)
    url = reverse("records:evidence_download", args=[other_record.pk, evidence.pk])
    assert member_client.get(url).status_code == 404


MEMBER_PAGES = [
    ("records:dashboard", []),
    ("records:list", []),
    ("records:create", []),
    ("records:autosave_new", []),
    ("records:export_csv", []),
    ("records:standards", []),
    ("records:year", ["2025-26"]),
    ("records:year_print", ["2025-26"]),
    ("members:profile", []),
    ("members:privacy", []),
    ("members:download_data", []),
    ("members:delete_account", []),
]


@pytest.mark.parametrize(("name", "args"), MEMBER_PAGES)
def test_member_pages_send_anonymous_visitors_to_login(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "name", ["records:list", "records:export_csv", "records:year", "records:year_print", "records:standards"]
)
def test_member_wide_pages_show_only_the_members_own_records(client, other_member, owned, name):
    record, _evidence = owned
    client.force_login(other_member)
    args = ["2025-26"] if name in ("records:year", "records:year_print") else []
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert record.title.encode() not in body


def test_download_my_data_holds_only_my_records(client, other_member, owned):
    import io
    import zipfile

    record, _evidence = owned
    client.force_login(other_member)
    response = client.get(reverse("members:download_data"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert record.title not in archive.read("cpd-records.json").decode()
    assert not [name for name in archive.namelist() if name.startswith("cpd-evidence/")]


def test_bad_year_name_is_404(member_client):
    assert member_client.get(reverse("records:year", args=["2025-27"])).status_code == 404
    assert member_client.get(reverse("records:year_print", args=["nonsense"])).status_code == 404
