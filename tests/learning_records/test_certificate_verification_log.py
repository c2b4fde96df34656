"""Failed verifications reach the security log; a successful one does not."""

import json
import logging

import pytest

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(caplog):
    cache.clear()
    caplog.set_level(logging.INFO, logger="praxis.security")
    yield lambda: [json.loads(r.getMessage()) for r in caplog.records if r.name == "praxis.security"]
    cache.clear()


def test_an_unknown_code_is_logged_without_the_code(client, events):
    response = client.get("/verify/ABCD-EFGH-JKMN-PQRS/", REMOTE_ADDR="198.51.100.4")

    assert response.status_code == 404
    [entry] = events()
    assert (entry["event"], entry["ip"]) == ("verification.not_found", "198.51.100.4")
    assert "ABCD" not in json.dumps(entry)


def test_a_pdf_that_is_not_the_issued_one_is_logged_with_the_serial(client, certificate, events):
    altered = bytearray(certificate.pdf.open("rb").read())
    altered[len(altered) // 2] ^= 0x01
    upload = SimpleUploadedFile("certificate.pdf", bytes(altered), content_type="application/pdf")

    client.post(certificate.get_verification_path(), {"file": upload})

    assert [(e["event"], e["serial"]) for e in events()] == [("verification.mismatch", certificate.serial)]


def test_the_rate_limit_is_logged(client, certificate, events, settings):
    settings.PRAXIS_VERIFY_RATE_LIMIT = 1
    client.get(certificate.get_verification_path())
    assert client.get(certificate.get_verification_path()).status_code == 429

    assert [e["event"] for e in events()] == ["verification.rate_limited"]


def test_a_good_verification_logs_nothing(client, certificate, events):
    upload = SimpleUploadedFile("c.pdf", certificate.pdf.open("rb").read(), content_type="application/pdf")
    assert client.get(certificate.get_verification_path()).status_code == 200
    client.post(certificate.get_verification_path(), {"file": upload})

    assert events() == []
