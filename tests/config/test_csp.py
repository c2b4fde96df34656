"""The Content Security Policy header: strict on the public site, looser only under /admin/."""

import pytest
from bs4 import BeautifulSoup

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import RequestFactory

from config.csp import HEADER, REPORT_ONLY_HEADER, ContentSecurityPolicyMiddleware
from config.settings.object_storage import media_origins


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def inline_code(html: bytes) -> list[str]:
    """Inline scripts, event-handler attributes and style blocks/attributes in a page."""
    soup = BeautifulSoup(html, "html.parser")
    found = [
        str(tag)[:80]
        for tag in soup.find_all("script")
        if not tag.get("src") and tag.get("type") != "application/json"
    ]
    found += [str(tag)[:80] for tag in soup.find_all("style")]
    for tag in soup.find_all(True):
        found += [f"{tag.name}[{name}]" for name in tag.attrs if name.startswith("on") or name == "style"]
    return found


@pytest.mark.django_db
def test_public_pages_allow_scripts_and_styles_from_our_origin_only(client, home):
    response = client.get(home.url)

    policy = directives(response[HEADER])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response[HEADER]
    assert "'unsafe-eval'" not in response[HEADER]
    assert inline_code(response.content) == []


@pytest.mark.django_db
def test_the_admin_gets_its_looser_policy_only_under_admin(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    policy = directives(response[HEADER])
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_a_response_with_its_own_policy_keeps_it():
    def sandboxed(request):
        response = HttpResponse(b"evidence")
        response[HEADER] = "default-src 'none'; sandbox"
        return response

    response = ContentSecurityPolicyMiddleware(sandboxed)(RequestFactory().get("/my/1/evidence/2/"))
    assert response[HEADER] == "default-src 'none'; sandbox"


def test_report_only_mode_and_report_uri(settings):
    settings.PRAXIS_CSP_REPORT_ONLY = True
    settings.PRAXIS_CSP_REPORT_URI = "https://reports.example/csp"

    response = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())(RequestFactory().get("/"))

    assert HEADER not in response
    assert directives(response[REPORT_ONLY_HEADER])["report-uri"] == ["https://reports.example/csp"]


def test_media_in_a_bucket_may_be_shown(settings):
    settings.PRAXIS_CSP_MEDIA_ORIGINS = ("https://cdn.praxis.example",)

    response = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())(RequestFactory().get("/"))

    policy = directives(response[HEADER])
    assert policy["img-src"] == ["'self'", "data:", "https://cdn.praxis.example"]
    assert policy["script-src"] == ["'self'"]


@pytest.mark.parametrize(
    ("env", "origins"),
    [
        ({}, ()),
        ({"AWS_STORAGE_BUCKET_NAME": "m", "AWS_S3_CUSTOM_DOMAIN": "cdn.x"}, ("https://cdn.x",)),
        (
            {"AWS_STORAGE_BUCKET_NAME": "m", "S3_ENDPOINT_URL": "http://127.0.0.1:9000/"},
            ("http://127.0.0.1:9000",),
        ),
        (
            {
                "AWS_STORAGE_BUCKET_NAME": "m",
                "S3_ENDPOINT_URL": "https://s3.x",
                "S3_ADDRESSING_STYLE": "virtual",
            },
            ("https://m.s3.x",),
        ),
        (
            {"AWS_STORAGE_BUCKET_NAME": "m", "S3_REGION_NAME": "eu-west-2"},
            ("https://m.s3.amazonaws.com", "https://m.s3.eu-west-2.amazonaws.com"),
        ),
    ],
)
def test_media_origins_follow_the_storage_settings(env, origins):
    assert media_origins(env) == origins


@pytest.mark.django_db
def test_the_error_page_has_no_inline_style_and_its_stylesheet_is_served(client):
    html = render_to_string("500.html")
    assert inline_code(html.encode()) == []
    link = BeautifulSoup(html, "html.parser").find("link", rel="stylesheet")["href"]

    response = client.get(link)
    assert response.status_code == 200
    assert b"font-family" in b"".join(response.streaming_content)
