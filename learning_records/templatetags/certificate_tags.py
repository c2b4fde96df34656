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
    """The URL with one break opportunity, before its last part (the verification code), and
    that part kept whole (the stylesheet's `nowrap`), so a narrow box wraps the URL there rather
    than after a hyphen inside the code. One, not one after every slash: each <wbr> splits the
    text into another run for WeasyPrint to shape, lay out and draw (five cost about 5 ms)."""
    head, slash, tail = str(url).rstrip("/").rpartition("/")
    if not slash:
        return url
    ending = "/" if str(url).endswith("/") else ""
    return mark_safe(
        f'{conditional_escape(head)}/<wbr/><span class="nowrap">{conditional_escape(tail)}{ending}</span>'
    )
