from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.backends.base import EmptySearchResults
from wagtail.search.utils import normalise_query_string

from cms import cache
from search.forms import SearchForm, result_type_label, tags_in_use

RESULTS_PER_PAGE = 10


def ranked_ids(results) -> list:
    """The page ids of a page of search results, in rank order.

    Wagtail's PostgreSQL query also selects each match's search vector (`title || body`, which
    it annotates to filter on), made again for every match and carried through the sort: for a
    word on 10,000 pages the ranked page of results took 37 ms with it and 20 ms without."""
    if isinstance(results, EmptySearchResults):
        return []
    return list(results.get_queryset().values_list("pk", flat=True))


class ResultPages:
    """The specific pages of a page of results, read together (one query per page type) the first
    time any is asked for, and not at all when every result's HTML is in the cache."""

    def __init__(self, ids: list):
        self.ids = ids
        self._by_id = None

    def get(self, pk):
        if self._by_id is None:
            self._by_id = {page.pk: page for page in Page.objects.filter(pk__in=self.ids).specific()}
        return self._by_id.get(pk)

    def rows(self) -> list["Result"]:
        return [Result(self, pk) for pk in self.ids]


class Result:
    """One result for the template: its page id, then its page and type once they are read."""

    def __init__(self, pages: ResultPages, pk):
        self.pk, self._pages = pk, pages

    @cached_property
    def page(self):
        """None if the page went between the search and now."""
        return self._pages.get(self.pk)

    @property
    def type_label(self) -> str:
        return result_type_label(type(self.page))


def count_hit(query: str) -> None:
    """One more hit today for `query`, for editors' "popular searches": one UPDATE, except on a
    search's first hit of the day, which makes its rows as Wagtail's Query.add_hit does."""
    today = timezone.localdate()
    normalised = normalise_query_string(query)
    if not QueryDailyHits.objects.filter(query__query_string=normalised, date=today).update(
        hits=F("hits") + 1
    ):
        Query.get(query).add_hit(date=today)


def promotions_for(query: str):
    """Editors' picks for `query`, in their order, with their pages."""
    return (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )


def search(request):
    # The topics on live pages change only when content is published, which starts a new cache
    # generation; reading them joined every tagging of every page (25 to 55 ms on 10,000 pages).
    form = SearchForm(request.GET, topics=cache.cached(request, "search-topics", tags_in_use))
    query = form.query
    context = {"form": form, "search_query": query, "is_filtered": form.is_filtered}
    if query:
        pages = form.filter(Page.objects.live().public())
        page_obj = Paginator(pages.search(query), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        # Each result's HTML is a shared fragment (templates/search/search.html): the pages are
        # read only for results not yet in the cache (about half of an uncached search).
        results = ResultPages(ranked_ids(page_obj.object_list))
        if request.GET.get("page", "1") in ("", "1"):
            # Count each search once, not again for each further page of its results.
            count_hit(query)
        context.update(
            {
                "page_obj": page_obj,
                "results": results.rows(),
                "result_count": page_obj.paginator.count,
                "promotions": promotions_for(query),
            }
        )
    return render(request, "search/search.html", context)
