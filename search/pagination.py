"""Pages of search results that count the results in the same query as they fetch them.

Django's Paginator asks for the number of results (one query) and then for the page (another).
With Wagtail's database search backends both queries match the words against every index entry,
so a common word read, and on PostgreSQL tested, all 10,000 pages' entries twice: 40 to 60 ms
for the count alone. Here the page's query carries `COUNT(*) OVER ()`, the number of rows
before its LIMIT, so a page of results is one query, and page 1 of no results is one query too.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Window

TOTAL = "search_result_total"


class SearchResultsPaginator(Paginator):
    """A Paginator over Wagtail search results (`pages.search(query)`).

    It needs the results' Django queryset, which Wagtail's database backends (PostgreSQL and
    SQLite, the only ones Praxis uses) give with `get_queryset()`. A page past the end, or a
    page number that is not a whole number of at least 1, is left to Paginator, which counts
    first and then answers the last page or the first, as it always has.
    """

    def get_page(self, number):
        try:
            number = int(number or 1)  # no page asked for, or an empty one: the first
        except (TypeError, ValueError):
            return super().get_page(number)
        if number < 1:
            return super().get_page(number)
        bottom = (number - 1) * self.per_page
        results = self.object_list[bottom : bottom + self.per_page]
        rows = list(results.get_queryset().annotate(**{TOTAL: Window(Count("*"))}))
        if rows:
            self.count = getattr(rows[0], TOTAL)  # Paginator.count is a cached property
        elif number == 1:
            self.count = 0
        else:
            return super().get_page(number)
        return self._get_page(rows, number, self)
