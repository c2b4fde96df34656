"""Professional frameworks of standards, kept as data so a new version needs no code change."""

from django.db import models
from django.db.models import Q

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class FrameworkQuerySet(models.QuerySet):
    def current_on(self, date):
        """Frameworks in force on a date (valid_to is the first day a framework no longer applies)."""
        return self.filter(valid_from__lte=date).filter(Q(valid_to__isnull=True) | Q(valid_to__gt=date))


class Framework(index.Indexed, ClusterableModel):
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60, help_text="Used in tables and on certificates.")
    slug = models.SlugField(max_length=80, unique=True)
    publisher = models.CharField(max_length=150)
    version = models.CharField(max_length=40, help_text="As the publisher names it, e.g. '2019'.")
    valid_from = models.DateField(help_text="The date this version applies from.")
    valid_to = models.DateField(
        null=True,
        blank=True,
        help_text="The date a newer version replaces it. Leave blank while it is current.",
    )
    source_url = models.URLField(blank=True, help_text="Where the official text is published.")
    description = models.TextField(blank=True)

    objects = FrameworkQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
        FieldPanel("publisher"),
        MultiFieldPanel(
            [FieldPanel("version"), FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")])],
            heading="Version",
        ),
        FieldPanel("source_url"),
        FieldPanel("description"),
        InlinePanel("statements", heading="Statements", label="Statement"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("publisher"),
        index.FilterField("publisher"),
    ]

    class Meta:
        ordering = ["name", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
                name="framework_valid_to_after_valid_from",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.version})"


class Statement(Orderable):
    framework = ParentalKey(Framework, on_delete=models.CASCADE, related_name="statements")
    code = models.CharField(max_length=20, help_text="The number as published, e.g. '4.1'.")
    title = models.CharField(max_length=500)
    text = models.TextField(blank=True, help_text="Optional fuller description.")
    level = models.CharField(max_length=80, blank=True, help_text="Optional: the career level it applies to.")
    lead_in = models.CharField(
        max_length=40,
        blank=True,
        help_text="Words that must come before the title for it to read correctly, e.g. 'I will not' "
        "for Social Work England standard 5. Leave blank for most statements.",
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("level")]),
        FieldPanel("lead_in"),
        FieldPanel("title"),
        FieldPanel("text"),
    ]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="statement_code_unique")]

    def __str__(self):
        return f"{self.framework.short_name} {self.code}: {self.display_title}"

    @property
    def display_title(self) -> str:
        """The title as it reads on its own: 'I will not falsify records…' rather than 'Falsify…'."""
        if not self.lead_in:
            return self.title
        return f"{self.lead_in} {self.title[:1].lower()}{self.title[1:]}"

    @property
    def depth(self) -> int:
        """1 for a top-level standard ('4'), 2 for a sub-standard ('4.1')."""
        return self.code.count(".") + 1
