import json

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


def list_contains(field_name: str, value: str) -> Q:
    """Rows whose MultipleChoiceField list holds `value`, on PostgreSQL and SQLite alike.

    JSONField's `contains` lookup does not exist on SQLite, so this matches the quoted value in
    the stored JSON text. Choice keys are plain slugs and none is part of another in quotes.
    """
    return Q(**{f"{field_name}__icontains": json.dumps(value)})


class MultipleChoiceField(models.JSONField):
    """A list of choices stored as JSON, edited as a set of checkboxes.

    Used where a page or snippet has several of a short fixed list (audiences, what a person
    offers). JSON keeps it portable between PostgreSQL and SQLite, unlike ArrayField.
    """

    def __init__(self, *args, choices=None, **kwargs):
        self.item_choices = list(choices or [])
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.item_choices
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _ in self.item_choices}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            raise ValidationError(f"Unknown choice: {', '.join(map(str, unknown))}.")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.item_choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name.capitalize(),
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        for key in ("encoder", "decoder", "max_length"):
            defaults.pop(key, None)
        return form_class(**defaults)

    def labels(self, value) -> list[str]:
        lookup = dict(self.item_choices)
        return [lookup.get(item, item) for item in value or []]
