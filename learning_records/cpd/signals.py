"""CPD's signal handlers, connected by LearningRecordsConfig.ready()."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from learning_records.common.storage import delete_when_committed
from learning_records.cpd.models import EvidenceFile


@receiver(post_delete, sender=EvidenceFile, dispatch_uid="cpd_evidence_file_cleanup")
def remove_stored_evidence(sender, instance, **kwargs):
    # One file, a record, or a whole account by cascade: the stored file goes once committed.
    delete_when_committed(instance.file)
