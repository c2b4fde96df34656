"""The issued PDF, read back: text, QR code, metadata, fonts, structure."""

import io

import pytest
import wagtail_factories
from pypdf import PdfReader

from django.core.cache import cache

from cms.models import SiteSettings
from learning_records.certificates.rendering import current_branding, render_certificate_pdf
from learning_records.certificates.services import issue_certificate
from tests.learning_records.pdf_tools import decode_qr_codes, pdf_metadata, pdf_text, qpdf_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf(certificate):
    return certificate.pdf.open("rb").read()


def test_prints_the_member_serial_url_code_and_every_row(certificate, pdf, attendance_params):
    text = pdf_text(pdf)
    # In the verification box the URL may wrap, but only between its parts.
    assert f"visit{certificate.verification_url}Code{certificate.display_code}" in text.replace(" ", "")
    assert f"/{certificate.display_code}/" in text
    assert "Priya Shah" in text
    assert certificate.serial in text
    assert certificate.verification_url in text
    assert certificate.display_code in text
    assert "Certificate of attendance" in text
    assert "Systemic practice" in text
    for _date, title, _hours in attendance_params["sessions"]:
        assert title in text
    assert "4.1" in text and "Incorporate feedback from a range of sources" in text
    assert certificate.snapshot["issued_on"] in text


def test_qr_code_decodes_to_the_verification_url(certificate, pdf):
    assert decode_qr_codes(pdf) == [certificate.verification_url]


def test_qr_code_is_one_pixel_per_module_drawn_with_hard_edges(pdf):
    """Scaled up from 41 pixels (version 4 and its quiet zone) without smoothing, so a phone
    sees sharp modules: the stylesheet's `image-rendering: pixelated` on the box it is the
    background of."""
    reader = PdfReader(io.BytesIO(pdf))
    images = [
        found
        for number in range(1, int(reader.trailer["/Size"]))
        if (found := reader.get_object(number)) is not None
        and hasattr(found, "get")
        and found.get("/Subtype") == "/Image"
    ]
    assert [(image["/Width"], image["/Height"], image["/Interpolate"]) for image in images] == [
        (41, 41, False)
    ]


def test_qpdf_finds_no_errors(pdf):
    result = qpdf_check(pdf)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_document_metadata(certificate, pdf):
    metadata = pdf_metadata(pdf)
    assert metadata.title == f"Certificate of attendance: Priya Shah ({certificate.serial})"
    assert metadata.author == "Praxis Teaching Partnership"
    assert metadata.subject == "Priya Shah attended 14 days of the course Systemic practice."
    assert certificate.serial in metadata["/Keywords"]


def test_is_a4_pdf_a_with_only_the_packaged_fonts(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    width_mm, height_mm = (float(v) * 25.4 / 72 for v in (page.mediabox.width, page.mediabox.height))
    assert round(width_mm) == 210 and round(height_mm) == 297
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3"' in xmp and b'pdfaid:conformance="B"' in xmp
    fonts = {
        str(font["/BaseFont"]).split("+", 1)[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts, "no fonts found"
    assert fonts == {"EB-Garamond", "Lato", "Lato-Bold"}


def test_signatory_and_images_come_from_the_site_settings(attendance_kind, attendance_params, member, home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.organisation_name = "North Teaching Partnership"
    site_settings.signatory_name = "Dr Ada Okoro"
    site_settings.signatory_role = "Director, Centre for Social Work"
    site_settings.logo = wagtail_factories.ImageFactory(title="Logo")
    site_settings.signature_image = wagtail_factories.ImageFactory(title="Signature")
    site_settings.save()

    certificate = issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params)
    pdf = certificate.pdf.open("rb").read()

    text = pdf_text(pdf)
    assert "North Teaching Partnership" in text
    assert "Dr Ada Okoro" in text
    assert "Director, Centre for Social Work" in text
    assert certificate.snapshot["issuer"] == {
        "organisation_name": "North Teaching Partnership",
        "signatory_name": "Dr Ada Okoro",
        "signatory_role": "Director, Centre for Social Work",
    }
    images = [image for page in PdfReader(io.BytesIO(pdf)).pages for image in page.images]
    # The logo, the signature, and the QR code (one pixel per module, a four-module margin).
    assert len(images) == 3
    sides = sorted(image.image.size[0] for image in images if image.image.size[0] == image.image.size[1])
    assert [side for side in sides if (side - 8 - 17) % 4 == 0] == [41]  # version 4: 33 modules


def test_a_broken_logo_does_not_stop_issuing(attendance_kind, attendance_params, member, home):
    cache.clear()  # Wagtail caches renditions by image id, which SQLite reuses between tests
    site_settings = SiteSettings.for_site(home.get_site())
    logo = wagtail_factories.ImageFactory(title="Logo", file__filename="broken-logo.png")
    logo.file.storage.delete(logo.file.name)
    site_settings.logo = logo
    site_settings.save()
    assert current_branding().logo_url == ""
    certificate = issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params)
    assert certificate.pdf.size > 0


def test_a_200_row_statement_runs_onto_numbered_pages_with_the_serial_on_each(certificate):
    rows = [[f"{day % 28 + 1} May 2026", f"Record number {day}", "1.5"] for day in range(200)]
    snapshot = {
        **certificate.snapshot,
        "tables": [
            {
                "caption": "Records",
                "columns": [
                    {"label": "Date", "numeric": False},
                    {"label": "Title", "numeric": False},
                    {"label": "Hours", "numeric": True},
                ],
                "rows": rows,
                "footer": ["", "Total", "300"],
            }
        ],
    }
    pdf = render_certificate_pdf(
        snapshot=snapshot, template_name="learning_records/pdf/certificate.html", branding=current_branding()
    )
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 3
    last = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = " ".join(page.extract_text().split())
        assert certificate.serial in text
        assert f"Page {number} of {last}" in text
    text = pdf_text(pdf)
    assert all(f"Record number {day} " in text + " " for day in range(200))
