"""The service development project: plans, versions, the three agreements and the manager's link.

The manager may have no account, so they agree through a signed, expiring link. The link names
the project, the version and a nonce stored on the version; it is refused once the manager has
decided on that version, once a newer version or a newer link exists, when it has expired, and
when it has been altered.
"""

import datetime
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learning_records.programme import rules, tasks
from learning_records.programme.models import (
    Enrolment,
    ServiceProject,
    ServiceProjectAgreement,
    ServiceProjectMilestone,
    ServiceProjectVersion,
)
from learning_records.programme.models.service_project import new_nonce
from learning_records.programme.tokens import LinkRefused, version_for_token
from members.models import User

Party = ServiceProjectAgreement.Party
Decision = ServiceProjectAgreement.Decision


@dataclass(frozen=True)
class MilestoneInput:
    title: str
    due_on: datetime.date
    status: str = ServiceProjectMilestone.Status.NOT_STARTED


def _signature(version: ServiceProjectVersion) -> tuple:
    return rules.plan_signature(
        title=version.title,
        aim=version.aim,
        need=version.need,
        planned_outcomes=version.planned_outcomes,
        milestones=[(m.title, m.due_on) for m in version.milestones.all()],
    )


@transaction.atomic
def save_plan(
    *,
    enrolment: Enrolment,
    user: User,
    title: str,
    aim: str,
    need: str,
    planned_outcomes: str,
    milestones: list[MilestoneInput],
) -> tuple[ServiceProjectVersion, bool]:
    """Propose the plan, or change it. Returns the current version and whether it is new.

    A change to what was agreed (text, milestones or their dates) starts a new version: the
    aspirant's agreement is recorded with it, the mentor and the manager are asked again, and
    the old version is kept. Changing only the progress of milestones keeps the version.
    """
    enrolment = Enrolment.objects.select_for_update(of=("self",)).get(pk=enrolment.pk)
    if enrolment.aspirant_id != user.pk:
        raise ValidationError("Only the aspirant can propose or change their project plan.")
    closed = rules.logging_closed_problem(status=enrolment.status, ended_on=enrolment.ended_on)
    if closed:
        raise ValidationError(closed)
    if not milestones:
        raise ValidationError("Add at least one milestone with a date.")
    project, _created = ServiceProject.objects.get_or_create(enrolment=enrolment)
    current = project.current_version
    signature = rules.plan_signature(
        title=title,
        aim=aim,
        need=need,
        planned_outcomes=planned_outcomes,
        milestones=[(m.title, m.due_on) for m in milestones],
    )
    if current is not None and _signature(current) == signature:
        for milestone, given in zip(current.milestones.all(), milestones, strict=True):
            if milestone.status != given.status:
                milestone.status = given.status
                milestone.save(update_fields=["status"])
        return current, False

    if current is not None:
        current.status = ServiceProjectVersion.Status.SUPERSEDED
        current.save(update_fields=["status"])
    version = ServiceProjectVersion.objects.create(
        project=project,
        number=(current.number + 1) if current else 1,
        title=title.strip(),
        aim=aim.strip(),
        need=need.strip(),
        planned_outcomes=planned_outcomes.strip(),
        created_by=user,
    )
    ServiceProjectMilestone.objects.bulk_create(
        ServiceProjectMilestone(
            version=version, sort_order=i, title=m.title.strip(), due_on=m.due_on, status=m.status
        )
        for i, m in enumerate(milestones)
    )
    project.current_version = version
    project.save(update_fields=["current_version"])
    # Sending the plan is the aspirant's agreement to it.
    _record(
        version=version, party=Party.ASPIRANT, decision=Decision.AGREED, name=user.display_name, user=user
    )
    _send_manager_link(version)
    return version, True


def _send_manager_link(version: ServiceProjectVersion) -> None:
    version.manager_link_sent_at = timezone.now()
    version.save(update_fields=["manager_link_sent_at"])
    transaction.on_commit(partial(tasks.email_manager_agreement_request.enqueue, version.pk))


def _record(
    *,
    version: ServiceProjectVersion,
    party: str,
    decision: str,
    name: str,
    user: User | None = None,
    comment: str = "",
) -> ServiceProjectAgreement:
    comment = (comment or "").strip()
    if decision == Decision.CHANGES_REQUESTED and not comment:
        raise ValidationError({"comment": "Say what should change, so the aspirant can revise the plan."})
    if version.agreements.filter(party=party).exists():
        raise ValidationError(
            f"The {Party(party).label.lower()} has already responded to this version of the plan."
        )
    agreement = ServiceProjectAgreement.objects.create(
        version=version,
        party=party,
        decision=decision,
        name=name,
        user=user,
        comment=comment,
        decided_at=timezone.now(),
    )
    decisions = dict(version.agreements.values_list("party", "decision"))
    version.status = rules.agreement_status(decisions)
    version.save(update_fields=["status"])
    if decision == Decision.CHANGES_REQUESTED:
        transaction.on_commit(partial(tasks.email_aspirant_changes_requested.enqueue, agreement.pk))
    return agreement


def _current_version_locked(**project_lookup) -> ServiceProjectVersion:
    project = ServiceProject.objects.select_for_update().filter(**project_lookup).first()
    if project is None or project.current_version_id is None:
        raise ValidationError("There is no plan to agree yet.")
    return ServiceProjectVersion.objects.select_related("project__enrolment").get(
        pk=project.current_version_id
    )


@transaction.atomic
def mentor_decides(
    *, enrolment: Enrolment, mentor: User, version_number: int, decision: str, comment: str = ""
) -> ServiceProjectAgreement:
    """The mentor agrees the current version of the plan or asks for changes."""
    if enrolment.mentor_id != mentor.pk:
        raise ValidationError("Only the aspirant's mentor can agree their plan.")
    version = _current_version_locked(enrolment=enrolment)
    if version.number != version_number:
        raise ValidationError(
            "The plan has changed since you opened it. Read the new version and decide again."
        )
    return _record(
        version=version,
        party=Party.MENTOR,
        decision=decision,
        name=mentor.display_name,
        user=mentor,
        comment=comment,
    )


# The manager's link ----------------------------------------------------------------------------


@transaction.atomic
def manager_decides(*, token: str, decision: str, comment: str = "") -> ServiceProjectAgreement:
    """The manager agrees the plan (or asks for changes) through their link. It works once."""
    version = version_for_token(token)
    locked = _current_version_locked(pk=version.project_id)
    if locked.pk != version.pk:
        raise LinkRefused("The plan has changed since this link was sent.", gone=True)
    enrolment = version.project.enrolment
    return _record(
        version=locked, party=Party.MANAGER, decision=decision, name=enrolment.manager_name, comment=comment
    )


@transaction.atomic
def resend_manager_link(*, enrolment: Enrolment, user: User) -> ServiceProjectVersion:
    """Send the manager a fresh link for the current version; any earlier link stops working."""
    if enrolment.aspirant_id != user.pk:
        raise ValidationError("Only the aspirant can resend the link to their manager.")
    version = _current_version_locked(enrolment=enrolment)
    if version.agreements.filter(party=Party.MANAGER).exists():
        raise ValidationError("Your manager has already responded to this version of the plan.")
    version.manager_nonce = new_nonce()
    version.save(update_fields=["manager_nonce"])
    _send_manager_link(version)
    return version
