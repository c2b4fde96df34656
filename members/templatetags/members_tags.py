import datetime

from django import template

register = template.Library()


@register.filter
def as_minutes(value) -> str:
    """A timedelta (or hours as a number) as "15 minutes" / "1 minute"."""
    if value in (None, ""):
        return ""
    if not isinstance(value, datetime.timedelta):
        value = datetime.timedelta(hours=float(value))
    minutes = max(1, round(value.total_seconds() / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
