"""Issuing, re-issuing and revoking certificates.

Every kind goes through `issue_certificate`: it checks the kind's rule and refuses with what is
missing, allocates the next serial for the year, makes a verification code, renders the PDF
once, stores it with its SHA-256, and signs an Open Badges credential. Nothing here ever
changes an issued PDF: a correction is a new version that replaces the old one.
"""

import hashlib
import secrets
from collections.abc import Mapping
from datetime import datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.log_actions import log

from learning_records.certificates import tasks
from learning_records.certificates.badges import build_credential, sign_credential
from learning_records.certificates.kinds import CertificateContent, CertificateKind, get_kind
from learning_records.certificates.models import Certificate, CertificateSerialCounter, verification_url_for
from learning_records.certificates.rendering import current_branding, render_certificate_pdf
from learning_records.certificates.rules import (
    CODE_BYTES,
    encode_code,
    format_code,
    format_serial,
    recipient_problems,
)
from learning_records.certificates.selectors import standing_certificate


def _lock_member(pk) -> None:
    """Lock the member's row until the transaction ends: one issue at a time per member, so two
    clicks cannot make two certificates (lock order everywhere: member, certificate, counter)."""
    list(get_user_model().objects.select_for_update().filter(pk=pk).values_list("pk", flat=True))


def _refuse_unless_met(kind: CertificateKind, recipient, params: Mapping[str, Any]) -> None:
    missing = [*recipient_problems(full_name=recipient.get_full_name()), *kind.missing(recipient, **params)]
    if missing:
        raise ValidationError(list(missing), code="requirements_not_met")


def _next_serial_number(year: int) -> int:
    """The next number for `year`, inside the caller's transaction.

    The counter row is created if needed without a race (INSERT ... ON CONFLICT DO NOTHING),
    then locked until the transaction ends, so concurrent issues queue here and a rolled-back
    issue gives its number back: serials stay unique and gap-free.
    """
    CertificateSerialCounter.objects.bulk_create(
        [CertificateSerialCounter(year=year, last_number=0)], ignore_conflicts=True
    )
    counter = CertificateSerialCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def certificate_snapshot(
    *,
    kind: CertificateKind,
    content: CertificateContent,
    serial: str,
    code: str,
    issued_at: datetime,
    branding,
    replaces_serial: str = "",
) -> dict[str, Any]:
    """Every field printed on the certificate: what the PDF and the verification page render."""
    return {
        **content.as_snapshot(),
        "kind_name": kind.name,
        "serial": serial,
        "display_code": format_code(code),
        "verification_url": verification_url_for(code),
        "issued_at": issued_at.isoformat(),
        "issued_on": date_format(timezone.localdate(issued_at), "j F Y"),
        "issuer": branding.issuer_snapshot(),
        "replaces_serial": replaces_serial,
    }


def _create(
    *,
    kind: CertificateKind,
    recipient,
    params: dict[str, Any],
    content: CertificateContent,
    issued_by,
    replaces: Certificate | None = None,
    defer_pdf: bool = False,
) -> Certificate:
    branding = current_branding()
    issued_at = timezone.now()
    code = encode_code(secrets.token_bytes(CODE_BYTES))
    verification_url = verification_url_for(code)
    credential = build_credential(
        kind=kind,
        content=content,
        verification_url=verification_url,
        issued_at=issued_at,
        organisation_name=branding.organisation_name,
    )

    # Everything slow that does not need the serial is done; from here the year's counter is
    # locked until the transaction commits.
    year = timezone.localdate(issued_at).year
    number = _next_serial_number(year)
    serial = format_serial(settings.PRAXIS_CERTIFICATE_SERIAL_PREFIX, year, number)
    snapshot = certificate_snapshot(
        kind=kind,
        content=content,
        serial=serial,
        code=code,
        issued_at=issued_at,
        branding=branding,
        replaces_serial=replaces.serial if replaces else "",
    )
    certificate = Certificate(
        kind=kind.code,
        recipient=recipient,
        subject_key=content.subject_key,
        params=params,
        title=content.title,
        description=f"{content.recipient_name} {content.statement}"[:500],
        snapshot=snapshot,
        serial=serial,
        serial_year=year,
        serial_number=number,
        verification_code=code,
        issued_at=issued_at,
        issued_by=issued_by,
        badge=credential,
        badge_jwt=sign_credential(credential, issued_at=issued_at),
        replaces=replaces,
    )
    if defer_pdf:
        certificate.save()
        # The worker renders it once this issue is committed (never for one rolled back).
        transaction.on_commit(partial(tasks.render_certificate.enqueue, certificate.pk))
        return certificate
    _store_pdf(certificate, _render(kind, certificate, branding))
    return certificate


def _render(kind: CertificateKind, certificate: Certificate, branding) -> bytes:
    return render_certificate_pdf(
        snapshot=certificate.snapshot, template_name=kind.pdf_template, branding=branding
    )


