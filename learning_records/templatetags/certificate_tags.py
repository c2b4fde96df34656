from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def with_columns(cells, columns):
    """Pair each cell of a snapshot table row with its column, for `{% for cell, column in ... %}`."""
    return zip(cells, columns, strict=False)


def _labelled(cells, columns) -> list[str]:
    """["Hours: 1.5", "Standards: 4.1"] for the cells that have a value."""
    return [f"{column['label']}: {cell}" for cell, column in zip(cells, columns, strict=False) if cell != ""]


@register.filter
def as_line(cells, columns):
    """A table row as one line of text, its first cell leading and the rest labelled:
    "Residential · Days confirmed: 2 · Required: 2". Plain text, so the template escapes it."""
    lead = [str(cells[0])] if cells and cells[0] != "" else []
    return " · ".join([*lead, *_labelled(cells[1:], columns[1:])])


@register.filter
def entry_details(cells, columns):
    """The cells after an entry's lead and title, labelled, as one line of text."""
    return " · ".join(_labelled(cells[2:], columns[2:]))


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
