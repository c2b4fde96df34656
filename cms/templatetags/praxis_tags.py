from django import template

from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("includes/primary_nav.html", takes_context=True)
def primary_nav(context):
    """Top-level pages with "show in menus" ticked, marked current for the page being viewed."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    items = []
    if site:
        items = list(site.root_page.get_children().live().public().in_menu().specific(defer=True))
    current_path = getattr(current, "path", "") or ""
    for item in items:
        item.is_current = bool(current_path) and current_path.startswith(item.path)
    return {"items": items, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": []}
    ancestors = page.get_ancestors().filter(depth__gte=2).live()
    return {"ancestors": list(ancestors), "page": page}
