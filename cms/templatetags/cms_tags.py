"""Template tags for the public pages: JSON-LD, feed links."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Site

from cms import cache
from cms.models import EventIndexPage, ResearchIndexPage

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the script element early.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A <script type="application/ld+json"> element holding `data` (a dict), safely escaped."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    """<link rel="alternate"> elements for the site's research and events feeds (cached)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if not site:
        return {"feeds": []}

    def build():
        feeds = []
        indexes = (
            site.root_page.get_descendants(inclusive=False)
            .type(EventIndexPage, ResearchIndexPage)
            .live()
            .public()
            .specific(defer=True)
        )
        for index in indexes:
            what = "upcoming events" if isinstance(index, EventIndexPage) else "latest outputs"
            url = index.get_url(request) + index.reverse_subpage("feed")
            feeds.append({"title": f"{index.title}: {what}", "url": url})
        return feeds

    return {"feeds": cache.cached(request, f"feed-links:{site.pk}", build)}
