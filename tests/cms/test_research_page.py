"""The research output page: publication details, full text, citation and metadata."""

import datetime
import json

import pytest

from tests.cms import factories as f
from tests.cms import related_factories as rf
from tests.html import assert_headings_in_order, parse, text
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def output(research_index, event_index, course_index):
    output = f.ResearchOutputPageFactory(
        parent=research_index,
        title="Social isolation amongst older people",
        output_type="article",
        publication_date=datetime.date(2025, 9, 15),
        publisher="Oxford University Press",
        journal="British Journal of Social Work",
        doi="10.1093/bjsw/bcab123",
        abstract="Who is lonely, and what helps.\n\nA second paragraph.",
        document=rf.PdfDocumentFactory(title="Full text"),
    )
    output.tags.add("older people", "loneliness")
    output.save()
    f.ResearchAuthorFactory(page=output, given_names="Priya", family_name="Shah", sort_order=0)
    f.ResearchAuthorFactory(
        page=output,
        person=f.PersonFactory(first_name="Sam", last_name="Okafor"),
        family_name="",
        sort_order=1,
    )
    f.ResearchAuthorFactory(page=output, given_names="Jo", family_name="Whitfield", sort_order=2)
    course = f.CoursePageFactory(parent=course_index, title="Working with older people")
    rf.ResearchRelatedPageFactory(page=output, related=course)
    event = f.EventPageFactory(parent=event_index, title="Dementia Matters")
    event.related_research.add(output)
    event.save()
    return output


def test_research_page_shows_every_field(client, output):
    soup = parse(client.get(output.url))
    main = soup.find("main")
    body = text(main)
    assert text(main.find("h1")) == "Social isolation amongst older people"
    assert text(main.select_one(".page-header__meta")) == "Journal article"
    assert [text(li) for li in main.select(".author-list li")] == ["Priya Shah", "Sam Okafor", "Jo Whitfield"]
    assert text(main.find("time", datetime="2025-09-15")) == "15 September 2025"
    assert "British Journal of Social Work" in body and "Oxford University Press" in body
    assert main.find("a", href="https://doi.org/10.1093/bjsw/bcab123")
    assert [text(p) for p in main.find(id="abstract").find_parent("section").select(".prose p")] == [
        "Who is lonely, and what helps.",
        "A second paragraph.",
    ]
    assert {text(a) for a in main.select(".tag-list a")} == {"older people", "loneliness"}
    related = text(main.find(id="related").find_parent("section"))
    assert "Working with older people" in related and "Dementia Matters" in related
    assert_headings_in_order(soup)


def test_full_text_download_shows_type_and_size(client, output):
    aside = parse(client.get(output.url)).find("aside")
    link = next(a for a in aside("a") if text(a).startswith("Download journal article"))
    assert link["href"] == output.document.url
    assert "PDF, " in text(aside) and "bytes" in text(aside)


def test_cite_this_shows_a_reference_and_download_links(client, output):
    section = parse(client.get(output.url)).find(id="cite").find_parent("section")
    assert " ".join(section.select_one(".citation p").get_text().split()) == (
        "Shah, P., Okafor, S. and Whitfield, J. (2025) Social isolation amongst older people. "
        "British Journal of Social Work. https://doi.org/10.1093/bjsw/bcab123"
    )
    hrefs = [a["href"] for a in section("a")]
    assert f"{output.url}cite/bibtex/" in hrefs and f"{output.url}cite/ris/" in hrefs


def test_google_scholar_meta_tags(client, output):
    soup = parse(client.get(output.url))

    def meta(name):
        return [tag["content"] for tag in soup.head.find_all("meta", attrs={"name": name})]

    assert meta("citation_title") == ["Social isolation amongst older people"]
    assert meta("citation_author") == ["Shah, Priya", "Okafor, Sam", "Whitfield, Jo"]
    assert meta("citation_publication_date") == ["2025/09/15"]
    assert meta("citation_journal_title") == ["British Journal of Social Work"]
    assert meta("citation_publisher") == ["Oxford University Press"]
    assert meta("citation_doi") == ["10.1093/bjsw/bcab123"]
    assert meta("citation_pdf_url") == [f"http://testserver{output.document.url}"]


def test_report_without_document_has_no_pdf_tag_and_names_the_institution(client, research_index):
    report = f.ResearchOutputPageFactory(parent=research_index, output_type="evaluation", document=None)
    soup = parse(client.get(report.url))
    assert not soup.head.find("meta", attrs={"name": "citation_pdf_url"})
    assert not soup.head.find("meta", attrs={"name": "citation_journal_title"})
    institution = soup.head.find("meta", attrs={"name": "citation_technical_report_institution"})
    assert institution["content"] == "Praxis Teaching Partnership"
    assert "The full text is not available online." in text(soup.find("aside"))


@pytest.mark.parametrize(
    ("output_type", "schema_type"), [("article", "ScholarlyArticle"), ("report", "Report")]
)
def test_json_ld_type_follows_output_type(client, research_index, output_type, schema_type):
    page = f.ResearchOutputPageFactory(parent=research_index, output_type=output_type, doi="10.1000/abc")
    f.ResearchAuthorFactory(page=page, given_names="Priya", family_name="Shah")
    data = json.loads(parse(client.get(page.url)).find("script", type="application/ld+json").string)
    assert data["@type"] == schema_type
    assert data["name"] == page.title
    assert data["datePublished"] == "2025-06-01"
    assert data["author"] == [
        {"@type": "Person", "name": "Priya Shah", "givenName": "Priya", "familyName": "Shah"}
    ]
    assert data["identifier"] == {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.1000/abc"}


def test_json_ld_cannot_break_out_of_its_script_element(client, research_index):
    page = f.ResearchOutputPageFactory(
        parent=research_index, abstract="</script><script>alert(1)</script> & more"
    )
    response = client.get(page.url)
    assert b"</script><script>alert(1)" not in response.content
    data = json.loads(parse(response).find("script", type="application/ld+json").string)
    assert data["abstract"] == "</script><script>alert(1)</script> & more"


@pytest.mark.urls("tests.cms.records_urls")
def test_members_can_record_the_output_as_cpd(client, output):
    client.force_login(UserFactory())
    link = parse(client.get(output.url)).find("a", string="Record this as CPD")
    assert link["href"] == f"/my/records/new/?page={output.pk}"
