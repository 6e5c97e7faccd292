"""Numbers clients send, bounded where the database would otherwise fail on them.

A filter or body value too large for a BIGINT (``?person=1e249``) reaches an ``IN`` or a
related-field lookup unchecked and raises in the database driver: a 500 instead of a 400.
Shared by the API serializers and the filter sets of the pages and the API.
"""

from typing import Any

import django_filters
from django import forms
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

MAX_ID = 2**63 - 1  # the largest BIGINT, in PostgreSQL and SQLite alike
YEARS = (1900, 2100)


class IdField(serializers.IntegerField):
    """The id of an object: a whole number from 1 to ``MAX_ID``, else a 400."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """A filter on an id: a whole number from 1 to ``MAX_ID``, else a 400."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


@extend_schema_field({"type": "integer", "minimum": YEARS[0], "maximum": YEARS[1]})
class YearFilter(django_filters.NumberFilter):
    """The calendar year of a date field, within ``YEARS`` (not a date overflow in the query)."""

    field_class = forms.IntegerField

    def __init__(self, field_name: str, **kwargs: Any) -> None:
        super().__init__(field_name=field_name, lookup_expr="year", min_value=YEARS[0],
                         max_value=YEARS[1], **kwargs)