def _store_pdf(certificate: Certificate, pdf: bytes) -> None:
    """Store the PDF and its fingerprint, and save the certificate (once: they never change)."""
    certificate.sha256 = hashlib.sha256(pdf).hexdigest()
    # The name carries the random code so no two issues can ever share a file.
    year, serial, code = certificate.serial_year, certificate.serial, certificate.verification_code
    certificate.pdf.save(f"certificates/{year}/{serial}-{code}.pdf", ContentFile(pdf), save=False)
    try:
        certificate.save()
    except Exception:
        certificate.pdf.storage.delete(certificate.pdf.name)
        raise


def render_pending_pdf(certificate_id: int) -> bool:
    """Render and store the PDF of a certificate issued with `defer_pdf`, from its snapshot.

    Returns False when there is nothing to do: the certificate has its PDF already (a repeated
    task) or is gone with its member's account. The row is locked while rendering, so two
    workers never store two PDFs for one certificate."""
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
        if certificate is None or certificate.is_ready:
            return False
        _store_pdf(certificate, _render(get_kind(certificate.kind), certificate, current_branding()))
    return True


def issue_certificate(
    *,
    kind: str | CertificateKind,
    recipient,
    params: Mapping[str, Any] | None = None,
    issued_by=None,
    defer_pdf: bool = False,
) -> Certificate:
    """Issue a certificate of `kind` to `recipient`, or raise ValidationError listing, one
    message each, everything that is missing. Refuses a second copy of a certificate that is
    still valid: a correction goes through `reissue_certificate`.

    With `defer_pdf` (issuing to a whole cohort at once), the certificate, its serial and its
    verification stand at once, and the task worker renders the PDF from the snapshot after the
    commit (`render_pending_pdf`); until then the member sees it is being prepared.
    """
    kind = get_kind(kind) if isinstance(kind, str) else kind
    params = dict(params or {})
    with transaction.atomic():
        _lock_member(recipient.pk)
        _refuse_unless_met(kind, recipient, params)
        content = kind.content(recipient, **params)
        existing = standing_certificate(kind=kind.code, recipient=recipient, subject_key=content.subject_key)
        if existing is not None:
            raise ValidationError(
                f"{existing.title} was already issued on {_day(existing.issued_at)} "
                f"(serial {existing.serial}) and is still valid.",
                code="already_issued",
            )
        certificate = _create(
            kind=kind,
            recipient=recipient,
            params=params,
            content=content,
            issued_by=issued_by,
            defer_pdf=defer_pdf,
        )
        log(certificate, "praxis.certificate.issue", user=issued_by, data={"serial": certificate.serial})
    return certificate


def reissue_certificate(*, certificate: Certificate, issued_by, note: str = "") -> Certificate:
    """Issue a new version of `certificate` from the current records (after a correction).

    The new version points at the old one, which from then on shows as superseded. The rule is
    checked again, so a correction that no longer meets it is refused with what is missing.
    """
    kind = get_kind(certificate.kind)
    with transaction.atomic():
        _lock_member(certificate.recipient_id)
        old = Certificate.objects.select_for_update().select_related("recipient").get(pk=certificate.pk)
        newer = Certificate.objects.filter(replaces=old).first()
        if newer is not None:
            raise ValidationError(
                f"{old.serial} has already been replaced by {newer.serial}; re-issue that one instead.",
                code="already_superseded",
            )
        if old.status == Certificate.Status.REVOKED:
            raise ValidationError(
                f"{old.serial} was revoked on {_day(old.revoked_at)}; issue a new certificate instead.",
                code="revoked",
            )
        _refuse_unless_met(kind, old.recipient, old.params)
        content = kind.content(old.recipient, **old.params)
        new = _create(
            kind=kind,
            recipient=old.recipient,
            params=old.params,
            content=content,
            issued_by=issued_by,
            replaces=old,
        )
        data = {"serial": new.serial, "replaces": old.serial, "note": note.strip()}
        log(new, "praxis.certificate.reissue", user=issued_by, data=data)
        log(old, "praxis.certificate.supersede", user=issued_by, data=data)
    return new


def revoke_certificate(*, certificate: Certificate, reason: str, revoked_by) -> Certificate:
    """Mark a certificate revoked, with the reason the verification page shows to everyone."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Say why the certificate is revoked; the verification page shows it.")
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.status == Certificate.Status.REVOKED:
            raise ValidationError(f"{locked.serial} was already revoked on {_day(locked.revoked_at)}.")
        locked.status = Certificate.Status.REVOKED
        locked.revoked_at = timezone.now()
        locked.revoked_by = revoked_by
        locked.revocation_reason = reason
        locked.save(update_fields=["status", "revoked_at", "revoked_by", "revocation_reason"])
        log(
            locked,
            "praxis.certificate.revoke",
            user=revoked_by,
            data={"serial": locked.serial, "reason": reason},
        )
    return locked


def _day(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "j F Y")
