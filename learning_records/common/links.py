"""Full addresses of the site's own pages, for what is read away from a request: emails,
certificates, QR codes and Open Badges credentials."""

from django.conf import settings


def absolute_url(path: str = "/") -> str:
    """`path` (from `reverse()`, starting with "/") on the public site address.

    WAGTAILADMIN_BASE_URL is set from SITE_URL in the settings, so one setting names the site.
    """
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"
