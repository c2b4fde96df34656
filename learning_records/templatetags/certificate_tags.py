from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def with_columns(cells, columns):
    """Pair each cell of a snapshot table row with its column, for `{% for cell, column in ... %}`."""
    return zip(cells, columns, strict=False)


@register.filter
def entry_details(cells, columns):
    """The cells after an entry's lead and title, each with its column (for list layouts)."""
    return zip(cells[2:], columns[2:], strict=False)


@register.filter
def soft_break_url(url):
    """The URL with break opportunities after each slash, so a narrow box wraps it between
    its parts rather than inside the verification code."""
    return mark_safe("/<wbr>".join(conditional_escape(part) for part in str(url).split("/")))
