"""Read-only certificate helpers for the pages that link to a member's certificates."""

from learning_records.certificates.models import Certificate


def standing_certificate(*, kind: str, recipient, subject_key: str) -> Certificate | None:
    """The valid, current certificate of `kind` for one subject (a year, an enrolment), if any:
    what a page links to instead of offering to issue a second copy. One query."""
    return (
        Certificate.objects.for_subject(kind=kind, recipient=recipient, subject_key=subject_key)
        .current()
        .valid()
        .first()
    )
