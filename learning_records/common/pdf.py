"""HTML templates to PDF bytes with WeasyPrint, fetching nothing but the project's own files.

Templates reference files through `pdf_static(path)` and `pdf_media(name)` URLs on a host that
never resolves (`.invalid` is reserved, RFC 2606). `ProjectFilesFetcher` maps those back to the
static folders (through the staticfiles finders) and to image files in the default storage,
and refuses every other URL: file:, data:, http(s):, other hosts, paths that climb out. Member
text reaches templates only through auto-escaping, so it is never markup; the fetcher is the
second wall if that ever fails.
"""

import gc
import logging
import mimetypes
import os
import posixpath
import threading
import zlib
from contextlib import contextmanager
from importlib.resources import files
from urllib.parse import unquote
from xml.etree.ElementTree import ParseError

import cssselect2
import defusedxml.ElementTree
import pydyf
import weasyprint.css
from weasyprint import CSS, HTML
from weasyprint.css.counters import CounterStyle
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

ORIGIN = "https://praxis-pdf.invalid/"
STATIC_PREFIX = f"{ORIGIN}static/"
MEDIA_PREFIX = f"{ORIGIN}media/"
GENERATED_PREFIX = f"{ORIGIN}generated/"
MEDIA_EXTENSIONS = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
# PDF/A-3b embeds the colour profile and XMP metadata archives expect; it costs a few ms
# and 3 KiB per certificate (benchmarks/certificates.py --no-pdfa compares).
PDF_VARIANT = "pdf/a-3b"

# EB Garamond's font header carries a date fontTools reads as "very low" and warns about on
# every render; the font is fine.
logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)


# WeasyPrint's default stylesheet gives *every* element six pseudo-elements to style (a list
# marker, footnote and note calls and markers, a note's back-link), because its rules for them
# match any element. Certificates have no footnotes or notes and only lists without markers, so
# those styles were never used, yet they were about 90% of all styles computed (528 of 595 on a
# one-page certificate) and most of the cascade's time. The renderer uses WeasyPrint's own
# stylesheet with these rules taken out, and markers styled for list items only.
UNIVERSAL_PSEUDO_RULES = (
    "::marker",
    "::footnote-call",
    "::footnote-marker",
    "::note-call",
    "::note-marker",
    "::note-callback",
)


def _user_agent_stylesheet() -> CSS:
    """WeasyPrint's html5_ua.css without its universal pseudo-element rules (`::marker` becomes
    `li::marker`). Raises if a WeasyPrint upgrade changed any of them, so the list is checked
    rather than silently stale."""
    lines = (files(weasyprint.css) / "html5_ua.css").read_text("utf-8").splitlines()
    for selector in UNIVERSAL_PSEUDO_RULES:
        found = [n for n, line in enumerate(lines) if line.startswith(f"{selector} {{")]
        if len(found) != 1:
            raise RuntimeError(
                f"WeasyPrint's default stylesheet changed its {selector} rule; check UNIVERSAL_PSEUDO_RULES."
            )
        lines[found[0]] = f"li{lines[found[0]]}" if selector == "::marker" else ""
    # Its @counter-style rules register into a throwaway set: documents take theirs from the
    # copy WeasyPrint made of them when it parsed this file (and registering them twice warns).
    return CSS(string="\n".join(lines), counter_style=CounterStyle())


USER_AGENT_STYLESHEET = _user_agent_stylesheet()


class CertificateHTML(HTML):
    """An HTML document for WeasyPrint that uses the trimmed default stylesheet, and parses
    well-formed XHTML (the certificate templates) with Python's C XML parser (through
    defusedxml, which refuses entity declarations).

    WeasyPrint's HTML5 parser is pure Python: about 5 ms of a one-page certificate and 60 ms of
    a 200-record statement, against well under a millisecond for ElementTree. Markup that is not
    well-formed XML goes through WeasyPrint's own parser as before. Member text cannot change
    which parser is used or add markup: auto-escaping turns its `<` and `&` into entities.
    """

    def __init__(self, *, string: str, base_url: str, url_fetcher, media_type: str = "print"):
        try:
            root = defusedxml.ElementTree.fromstring(string)
        except (ParseError, defusedxml.DefusedXmlException):
            super().__init__(string=string, base_url=base_url, url_fetcher=url_fetcher, media_type=media_type)
            return
        # What HTML.__init__ sets after parsing (the templates have no <base> element).
        self.base_url = base_url
        self.url_fetcher = url_fetcher
        self.media_type = media_type
        self.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
        self.etree_element = self.wrapper_element.etree_element

    def _ua_stylesheets(self, forms=False):
        return [USER_AGENT_STYLESHEET]


class RefusedURL(ValueError):
    """The PDF asked for something outside the project's own files."""


def pdf_static(path: str) -> str:
    return f"{STATIC_PREFIX}{path.lstrip('/')}"


def pdf_media(name: str) -> str:
    return f"{MEDIA_PREFIX}{name.lstrip('/')}"


def _safe_relative(url: str, prefix: str) -> str:
    """The path after `prefix`, refusing anything that could leave the folder it names."""
    relative = unquote(url[len(prefix) :].split("?", 1)[0].split("#", 1)[0])
    parts = relative.split("/")
    if not relative or "\\" in relative or "\x00" in relative or relative.startswith("/"):
        raise RefusedURL(f"Refused {url!r}: not a plain relative path.")
    if any(part in {"", ".", ".."} for part in parts) or posixpath.normpath(relative) != relative:
        raise RefusedURL(f"Refused {url!r}: the path leaves its folder.")
    return relative


