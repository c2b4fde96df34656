"""How certificates lay out on paper: the completion certificate is one page with its check box,
the CPD statement lists every record, and the fonts travel inside the file.

Timings live in benchmarks/certificates.py; these check the shape that keeps rendering fast
(one page, entries rather than a long table) without timing anything.
"""

import datetime
import io

import defusedxml.ElementTree
import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject
from weasyprint import HTML

from django.core.checks import run_checks
from django.template.loader import render_to_string
from django.utils import timezone

from learning_records.certificates.rendering import PDF_STYLESHEET, qr_png
from learning_records.certificates.services import issue_certificate
from learning_records.common import pdf as pdf_module
from learning_records.cpd import rules
from tests.learning_records.completion_fixtures import complete
from tests.learning_records.factories import CPDRecordFactory
from tests.learning_records.pdf_tools import decode_qr_codes, pdf_text

pytestmark = pytest.mark.django_db

# The last complete registration year, so every record is in the past whatever today is.
YEAR = rules.registration_year_of(timezone.localdate()) - 1
START, END = rules.year_bounds(YEAR)


def pages(pdf: bytes) -> list:
    return PdfReader(io.BytesIO(pdf)).pages


def embedded_fonts(pdf: bytes) -> dict[str, bool]:
    """Each font's base name, and whether its program is embedded in the file."""
    fonts = {}
    for page in pages(pdf):
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts


def test_completion_certificate_fits_one_page_with_long_names(enrolment):
    enrolment.cohort.name = "Cohort 4 (September 2025 to August 2026), North and West partnership"
    enrolment.cohort.save()
    aspirant = enrolment.aspirant
    aspirant.first_name, aspirant.last_name = "Oluwaseun Alexandra", "Fitzgerald-Nwachukwu"
    aspirant.save()
    complete(enrolment)

    certificate = issue_certificate(
        kind="programme_completion", recipient=aspirant, params={"enrolment": enrolment.pk}
    )
    pdf = certificate.pdf.open("rb").read()

    assert len(pages(pdf)) == 1
    text = pdf_text(pdf)
    for expected in ("Oluwaseun Alexandra Fitzgerald-Nwachukwu", enrolment.cohort.name, "Page 1 of 1"):
        assert expected in text
    assert decode_qr_codes(pdf, page=1) == [certificate.verification_url]


def test_cpd_statement_lists_every_record_in_date_order_with_details(member):
    titles = []
    for n in range(40):
        record = CPDRecordFactory(
            member=member,
            start_date=START + datetime.timedelta(days=8 * n),
            title=f"Entry {n:02d} on relationship-based practice",
            hours="1.5",
            with_peer=n % 4 == 0,
        )
        titles.append(record.title)

    certificate = issue_certificate(
        kind="cpd_statement", recipient=member, params={"year": rules.year_name(YEAR)}
    )
    pdf = certificate.pdf.open("rb").read()

    assert len(pages(pdf)) > 1
    text = pdf_text(pdf)
    positions = [text.index(title) for title in titles]
    assert positions == sorted(positions)
    first_date = rules.long_date(START)
    assert f"{first_date} Entry 00 on relationship-based practice" in text
    assert "Type: Seminar or event · Hours: 1.5 · Standards: None · Peer reflection: Yes" in text
    assert "Total · 40 records · 60 · 10 peer-reflected" in text
    assert f"Page {len(pages(pdf))} of {len(pages(pdf))}" in text


def test_fonts_are_embedded_subsets(enrolment):
    complete(enrolment)
    certificate = issue_certificate(
        kind="programme_completion", recipient=enrolment.aspirant, params={"enrolment": enrolment.pk}
    )
    fonts = embedded_fonts(certificate.pdf.open("rb").read())

    families = {name.split("+", 1)[1] for name in fonts}
    assert families == {"/Lato", "/Lato-Bold", "/EB-Garamond"} or families == {
        "Lato",
        "Lato-Bold",
        "EB-Garamond",
    }
    assert all(fonts.values())
    # A subset's name carries a six-letter tag ("ABCDEF+Lato"): only the glyphs used are inside.
    assert all(len(name.lstrip("/").split("+", 1)[0]) == 6 for name in fonts)


def test_system_check_finds_the_fast_font_subsetter():
    """This machine (and CI, which installs libharfbuzz-subset0) has it, so no warning."""
    assert [m.id for m in run_checks() if m.id == "learning_records.W001"] == []


