"""Finding the page for a URL, and checking its privacy, in a fixed number of queries.

Wagtail routes one level at a time, two queries per level (the child, then its specific
object), and every `.public()` filter and privacy check reads the view restrictions again. Here
the whole branch is read in one query by `url_path`, only the page served is made specific, and
the (short) list of view restrictions is read once per generation (cms/cache.py).
"""

import hashlib

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import Resolver404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from cms import cache


def restricted_paths() -> list[tuple[int, str]]:
    """(restriction id, page path) of every view restriction: a handful on any site."""

    def build():
        return list(PageViewRestriction.objects.values_list("id", "page__path"))

    # The same for everyone, so any request may fill it.
    return cache.cached_for_everyone("view-restrictions", build)


def private_q(queryset) -> Q:
    """Wagtail's PageQuerySet.private_q from the cached restrictions instead of a query."""
    q = Q()
    for _id, path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def install_private_q() -> None:
    """Make every `.public()` use the cached restrictions (called from CmsConfig.ready())."""
    PageQuerySet.private_q = private_q


class CachedViewRestrictionsMixin:
    """Page types whose privacy check (Wagtail's before_serve_page hook) reads no table when
    nothing above them is restricted, which is almost always."""

    def get_view_restrictions(self):
        if self.alias_of_id:
            return super().get_view_restrictions()
        ids = [pk for pk, path in restricted_paths() if self.path.startswith(path)]
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)


def find_site(request) -> Site | None:
    """Site.find_for_request's answer from the cached list of sites (Wagtail's own matching:
    hostname and port, then hostname of the default site, then the default site)."""
    sites = cache.cached_for_everyone("sites", lambda: list(Site.objects.select_related("root_page")))
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def rank(site) -> int:
        if site.hostname == hostname:
            if site.port == int(port):
                return 0
            return 1 if site.is_default_site else 3
        return 2

    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site),
        key=lambda site: (rank(site), site.hostname.lower()),
    )
    if not candidates:
        return None
    if len(candidates) == 1 or rank(candidates[0]) in (0, 1):
        return candidates[0]
    if rank(candidates[0]) == 2:
        return candidates[len(candidates) == 2]
    return None


def _routes_itself(page: Page, remaining: list[str]) -> bool:
    """Whether a routable page answers `remaining` with one of its own routes (a feed, say)."""
    model = page.specific_class
    if not (model and issubclass(model, RoutablePageMixin)):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Resolver404:
        return False
    return True


def route_for_request(request, path: str):
    """What Wagtail's Page.route_for_request returns, in three queries (two for the home page):
    the site, the branch, the specific page, or none while this generation of content has
    them in the cache (route_from_root). None if there is no page (a 404)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        if not components:
            root = site.root_page
            page = cache.cached(request, f"route:{root.pk}", lambda: specific_for_serving(root))
            return page.route(request, [])
        return route_from_root(site.root_page, request, components)
    except Http404:
        return None


def route_from_root(root: Page, request, components: list[str]):
    """Wagtail's Page.route for a site's root page, with the branch read in one query.

    Falls back to Wagtail's own routing from the first page on the way that would answer the
    rest of the path with a route of its own (RoutablePageMixin), as Wagtail would.

    The pages found are kept for this generation of content (cms/cache.py), which any save,
    publish, unpublish or move of a page retires: they are the same for everyone (privacy is
    checked after routing, by Wagtail's before_serve_page hook), so a page seen before is
    routed without a query.
    """
    if not components:
        return Page.route(root, request, components)
    path = hashlib.sha256("/".join(components).encode()).hexdigest()
    ancestors, page = cache.cached(request, f"route:{root.pk}:{path}", lambda: find_branch(root, components))
    page._cached_parent_obj = ancestors[-1]
    page.served_ancestors = ancestors
    return page.route(request, components[len(ancestors) :])


def find_branch(root: Page, components: list[str]) -> tuple[list[Page], Page]:
    """The pages from `root` down to the one that answers `components` (or the first on the
    way that answers the rest with a route of its own), in two queries: (the pages above it,
    the specific page). Raises Http404 if there is none."""
    prefixes = [
        root.url_path + "".join(f"{part}/" for part in components[:n]) for n in range(1, len(components) + 1)
    ]
    # Unordered: Django hashes every selected column to compile an ORDER BY, a large part of
    # building a query this wide, and the dict below does not need one.
    branch = Page.objects.filter(url_path__in=prefixes, path__startswith=root.path).order_by()
    found = {page.url_path: page for page in branch}
    chain = [root]
    for prefix in prefixes:
        if prefix not in found:
            break
        if _routes_itself(chain[-1], components[len(chain) - 1 :]):
            break
        chain.append(found[prefix])
    if len(chain) == 1 and not _routes_itself(root, components):
        raise Http404
    return chain[:-1], specific_for_serving(chain[-1])


def specific_for_serving(page: Page) -> Page:
    """The specific page, with its listing and sharing images, in one query.

    A page type names what else its template reads more than once in `serving_select_related`
    and `serving_prefetch_related` (its tags, say).
    """
    model = page.specific_class
    if model is None:
        raise Http404
    queryset = model._default_manager.filter(pk=page.pk)
    images = [name for name in ("listing_image", "social_image") if _has_field(model, name)]
    queryset = queryset.select_related(*images, *getattr(model, "serving_select_related", ()))
    queryset = queryset.prefetch_related(*getattr(model, "serving_prefetch_related", ()))
    try:
        # get() leaves out the ORDER BY that first() adds, which costs more to compile than
        # the rest of this query (see route_from_root).
        return queryset.get()
    except model.DoesNotExist:
        raise Http404 from None


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True
