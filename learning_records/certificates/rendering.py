"""A certificate's snapshot to PDF bytes: branding from the site settings, QR code, template."""

import io
import logging
from dataclasses import dataclass

import segno

from wagtail.models import Site

from cms.models import SiteSettings
from learning_records.common.pdf import ProjectFilesFetcher, pdf_media, render_pdf

logger = logging.getLogger(__name__)

PDF_STYLESHEET = "css/certificate-pdf.css"
LOGO_SPEC = "height-160"  # 16 mm tall at about 250 dpi
SIGNATURE_SPEC = "max-600x240"


@dataclass(frozen=True)
class Branding:
    """Who issues and signs certificates, from the site settings at the moment of issue."""

    organisation_name: str
    signatory_name: str = ""
    signatory_role: str = ""
    logo_url: str = ""  # PDF fetcher URLs (see learning_records.common.pdf), or blank
    signature_url: str = ""

    def issuer_snapshot(self) -> dict:
        return {
            "organisation_name": self.organisation_name,
            "signatory_name": self.signatory_name,
            "signatory_role": self.signatory_role,
        }


def _image_url(image, spec: str) -> str:
    """A fetcher URL for a Wagtail image (a rendition, or an SVG as it is), or blank."""
    if image is None:
        return ""
    try:
        name = image.file.name if image.is_svg() else image.get_rendition(spec).file.name
    except Exception:  # a missing or broken image must not stop a certificate being issued
        logger.exception("Could not use image %s on a certificate", image.pk)
        return ""
    return pdf_media(name)


def site_settings() -> SiteSettings:
    """The default site's settings with the two images a certificate prints, in one query.
    Wagtail's `for_site` reads the site, then the settings with the footer's links and the
    logo's renditions, none of which a certificate shows; it is used only to make the row the
    first time (unsaved defaults when there is no site yet)."""
    found = (
        SiteSettings.objects.select_related("logo", "signature_image")
        .filter(site__is_default_site=True)
        .first()
    )
    if found is None:
        site = Site.objects.filter(is_default_site=True).first()
        found = SiteSettings.for_site(site) if site else SiteSettings()
    return found


def current_branding() -> Branding:
    site_settings_ = site_settings()
    return Branding(
        organisation_name=site_settings_.organisation_name or "Praxis",
        signatory_name=site_settings_.signatory_name,
        signatory_role=site_settings_.signatory_role,
        logo_url=_image_url(site_settings_.logo, LOGO_SPEC),
        signature_url=_image_url(site_settings_.signature_image, SIGNATURE_SPEC),
    )


def qr_png(url: str) -> bytes:
    """A QR code of `url` as a PNG of one pixel per module (error correction M, a four-module
    quiet zone); the stylesheet scales it up without smoothing. An inline SVG of the same code
    cost WeasyPrint about 5 ms a certificate to parse and draw, as one path of hundreds of runs."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=1, border=4)
    return buffer.getvalue()


def render_certificate_pdf(
    *,
    snapshot: dict,
    template_name: str,
    branding: Branding,
    fetcher: ProjectFilesFetcher | None = None,
) -> bytes:
    """The PDF for a snapshot. Called once per certificate: the bytes are then stored for good."""
    fetcher = fetcher or ProjectFilesFetcher()
    context = {
        "c": snapshot,
        "logo_url": branding.logo_url,
        "signature_url": branding.signature_url,
        "qr_url": fetcher.add_generated("qr.png", qr_png(snapshot["verification_url"]), "image/png"),
    }
    return render_pdf(template_name, context, stylesheet=PDF_STYLESHEET, fetcher=fetcher)
