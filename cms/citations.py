"""Ways to cite a research output: BibTeX, RIS, Google Scholar meta tags and a printed reference.

Each function takes the page and its authors (already fetched, in order) so one page view
fetches the authors once. The entry types follow the output type: journal articles are
articles, handbooks are books, everything else is a report from the publishing organisation.
"""

import re
import unicodedata

from django.http import HttpResponse

BIBTEX_TYPES = {"article": "article", "handbook": "book"}
BIBTEX_DEFAULT_TYPE = "techreport"
RIS_TYPES = {"article": "JOUR", "handbook": "BOOK"}
RIS_DEFAULT_TYPE = "RPRT"

# Characters with a meaning in (La)TeX, written so they print as themselves.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    return "".join(BIBTEX_ESCAPES.get(char, char) for char in " ".join(text.split()))


def bibtex_verbatim(text: str) -> str:
    """For DOIs and URLs, which must keep their characters; only braces could break the entry."""
    return re.sub(r"[{}\\\s]", "", text)


def ascii_slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


def citation_key(page, authors) -> str:
    first_author = ascii_slug(authors[0].names[1]) if authors else ""
    title_words = [ascii_slug(word) for word in page.title.split()]
    first_word = next((word for word in title_words if len(word) > 3), "") or next(
        (word for word in title_words if word), "output"
    )
    return f"{first_author or 'praxis'}{page.publication_date.year}{first_word}"


def page_url(page, request) -> str:
    return page.get_full_url(request)


def bibtex(page, request, authors) -> str:
    entry_type = BIBTEX_TYPES.get(page.output_type, BIBTEX_DEFAULT_TYPE)
    fields = [
        ("author", " and ".join(bibtex_escape(author.citation_name) for author in authors)),
        # Double braces keep the title's capital letters as they are.
        ("title", "{" + bibtex_escape(page.title) + "}"),
        ("year", str(page.publication_date.year)),
        ("month", str(page.publication_date.month)),
        ("date", page.publication_date.isoformat()),
    ]
    if entry_type == "article":
        fields.append(("journal", bibtex_escape(page.journal or page.publisher)))
    elif entry_type == "book":
        fields.append(("publisher", bibtex_escape(page.publisher)))
    else:
        fields.append(("institution", bibtex_escape(page.publisher)))
        fields.append(("type", bibtex_escape(page.get_output_type_display())))
    if page.doi:
        fields.append(("doi", bibtex_verbatim(page.doi)))
    fields.append(("url", bibtex_verbatim(page_url(page, request))))
    fields.append(("abstract", bibtex_escape(page.abstract)))
    tags = [tag.name for tag in page.tags.all()]
    if tags:
        fields.append(("keywords", bibtex_escape(", ".join(tags))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{entry_type}{{{citation_key(page, authors)},\n{body}\n}}\n"


def ris(page, request, authors) -> str:
    def one_line(text: str) -> str:
        return " ".join(text.split())

    lines = [("TY", RIS_TYPES.get(page.output_type, RIS_DEFAULT_TYPE)), ("TI", one_line(page.title))]
    lines += [("AU", one_line(author.citation_name)) for author in authors]
    lines += [
        ("PY", str(page.publication_date.year)),
        ("DA", page.publication_date.strftime("%Y/%m/%d/")),
    ]
    if page.journal and page.is_journal_article:
        lines.append(("JO", one_line(page.journal)))
    if page.publisher:
        lines.append(("PB", one_line(page.publisher)))
    if page.doi:
        lines.append(("DO", page.doi))
    lines.append(("UR", page_url(page, request)))
    lines.append(("AB", one_line(page.abstract)))
    lines += [("KW", one_line(tag.name)) for tag in page.tags.all()]
    lines.append(("ER", ""))
    # RIS wants two spaces, a hyphen and a space after each tag, and CRLF line ends.
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def scholar_meta(page, request, authors) -> list[tuple[str, str]]:
    """Highwire Press tags, which Google Scholar reads (scholar.google.com/intl/en/scholar/inclusion.html)."""
    meta = [("citation_title", page.title)]
    meta += [("citation_author", author.citation_name) for author in authors]
    meta.append(("citation_publication_date", page.publication_date.strftime("%Y/%m/%d")))
    if page.is_journal_article and page.journal:
        meta.append(("citation_journal_title", page.journal))
    if page.publisher:
        meta.append(("citation_publisher", page.publisher))
        if not page.is_journal_article:
            meta.append(("citation_technical_report_institution", page.publisher))
    if page.doi:
        meta.append(("citation_doi", page.doi))
    meta.append(("citation_abstract_html_url", page_url(page, request)))
    if page.document:
        meta.append(("citation_pdf_url", request.build_absolute_uri(page.document.url)))
    meta.append(("citation_language", "en"))
    return meta


def initials(given_names: str) -> str:
    return " ".join(f"{name[0]}." for name in given_names.replace("-", " ").split())


def formatted_citation(page, authors) -> dict:
    """The parts of a Harvard-style reference, for the template to lay out."""
    names = []
    for author in authors:
        given, family = author.names
        names.append(f"{family}, {initials(given)}".rstrip(", ") if given else family)
    author_text = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    return {
        "authors": author_text,
        "year": page.publication_date.year,
        "title": page.title,
        "container": page.journal if page.is_journal_article and page.journal else page.publisher,
        "doi_url": page.doi_url,
    }


def download(content: str, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
