import datetime
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


class JSONListField(models.JSONField):
    """A list kept as JSON (portable between PostgreSQL and SQLite, unlike ArrayField), empty by
    default and optional unless told otherwise. Subclasses say which form field edits it."""

    form_class: type[forms.Field]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def form_defaults(self) -> dict:
        return {}

    def formfield(self, **kwargs):
        defaults = {
            "form_class": self.form_class,
            "required": not self.blank,
            "label": self.verbose_name.capitalize(),
            "help_text": self.help_text,
            **self.form_defaults(),
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        for key in ("encoder", "decoder", "max_length"):
            defaults.pop(key, None)
        return form_class(**defaults)


class MultipleChoiceField(JSONListField):
    """A list of choices stored as JSON, edited as a set of checkboxes.

    Used where a page or snippet has several of a short fixed list (audiences, what a person
    offers).
    """

    form_class = forms.TypedMultipleChoiceField

    def __init__(self, *args, choices=None, **kwargs):
        self.item_choices = list(choices or [])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.item_choices
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _ in self.item_choices}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            raise ValidationError(f"Unknown choice: {', '.join(map(str, unknown))}.")

    def form_defaults(self) -> dict:
        return {"choices": self.item_choices, "widget": forms.CheckboxSelectMultiple}

    def labels(self, value) -> list[str]:
        lookup = dict(self.item_choices)
        return [lookup.get(item, item) for item in value or []]


DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%A %d %B %Y", "%a %d %b %Y"]


class DateListFormField(forms.CharField):
    """Dates typed one per line (2027-03-02, 2/3/2027 or 2 March 2027); cleans to a sorted list of
    ISO dates. Each line that is not a date is named in the error, so nothing typed is lost."""

    widget = forms.Textarea(attrs={"rows": 8})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(
                datetime.date.fromisoformat(item).strftime("%-d %B %Y")
                if isinstance(item, str)
                else str(item)
                for item in value
            )
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return sorted({str(item) for item in value})
        text = super().to_python(value)
        days, bad, seen = [], [], set()
        for line in (line.strip() for line in text.splitlines()):
            if not line:
                continue
            day = _parse_date(line)
            if day is None:
                bad.append(line)
            elif day in seen:
                raise ValidationError(f"{day:%-d %B %Y} is listed twice.")
            else:
                seen.add(day)
                days.append(day)
        if bad:
            raise ValidationError(
                "Not a date: %(lines)s. Write one date per line, for example 2 March 2027.",
                params={"lines": ", ".join(f"“{line}”" for line in bad)},
            )
        return [day.isoformat() for day in sorted(days)]


def _parse_date(text: str) -> datetime.date | None:
    for fmt in DATE_INPUT_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


class DateListField(JSONListField):
    """A sorted list of dates stored as ISO strings, edited as a textarea with one date per line.
    `as_dates` reads it back as dates."""

    form_class = DateListFormField

    @staticmethod
    def as_dates(value) -> list[datetime.date]:
        return [datetime.date.fromisoformat(item) for item in value or []]
