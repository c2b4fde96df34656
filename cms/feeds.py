"""RSS feeds of research outputs and upcoming events, served as routes of their index pages."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from cms.models.settings import SiteSettings


class IndexPageFeed(Feed):
    """A feed of an index page's children. Built per request with the page it belongs to."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        self.index_page = index_page
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.organisation = SiteSettings.for_request(request).organisation_name
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def title(self, obj):
        return f"{obj.title} | {self.organisation}"

    def link(self, obj):
        return obj.get_full_url(self.request)

    def description(self, obj):
        return obj.search_description or f"{obj.title} from {self.organisation}."

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]

    def item_updateddate(self, item):
        return item.last_published_at


class ResearchFeed(IndexPageFeed):
    def items(self, obj):
        return obj.outputs.prefetch_related("tags")[: obj.feed_size]

    def item_description(self, item):
        return item.abstract

    def item_author_name(self, item):
        return ", ".join(item.author_names) or None

    def item_pubdate(self, item):
        midnight = datetime.datetime.combine(item.publication_date, datetime.time())
        return timezone.make_aware(midnight)


class UpcomingEventsFeed(IndexPageFeed):
    def title(self, obj):
        return f"Upcoming events | {self.organisation}"

    def items(self, obj):
        return obj.upcoming_feed_items()

    def item_description(self, item):
        start = timezone.localtime(item.start)
        when = f"{start:%A} {start.day} {start:%B %Y}, {start:%H:%M} (UK time)"
        lines = [f"When: {when}"]
        if item.location_text:
            lines.append(f"Where: {item.location_text}")
        lines.append(item.summary)
        return "\n".join(lines)

    def item_pubdate(self, item):
        return item.first_published_at
