from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.permissions import require
from dangjian.people import services
from dangjian.people.filtersets import PersonFilterSet
from dangjian.people.models import Person

from .serializers import (
    PersonCreateSerializer,
    PersonFactsUpdateSerializer,
    PersonSerializer,
    UnmaskedSerializer,
)


class PersonViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """人员: scoped lists with masked personal data; unmasking is a separate, audited action."""

    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet

    def get_queryset(self) -> QuerySet[Person]:
        persons = Person.objects.select_related("organization").order_by("name", "id")
        return restrict(persons, self.request.user)

    @extend_schema(request=PersonCreateSerializer, responses=PersonSerializer)
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = PersonCreateSerializer(data=request.data, context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        org = values.pop("organization")
        require(request.user, "people.create", org)  # as the page (people:person-new)
        person = services.person_create(actor=actor_of(request), organization=org, **values)
        return Response(PersonSerializer(person).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=UnmaskedSerializer)
    @action(detail=True, methods=["post"])
    def unmask(self, request: Request, pk: str | None = None) -> Response:
        """The full ID number and phone; needs the unmask permission and is audited."""
        unmasked = services.person_unmask(actor=actor_of(request), person=self.get_object())
        return Response(UnmaskedSerializer(unmasked).data)

    @extend_schema(request=PersonFactsUpdateSerializer, responses=PersonSerializer)
    @action(detail=True, methods=["patch"])
    def facts(self, request: Request, pk: str | None = None) -> Response:
        """学历, 一线或关键岗位 and 生活困难; for the clerk or secretary of the person's unit,
        audited, and nothing recorded when nothing changes."""
        person = self.get_object()
        require(request.user, "people.edit_facts", person)  # refused before judging the values
        data = PersonFactsUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = {"education": person.education, "front_line": person.front_line,
                  "in_hardship": person.in_hardship, **data.validated_data}
        person = services.person_facts_update(actor=actor_of(request), person=person, **values)
        person = self.get_queryset().get(pk=person.pk)
        return Response(PersonSerializer(person).data)
