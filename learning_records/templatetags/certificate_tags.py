from django import template

register = template.Library()


@register.filter
def with_columns(cells, columns):
    """Pair each cell of a snapshot table row with its column, for `{% for cell, column in ... %}`."""
    return zip(cells, columns, strict=False)
