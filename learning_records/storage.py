"""Storage for files that only permission-checking views may serve (see PRIVATE_MEDIA_ROOT)."""

from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """A local folder with no public URL: a view reads the file and checks who is asking."""

    def url(self, name):
        raise NotImplementedError("Private files have no public URL; serve them through a view.")


def private_storage():
    """The "private" storage from settings.STORAGES (a callable keeps migrations portable)."""
    return storages["private"]
