"""Issued certificates: the stored PDF, what it printed, and whether it still stands."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from learning_records.certificates.rules import format_code, status_of
from learning_records.common.links import absolute_url
from learning_records.common.storage import private_storage


class CertificateQuerySet(models.QuerySet):
    def for_member(self, user):
        """The certificates issued to `user` (none for an anonymous visitor)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(recipient=user)

    def current(self):
        """Certificates no later version has replaced."""
        return self.filter(replaced_by__isnull=True)

    def valid(self):
        return self.filter(status=Certificate.Status.VALID)

    def being_prepared(self):
        """Issued, with the PDF still to be rendered by the task worker."""
        return self.filter(pdf="")

    def superseded(self):
        return self.filter(replaced_by__isnull=False)

    def of_kind(self, code: str):
        return self.filter(kind=code)

    def for_subject(self, *, kind: str, recipient, subject_key: str):
        """Every version of the certificate for one thing (one year, one programme...)."""
        return self.filter(kind=kind, recipient=recipient, subject_key=subject_key)

    def with_versions(self):
        """Load the versions either side, so listings can say "superseded" without a query each."""
        return self.select_related("replaces", "replaced_by")


class Certificate(models.Model):
    """One issued certificate. Its PDF and snapshot never change; a correction is a new version.

    `snapshot` holds every field printed on the PDF, so the public verification page shows
    exactly what the PDF says, even after the records it came from have changed.
    """

    class Status(models.TextChoices):
        VALID = "valid", "Valid"
        REVOKED = "revoked", "Revoked"

    kind = models.CharField(max_length=60, help_text="Which kind of certificate (a registered code).")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    subject_key = models.CharField(
        max_length=200, help_text="What this certifies within its kind, e.g. a registration year."
    )
    params = models.JSONField(default=dict, blank=True, help_text="What the kind was issued with.")
    title = models.CharField(max_length=255)
    description = models.CharField(max_length=500, help_text="One sentence saying what is certified.")
    snapshot = models.JSONField(help_text="Every field printed on the certificate.")

    serial = models.CharField(max_length=40, unique=True)
    serial_year = models.PositiveIntegerField()
    serial_number = models.PositiveIntegerField()
    verification_code = models.CharField(max_length=16, unique=True)

    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Blank only while a certificate issued in bulk waits for the task worker to render it
    # (certificates/tasks.py); once stored, the PDF and its fingerprint never change.
    pdf = models.FileField(storage=private_storage, max_length=255, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    badge = models.JSONField(help_text="The Open Badges 3.0 credential (JSON-LD), unsigned.")
    badge_jwt = models.TextField(help_text="The same credential signed as a VC-JWT (EdDSA).")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.VALID)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revocation_reason = models.TextField(blank=True)
    # RESTRICT (not PROTECT): an old version cannot be deleted on its own, but deleting the
    # member deletes every version at once.
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.RESTRICT, related_name="replaced_by"
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        permissions = [
            ("revoke_certificate", "Can revoke certificates"),
            ("reissue_certificate", "Can re-issue certificates"),
            ("issue_certificate", "Can issue certificates to others (e.g. attendance)"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-issued_at"], name="certificate_recipient_idx"),
            models.Index(fields=["kind", "recipient", "subject_key"], name="certificate_subject_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["serial_year", "serial_number"], name="certificate_serial_unique"
            ),
            models.CheckConstraint(
                condition=(Q(status="valid") & Q(revoked_at__isnull=True))
                | (Q(status="revoked") & Q(revoked_at__isnull=False) & ~Q(revocation_reason="")),
                name="certificate_revocation_complete",
            ),
            models.CheckConstraint(
                condition=~Q(replaces=models.F("pk")), name="certificate_not_self_replacing"
            ),
        ]

    def __str__(self):
        return f"{self.serial}: {self.title}"

    @property
    def display_code(self) -> str:
        return format_code(self.verification_code)

    @property
    def is_ready(self) -> bool:
        """Whether the PDF is stored (False while a bulk-issued certificate is being prepared)."""
        return bool(self.pdf)

    @property
    def superseded_by(self) -> "Certificate | None":
        try:
            return self.replaced_by
        except Certificate.DoesNotExist:
            return None

    @property
    def state(self) -> str:
        """valid, revoked or superseded (revoked wins)."""
        return status_of(
            revoked=self.status == self.Status.REVOKED, superseded=self.superseded_by is not None
        )

    @property
    def state_label(self) -> str:
        return {"valid": "Valid", "revoked": "Revoked", "superseded": "Superseded"}[self.state]

    def get_verification_path(self) -> str:
        return reverse("certificates:verify_code", kwargs={"code": self.display_code})

    @property
    def verification_url(self) -> str:
        return verification_url_for(self.verification_code)

    @property
    def download_filename(self) -> str:
        return f"{self.serial}.pdf"


def verification_url_for(code: str) -> str:
    """The absolute public URL printed on a certificate and encoded in its QR code."""
    path = reverse("certificates:verify_code", kwargs={"code": format_code(code)})
    return absolute_url(path)


class CertificateSerialCounter(models.Model):
    """The last serial number used in a year. Its row is locked while a certificate is issued,
    so numbers are handed out one at a time and a rolled-back issue gives its number back."""

    year = models.PositiveIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"
