"""Numbers and dates clients send, bounded where the database or date arithmetic would
otherwise fail on them.

A filter or body value too large for a BIGINT (``?person=1e249``) reaches an ``IN`` or a
related-field lookup unchecked and raises in the database driver: a 500 instead of a 400.
Shared by the API serializers and the filter sets of the pages and the API.
"""

import re
from datetime import date
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

MAX_ID = 2**63 - 1  # the largest BIGINT, in PostgreSQL and SQLite alike
YEARS = (1900, 2100)


class IdField(serializers.IntegerField):
    """The id of an object: a whole number from 1 to ``MAX_ID``, else a 400."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


SMALL_MAX = 32767  # the largest PositiveSmallIntegerField: PostgreSQL's smallint


class CountField(serializers.IntegerField):
    """A count stored as a small integer (people at a meeting, training days or hours): 0 to
    ``SMALL_MAX``, else a 400 (PostgreSQL would refuse more with a 500)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=0, max_value=SMALL_MAX, **kwargs)


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


@extend_schema_field({"type": "integer", "minimum": YEARS[0], "maximum": YEARS[1]})
class YearNumberFilter(django_filters.NumberFilter):
    """A year stored as a number (``Notice.year``), within ``YEARS``, else a 400."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=YEARS[0], max_value=YEARS[1], **kwargs)


# Dates a client may send: far enough back for a birth date or an old founding, far enough
# ahead for any deadline. Outside them, date arithmetic (``date.max + 1 day``, the working-day
# calendar) overflows and the database may refuse the value: a 500 instead of a 400.
EARLIEST_DATE, LATEST_DATE = date(YEARS[0], 1, 1), date(YEARS[1], 12, 31)


def date_out_of_range(label: str = "日期") -> str:
    return (f"{label}超出允许的范围：须在 {EARLIEST_DATE:%Y年%m月%d日} 至 "
            f"{LATEST_DATE:%Y年%m月%d日} 之间")


def check_date(value: date, label: str = "日期") -> date:
    """``value`` if it lies within ``EARLIEST_DATE`` … ``LATEST_DATE``, else a ValidationError."""
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise DjangoValidationError(date_out_of_range(label), code="date_range")
    return value


class DateField(serializers.DateField):
    """Every date an API serializer accepts: ISO ``YYYY-MM-DD`` within the bounds, else a 400.
    ``ModelSerializer`` maps model date fields to it too (``bind_model_dates``)."""

    def to_internal_value(self, value: Any) -> date:
        parsed: date = super().to_internal_value(value)
        try:
            return check_date(parsed, _chinese_label(self.label))
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages, code="date_range") from error


def _chinese_label(label: Any) -> str:
    """A field's label when it is Chinese (a model's verbose name, a form's label); DRF makes
    "Held on" of a declared field's name, which a message must not show."""
    text = str(label or "")
    return text if any("\u4e00" <= char <= "\u9fff" for char in text) else "日期"


class FormDateField(forms.DateField):
    """The same bounds for a page's form."""

    default_error_messages = {"invalid": "请填写正确的日期（年-月-日）"}

    def to_python(self, value: Any) -> date | None:
        parsed = super().to_python(value)
        return None if parsed is None else check_date(parsed, _chinese_label(self.label))


# What a clerk types for a date: 2026-12-03, 2026/12/3, 2026.12.3, 2026年12月3日, 20261203.
_TYPED_DATE = re.compile(
    r"^(?P<y>\d{4})(?:[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})|年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日?"
    r"|(?P<m3>\d{2})(?P<d3>\d{2}))$")


def typed_date(value: str) -> str | None:
    """``value`` as ISO ``YYYY-MM-DD`` when it has one of the typed shapes, else None."""
    found = _TYPED_DATE.match(value.replace(" ", ""))
    if found is None:
        return None
    parts = found.groupdict()
    month = parts["m"] or parts["m2"] or parts["m3"]
    day = parts["d"] or parts["d2"] or parts["d3"]
    return f"{parts['y']}-{int(month):02d}-{int(day):02d}"


def parse_date(value: str | None, label: str) -> date:
    """A date typed into a page's form (``年-月-日``; also ``2026/12/3``, ``2026年12月3日``,
    ``20261203``), within the bounds; else a ValidationError naming ``label``."""
    field = FormDateField(label=label, input_formats=["%Y-%m-%d"])
    try:
        parsed = field.clean(typed_date((value or "").strip()) or "")
    except DjangoValidationError as error:
        if error.code == "date_range":
            raise
        raise DjangoValidationError(f"请填写正确的{label}（年-月-日）") from error
    assert parsed is not None  # required: an empty value was refused above
    return parsed


def bind_model_dates() -> None:
    """Make ``ModelSerializer`` build ``DateField`` for every model date field (called once,
    when the apps are ready), so that no serializer takes an unbounded date."""
    serializers.ModelSerializer.serializer_field_mapping[models.DateField] = DateField
