"""Content Security Policy, our own middleware (Django 5.2 has no built-in CSP; 6.0 does).

The public site runs only scripts and styles served from our own origin: no inline script, no
`unsafe-inline`, no `unsafe-eval`, so injected markup cannot run code. There is no nonce, so a
cached page stays valid for everyone. Wagtail's admin (under /admin/) still uses inline scripts
and styles in places, so it gets a looser policy scoped to that path; only staff reach it.

A response that sets its own policy (an evidence download is sandboxed) keeps it.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "Content-Security-Policy"
REPORT_ONLY_HEADER = "Content-Security-Policy-Report-Only"

PUBLIC_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "media-src": ("'self'",),
    "frame-src": ("'none'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
    "frame-ancestors": ("'none'",),
}
# Wagtail's admin: inline scripts and style attributes in some of its templates and widgets,
# blob: images in the image chooser, and the page preview in a same-origin frame.
ADMIN_POLICY: dict[str, tuple[str, ...]] = {
    **PUBLIC_POLICY,
    "script-src": ("'self'", "'unsafe-inline'"),
    "style-src": ("'self'", "'unsafe-inline'"),
    "img-src": ("'self'", "data:", "blob:"),
    "frame-src": ("'self'",),
    "frame-ancestors": ("'self'",),
}
# Directives that also allow the public media origin when media live in object storage.
MEDIA_DIRECTIVES = ("img-src", "media-src")


def build_policy(directives: dict[str, tuple[str, ...]], media_origins=(), report_uri: str = "") -> str:
    parts = []
    for name, sources in directives.items():
        if name in MEDIA_DIRECTIVES:
            sources = (*sources, *media_origins)
        parts.append(f"{name} {' '.join(sources)}")
    if report_uri:
        parts.append(f"report-uri {report_uri}")
    return "; ".join(parts)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        origins = tuple(getattr(settings, "PRAXIS_CSP_MEDIA_ORIGINS", ()))
        report_uri = getattr(settings, "PRAXIS_CSP_REPORT_URI", "")
        self.public = build_policy(PUBLIC_POLICY, origins, report_uri)
        self.admin = build_policy(ADMIN_POLICY, origins, report_uri)
        self.header = REPORT_ONLY_HEADER if getattr(settings, "PRAXIS_CSP_REPORT_ONLY", False) else HEADER
        self.admin_prefix = "/admin/"

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if HEADER in response or REPORT_ONLY_HEADER in response:
            return response
        is_admin = request.path_info.startswith(self.admin_prefix)
        response[self.header] = self.admin if is_admin else self.public
        return response
