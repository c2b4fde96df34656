"""Storage for files only permission-checking views may serve: CPD evidence and certificate PDFs.

Configured as `STORAGES["private"]` so a deployment can point it at its own S3-compatible bucket.
The default keeps files under PRIVATE_MEDIA_ROOT, never under MEDIA_ROOT or at MEDIA_URL.
"""

import os
from functools import partial

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import transaction
from django.utils.functional import cached_property


class PrivateFileSystemStorage(FileSystemStorage):
    """A local folder with no public URL: a view reads the file and checks who is asking."""

    # Read the setting each time (FileSystemStorage caches it) so a changed PRIVATE_MEDIA_ROOT,
    # as tests use for a folder per test, applies to fields built when the models loaded.
    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @cached_property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no URL; link to the owner-only download view instead.")


def private_storage():
    """The "private" storage from settings.STORAGES (a callable keeps migrations portable)."""
    return storages["private"]


def delete_when_committed(file) -> None:
    """Remove a stored file once the transaction that deleted its row commits, so a rolled-back
    delete never leaves a row without its file (for the domains' post_delete handlers)."""
    if file.name:
        transaction.on_commit(partial(file.storage.delete, file.name))
