"""The manager's link to agree a service project: a signed token for one version of the plan.

Its own module so the email task (which puts the link in the email) and the project service
(which checks it) both import it without importing each other.
"""

import datetime

from django.conf import settings
from django.core import signing

from learning_records.programme.models import ServiceProjectAgreement, ServiceProjectVersion

Party = ServiceProjectAgreement.Party
TOKEN_SALT = "learning_records.programme.manager-agreement"  # noqa: S105 (a namespace, not a secret)


class LinkRefused(Exception):
    """The manager's link cannot be used. `gone` links were real but are expired, used or replaced."""

    def __init__(self, message: str, *, gone: bool):
        super().__init__(message)
        self.message = message
        self.gone = gone


def make_manager_token(version: ServiceProjectVersion) -> str:
    return signing.dumps(
        {"p": version.project_id, "v": version.number, "n": version.manager_nonce}, salt=TOKEN_SALT
    )


def version_for_token(token: str) -> ServiceProjectVersion:
    """The version a manager's link is for, or LinkRefused with a message to show them."""
    max_age = datetime.timedelta(days=settings.PROGRAMME_AGREEMENT_LINK_DAYS)
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkRefused(
            "This link has expired. Ask the aspirant to send you a new one from their programme page.",
            gone=True,
        ) from error
    except signing.BadSignature as error:
        raise LinkRefused("This link is not valid.", gone=False) from error
    try:
        version = ServiceProjectVersion.objects.select_related("project__enrolment__cohort__programme").get(
            project_id=int(payload["p"]), number=int(payload["v"])
        )
    except (KeyError, TypeError, ValueError, ServiceProjectVersion.DoesNotExist) as error:
        raise LinkRefused("This link is not valid.", gone=False) from error
    if not isinstance(payload.get("n"), str) or payload["n"] != version.manager_nonce:
        # Resending replaces the nonce, so an earlier link for this version lands here too.
        raise LinkRefused(
            "This link has been replaced by a newer one, or is not valid. "
            "Use the link in the most recent email.",
            gone=False,
        )
    if version.project.current_version_id != version.pk:
        raise LinkRefused(
            "The plan has changed since this link was sent. "
            "A link to the new version has been emailed to you.",
            gone=True,
        )
    if version.agreements.filter(party=Party.MANAGER).exists():
        raise LinkRefused("You have already responded to this version of the plan. Thank you.", gone=True)
    return version
