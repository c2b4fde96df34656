"""Certificates' signal handlers, connected by LearningRecordsConfig.ready()."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from learning_records.certificates.models import Certificate
from learning_records.common.storage import delete_when_committed


@receiver(post_delete, sender=Certificate, dispatch_uid="certificate_delete_pdf")
def delete_pdf_with_certificate(sender, instance: Certificate, **kwargs):
    """A deleted certificate (e.g. the member deleted their account) takes its PDF with it."""
    delete_when_committed(instance.pdf)
