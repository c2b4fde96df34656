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


def test_footer_links_to_pages_cost_the_same_queries_however_many(client, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.models import FooterLink, SiteSettings
    from tests.cms.factories import StandardPageFactory

    settings = SiteSettings.for_site(home.get_site())

    def add_links(first, last):
        for n in range(first, last):
            page = StandardPageFactory(parent=home, title=f"Footer page {n}")
            FooterLink.objects.create(settings=settings, label=f"Link {n}", page=page)

    def queries_for_home():
        client.get("/")  # warm the site and settings caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/")
        return response, len(captured)

    add_links(0, 1)
    _, with_one = queries_for_home()
    add_links(1, 6)
    response, with_six = queries_for_home()
    assert with_six == with_one
    footer = BeautifulSoup(response.content, "html.parser").select_one("footer nav")
    assert [a.get_text() for a in footer.find_all("a")][:6] == [f"Link {n}" for n in range(6)]
    assert footer.find("a", string="Link 5")["href"] == "/footer-page-5/"
