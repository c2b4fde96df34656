"""The aspirant's service development project and its three agreements.

The plan lives on numbered versions. Any change to an agreed (or sent) plan makes a new version
that the aspirant, the mentor and the manager agree again; older versions and their agreements
are kept as the history. Imported through `models/programme.py`.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class ServiceProject(models.Model):
    enrolment = models.OneToOneField(
        "learning_records.Enrolment", on_delete=models.CASCADE, related_name="service_project"
    )
    current_version = models.ForeignKey(
        "learning_records.ServiceProjectVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "service development project"

    def __str__(self):
        return self.current_version.title if self.current_version_id else "Service development project"


class ServiceProjectVersion(models.Model):
    """One version of the plan. Its text never changes once later versions exist."""

    class Status(models.TextChoices):
        AWAITING = "awaiting", "Waiting for agreement"
        AGREED = "agreed", "Agreed by all three"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        SUPERSEDED = "superseded", "Replaced by a later version"

    project = models.ForeignKey(ServiceProject, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    aim = models.TextField(help_text="What the project sets out to change.")
    need = models.TextField("the need in the authority", help_text="Why your authority needs it now.")
    planned_outcomes = models.TextField(help_text="What will be different, and how you will know.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AWAITING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # A fresh nonce is stored with each link sent to the manager: the link carries it, so a link
    # for an older version, a replaced link, or one already used is refused.
    manager_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    manager_link_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["project", "-number"]
        verbose_name = "service project plan version"
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="serviceprojectversion_unique_number"),
        ]

    def __str__(self):
        return f"{self.title} (version {self.number})"


class ServiceProjectMilestone(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    version = models.ForeignKey(ServiceProjectVersion, on_delete=models.CASCADE, related_name="milestones")
    sort_order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    due_on = models.DateField("due by")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)

    class Meta:
        ordering = ["version", "sort_order", "due_on"]

    def __str__(self):
        return self.title


class ServiceProjectAgreement(models.Model):
    """One party's decision on one version: who, when, and any comment."""

    class Party(models.TextChoices):
        ASPIRANT = "aspirant", "Aspirant"
        MENTOR = "mentor", "Mentor"
        MANAGER = "manager", "Manager"

    class Decision(models.TextChoices):
        AGREED = "agreed", "Agreed"
        CHANGES_REQUESTED = "changes_requested", "Asked for changes"

    version = models.ForeignKey(ServiceProjectVersion, on_delete=models.CASCADE, related_name="agreements")
    party = models.CharField(max_length=10, choices=Party.choices)
    decision = models.CharField(max_length=20, choices=Decision.choices)
    name = models.CharField("who", max_length=150)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True)
    decided_at = models.DateTimeField("when")

    class Meta:
        ordering = ["version", "decided_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "party"], name="serviceprojectagreement_one_per_party"
            ),
            models.CheckConstraint(
                condition=Q(decision="agreed") | ~Q(comment=""),
                name="serviceprojectagreement_changes_have_comment",
            ),
        ]

    def __str__(self):
        return f"{self.get_party_display()}: {self.get_decision_display()}"
