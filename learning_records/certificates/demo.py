"""Demo certificates: a CPD statement for the demo practitioner's complete past year, and a
completion certificate for any demo aspirant whose preparatory phase is complete. Issued through
the real service, so the demo obeys the rules; idempotent, because a certificate that is still
valid is never issued twice."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from learning_records.certificates.kinds import get_kind
from learning_records.certificates.selectors import standing_certificate
from learning_records.certificates.services import issue_certificate
from learning_records.cpd import rules
from learning_records.cpd import selectors as cpd_selectors
from learning_records.programme.models import Enrolment
from members.demo import DEMO_EMAILS, PRACTITIONER_EMAIL
from members.models import User


def _issue(*, kind: str, recipient, params: dict, subject_key: str, stdout) -> None:
    existing = standing_certificate(kind=kind, recipient=recipient, subject_key=subject_key)
    if existing is not None:
        stdout.write(f"  Certificates: {existing.title} for {recipient} already issued ({existing.serial}).")
        return
    try:
        certificate = issue_certificate(kind=kind, recipient=recipient, params=params)
    except ValidationError as error:
        stdout.write(f"  Certificates: no {get_kind(kind).name} for {recipient} ({' '.join(error.messages)})")
        return
    stdout.write(f"  Certificates: issued {certificate.title} {certificate.serial} to {recipient}.")


def load(*, stdout):
    practitioner = User.objects.filter(email__iexact=PRACTITIONER_EMAIL).first()
    if practitioner is None:
        stdout.write(f"  Certificates skipped: no member {PRACTITIONER_EMAIL} (members demo not loaded).")
    else:
        last_year = rules.registration_year_of(timezone.localdate()) - 1
        if cpd_selectors.year_summary(member=practitioner, year=last_year).is_complete:
            name = rules.year_name(last_year)
            _issue(
                kind="cpd_statement",
                recipient=practitioner,
                params={"year": name},
                subject_key=f"year:{name}",
                stdout=stdout,
            )
        else:
            stdout.write(f"  Certificates: {PRACTITIONER_EMAIL}'s past year is not complete; no statement.")

    completion = get_kind("programme_completion")
    enrolments = (
        Enrolment.objects.filter(aspirant__email__in=DEMO_EMAILS)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .select_related("aspirant")
    )
    for enrolment in enrolments:
        if completion.missing(enrolment.aspirant, enrolment=enrolment.pk):
            stdout.write(f"  Certificates: {enrolment.aspirant} has not completed the programme yet.")
            continue
        _issue(
            kind=completion.code,
            recipient=enrolment.aspirant,
            params={"enrolment": enrolment.pk},
            subject_key=f"enrolment:{enrolment.pk}",
            stdout=stdout,
        )
