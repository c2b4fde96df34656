from django import template

from wagtail.models import Page, Site

from cms import cache

register = template.Library()


def menu_items(request, site) -> list[dict]:
    """Title, URL and tree path of the top-level pages with "show in menus" ticked (cached)."""

    def build():
        pages = site.root_page.get_children().live().public().in_menu()
        return [{"title": page.title, "url": page.get_url(request), "path": page.path} for page in pages]

    return cache.cached(request, f"menu:{site.pk}", build)


@register.inclusion_tag("includes/primary_nav.html", takes_context=True)
def primary_nav(context):
    """Top-level pages with "show in menus" ticked, marked current for the page being viewed."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current_path = getattr(context.get("page"), "path", "") or ""
    items = [
        {**item, "is_current": bool(current_path) and current_path.startswith(item["path"])}
        for item in (menu_items(request, site) if site else [])
    ]
    return {"items": items, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": []}
    # The router read the branch already (cms/routing.py); previews and other views have not.
    served = getattr(page, "served_ancestors", None)
    if served is not None:
        ancestors = [ancestor for ancestor in served if ancestor.depth >= 2 and ancestor.live]
    else:
        ancestors = list(page.get_ancestors().filter(depth__gte=2).live())
    return {"ancestors": ancestors, "page": page}
