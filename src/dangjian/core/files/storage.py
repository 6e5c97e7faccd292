"""Storing checked uploads with their rows, and no orphan file when the rows roll back."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.files.uploadedfile import UploadedFile

from .models import StoredFile


class Uploads:
    """The files stored in one ``stored_uploads()`` block."""

    def __init__(self) -> None:
        self.stored: list[StoredFile] = []

    def store(self, row: StoredFile, upload: UploadedFile) -> StoredFile:
        """Write ``upload`` (already checked: ``row`` holds its fields) under a name made of its
        SHA-256, then save ``row``."""
        row.file.save(f"{row.sha256[:16]}.{row.extension}", upload, save=False)
        self.stored.append(row)
        row.save()
        return row

    def remove_all(self) -> None:
        for row in self.stored:
            row.file.delete(save=False)


@contextmanager
def stored_uploads() -> Iterator[Uploads]:
    """A block whose stored files are removed again if it raises.

    Enter it *outside* the ``transaction.atomic()`` that writes the rows: any failure after a
    file was stored and before the commit (a later row, the audit event, a check) rolls the
    rows back and leaves no file behind."""
    uploads = Uploads()
    try:
        yield uploads
    except BaseException:
        uploads.remove_all()
        raise


def store_upload(row: StoredFile, upload: UploadedFile, *, uploads: Uploads | None = None
                 ) -> StoredFile:
    """Store one upload with its row; inside ``stored_uploads()`` pass its ``uploads``."""
    if uploads is not None:
        return uploads.store(row, upload)
    with stored_uploads() as own:
        return own.store(row, upload)
