"""What the public site keeps in the cache, and when it is thrown away.

Everything here is keyed by one *generation*: a value in the default cache that changes whenever
published content changes (a page published, unpublished, moved or deleted; a snippet, image,
document or the site settings saved). Keys carry the generation, so one publish retires at once
every cached page (the page, its index, the home page, feeds, sitemap) and the site-wide pieces
every page shows (site settings, menu, feed links). What routing reads (the sites and the view
restrictions) has its own version, changed only when sites, restrictions or the tree's shape
change. Old entries are never read again and expire or are evicted.

Only anonymous requests fill these caches (see `may_fill`): a member or an editor reads them
but builds their own copy, so nothing a signed-in person sees is stored for others.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "praxis:generation"
STRUCTURE_KEY = "praxis:structure"


def _version(version_key: str) -> str:
    """A random version, fresh if the key was evicted or the cache cleared, so an entry left
    from before can never be mistaken for a current one."""
    value = cache.get(version_key)
    if value is None:
        cache.add(version_key, uuid.uuid4().hex, timeout=None)
        # A cache that keeps nothing (the dummy backend) gets a new version every time.
        value = cache.get(version_key) or uuid.uuid4().hex
    return value


def generation() -> str:
    """The current generation of published content."""
    return _version(GENERATION_KEY)


def bump_generation(**_kwargs) -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def bump_structure(**_kwargs) -> None:
    """The sites or the tree's privacy changed: what routing reads (cached_for_everyone)."""
    cache.set(STRUCTURE_KEY, uuid.uuid4().hex, timeout=None)


def key(*parts) -> str:
    return ":".join(["praxis", generation(), *(str(part) for part in parts)])


def may_fill(request) -> bool:
    """Whether what this request builds may be stored for others: an anonymous visitor only.

    Without a session cookie nobody is signed in, and the session is not read at all.
    """
    if request is None:
        return False
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return user is not None and not user.is_authenticated


def cached(request, name: str, build):
    """`build()` from the cache under `name` for this generation; stored only if `may_fill`."""
    cache_key = key(name)
    value = cache.get(cache_key)
    if value is None:
        value = build()
        if may_fill(request):
            cache.set(cache_key, value)
    return value


def cached_for_everyone(name: str, build):
    """As `cached`, for what routing reads and is the same whoever asks (the sites, the view
    restrictions). Keyed by its own version, which changes only when sites, restrictions or
    the tree's shape do, so new content does not make every request read them again."""
    cache_key = f"praxis:{_version(STRUCTURE_KEY)}:{name}"
    value = cache.get(cache_key)
    if value is None:
        value = build()
        cache.set(cache_key, value)
    return value


def fragment(request, name: str, vary: tuple, build) -> str:
    """A piece of a page that is the same for every visitor, from the cache for this generation.

    For the parts of a page that are slow to build and show nothing personal: a card, the
    listings of the home page, a filter form. The key is the generation, the site (page URLs
    are relative on their own site), `name` and `vary`, which must name everything else the
    HTML depends on. Anyone reads it; only an anonymous visitor's copy is stored (`may_fill`),
    and never one that used a CSRF token. Previews (and requests without a request object) are
    built every time: an editor's draft must not be shown as the live page, nor stored.

    Entries live as long as the page cache's (PRAXIS_PAGE_CACHE_TIMEOUT), which bounds how long
    a fragment that depends on the time (which events are still upcoming) can lag behind it.
    """
    if request is None or getattr(request, "is_preview", False):
        return build()
    from wagtail.models import Site

    site = Site.find_for_request(request)  # kept on the request: cms/middleware.py found it already
    cache_key = _fragment_key(name, (getattr(site, "pk", None), *vary))
    html = cache.get(cache_key)
    if html is None:
        html = build()
        if may_fill(request) and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            cache.set(cache_key, html, settings.PRAXIS_PAGE_CACHE_TIMEOUT)
    return html


def fragment_of_state(name: str, state: tuple, build) -> str:
    """As `fragment`, for HTML made from `state` alone (a form's fields from form_state): with
    nothing else to depend on it may be stored whoever asks, and needs no request."""
    cache_key = _fragment_key(name, state)
    html = cache.get(cache_key)
    if html is None:
        html = build()
        cache.set(cache_key, html, settings.PRAXIS_PAGE_CACHE_TIMEOUT)
    return html


def _fragment_key(name: str, vary: tuple) -> str:
    return key("fragment", name, hashlib.sha256(repr(vary).encode()).hexdigest())


def _bump_unless_created_settings(sender, created=False, **kwargs):
    # A site's settings row is created on its first read; that changes nothing anyone sees.
    if not created:
        bump_generation()


def _bump_for_page(sender, instance, **kwargs):
    from wagtail.models import Page

    # Publishing sends page_published; a page made live in code (a script, a factory) does not.
    if isinstance(instance, Page):
        bump_generation()
        if instance.depth is not None and instance.depth <= 2:  # a site's root: its paths
            bump_structure()


def _bump_all(**_kwargs) -> None:
    bump_generation()
    bump_structure()


# Models whose rows show on public pages outside a page's own revision: snippets, media, tags,
# the tree's privacy and sites. Pages are covered by publish/unpublish/move and any save or
# delete of a page row (a draft saved retires the cache too: rare next to page views).
CONTENT_MODELS = [
    "cms.Person",
    "cms.Framework",
    "cms.Statement",
    "cms.FooterLink",
    "members.Organisation",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "taggit.Tag",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailsearchpromotions.SearchPromotion",
]


def connect_signals() -> None:
    """Called once from CmsConfig.ready()."""
    from django.apps import apps

    page_published.connect(bump_generation, dispatch_uid="praxis-cache-published")
    page_unpublished.connect(bump_generation, dispatch_uid="praxis-cache-unpublished")
    post_page_move.connect(_bump_all, dispatch_uid="praxis-cache-moved")
    post_save.connect(_bump_for_page, dispatch_uid="praxis-cache-page-saved")
    post_delete.connect(_bump_for_page, dispatch_uid="praxis-cache-page-deleted")
    post_save.connect(
        _bump_unless_created_settings,
        sender=apps.get_model("cms.SiteSettings"),
        dispatch_uid="praxis-cache-settings",
    )
    for label in ("wagtailcore.Site", "wagtailcore.PageViewRestriction"):
        model = apps.get_model(label)
        post_save.connect(bump_structure, sender=model, dispatch_uid=f"praxis-structure-save-{label}")
        post_delete.connect(bump_structure, sender=model, dispatch_uid=f"praxis-structure-delete-{label}")
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(bump_generation, sender=model, dispatch_uid=f"praxis-cache-save-{label}")
        post_delete.connect(bump_generation, sender=model, dispatch_uid=f"praxis-cache-delete-{label}")
