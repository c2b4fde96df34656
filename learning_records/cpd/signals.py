from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import EvidenceFile


@receiver(post_delete, sender=EvidenceFile, dispatch_uid="cpd_evidence_file_cleanup")
def remove_stored_evidence(sender, instance, **kwargs):
    # Row deletions (one file, a record, or a whole account by cascade) remove the stored file only
    # once the transaction commits, so a rolled-back delete never leaves a row without its file.
    if instance.file.name:
        transaction.on_commit(partial(instance.file.storage.delete, instance.file.name))
