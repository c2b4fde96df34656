"""robots.txt and the error pages."""

import pytest
from bs4 import BeautifulSoup

from django.template.loader import render_to_string
from django.urls import path

from config import urls
from tests.html import text

pytestmark = pytest.mark.django_db


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:4] == ["User-agent: *", "Allow: /", "Disallow: /admin/", "Disallow: /my/"]
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_404_page_has_the_site_chrome(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert text(soup.find("h1")) == "Page not found"
    assert soup.select_one("header.site-header form[role=search]")
    assert soup.select_one("footer.site-footer")
    assert soup.find("a", href="/search/")
    assert soup.title.string.startswith("Page not found |")


def test_500_page_renders_without_a_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert "<main>" in html and 'lang="en-GB"' in html
    assert "{%" not in html


def test_500_page_is_used_for_server_errors(client, settings):
    def broken(request):
        raise RuntimeError("boom")

    settings.ROOT_URLCONF = type("Urls", (), {"urlpatterns": [path("boom/", broken), *urls.urlpatterns]})
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content
