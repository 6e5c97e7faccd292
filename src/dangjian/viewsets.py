"""The view set every scoped API endpoint builds on.

Kept out of ``dangjian.api``, which DRF's settings import while ``rest_framework.viewsets``
itself is still loading.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from rest_framework import serializers, viewsets

from dangjian.access.scoping import restrict


class ScopedViewSet(viewsets.GenericViewSet):
    """A view set whose rows all pass through access.scoping (out of scope: 404).

    Subclasses name ``base_queryset``; ``scoped()`` resolves ids a client sends (a finding, an
    organisation) within the same scope, so a write can never reach outside it.
    """

    base_queryset: QuerySet[Any]

    def get_queryset(self) -> QuerySet[Any]:
        return restrict(self.base_queryset.all(), self.request.user)

    def scoped(self, model: Any, pk: Any, field: str) -> Any:
        """An object the user may see, or a 400 naming the field (never a hint it exists)."""
        found = restrict(model.objects.all(), self.request.user).filter(pk=pk).first()
        if found is None:
            raise ValidationError({field: "所选对象不存在，或不在您的范围内"})
        return found

    def validated(self, serializer_class: type[serializers.Serializer]) -> dict[str, Any]:
        """The request body checked by ``serializer_class`` (400 with its messages if bad)."""
        data = serializer_class(data=self.request.data)
        data.is_valid(raise_exception=True)
        return dict(data.validated_data)
