"""The site search form: words, and optional filters by page type and topic."""

from django import forms

from cms.models import (
    CaseStudyPage,
    ChangeProjectPage,
    CoursePage,
    EventPage,
    ProgrammePage,
    ResearchOutputPage,
    StandardPage,
)
from cms.models.courses import CoursePageTag
from cms.models.events import EventPageTag
from cms.models.research import ResearchOutputPageTag

# The public page types people can narrow a search to: key -> (filter label, result label, model).
PAGE_TYPES = {
    "course": ("Courses", "Course", CoursePage),
    "event": ("Events", "Event", EventPage),
    "research": ("Research", "Research", ResearchOutputPage),
    "programme": ("Programmes", "Programme", ProgrammePage),
    "change-project": ("Change projects", "Change project", ChangeProjectPage),
    "case-study": ("Case studies", "Case study", CaseStudyPage),
    "page": ("Other pages", "Page", StandardPage),
}
TAGGED_ITEM_MODELS = (CoursePageTag, EventPageTag, ResearchOutputPageTag)


def result_type_label(page_class: type) -> str:
    """What kind of page a result is (by its specific class), in a word or two ("Course");
    "Page" for anything else."""
    for _filter_label, label, model in PAGE_TYPES.values():
        if issubclass(page_class, model):
            return label
    return "Page"


def tags_in_use() -> list[tuple[str, str]]:
    """(slug, name) of every topic on a live course, event or research output, by name."""
    first, *others = [
        model.objects.filter(content_object__live=True).values_list("tag__slug", "tag__name")
        for model in TAGGED_ITEM_MODELS
    ]
    tags = dict(first.union(*others))  # one query for the three kinds of page
    return sorted(tags.items(), key=lambda item: item[1].lower())


def page_ids_tagged(slug: str) -> set[int]:
    ids = set()
    for model in TAGGED_ITEM_MODELS:
        ids.update(model.objects.filter(tag__slug=slug).values_list("content_object_id", flat=True))
    return ids


class SearchForm(forms.Form):
    template_name = "components/filter_fields.html"

    q = forms.CharField(label="Search for", required=False, max_length=255)
    type = forms.ChoiceField(label="Type", required=False)
    tag = forms.ChoiceField(label="Topic", required=False)

    def __init__(self, data=None, *, topics=None):
        """`topics`: the (slug, name) choices for the topic filter, if the caller has them
        (the view keeps them in the cache); otherwise they are read from the database."""
        super().__init__(data if data is not None else {})
        self.fields["q"].widget.input_type = "search"
        self.fields["type"].choices = [("", "All types")] + [
            (key, filter_label) for key, (filter_label, _label, _model) in PAGE_TYPES.items()
        ]
        self.fields["tag"].choices = [("", "All topics"), *(tags_in_use() if topics is None else topics)]
        self.is_valid()

    @property
    def query(self) -> str:
        return (self.cleaned_data.get("q") or "").strip()

    @property
    def is_filtered(self) -> bool:
        return bool(self.cleaned_data.get("type") or self.cleaned_data.get("tag"))

    def filter(self, pages):
        """Narrow a page queryset by the chosen type and topic, before the text search runs."""
        if page_type := self.cleaned_data.get("type"):
            pages = pages.type(PAGE_TYPES[page_type][2])
        if tag := self.cleaned_data.get("tag"):
            pages = pages.filter(id__in=page_ids_tagged(tag))
        return pages