def plain(value):
    """A pypdf value as plain Python, references as ("ref", number): comparable across files."""
    if isinstance(value, IndirectObject):
        return ("ref", value.idnum)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def pdf_objects(pdf: bytes) -> dict:
    """Every numbered object of a PDF as Python values, streams decompressed: what the file
    says, whatever its compression. The cross-reference stream (byte offsets, the file's
    identifier) is left out: it differs whenever any stream's size does."""
    reader = PdfReader(io.BytesIO(pdf))
    objects = {}
    for number in range(1, int(reader.trailer["/Size"])):
        found = reader.get_object(number)
        if found is None:  # a free object number
            continue
        if hasattr(found, "get_data") and found.get("/Type") == "/XRef":
            continue
        if hasattr(found, "get_data"):
            objects[number] = (
                {key: plain(value) for key, value in found.items() if key not in {"/Length", "/Filter"}},
                found.get_data(),
            )
        else:
            objects[number] = plain(found)
    return objects


def test_compressing_streams_once_writes_what_weasyprint_writes():
    """The finisher only saves work: every object of the PDF is what WeasyPrint writes alone,
    streams compressed once (at zlib's default level rather than pydyf's 9)."""
    html = (
        '<html lang="en"><head><meta name="dcterms.created" content="2026-01-02T03:04:05Z"></head>'
        "<body><p>Hello</p></body></html>"
    )
    fetcher = pdf_module.ProjectFilesFetcher()
    ours = pdf_module.html_to_pdf(html, fetcher=fetcher)
    plain = HTML(string=html, base_url=pdf_module.ORIGIN, url_fetcher=fetcher, media_type="print").write_pdf(
        pdf_variant=pdf_module.PDF_VARIANT
    )
    assert b"/FlateDecode" in ours
    assert pdf_objects(ours) == pdf_objects(plain)
    assert len(pdf_objects(ours)) > 10


@pytest.mark.parametrize("template", ["certificate.html", "cpd_statement.html"])
def test_the_fast_parser_and_trimmed_stylesheet_draw_the_same_certificate(certificate, template):
    """The templates are well-formed XHTML, so the renderer parses them with ElementTree; and
    without WeasyPrint's universal footnote, note and marker rules, a certificate comes out byte
    for byte as WeasyPrint's own parser and stylesheet make it: they styled nothing it prints."""
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
                "rows": [[f"{day} May 2026", f"Record {day}", "1.5"] for day in range(1, 30)],
                "footer": ["", "Total", "43.5"],
            }
        ],
    }
    fetcher = pdf_module.ProjectFilesFetcher()
    context = {
        "c": snapshot,
        "qr_url": fetcher.add_generated("qr.png", qr_png(snapshot["verification_url"]), "image/png"),
        "pdf_static_prefix": pdf_module.STATIC_PREFIX,
    }
    html = render_to_string(f"learning_records/pdf/{template}", context)
    defusedxml.ElementTree.fromstring(html)  # raises if a template stops being well-formed
    css, font_config = pdf_module._stylesheet(PDF_STYLESHEET)

    def write(document_class):
        document = document_class(string=html, base_url=pdf_module.ORIGIN, url_fetcher=fetcher)
        return document.write_pdf(
            stylesheets=[css], font_config=font_config, pdf_variant=pdf_module.PDF_VARIANT
        )

    ours = write(pdf_module.CertificateHTML)
    assert ours == write(HTML)
    fast, weasyprint_own = (
        cls(string=html, base_url=pdf_module.ORIGIN, url_fetcher=fetcher)
        for cls in (pdf_module.CertificateHTML, HTML)
    )
    assert vars(fast).keys() == vars(weasyprint_own).keys()  # sets what WeasyPrint's parsing sets
    assert len(pages(ours)) > 1 if template == "cpd_statement.html" else True
    assert "Record 29" in pdf_text(ours)


def test_markup_that_is_not_xml_still_renders_through_weasyprints_parser():
    pdf = pdf_module.html_to_pdf("<p>Unclosed <br> tags &amp; an <b>unended paragraph")
    assert "Unclosed tags & an unended paragraph" in pdf_text(pdf)


def test_entity_declarations_are_refused_and_left_to_weasyprints_parser():
    """defusedxml refuses a document that declares entities (the XML "billion laughs"), so it
    goes to WeasyPrint's HTML5 parser, which expands none of them."""
    html = '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">]><html><body><p>Safe &a;</p></body></html>'
    assert "Safe" in pdf_text(pdf_module.html_to_pdf(html))
