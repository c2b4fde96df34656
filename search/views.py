from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from cms import cache
from search.forms import SearchForm, result_type_label, tags_in_use

RESULTS_PER_PAGE = 10


def specific_in_order(pages) -> list:
    """The specific pages for a page of results, in result order: one query per page type."""
    ids = [page.pk for page in pages]
    by_id = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [by_id[pk] for pk in ids if pk in by_id]


class SpecificResults:
    """The specific pages of a page of results, loaded together (one query per page type) the
    first time any is asked for, and not at all when every result's HTML is in the cache."""

    def __init__(self, pages):
        self.pages = list(pages)
        self._by_id = None

    def get(self, page):
        if self._by_id is None:
            self._by_id = {specific.pk: specific for specific in specific_in_order(self.pages)}
        return self._by_id.get(page.pk, page)

    def rows(self) -> list[tuple]:
        """(page, its specific page loaded on first use, the type's label) for the template."""
        return [
            (page, LazySpecific(self, page), result_type_label(page.specific_class or type(page)))
            for page in self.pages
        ]


class LazySpecific:
    """Stands for a result's specific page in the template until a field of it is read."""

    def __init__(self, results: SpecificResults, page):
        self._results, self._page = results, page

    def __getattr__(self, name):
        return getattr(self._results.get(self._page), name)


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
        # Each result's HTML is a shared fragment (templates/search/search.html): the specific
        # pages are read only for results not yet in the cache (about half of an uncached search).
        results = SpecificResults(page_obj.object_list)
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
