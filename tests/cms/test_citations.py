"""BibTeX and RIS downloads, parsed back with bibtexparser 2 and rispy."""

import datetime

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares

from cms.citations import bibtex_escape
from tests.cms import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def output(research_index):
    output = f.ResearchOutputPageFactory(
        parent=research_index,
        title="Risk & resilience: 100% of cases #2 {in} $5 ~ R_1 \\ Ólafsdóttir",
        output_type="article",
        publication_date=datetime.date(2025, 9, 15),
        publisher="Oxford University Press",
        journal="British Journal of Social Work",
        doi="10.1093/bjsw/bcab_123",
        abstract="Who is lonely,\nand what helps.",
    )
    output.tags.add("older people")
    output.save()
    f.ResearchAuthorFactory(page=output, given_names="Priya", family_name="Shah", sort_order=0)
    f.ResearchAuthorFactory(page=output, given_names="Seán", family_name="O'Neil", sort_order=1)
    return output


def parse_bibtex(content: bytes):
    library = bibtexparser.parse_string(
        content.decode(),
        append_middleware=[
            middlewares.LatexDecodingMiddleware(),
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
        ],
    )
    assert library.failed_blocks == []
    [entry] = library.entries
    return entry


def test_bibtex_download_parses_back(client, output):
    response = client.get(f"{output.url}cite/bibtex/")
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{output.slug}.bib"'
    entry = parse_bibtex(response.content)
    assert entry.entry_type == "article"
    assert entry.key == "shah2025risk"
    fields = {name: field.value for name, field in entry.fields_dict.items()}
    assert fields["title"] == output.title
    assert [(" ".join(a.first), " ".join(a.last)) for a in fields["author"]] == [
        ("Priya", "Shah"),
        ("Seán", "O'Neil"),
    ]
    assert fields["journal"] == "British Journal of Social Work"
    assert fields["year"] == "2025"
    assert fields["doi"] == "10.1093/bjsw/bcab_123"
    assert fields["url"] == output.full_url
    assert fields["abstract"] == "Who is lonely, and what helps."
    assert fields["keywords"] == "older people"


@pytest.mark.parametrize(
    ("output_type", "entry_type", "publisher_field"),
    [
        ("report", "techreport", "institution"),
        ("evaluation", "techreport", "institution"),
        ("briefing", "techreport", "institution"),
        ("case_study", "techreport", "institution"),
        ("handbook", "book", "publisher"),
    ],
)
def test_bibtex_entry_type_follows_output_type(
    client, research_index, output_type, entry_type, publisher_field
):
    page = f.ResearchOutputPageFactory(parent=research_index, output_type=output_type)
    entry = parse_bibtex(client.get(f"{page.url}cite/bibtex/").content)
    assert entry.entry_type == entry_type
    assert entry.fields_dict[publisher_field].value == "Praxis Teaching Partnership"
    assert entry.key.startswith("praxis2025")


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("A & B", r"A \& B"),
        ("50%", r"50\%"),
        ("#1", r"\#1"),
        ("$5", r"\$5"),
        ("R_1", r"R\_1"),
        ("{x}", r"\{x\}"),
        ("~", r"\textasciitilde{}"),
        ("^", r"\textasciicircum{}"),
        ("a\\b", r"a\textbackslash{}b"),
        ("two\n lines", "two lines"),
    ],
)
def test_bibtex_escape(raw, escaped):
    assert bibtex_escape(raw) == escaped


def test_ris_download_parses_back(client, output):
    response = client.get(f"{output.url}cite/ris/")
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{output.slug}.ris"'
    [entry] = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "JOUR"
    assert entry["title"] == output.title
    assert entry["authors"] == ["Shah, Priya", "O'Neil, Seán"]
    assert entry["year"] == "2025"
    assert entry["date"] == "2025/09/15/"
    assert entry["journal_name"] == "British Journal of Social Work"
    assert entry["publisher"] == "Oxford University Press"
    assert entry["doi"] == "10.1093/bjsw/bcab_123"
    assert entry["urls"] == [output.full_url]
    assert entry["abstract"] == "Who is lonely, and what helps."
    assert entry["keywords"] == ["older people"]


@pytest.mark.parametrize(
    ("output_type", "ris_type"), [("report", "RPRT"), ("handbook", "BOOK"), ("article", "JOUR")]
)
def test_ris_type_follows_output_type(client, research_index, output_type, ris_type):
    page = f.ResearchOutputPageFactory(parent=research_index, output_type=output_type)
    [entry] = rispy.loads(client.get(f"{page.url}cite/ris/").content.decode())
    assert entry["type_of_reference"] == ris_type
