"""Certificates in the Wagtail admin: list, filter, search, inspect, revoke, re-issue, download.

Certificates are made only by the issuing service, so nobody (not even a superuser) adds,
edits or deletes them here. Programme staff get view, revoke and re-issue permissions (data
migration `0002_programme_staff_certificate_permissions`).
"""

import django_filters

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.utils.dateformat import format as date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.views import View

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from learning_records.certificates.forms import ReissueForm, RevokeForm
from learning_records.certificates.kinds import kind_name
from learning_records.certificates.models import Certificate
from learning_records.certificates.services import reissue_certificate, revoke_certificate
from learning_records.certificates.views.member import pdf_response
from learning_records.common.admin import (
    EveryWordSearchMixin,
    ServiceActionView,
    ServiceWrittenPermissionPolicy,
)

STATE_CHOICES = [("valid", "Valid"), ("revoked", "Revoked"), ("superseded", "Superseded")]


class CertificatePermissionPolicy(ServiceWrittenPermissionPolicy):
    """View, revoke and re-issue by permission; add, change and delete for nobody."""


def _kind_choices():
    codes = Certificate.objects.order_by().values_list("kind", flat=True).distinct()
    return sorted(((code, kind_name(code)) for code in codes), key=lambda choice: choice[1])


def _year_choices():
    years = Certificate.objects.order_by("-serial_year").values_list("serial_year", flat=True).distinct()
    return [(year, str(year)) for year in years]


class CertificateFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label="Kind", choices=_kind_choices)
    state = django_filters.ChoiceFilter(label="Status", choices=STATE_CHOICES, method="filter_state")
    serial_year = django_filters.ChoiceFilter(label="Year issued", choices=_year_choices)

    class Meta:
        model = Certificate
        fields = ["kind", "state", "serial_year"]

    def filter_state(self, queryset, name, value):
        if value == "revoked":
            return queryset.filter(status=Certificate.Status.REVOKED)
        if value == "superseded":
            return queryset.superseded().exclude(status=Certificate.Status.REVOKED)
        return queryset.valid().current()


class CertificateIndexView(EveryWordSearchMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("recipient", "replaced_by")

    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), *_action_buttons(self, instance)]


def _action_buttons(view, certificate) -> list[Button]:
    url_namespace = view.index_url_name.rsplit(":", 1)[0]
    policy = view.permission_policy
    user = view.request.user
    buttons = [
        Button(
            "Download PDF",
            url=reverse(f"{url_namespace}:pdf", args=[certificate.pk]),
            icon_name="download",
            priority=40,
        ),
        Button(
            "Verification page",
            url=certificate.get_verification_path(),
            icon_name="link-external",
            priority=50,
        ),
    ]
    if certificate.status == Certificate.Status.VALID and policy.user_has_permission(user, "revoke"):
        buttons.append(
            Button(
                "Revoke",
                url=reverse(f"{url_namespace}:revoke", args=[certificate.pk]),
                icon_name="cross",
                priority=60,
            )
        )
    if (
        certificate.status == Certificate.Status.VALID
        and certificate.superseded_by is None
        and policy.user_has_permission(user, "reissue")
    ):
        buttons.append(
            Button(
                "Re-issue",
                url=reverse(f"{url_namespace}:reissue", args=[certificate.pk]),
                icon_name="rotate",
                priority=70,
            )
        )
    return buttons


class CertificateInspectView(generic.InspectView):
    LABELS = {
        "recipient": "Member",
        "issued_at": "Issued",
        "state_label": "Status",
        "display_code": "Verification code",
        "replaces": "Replaces",
    }

    def get_field_label(self, field_name, field):
        return self.LABELS.get(field_name) or super().get_field_label(field_name, field)

    def get_issued_by_display_value(self):
        return self.object.issued_by or "Issued at the member's request"

    def get_revoked_at_display_value(self):
        return self.object.revoked_at or "Not revoked"

    def get_revoked_by_display_value(self):
        return self.object.revoked_by or "-"

    def get_revocation_reason_display_value(self):
        return self.object.revocation_reason or "-"

    def get_kind_display_value(self):
        return kind_name(self.object.kind)

    def get_state_label_display_value(self):
        return self.object.state_label

    def get_display_code_display_value(self):
        return self.object.display_code

    @cached_property
    def header_more_buttons(self):
        return _action_buttons(self, self.object)


