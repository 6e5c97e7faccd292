"""Ids a client sends in a request body, resolved through ``access.scoping`` at one place.

Every business id of an API request body is a ``ScopedId``: the object is looked up in
``restrict(model.objects.all(), request.user)``, so an object outside the caller's scope is as
absent as one that never existed, and both answer the same 400 (``OUT_OF_SCOPE``); an id that is
no id at all (a string, 0, more than a BIGINT) answers it too, and never reaches the database.
Model serializers get it for their relations through ``ScopedModelSerializer``; the pages
resolve form values with ``chosen`` (same rule, same message). ``tests/access/test_write_matrix``
walks every write endpoint and fails on a body id of any other kind.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from rest_framework import serializers

from dangjian.access.scoping import restrict
from dangjian.core.inputs import MAX_ID

OUT_OF_SCOPE = "所选对象不存在，或不在您的范围内"


def _as_id(value: Any) -> int | None:
    """``value`` as an id (1 … MAX_ID), or None: no bools, no floats, no ``"1e3"``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdecimal():
        value = int(value.strip())
    return value if isinstance(value, int) and 1 <= value <= MAX_ID else None


def scoped_object(queryset: QuerySet[Any], user: Any, value: Any) -> Any:
    """The object of ``queryset`` with id ``value`` that ``user`` may see, or None."""
    pk = _as_id(value)
    return None if pk is None else restrict(queryset, user).filter(pk=pk).first()


class ScopedId(serializers.PrimaryKeyRelatedField):
    """A related object by id, looked up within the requesting user's scope.

    ``ScopedId(Person)`` or ``ScopedId(Person, many=True)``; a model serializer's relations get
    it through ``ScopedModelSerializer``. Without a request in the context nothing is found.
    ``also`` names what a user may name beyond the scope because it is their own (their person,
    the bodies of their posts): ``also=lambda user: Person.objects.filter(pk=user.person_id)``.
    ``within`` replaces the scope by a narrower choice derived from it (the leaders a user may
    make responsible: ``tasks.selectors.leaders_for``).
    """

    default_error_messages = {
        "does_not_exist": OUT_OF_SCOPE,
        "incorrect_type": OUT_OF_SCOPE,
        "null": "该项不能为空",  # DRF's own reads "该字段不能为 null。"
    }

    def __init__(self, model: type[Model] | None = None,
                 also: Callable[[Any], QuerySet[Any]] | None = None,
                 within: Callable[[Any], QuerySet[Any]] | None = None, **kwargs: Any) -> None:
        if model is not None and not kwargs.get("read_only"):
            kwargs.setdefault("queryset", model._default_manager.all())
        self.also, self.within = also, within
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        request = self.context.get("request")
        queryset = super().get_queryset()
        assert queryset is not None  # a writable ScopedId is given its model's objects
        if request is None:
            return queryset.none()
        scoped = (queryset.filter(pk__in=self.within(request.user).values("pk")) if self.within
                  else restrict(queryset, request.user))
        if self.also is None:
            return scoped
        return queryset.filter(Q(pk__in=scoped.values("pk"))
                               | Q(pk__in=self.also(request.user).values("pk")))

    def to_internal_value(self, data: Any) -> Any:
        pk = _as_id(data)
        found = None if pk is None else self.get_queryset().filter(pk=pk).first()
        if found is None:
            self.fail("does_not_exist", pk_value=data)
        return found


class ScopedModelSerializer(serializers.ModelSerializer):
    """A model serializer whose relations (foreign keys, many-to-many) are ``ScopedId``."""

    serializer_related_field = ScopedId


def chosen(model: type[Model], user: Any, value: Any, field: str) -> Any:
    """A page form's id (``<select name=field>``) resolved as ``ScopedId`` resolves an API
    body's: missing, out of scope or malformed all raise the same ``ValidationError``."""
    found = scoped_object(model._default_manager.all(), user, value)
    if found is None:
        raise ValidationError({field: OUT_OF_SCOPE})
    return found


def chosen_all(model: type[Model], user: Any, values: Iterable[Any], field: str) -> list[Any]:
    return [chosen(model, user, value, field) for value in values if value not in ("", None)]
