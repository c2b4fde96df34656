"""The abstract page every Praxis page type builds on, assembled from small mixins."""

from django.db import models
from django.db.models import prefetch_related_objects

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from cms.routing import CachedViewRestrictionsMixin


def prefetch_renditions(*objects_and_fields) -> None:
    """Read the renditions of several lists' images in one query: pairs of (objects, image
    field name), e.g. prefetch_renditions(pages, "listing_image", organisations, "logo")."""
    pairs = zip(objects_and_fields[::2], objects_and_fields[1::2], strict=True)
    images = [image for objects, field in pairs for item in objects if (image := getattr(item, field, None))]
    prefetch_related_objects(images, "renditions")


class ListingFieldsMixin(models.Model):
    """What a page shows when it is listed on another page (cards, search results)."""

    listing_title = models.CharField(
        max_length=255, blank=True, help_text="A shorter title for cards and lists. Optional."
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown on cards. Landscape, at least 800 pixels wide.",
    )
    listing_summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two sentences for cards and search results. "
        "Leave blank to use the search description.",
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading="Listings",
        )
    ]

    class Meta:
        abstract = True

    @property
    def card_title(self) -> str:
        return self.listing_title or self.title

    @property
    def card_summary(self) -> str:
        # Most page types have a required plain-text summary, a better fallback than nothing.
        return self.listing_summary or self.search_description or getattr(self, "summary", "")


class SocialFieldsMixin(models.Model):
    """Open Graph and Twitter card overrides for when a page is shared."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared on social media. 1200 by 630 pixels is ideal.",
    )
    social_text = models.CharField(
        max_length=255, blank=True, help_text="Text shown when the page is shared. Optional."
    )

    social_panels = [
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading="Social sharing")
    ]

    class Meta:
        abstract = True

    @property
    def meta_description(self) -> str:
        return self.search_description or getattr(self, "listing_summary", "") or self.social_text


class BasePage(CachedViewRestrictionsMixin, ListingFieldsMixin, SocialFieldsMixin, Page):
    """Every Praxis page type: listing, SEO and social fields in the Promote tab."""

    show_in_menus_default = False

    promote_panels = (
        [
            MultiFieldPanel(
                [
                    FieldPanel("slug"),
                    FieldPanel("seo_title"),
                    FieldPanel("search_description"),
                    FieldPanel("show_in_menus"),
                ],
                heading="Search engines and menus",
            )
        ]
        + ListingFieldsMixin.listing_panels
        + SocialFieldsMixin.social_panels
    )

    search_fields = Page.search_fields + [
        index.SearchField("listing_summary"),
    ]

    class Meta:
        abstract = True
