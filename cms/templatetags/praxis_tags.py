from django import template

from wagtail.models import Page, Site

from cms import cache

register = template.Library()


def menu_items(request, site) -> list[dict]:
    """Title, URL and tree path of the top-level pages with "show in menus" ticked (cached)."""

    def build():
        pages = site.root_page.get_children().live().public().in_menu()
        return [{"title": page.title, "url": page.get_url(request), "path": page.path} for page in pages]

    return cache.cached(request, f"menu:{site.pk}", build)


@register.inclusion_tag("includes/primary_nav.html", takes_context=True)
def primary_nav(context):
    """Top-level pages with "show in menus" ticked, marked current for the page being viewed."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current_path = getattr(context.get("page"), "path", "") or ""
    items = [
        {**item, "is_current": bool(current_path) and current_path.startswith(item["path"])}
        for item in (menu_items(request, site) if site else [])
    ]
    return {"items": items, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": []}
    # The router read the branch already (cms/routing.py); previews and other views have not.
    served = getattr(page, "served_ancestors", None)
    if served is not None:
        ancestors = [ancestor for ancestor in served if ancestor.depth >= 2 and ancestor.live]
    else:
        ancestors = list(page.get_ancestors().filter(depth__gte=2).live())
    return {"ancestors": ancestors, "page": page}


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        vary = tuple(variable.resolve(context, ignore_failures=True) for variable in self.vary_on)
        if None in vary:  # a value that is missing cannot tell one fragment from another
            return self.nodelist.render(context)
        return cache.fragment(context.get("request"), self.name, vary, lambda: self.nodelist.render(context))


@register.tag
def sharedcache(parser, token):
    """{% sharedcache "name" value ... %}…{% endsharedcache %}: what is inside is the same for every
    visitor, so it is built once per generation of content (cms.cache.fragment) for each set of
    values after the name. Those values must cover everything inside that is not content:
    nothing personal (no request.user, no csrf_token) belongs in here. If one of them is
    missing (None, or not in the context) the fragment is built and not kept.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("sharedcache needs a name, then what the fragment varies on.")
    nodelist = parser.parse(("endsharedcache",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return SharedFragmentNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])


def form_state(form) -> tuple:
    """What a form's fields are rendered from: each field's name, label, widget, choices, value
    and errors. Two forms in the same state render the same HTML."""
    fields = [
        (
            bound.html_name,
            bound.auto_id,
            str(bound.label),
            bound.field.required,
            bound.field.disabled,
            type(bound.field.widget).__qualname__,
            sorted(bound.field.widget.attrs.items()),
            [(value, str(label)) for value, label in getattr(bound.field, "choices", ())],
            bound.value(),
            [str(error) for error in bound.errors],
        )
        for bound in form
    ]
    non_field_errors = [str(error) for error in form.non_field_errors()]
    return (type(form).__module__, type(form).__qualname__, form.prefix, fields, non_field_errors)


class FormFragmentNode(template.Node):
    def __init__(self, nodelist, form):
        self.nodelist, self.form = nodelist, form

    def render(self, context):
        state = form_state(self.form.resolve(context))
        return cache.fragment_of_state("form", state, lambda: self.nodelist.render(context))


@register.tag
def formcache(parser, token):
    """{% formcache form %}…{% endformcache %}: HTML made only from the form's fields (labels,
    widgets, options, values, errors), kept for each state of the form (form_state). For filter
    and search forms, whose long lists of options are slow to render; never for a form with a
    CSRF token or anything else that is not in its fields."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("formcache takes the form: {% formcache form %}.")
    nodelist = parser.parse(("endformcache",))
    parser.delete_first_token()
    return FormFragmentNode(nodelist, parser.compile_filter(bits[1]))


@register.filter
def page_links(page_obj) -> list[int | None]:
    """What components/pagination.html shows for `page_obj`, in order: the first and last page
    numbers and two either side of the current one, with None where a gap beside the first or
    the last is marked. Looping over every page of a search for a common word (1,000 pages)
    took 50 to 70 ms of template time."""
    number, last = page_obj.number, page_obj.paginator.num_pages
    candidates = sorted(n for n in {1, 2, last - 1, last, *range(number - 2, number + 3)} if 1 <= n <= last)
    return [n if n in (1, last) or abs(n - number) <= 2 else None for n in candidates]