class CertificateActionView(ServiceActionView):
    """A form about one certificate (revoke, re-issue) that calls a service."""

    model = Certificate
    header_icon = "doc-full"
    index_label = "Certificates"

    def get_queryset(self):
        return Certificate.objects.select_related("recipient", "replaced_by")

    def get_object_label(self):
        return self.object.serial

    def get_facts(self):
        issued = date_format(localtime(self.object.issued_at), "j F Y, H:i")
        return [
            ("Certificate", f"{self.object.serial}: {self.object.title}"),
            ("Member", self.object.recipient),
            ("Issued", issued),
        ]


class RevokeView(CertificateActionView):
    form_class = RevokeForm
    permission_required = "revoke"
    page_title = "Revoke certificate"
    submit_label = "Revoke the certificate"
    intro = "Anyone who checks this certificate will see that it was revoked, when, and the reason you give."

    def perform(self, data):
        certificate = revoke_certificate(
            certificate=self.object, reason=data["reason"], revoked_by=self.request.user
        )
        messages.success(self.request, f"{certificate.serial} is revoked. Its verification page now says so.")
        return certificate


class ReissueView(CertificateActionView):
    form_class = ReissueForm
    permission_required = "reissue"
    page_title = "Re-issue certificate"
    submit_label = "Re-issue from the current records"
    intro = (
        "A new certificate is made from the member's current records, with a new serial and code. "
        "This one stays as it is and shows as superseded, with a link to the new one."
    )

    def perform(self, data):
        new = reissue_certificate(certificate=self.object, issued_by=self.request.user, note=data["note"])
        messages.success(self.request, f"{new.serial} replaces {self.object.serial}.")
        return new


class DownloadPDFView(PermissionCheckedMixin, BaseObjectMixin, View):
    permission_required = "view"
    model = Certificate

    def get(self, request, *args, **kwargs):
        if not self.object.is_ready:
            messages.warning(
                request, f"The PDF of {self.object.serial} is still being prepared. Try again in a minute."
            )
            return redirect(reverse("certificate_admin:inspect", args=[self.object.pk]))
        response = pdf_response(self.object)
        patch_cache_control(response, private=True, no_store=True)
        return response


class CertificateViewSet(ModelViewSet):
    model = Certificate
    # /admin/certificates/, but not the public "certificates" URL namespace.
    url_prefix = "certificates"
    url_namespace = "certificate_admin"
    icon = "doc-full"
    menu_label = "Certificates"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    filterset_class = CertificateFilterSet
    list_display = [
        "serial",  # the first column links to the certificate and carries its actions
        Column("title", label="Certificate"),
        Column("recipient", label="Member", sort_key="recipient__last_name"),
        DateColumn("issued_at", label="Issued", sort_key="issued_at"),
        Column("state_label", label="Status"),
    ]
    list_per_page = 50
    ordering = ["-issued_at"]
    search_fields = ["serial", "title", "recipient__first_name", "recipient__last_name", "recipient__email"]
    search_backend_name = None
    inspect_view_fields = [
        "serial",
        "title",
        "kind",
        "recipient",
        "issued_at",
        "issued_by",
        "state_label",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "replaces",
        "display_code",
        "sha256",
    ]

    @cached_property
    def permission_policy(self):
        return CertificatePermissionPolicy(self.model)

    def _action_view(self, view_class):
        return view_class.as_view(
            permission_policy=self.permission_policy,
            index_url_name=self.get_url_name("index"),
            object_url_name=self.get_url_name("inspect"),
        )

    # Never used (no one may add or edit), but ModelViewSet builds its form views regardless.
    form_fields = ["revocation_reason"]

    def get_urlpatterns(self):
        hand_made = {"add", "edit", "delete", "copy"}
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name not in hand_made),
            path("revoke/<int:pk>/", self._action_view(RevokeView), name="revoke"),
            path("reissue/<int:pk>/", self._action_view(ReissueView), name="reissue"),
            path(
                "pdf/<int:pk>/", DownloadPDFView.as_view(permission_policy=self.permission_policy), name="pdf"
            ),
        ]
