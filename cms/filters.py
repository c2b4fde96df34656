"""Filter forms for the public index pages.

Each form is bound to the query string (GET), so a filtered listing has a URL people can share.
A blank field means "all". An unknown value (a tag that no longer exists, a hand-edited URL) is
reported on its field and ignored; the other filters still apply. The forms do not import the
page models (the models use them); choices are passed in by the page.
"""

import functools

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet

from cms import cache


def tag_choices(queryset: QuerySet, field_name: str = "tags") -> list[tuple[str, str]]:
    """(slug, name) of the tags used by the objects in `queryset`, by name, in one query."""
    through = queryset.model._meta.get_field(field_name).through
    rows = (
        through.objects.filter(content_object__in=queryset.order_by().values("pk"))
        .values_list("tag__slug", "tag__name")
        .distinct()
        .order_by("tag__name")
    )
    return list(rows)


def index_tag_choices(request, index, queryset: QuerySet, field_name: str = "tags") -> list[tuple[str, str]]:
    """tag_choices for an index page's listing, kept for this generation of content: the tags
    in use change only when content does, and every visit to the index needs them."""
    return cache.cached(
        request, f"tag-choices:{index.pk}:{field_name}", lambda: tag_choices(queryset, field_name)
    )


class FilterForm(forms.Form):
    """A GET form whose fields each narrow a queryset through a named queryset method.

    Choices come from the page at request time (tags in use, years with outputs), passed as
    keyword arguments named after the fields; each list gets a blank "all" option first.
    """

    template_name = "components/filter_fields.html"
    # field name -> name of the queryset method that applies it
    queryset_methods: dict[str, str] = {}
    # field name -> label of the blank option meaning "all"
    all_labels: dict[str, str] = {}

    def __init__(self, data=None, **choices):
        super().__init__(data if data is not None else {})
        for name, field_choices in choices.items():
            self.fields[name].choices = [("", self.all_labels[name]), *field_choices]
        self.is_valid()

    def apply(self, queryset):
        for field_name, method_name in self.queryset_methods.items():
            value = self.cleaned_data.get(field_name)
            if value not in (None, ""):
                queryset = getattr(queryset, method_name)(value)
        return queryset

    @property
    def is_filtered(self) -> bool:
        return any(self.cleaned_data.get(name) not in (None, "") for name in self.queryset_methods)


class CourseFilterForm(FilterForm):
    tag = forms.ChoiceField(label="Topic", required=False)
    audience = forms.ChoiceField(label="Who it is for", required=False)

    queryset_methods = {"tag": "tagged", "audience": "for_audience"}
    all_labels = {"tag": "All topics", "audience": "Everyone"}


class EventFilterForm(FilterForm):
    UPCOMING = "upcoming"
    PAST = "past"

    when = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[(UPCOMING, "Upcoming events"), (PAST, "Past events")],
    )
    kind = forms.ChoiceField(label="Kind of event", required=False)
    tag = forms.ChoiceField(label="Topic", required=False)

    queryset_methods = {"kind": "of_kind", "tag": "tagged"}
    all_labels = {"kind": "All kinds", "tag": "All topics"}

    @property
    def showing_past(self) -> bool:
        return self.cleaned_data.get("when") == self.PAST


class ResearchFilterForm(FilterForm):
    output_type = forms.ChoiceField(label="Type", required=False)
    year = forms.TypedChoiceField(label="Year published", required=False, coerce=int, empty_value=None)
    tag = forms.ChoiceField(label="Topic", required=False)

    queryset_methods = {"output_type": "of_type", "year": "published_in", "tag": "tagged"}
    all_labels = {"output_type": "All types", "year": "Any year", "tag": "All topics"}


class PersonFilterForm(FilterForm):
    tag = forms.ChoiceField(label="Area of interest", required=False)
    organisation = forms.TypedChoiceField(label="Organisation", required=False, coerce=int, empty_value=None)
    offer = forms.ChoiceField(label="Offers", required=False)

    queryset_methods = {"tag": "tagged", "organisation": "at_organisation", "offer": "offering"}
    all_labels = {"tag": "All areas", "organisation": "All organisations", "offer": "Anything"}


class ChangeProjectFilterForm(FilterForm):
    stage = forms.ChoiceField(label="Stage", required=False)

    queryset_methods = {"stage": "at_stage"}
    all_labels = {"stage": "Any stage"}


def paginate(request, items, per_page: int):
    """The requested page of `items`; a missing or out-of-range page number gives the nearest page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def listing_context(request, form: FilterForm, items, per_page: int, *, lazy: bool = False) -> dict:
    """What every filtered index template needs: the form, the page of results and their count.

    With `lazy`, the page of results and the count are read when the template first shows
    them (Django's templates call a callable they are given), so a template that keeps its
    listing as a shared fragment (cms.cache.fragment) makes no query while that is fresh.
    """

    @functools.cache
    def page_obj():
        return paginate(request, form.apply(items), per_page)

    listing = {
        "filter_form": form,
        "page_obj": page_obj,
        "results": lambda: page_obj().object_list,
        "result_count": lambda: page_obj().paginator.count,
        "is_filtered": form.is_filtered,
    }
    if lazy:
        return listing
    return {name: value() if callable(value) else value for name, value in listing.items()}
