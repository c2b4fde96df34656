"""Counting the queries of an uncached page under the production cache configuration.

`production_cache` (tests/cms/conftest.py) puts the tests on the caches production builds
without REDIS_URL (config/settings/cache.py), fresh for each test. Before each measured request
every cache is emptied, as after a restart, and only what a running deployment always has warm
is warmed again: what every page reads about the site as a whole and the first request after a
restart or a publish refills: Wagtail's site root paths, the sites, the site settings (with
footer links and logo), the menu, the feed links and the list of view restrictions. Renditions
are NOT warmed, so a missing prefetch shows as a query per image, and nothing page-specific is.
The full-page cache stays off (test settings), so the page is built every time.
"""

from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from cms.models import SiteSettings
from cms.routing import find_site, restricted_paths
from cms.templatetags.cms_tags import feed_links
from cms.templatetags.praxis_tags import menu_items

MAX_QUERIES = 10


def empty_caches_but_site_root_paths() -> None:
    for cache in caches.all(initialized_only=True):
        cache.clear()
    Site.get_site_root_paths()
    warm_site_wide()


def warm_site_wide() -> None:
    """What every page reads about the site as a whole, as the first request fills it."""
    request = RequestFactory().get("/")
    site = find_site(request)
    SiteSettings.for_request(request)
    menu_items(request, site)
    feed_links({"request": request})
    restricted_paths()


def uncached_get(client, url, data=None):
    """GET `url` with empty caches apart from the site root paths; asserts a 200."""
    empty_caches_but_site_root_paths()
    response = client.get(url, data)
    assert response.status_code == 200, f"GET {url} answered {response.status_code}"
    return response


def count_uncached(client, url, data=None) -> int:
    """The number of queries an uncached GET of `url` makes."""
    empty_caches_but_site_root_paths()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200, f"GET {url} answered {response.status_code}"
    # Read now: the next request empties the connection's query log.
    return len(queries)


def assert_uncached_within(client, url, assert_max, data=None, limit: int = MAX_QUERIES):
    """GET `url` uncached within `limit` queries (pytest-django's django_assert_max_num_queries)."""
    empty_caches_but_site_root_paths()
    with assert_max(limit):
        response = client.get(url, data)
    assert response.status_code == 200, f"GET {url} answered {response.status_code}"
    return response
