"""System checks: a signing key that is set must be one the badges can be signed with."""

from django.conf import settings
from django.core.checks import Error, register
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