class ProjectFilesFetcher(URLFetcher):
    """Serves static files, stored images and images the renderer made itself (the QR code)
    to WeasyPrint; refuses everything else.

    `requested` records every URL WeasyPrint asked for, so tests can prove what was fetched.
    """

    def __init__(self):
        super().__init__(allowed_protocols=("https",), allow_redirects=False, fail_on_errors=False)
        self.requested: list[str] = []
        self._generated: dict[str, tuple[bytes, str]] = {}

    def add_generated(self, name: str, body: bytes, content_type: str) -> str:
        """Offer bytes made in this process (never member input) at a URL; returns the URL."""
        url = f"{GENERATED_PREFIX}{name}"
        self._generated[url] = (body, content_type)
        return url

    def fetch(self, url, headers=None):
        self.requested.append(url)
        if url.startswith(STATIC_PREFIX):
            return self._static(url)
        if url.startswith(MEDIA_PREFIX):
            return self._media(url)
        if url in self._generated:
            body, content_type = self._generated[url]
            return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})
        logger.warning("PDF renderer refused to fetch %r", url[:200])
        raise RefusedURL(f"Refused {url[:200]!r}: PDFs may load only the project's own files.")

    def _response(self, url: str, name: str, body: bytes) -> URLFetcherResponse:
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    def _static(self, url: str) -> URLFetcherResponse:
        relative = _safe_relative(url, STATIC_PREFIX)
        found = finders.find(relative)
        if not found:
            raise RefusedURL(f"Refused {url!r}: no such static file.")
        with open(found, "rb") as file:
            return self._response(url, relative, file.read())

    def _media(self, url: str) -> URLFetcherResponse:
        relative = _safe_relative(url, MEDIA_PREFIX)
        if posixpath.splitext(relative)[1].lower() not in MEDIA_EXTENSIONS:
            raise RefusedURL(f"Refused {url!r}: only images are loaded from media.")
        try:
            with default_storage.open(relative, "rb") as file:
                return self._response(url, relative, file.read())
        except (FileNotFoundError, SuspiciousFileOperation) as error:
            raise RefusedURL(f"Refused {url!r}: {error}") from error


_parsed = threading.local()


def _stylesheet(path: str) -> tuple[CSS, FontConfiguration]:
    """The parsed stylesheet and its fonts, kept per thread (WeasyPrint objects are not shared
    across threads) and reloaded when the file changes. Parsing the CSS and loading four font
    files is about half the time of a one-page certificate."""
    cache = getattr(_parsed, "stylesheets", None)
    if cache is None:
        cache = _parsed.stylesheets = {}
    found = finders.find(path)
    if not found:
        raise RefusedURL(f"No such static file: {path}")
    key = (path, os.stat(found).st_mtime_ns)
    if key not in cache:
        font_config = FontConfiguration()
        css = CSS(url=pdf_static(path), url_fetcher=ProjectFilesFetcher(), font_config=font_config)
        cache.clear()
        cache[key] = (css, font_config)
    return cache[key]


def clear_stylesheet_cache() -> None:
    _parsed.stylesheets = {}


def _compress_streams_once(document, pdf: pydyf.PDF) -> None:
    """A WeasyPrint finisher: compress each stream now, once.

    pydyf compresses a stream every time it serialises it, and a PDF/A identifier makes it
    serialise the whole file twice (once to write, once to hash), so every page, font and image
    was deflated twice: about 10 ms of a 100 ms certificate. It deflates at zlib's default
    level, 6, not pydyf's 9: half the time (about 4 ms less on a one-page certificate, mostly
    its four font subsets) for files 0.2% larger. What the file says is the same.
    """
    for pdf_object in pdf.objects:
        if isinstance(pdf_object, pydyf.Stream) and pdf_object.compress:
            raw = b"\n".join(pydyf._to_bytes(item) for item in pdf_object.stream)
            pdf_object.stream = [zlib.compress(raw, 6)]
            pdf_object.compress = False
            pdf_object.extra["Filter"] = "/FlateDecode"


@contextmanager
def _cyclic_collector_paused():
    """Python's cyclic garbage collector off for the block, if it was on.

    A render allocates hundreds of thousands of objects (boxes, styles, PDF objects) that live
    until it ends, so the collector ran a dozen times per certificate, walking that young tree
    each time and, every tenth render or so, the whole heap of a Django process (about 100 ms on
    its own: the p95). Nearly all of a render's objects are freed by reference counting as soon as it
    returns; the few cycles wait for the collector's next run, after the render.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def html_to_pdf(
    html: str, *, stylesheet: str | None = None, fetcher: ProjectFilesFetcher | None = None
) -> bytes:
    """PDF bytes from an HTML string whose resources all come through the project fetcher.

    `stylesheet` is a static path (e.g. "css/certificate-pdf.css") parsed once per thread.
    """
    fetcher = fetcher or ProjectFilesFetcher()
    options = {"pdf_variant": PDF_VARIANT, "finisher": _compress_streams_once}
    if stylesheet is not None:
        css, font_config = _stylesheet(stylesheet)
        options.update(stylesheets=[css], font_config=font_config)
    with _cyclic_collector_paused():
        document = CertificateHTML(string=html, base_url=ORIGIN, url_fetcher=fetcher, media_type="print")
        return document.write_pdf(**options)


def render_pdf(
    template_name: str,
    context: dict,
    *,
    stylesheet: str | None = None,
    fetcher: ProjectFilesFetcher | None = None,
) -> bytes:
    """Render a Django template (auto-escaped) to PDF bytes."""
    context = {**context, "pdf_static_prefix": STATIC_PREFIX}
    return html_to_pdf(render_to_string(template_name, context), stylesheet=stylesheet, fetcher=fetcher)
