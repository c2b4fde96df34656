from django import template

from learning_records.programme import rules

register = template.Library()


@register.filter
def days(value) -> str:
    """A number of days in words: 'half a day', '1 day', '4.5 days'."""
    if value is None:
        return ""
    return rules.format_days(value)


@register.filter
def long_date(value) -> str:
    return rules.long_date(value) if value else ""


@register.simple_tag
def agreement_rows(plan) -> list[dict]:
    """The three parties of a plan version in order, each with its decision or None (uses prefetched rows)."""
    by_party = {agreement.party: agreement for agreement in plan.agreements.all()}
    labels = {"aspirant": "Aspirant", "mentor": "Mentor", "manager": "Manager"}
    return [
        {"party": party, "label": labels[party], "agreement": by_party.get(party)} for party in rules.PARTIES
    ]


@register.inclusion_tag("learning_records/includes/programme_breadcrumbs.html")
def programme_breadcrumbs(*items):
    """Pairs of (label, url) and a final label: {% programme_breadcrumbs "My programme" url "Log a day" %}."""
    items = list(items)
    current = items.pop() if len(items) % 2 else ""
    links = [{"label": items[i], "url": items[i + 1]} for i in range(0, len(items), 2)]
    return {"links": links, "current": current}


@register.filter
def number(value) -> str:
    """A Decimal without trailing zeros or exponent: 5.0 -> '5', 10 -> '10', 2.5 -> '2.5'."""
    if value is None:
        return ""
    return f"{value.normalize():f}"
