"""Programme emails: days waiting for the mentor, a queried day, a plan awaiting agreement.

Services enqueue these with `transaction.on_commit`, so a task never runs for a change that was
rolled back and always sees the committed rows. Tasks take primary keys, not objects, so any
queue backend can carry them. An email that fails (the mail server is down) is logged and sent
again later with backoff (config/task_retry.py), up to EMAIL_ATTEMPTS times.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from learning_records.common.email import EMAIL_ATTEMPTS, email_task, send_templated_email
from learning_records.common.links import absolute_url

__all__ = ["EMAIL_ATTEMPTS", "email_task", "send_templated_email"]


@email_task
def email_mentor_days_waiting(enrolment_id: int) -> bool:
    """Tell the mentor that days wait for confirmation, at most once per reminder interval."""
    from learning_records.programme.models import Enrolment

    now = timezone.now()
    interval = datetime.timedelta(hours=settings.PROGRAMME_MENTOR_REMINDER_HOURS)
    previous = Enrolment.objects.filter(pk=enrolment_id).values_list("mentor_notified_at", flat=True).first()
    # Claim the reminder in one UPDATE, so two logs at the same moment send one email.
    claimed = (
        Enrolment.objects.filter(pk=enrolment_id)
        .filter(Q(mentor_notified_at__isnull=True) | Q(mentor_notified_at__lt=now - interval))
        .update(mentor_notified_at=now)
    )
    if not claimed:
        return False
    enrolment = Enrolment.objects.select_related("aspirant", "mentor", "cohort").get(pk=enrolment_id)
    waiting = list(enrolment.days.waiting().order_by("date"))
    if not waiting or enrolment.mentor is None:
        return False
    try:
        send_templated_email(
            "mentor_days_waiting",
            {
                "enrolment": enrolment,
                "days": waiting,
                "url": absolute_url(reverse("programme:mentee", args=[enrolment.pk])),
            },
            [enrolment.mentor.email],
        )
    except Exception:
        # Not sent: give the claim back, or the retry would find the reminder already done.
        Enrolment.objects.filter(pk=enrolment_id, mentor_notified_at=now).update(mentor_notified_at=previous)
        raise
    return True


@email_task
def email_aspirant_day_queried(day_id: int) -> None:
    from learning_records.programme.models import ProgrammeDay

    day = ProgrammeDay.objects.select_related("enrolment__aspirant", "enrolment__mentor").get(pk=day_id)
    enrolment = day.enrolment
    send_templated_email(
        "day_queried",
        {
            "enrolment": enrolment,
            "day": day,
            "url": absolute_url(reverse("programme:day_edit", args=[enrolment.pk, day.pk])),
        },
        [enrolment.aspirant.email],
    )


@email_task
def email_manager_agreement_request(version_id: int) -> None:
    """Send the manager the signed link for this version. The token is made here, not queued."""
    from learning_records.programme.models import ServiceProjectVersion
    from learning_records.programme.tokens import make_manager_token

    version = ServiceProjectVersion.objects.select_related(
        "project__enrolment__aspirant", "project__enrolment__mentor", "project__enrolment__cohort__programme"
    ).get(pk=version_id)
    enrolment = version.project.enrolment
    send_templated_email(
        "manager_agreement",
        {
            "enrolment": enrolment,
            "version": version,
            "url": absolute_url(reverse("programme:manager_agreement", args=[make_manager_token(version)])),
            "expires_in_days": settings.PROGRAMME_AGREEMENT_LINK_DAYS,
        },
        [enrolment.manager_email],
    )


@email_task
def email_aspirant_changes_requested(agreement_id: int) -> None:
    from learning_records.programme.models import ServiceProjectAgreement

    agreement = ServiceProjectAgreement.objects.select_related("version__project__enrolment__aspirant").get(
        pk=agreement_id
    )
    enrolment = agreement.version.project.enrolment
    send_templated_email(
        "changes_requested",
        {
            "enrolment": enrolment,
            "agreement": agreement,
            "url": absolute_url(reverse("programme:project_edit", args=[enrolment.pk])),
        },
        [enrolment.aspirant.email],
    )
