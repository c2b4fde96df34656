"""Bookings in the Wagtail admin: who booked what, filtered by authority, audience and status,
searched by name or email, and exported (CSV or Excel) for registers and authorities' returns.

Bookings are written only by the booking service (members book and cancel on the site), so the
admin lists, inspects and exports them and nothing else. Programme staff get the view
permission (data migration 0008)."""

import django_filters

from django.utils.functional import cached_property

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from cms.models import Audience
from learning_records.bookings.models import Booking
from learning_records.common.admin import EveryWordSearchMixin, ServiceWrittenPermissionPolicy
from members.models import Organisation


class BookingFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Status", choices=Booking.Status.choices)
    organisation = django_filters.ModelChoiceFilter(
        label="Authority", queryset=Organisation.objects.filter(is_partner=True).order_by("name")
    )
    audience = django_filters.ChoiceFilter(label="Audience", choices=Audience.choices)
    kind = django_filters.ChoiceFilter(
        label="Booked", choices=[("cohort", "Course cohorts"), ("event", "Events")], method="filter_kind"
    )

    class Meta:
        model = Booking
        fields = ["status", "organisation", "audience", "kind"]

    def filter_kind(self, queryset, name, value):
        return queryset.filter(**{f"{value}__isnull": False})


class BookingIndexView(EveryWordSearchMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("member", "organisation", "cohort__course", "event")


class BookingViewSet(ModelViewSet):
    model = Booking
    url_prefix = "bookings"
    url_namespace = "booking_admin"
    icon = "date"
    menu_label = "Bookings"
    menu_order = 240
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = BookingIndexView
    filterset_class = BookingFilterSet
    list_display = [
        Column("member", label="Member", sort_key="member__last_name"),
        Column("target_label", label="Course cohort or event"),
        Column("organisation", label="Authority", sort_key="organisation__name"),
        Column("get_audience_display", label="Audience"),
        Column("get_status_display", label="Status", sort_key="status"),
        DateColumn("created_at", label="Booked", sort_key="created_at"),
    ]
    list_export = [
        "member.get_full_name",
        "member.email",
        "target_label",
        "organisation",
        "get_audience_display",
        "get_status_display",
        "created_at",
        "offer_expires_at",
    ]
    export_headings = {
        "member.get_full_name": "Name",
        "member.email": "Email",
        "target_label": "Course cohort or event",
        "organisation": "Authority",
        "get_audience_display": "Audience",
        "get_status_display": "Status",
        "created_at": "Booked",
        "offer_expires_at": "Offer expires",
    }
    export_filename = "bookings"
    list_per_page = 50
    ordering = ["-created_at"]
    search_fields = ["member__first_name", "member__last_name", "member__email"]
    search_backend_name = None
    inspect_view_fields = [
        "member",
        "cohort",
        "event",
        "organisation",
        "audience",
        "status",
        "created_at",
        "status_changed_at",
        "offer_expires_at",
    ]

    @cached_property
    def permission_policy(self):
        return ServiceWrittenPermissionPolicy(self.model)

    # Never used (no one adds or edits a booking here), but ModelViewSet builds its form views.
    form_fields = ["status"]

    def get_urlpatterns(self):
        written_by_services = {"add", "edit", "delete", "copy"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in written_by_services]
