"""The API form of a stored file (the download is its own route, never a field)."""

from rest_framework import serializers

STORED_FILE_FIELDS = ["id", "original_name", "extension", "size", "sha256", "uploaded_at"]


class StoredFileSerializer(serializers.ModelSerializer):
    """A subclass names its ``Meta.model`` (and adds its own fields with ``fields_with``)."""

    class Meta:
        fields = STORED_FILE_FIELDS


def fields_with(*extra: str, before: str = "uploaded_at", lead: tuple[str, ...] = ()
                ) -> list[str]:
    """The stored file's fields with ``extra`` inserted before ``before`` and ``lead`` after
    the id (the answer's key order stays what clients saw)."""
    fields = ["id", *lead, *STORED_FILE_FIELDS[1:]]
    at = fields.index(before)
    return [*fields[:at], *extra, *fields[at:]]
