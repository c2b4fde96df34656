"""Evidence files: type by content, size limit, private storage, owner-only download."""

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learning_records.cpd.models import EvidenceFile

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE_BYTES = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 200
    + b"This program cannot be run in DOS mode"
)


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "teal").save(buffer, "JPEG")
    return buffer.getvalue()


def docx_bytes(macro=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        if macro:
            archive.writestr("word/vbaProject.bin", b"\x00")
    return buffer.getvalue()


def plain_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("run.exe", EXE_BYTES)
    return buffer.getvalue()


def upload(member_client, record, name, content, description=""):
    file = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return member_client.post(
        reverse("records:evidence_add", args=[record.pk]), {"file": file, "description": description}
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("certificate.pdf", PDF_BYTES, "application/pdf"),
        ("photo.PNG", png_bytes(), "image/png"),
        ("slide.jpg", jpeg_bytes(), "image/jpeg"),
        ("slide.jpeg", jpeg_bytes(), "image/jpeg"),
        (
            "notes.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
def test_allowed_files_are_stored_privately(member_client, record, name, content, content_type):
    response = upload(member_client, record, name, content, "My certificate")
    assert response.status_code == 302
    evidence = EvidenceFile.objects.get(record=record)
    assert evidence.original_name == name
    assert evidence.content_type == content_type
    stored = Path(evidence.file.path)
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert name not in stored.name  # an unguessable stored name
    download = member_client.get(reverse("records:evidence_download", args=[record.pk, evidence.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Type"] == content_type


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", EXE_BYTES, "This file is not a PDF, a Word document (.docx) or an image"),
        ("report.exe", EXE_BYTES, "This file is not a PDF"),
        ("photo.pdf", png_bytes(), "This file contains a PNG image, but its name ends in .pdf"),
        ("report.png", PDF_BYTES, "This file contains a PDF, but its name ends in .png"),
        ("report", PDF_BYTES, "its name ends in no extension"),
        ("archive.docx", plain_zip(), "This file is not a PDF"),
        ("macro.docx", docx_bytes(macro=True), "contains macros"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "older Word (.doc)"),
        ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "cannot be opened"),
        ("empty.pdf", b"", "file is empty"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(member_client, record, name, content, message):
    response = upload(member_client, record, name, content, "Kept description")
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Kept description" in html  # nothing typed is lost
    assert not EvidenceFile.objects.exists()
    assert not any(Path(settings.PRIVATE_MEDIA_ROOT, "cpd-evidence").glob(f"{record.member_id}/*"))


def test_oversized_file_is_refused(member_client, record, settings):
    settings.CPD_EVIDENCE_MAX_BYTES = 1024
    response = upload(member_client, record, "big.pdf", PDF_BYTES + b"x" * 2048)
    assert response.status_code == 400
    assert "the limit is 1.0\xa0KB" in response.content.decode()
    assert not EvidenceFile.objects.exists()


def test_files_per_record_are_limited(member_client, record, settings):
    settings.CPD_EVIDENCE_MAX_FILES_PER_RECORD = 1
    assert upload(member_client, record, "one.pdf", PDF_BYTES).status_code == 302
    response = upload(member_client, record, "two.pdf", PDF_BYTES)
    assert "up to 1 files" in response.content.decode()


def test_evidence_is_not_served_from_media_url(member_client, record):
    upload(member_client, record, "certificate.pdf", PDF_BYTES)
    evidence = EvidenceFile.objects.get()
    with pytest.raises(ValueError, match="no URL"):
        evidence.file.url  # noqa: B018


def test_deleting_evidence_removes_the_stored_file(
    client, member, record, django_capture_on_commit_callbacks
):
    client.force_login(member)
    upload(client, record, "certificate.pdf", PDF_BYTES)
    evidence = EvidenceFile.objects.get()
    path = Path(evidence.file.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("records:evidence_delete", args=[record.pk, evidence.pk]))
    assert not path.exists()
    assert not EvidenceFile.objects.exists()


def test_deleting_a_record_removes_its_files(client, member, record, django_capture_on_commit_callbacks):
    client.force_login(member)
    upload(client, record, "certificate.pdf", PDF_BYTES)
    path = Path(EvidenceFile.objects.get().file.path)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("records:delete", args=[record.pk]))
    assert not path.exists()
