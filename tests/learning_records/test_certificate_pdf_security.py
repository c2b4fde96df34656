"""Nothing a member types reaches the PDF renderer as markup or a URL, and the renderer's
url_fetcher serves the project's own files only."""

import socket
import threading
from unittest import mock

import pytest
import wagtail_factories

from learning_records.certificates.services import issue_certificate
from learning_records.common import pdf as pdf_module
from learning_records.common.pdf import (
    GENERATED_PREFIX,
    MEDIA_PREFIX,
    STATIC_PREFIX,
    ProjectFilesFetcher,
    RefusedURL,
    clear_stylesheet_cache,
    html_to_pdf,
)
from tests.learning_records.pdf_tools import pdf_text
from tests.members.factories import UserFactory


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def listener():
    """A TCP listener on the loopback that counts connections: proof that nothing was fetched."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    connections = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            connections.append(connection)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", connections
    stop.set()
    thread.join()
    server.close()


@pytest.fixture
def fetched():
    """Every URL the renderer asks the fetcher for, while still fetching for real."""
    clear_stylesheet_cache()  # so this render loads its stylesheet and fonts through the spy
    calls = []
    original = ProjectFilesFetcher.fetch

    def spy(self, url, headers=None):
        calls.append(url)
        return original(self, url, headers)

    with mock.patch.object(ProjectFilesFetcher, "fetch", spy):
        yield calls


@pytest.mark.django_db
def test_hostile_member_text_is_printed_as_text_and_fetches_nothing(
    attendance_kind, attendance_params, listener, fetched
):
    base, connections = listener
    hostile_name = '<img src="file:///etc/passwd">'
    hostile_title = f"<style>body {{ background: url({base}/style.png) }}</style> url({base}/css.png)"
    member = UserFactory(first_name=hostile_name, last_name=f'<img src="{base}/name.png">')
    params = {
        **attendance_params,
        "course": f'<link rel="stylesheet" href="{base}/x.css">Systemic practice',
        "sessions": [
            ["12 January 2026", hostile_title, "6"],
            ["19 January 2026", "<script>alert(1)</script>", "6"],
        ],
    }

    certificate = issue_certificate(kind=attendance_kind, recipient=member, params=params)

    # Long lines wrap, so compare without whitespace.
    text = squash(pdf_text(certificate.pdf.open("rb").read()))
    for printed in [hostile_name, f'<img src="{base}/name.png">', hostile_title, "<script>alert(1)</script>"]:
        assert squash(printed) in text
    assert squash(f'<link rel="stylesheet" href="{base}/x.css">Systemic practice') in text
    assert fetched, "the fetcher was not used at all"
    # The project's static files, and the QR code the renderer made itself: nothing else.
    assert all(url.startswith(STATIC_PREFIX) or url == f"{GENERATED_PREFIX}qr.png" for url in fetched), (
        fetched
    )
    assert not any("passwd" in url or base in url for url in fetched)
    assert connections == []


def test_markup_that_asks_for_outside_urls_is_refused(listener, fetched):
    """If markup ever did reach the renderer, the fetcher still refuses (second wall)."""
    base, connections = listener
    svg = f"%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3Cimage href='{base}/s.png'/%3E%3C/svg%3E"
    html = f"""<html><head><style>
        body {{ background: url({base}/bg.png) }}
        @font-face {{ font-family: x; src: url({base}/font.ttf) }}
        p {{ font-family: x }}
    </style><link rel="stylesheet" href="{base}/s.css"></head>
    <body><p>Hello</p><img src="file:///etc/passwd"><img src="{base}/i.png">
    <img src="data:image/svg+xml,{svg}">
    <img src="/static/../../../../etc/passwd"><iframe src="{base}/frame"></iframe></body></html>"""

    pdf = html_to_pdf(html)

    assert pdf.startswith(b"%PDF-")
    assert connections == []
    assert "file:///etc/passwd" in fetched
    assert f"{base}/bg.png" in fetched
    assert not any(b"root:" in chunk for chunk in [pdf])


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///",
        "http://127.0.0.1:9/x.png",
        "https://example.org/logo.png",
        "ftp://example.org/x",
        "data:text/plain,hello",
        "data:image/png;base64,iVBORw0KGgo=",
        "https://praxis-pdf.invalid.example.org/static/css/certificate-pdf.css",
        "https://praxis-pdf.invalid/etc/passwd",
        "https://praxis-pdf.invalid/static/",
        "https://praxis-pdf.invalid/static/../../etc/passwd",
        "https://praxis-pdf.invalid/static/%2e%2e/%2e%2e/etc/passwd",
        "https://praxis-pdf.invalid/static/css/%2e%2e/%2e%2e/%2e%2e/config/settings/base.py",
        "https://praxis-pdf.invalid/static//etc/passwd",
        "https://praxis-pdf.invalid/static/css\\..\\..\\manage.py",
        "https://praxis-pdf.invalid/static/css/nothing-here.css",
        "https://praxis-pdf.invalid/media/../private_media/x.pdf",
        "https://praxis-pdf.invalid/media/%2e%2e/%2e%2e/etc/passwd.png",
        "https://praxis-pdf.invalid/media/documents/report.pdf",
        "https://praxis-pdf.invalid/media/images/missing.png",
    ],
)
@pytest.mark.django_db
def test_fetcher_refuses(url):
    with pytest.raises(RefusedURL):
        ProjectFilesFetcher().fetch(url)


def test_fetcher_serves_static_files_found_by_the_finders():
    response = ProjectFilesFetcher().fetch(f"{STATIC_PREFIX}css/certificate-pdf.css")
    assert b"@font-face" in response.read()
    assert response.content_type == "text/css"
    font = ProjectFilesFetcher().fetch(f"{STATIC_PREFIX}fonts/Lato-Regular.ttf")
    assert len(font.read()) > 100_000


@pytest.mark.django_db
def test_fetcher_serves_images_from_media_storage():
    image = wagtail_factories.ImageFactory()
    rendition = image.get_rendition("height-40")
    response = ProjectFilesFetcher().fetch(f"{MEDIA_PREFIX}{rendition.file.name}")
    assert response.read()[:8] in {b"\x89PNG\r\n\x1a\n", rendition.file.open("rb").read()[:8]}


def test_fetcher_serves_generated_images_only_at_the_url_it_was_given():
    fetcher = ProjectFilesFetcher()
    url = fetcher.add_generated("qr.png", b"\x89PNG fake", "image/png")
    assert url == f"{GENERATED_PREFIX}qr.png"
    response = fetcher.fetch(url)
    assert (response.read(), response.content_type) == (b"\x89PNG fake", "image/png")
    for other in (f"{GENERATED_PREFIX}other.png", f"{GENERATED_PREFIX}qr.png/../x", f"{url}?x=1"):
        with pytest.raises(RefusedURL):
            fetcher.fetch(other)
    with pytest.raises(RefusedURL):  # another render's fetcher knows nothing of it
        ProjectFilesFetcher().fetch(url)


def test_refusals_are_logged(caplog):
    with pytest.raises(RefusedURL):
        ProjectFilesFetcher().fetch("http://example.org/x")
    assert "refused to fetch 'http://example.org/x'" in caplog.text


def test_the_renderer_never_uses_weasyprints_default_fetcher():
    with mock.patch("weasyprint.urls.URLFetcher.fetch", side_effect=AssertionError("default fetcher used")):
        assert html_to_pdf("<p>Hello</p>").startswith(b"%PDF-")
    assert pdf_module.ORIGIN.endswith(".invalid/")


def test_the_parsed_stylesheet_is_reused_and_fetched_once_per_thread(fetched):
    html_to_pdf("<p>One</p>", stylesheet="css/certificate-pdf.css")
    first = list(fetched)
    html_to_pdf("<p>Two</p>", stylesheet="css/certificate-pdf.css")
    assert f"{STATIC_PREFIX}css/certificate-pdf.css" in first
    assert fetched == first
