"""Site-wide settings editors manage: branding, footer and the certificate signatory."""

from django.db import models
from django.db.models import Prefetch

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Site

from cms import cache


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    organisation_name = models.CharField(
        max_length=200,
        default="Praxis Teaching Partnership",
        help_text="The partnership's name, used in the header, footer, feeds and certificates.",
    )
    tagline = models.CharField(max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header and on certificates. A wide PNG or SVG works best.",
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    footer_text = models.TextField(
        blank=True, help_text="A line or two for the footer, e.g. who funds the partnership."
    )
    signatory_name = models.CharField(
        max_length=150, blank=True, help_text="The person who signs certificates."
    )
    signatory_role = models.CharField(
        max_length=150, blank=True, help_text="e.g. 'Director, Centre for Social Work'."
    )
    signature_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A scan of the signature on a white or transparent background.",
    )

    branding_panels = [
        FieldPanel("organisation_name"),
        FieldPanel("tagline"),
        FieldPanel("logo"),
    ]
    footer_panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("address")],
            heading="Contact",
        ),
        FieldPanel("footer_text"),
        InlinePanel("footer_links", heading="Footer links", label="Link"),
    ]
    certificate_panels = [
        FieldPanel("signatory_name"),
        FieldPanel("signatory_role"),
        FieldPanel("signature_image"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(branding_panels, heading="Branding"),
            ObjectList(footer_panels, heading="Footer"),
            ObjectList(certificate_panels, heading="Certificates"),
        ]
    )

    class Meta:
        verbose_name = "site settings"

    @classmethod
    def base_queryset(cls):
        # Everything the header and footer show, so a cached copy needs no further query.
        return (
            super()
            .base_queryset()
            .select_related("logo", "signature_image")
            .prefetch_related(
                Prefetch("footer_links", queryset=FooterLink.objects.select_related("page")),
                "logo__renditions",
            )
        )

    @classmethod
    def for_request(cls, request):
        """Wagtail's per-request settings, read from the cache for this generation (cms/cache.py)."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)
            instance = cache.cached(request, f"site-settings:{site.pk}", lambda: cls.for_site(site))
            instance._request = request
            setattr(request, attr_name, instance)
        return getattr(request, attr_name)

    def footer_link_list(self) -> list["FooterLink"]:
        """The footer's links with their pages, prefetched with the settings."""
        return list(self.footer_links.all())


class FooterLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_links")
    label = models.CharField(max_length=60)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.URLField(blank=True, help_text="Only if the link goes to another website.")

    panels = [FieldPanel("label"), FieldPanel("page"), FieldPanel("url")]

    @property
    def href(self) -> str:
        return self.page.url if self.page_id else self.url
