"""System checks: a signing key that is set must be one the badges can be signed with, and
WeasyPrint must have its fast font subsetter."""

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured


@register()
def check_signing_key(app_configs, **kwargs):
    from learning_records.certificates.signing import parse_signing_key

    if not settings.PRAXIS_SIGNING_KEY:
        return []
    try:
        parse_signing_key(settings.PRAXIS_SIGNING_KEY)
    except ImproperlyConfigured as error:
        return [
            Error(
                str(error),
                hint="Run `manage.py generate_signing_key` and put its output in PRAXIS_SIGNING_KEY.",
                id="learning_records.E001",
            )
        ]
    return []


@register()
def check_pdf_font_subsetter(app_configs, **kwargs):
    """WeasyPrint subsets the certificate fonts with HarfBuzz when libharfbuzz-subset is
    installed; without it, it falls back to fontTools, about 2 s per font on every PDF."""
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    if harfbuzz_subset is not None and harfbuzz.hb_version_atleast(4, 1, 0):
        return []
    return [
        Warning(
            "HarfBuzz's font subsetter (libharfbuzz-subset 4.1 or newer) is not installed, so every "
            "certificate PDF takes seconds to render instead of milliseconds.",
            hint="Install it: apt-get install libharfbuzz-subset0 (Debian and Ubuntu).",
            id="learning_records.W001",
        )
    ]
