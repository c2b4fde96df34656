"""What the domains' Wagtail admin views share: a form about one object that calls a service, a
search where every word must match, and a policy for records only services may write."""

from functools import reduce
from operator import and_, or_

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy


class ServiceWrittenPermissionPolicy(ModelPermissionPolicy):
    """Records only services write: view (and any custom actions) by permission; add, change and
    delete in the admin for nobody, not even a superuser."""

    NEVER = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.NEVER and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class EveryWordSearchMixin:
    """For a generic IndexView with `search_backend_name = None`: every word typed must match
    one of `search_fields` (icontains), so "jo northshire" finds Jo from Northshire."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        words = self.search_query.split()[:8]
        matches = [
            reduce(or_, (Q(**{f"{field}__icontains": word}) for field in self.search_fields))
            for word in words
        ]
        return queryset.filter(reduce(and_, matches))


class ServiceActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A form about one object (revoke a certificate, end an enrolment) whose submission calls a
    service: the rule lives in the service, and its ValidationError is shown on the form.

    Subclasses set `model`, `form_class`, `permission_required`, `page_title`, `submit_label`
    and `intro`, and implement `perform(data)`, which returns the object to go back to. The
    viewset passes `permission_policy`, `index_url_name` and `object_url_name`.
    """

    template_name = "learning_records/admin/service_action.html"
    model = None
    index_url_name = object_url_name = None
    index_label = ""
    submit_label = ""
    intro = ""

    def get_queryset(self):
        return self.model._default_manager.all()

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_object_label(self) -> str:
        return str(self.object)

    def get_facts(self) -> list[tuple[str, object]]:
        """(label, value) pairs shown above the form, so staff see what they are acting on."""
        return []

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": self.index_label},
            {"url": reverse(self.object_url_name, args=[self.object.pk]), "label": self.get_object_label()},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            facts=self.get_facts(),
            submit_label=self.submit_label,
            intro=self.intro,
            cancel_url=reverse(self.object_url_name, args=[self.object.pk]),
            **kwargs,
        )

    def perform(self, data):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            result = self.perform(form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        return redirect(self.object_url_name, result.pk)
