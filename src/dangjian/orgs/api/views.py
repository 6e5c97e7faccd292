from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.permissions import require
from dangjian.core.scoped_ids import OUT_OF_SCOPE
from dangjian.orgs import services
from dangjian.orgs.filtersets import OrganizationFilterSet
from dangjian.orgs.models import Organization

from .serializers import OrganizationSerializer, OrganizationWriteSerializer


def _writable(user: Any, org: Organization) -> None:
    require(user, "orgs.maintain", org)  # the pages ask the same rule (orgs.pages)


class OrganizationViewSet(viewsets.ModelViewSet):
    """组织树: list, filter and (for a unit's clerk or secretary) maintain its own subtree."""

    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilterSet
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Organization]:
        return restrict(Organization.objects.order_by("path"), self.request.user)

    @extend_schema(request=OrganizationWriteSerializer, responses=OrganizationSerializer)
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = OrganizationWriteSerializer(data=request.data,
                                           context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        if "kind" not in data.validated_data:
            raise ValidationError({"kind": "请选择组织类型"})
        if "parent" not in data.validated_data:
            raise ValidationError({"parent": OUT_OF_SCOPE})
        parent = data.validated_data["parent"]
        _writable(request.user, parent)
        org = services.organization_create(
            actor=actor_of(request), name=data.validated_data["name"],
            kind=data.validated_data["kind"], parent=parent,
            code=data.validated_data.get("code", ""),
            founded_on=data.validated_data.get("founded_on"),
        )
        return Response(OrganizationSerializer(org).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=OrganizationWriteSerializer, responses=OrganizationSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        org = self.get_object()
        data = OrganizationWriteSerializer(data=request.data, partial=True,
                                           context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        _writable(request.user, org)
        if "parent" in data.validated_data:
            new_parent = data.validated_data["parent"]
            _writable(request.user, new_parent)
            org = services.organization_move(actor=actor_of(request), org=org,
                                             new_parent=new_parent)
        if "name" in data.validated_data:
            org = services.organization_rename(
                actor=actor_of(request), org=org, name=data.validated_data["name"]
            )
        return Response(OrganizationSerializer(org).data)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.partial_update(request, *args, **kwargs)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        org = self.get_object()
        _writable(request.user, org)
        services.organization_delete(actor=actor_of(request), org=org)
        return Response(status=status.HTTP_204_NO_CONTENT)
