from django.core.paginator import Paginator
from django.shortcuts import render

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from search.forms import SearchForm, result_type_label

RESULTS_PER_PAGE = 10


def specific_in_order(pages) -> list:
    """The specific pages for a page of results, in result order: one query per page type."""
    ids = [page.pk for page in pages]
    by_id = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [by_id[pk] for pk in ids if pk in by_id]


def search(request):
    form = SearchForm(request.GET)
    query = form.query
    context = {"form": form, "search_query": query, "is_filtered": form.is_filtered}
    if query:
        pages = form.filter(Page.objects.live().public())
        page_obj = Paginator(pages.search(query), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        results = specific_in_order(page_obj.object_list)
        search_record = Query.get(query)
        if request.GET.get("page", "1") in ("", "1"):
            # Count each search once, not again for each further page of its results.
            search_record.add_hit()
        context.update(
            {
                "page_obj": page_obj,
                "results": [(page, result_type_label(page)) for page in results],
                "result_count": page_obj.paginator.count,
                "promotions": search_record.editors_picks.select_related("page").order_by("sort_order"),
            }
        )
    return render(request, "search/search.html", context)
