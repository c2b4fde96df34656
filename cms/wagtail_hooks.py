import django_filters

from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import Framework, Person
from members.models import Organisation


class PersonFilterSet(WagtailFilterSet):
    offers = django_filters.ChoiceFilter(label="Offers", choices=Person.Offer.choices, method="filter_offers")

    class Meta:
        model = Person
        fields = ["organisation"]

    def filter_offers(self, queryset, name, value):
        return queryset.offering(value)


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["full_name", "role", "organisation"]
    list_filter = ["organisation"]
    filterset_class = PersonFilterSet
    search_fields = ["first_name", "last_name", "role"]
    ordering = ["last_name", "first_name"]
    list_per_page = 50


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "kind", "is_partner"]
    list_filter = ["kind", "is_partner"]
    search_fields = ["name"]
    list_per_page = 50


class FrameworkViewSet(SnippetViewSet):
    model = Framework
    icon = "list-ol"
    menu_label = "Frameworks"
    list_display = ["name", "version", "valid_from", "valid_to", "publisher"]
    list_filter = ["publisher"]
    search_fields = ["name", "publisher"]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = "Directory"
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (PersonViewSet, OrganisationViewSet, FrameworkViewSet)


register_snippet(DirectoryGroup)
