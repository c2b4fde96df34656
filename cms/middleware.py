"""Middleware for the public pages: routing in a fixed number of queries, and the page cache."""

import hashlib

from django.conf import settings
from django.core.cache import cache as django_cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail import views as wagtail_views

from cms import cache as cms_cache
from cms import routing


class PageRoutingMiddleware:
    """Finds the site, and the page for a Wagtail URL, with cms/routing.py before Wagtail does.

    Wagtail's serve view asks Page.route_for_request, which keeps its answer on the request as
    `_wagtail_route_for_request`; filling it first spares the per-level queries of Wagtail's own
    routing (two per level of the tree).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match and match.url_name in CACHEABLE_VIEWS and not hasattr(request, "_wagtail_site"):
            # Wagtail keeps the request's site here; the cached list spares a query. Only for the
            # public pages: members' pages keep Wagtail's own look-up, one query every time.
            request._wagtail_site = routing.find_site(request)
        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_route_for_request"):
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            request._wagtail_route_for_request = routing.route_for_request(request, path)


# Never stored, whoever asks, and marked private: members' pages, accounts, verification,
# agreements, the admin and documents (which have their own privacy).
PRIVATE_PREFIXES = ("/my/", "/account/", "/accounts/", "/verify/", "/agree/", "/admin/", "/documents/")
# Only these views' answers are stored: Wagtail's pages, search, the sitemap, robots.txt.
CACHEABLE_VIEWS = {"wagtail_serve", "search", "sitemap", "robots_txt"}
REFUSING_DIRECTIVES = ("private", "no-cache", "no-store", "max-age=0")


class PageCacheMiddleware:
    """The full-page cache for anonymous visitors, and Cache-Control and Vary on every answer.

    A GET or HEAD from a visitor who is not signed in and has no messages waiting is answered
    from the cache of this generation (cms/cache.py) when it can be. A 200 answer is stored
    only if nothing in it is personal: no CSRF token used (forms), no cookie set, no session
    written, not marked private or no-cache by the view. A signed-in member's request never
    reads or fills it, and their answers are marked `private, no-store`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        anonymous = self.anonymous_without_messages(request)
        private_path = request.path.startswith(PRIVATE_PREFIXES)
        use_cache = settings.PRAXIS_PAGE_CACHE and anonymous and not private_path
        use_cache = use_cache and request.method in ("GET", "HEAD")
        if use_cache and (hit := django_cache.get(page_key(request))) is not None:
            return from_stored(hit, head=request.method == "HEAD")
        response = self.get_response(request)
        if anonymous and not private_path and self.shareable(request, response):
            patch_cache_control(response, public=True, max_age=settings.PRAXIS_PAGE_CACHE_MAX_AGE)
            patch_vary_headers(response, ["Cookie"])
            if use_cache and request.method == "GET":
                django_cache.set(page_key(request), stored(response), settings.PRAXIS_PAGE_CACHE_TIMEOUT)
        elif not anonymous or private_path or response.status_code == 200:
            patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
        return response

    @staticmethod
    def anonymous_without_messages(request) -> bool:
        if "messages" in request.COOKIES or not cms_cache.may_fill(request):
            return False
        session = getattr(request, "session", None)
        return not (settings.SESSION_COOKIE_NAME in request.COOKIES and session and "_messages" in session)

    @staticmethod
    def shareable(request, response) -> bool:
        match = getattr(request, "resolver_match", None)
        if response.status_code != 200 or response.streaming or not match:
            return False
        if match.url_name not in CACHEABLE_VIEWS:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        if getattr(getattr(request, "_messages", None), "_queued_messages", None):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(directive in cache_control for directive in REFUSING_DIRECTIVES)


def page_key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return cms_cache.key("page", hashlib.sha256(address.encode()).hexdigest())


def stored(response) -> tuple:
    return response.status_code, response.content, list(response.items())


def from_stored(entry: tuple, *, head: bool) -> HttpResponse:
    status, content, headers = entry
    response = HttpResponse(b"" if head else content, status=status)
    for name, value in headers:
        response[name] = value
    return response
