from typing import Any, cast

from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import api_view
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dangjian.access import services
from dangjian.access.models import RoleGrant, User
from dangjian.access.permissions import role_required
from dangjian.access.roles import Role
from dangjian.access.selectors import scope_summary
from dangjian.access.tokens import request_token, token_issue, token_revoke
from dangjian.audit.models import AuditEvent
from dangjian.people.models import Person

from .serializers import (
    AuditEventSerializer,
    GrantSerializer,
    MeSerializer,
    TokenRequestSerializer,
    TokenSerializer,
    UserCreateSerializer,
    UserSerializer,
)


class LoginFailed(exceptions.APIException):
    """401 without a WWW-Authenticate challenge: the token endpoint takes no token."""

    status_code = status.HTTP_401_UNAUTHORIZED
    default_detail = "用户名或密码不正确"


class TokenView(APIView):
    """POST {username, password} → {token, expires_at}; DELETE revokes the token in use."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(request=TokenRequestSerializer, responses=TokenSerializer)
    def post(self, request: Request) -> Response:
        data = TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(request._request, **data.validated_data)
        if user is None:
            raise LoginFailed()
        key, expires_at = token_issue(user=user)
        return Response({"token": key, "expires_at": expires_at}, status=status.HTTP_201_CREATED)


@extend_schema(request=None, responses={204: None})
@api_view(["POST"])
def revoke_token(request: Request) -> Response:
    """Revoke the bearer token this request was made with."""
    token = request_token(request)
    if token is None:
        raise ValidationError("此请求未使用接口令牌，无可撤销的令牌")
    token_revoke(actor=token.user, token=token)
    return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(responses=MeSerializer)
@api_view(["GET"])
def me(request: Request) -> Response:
    user = cast(User, request.user)  # IsAuthenticated ran first
    grants = user.grants.select_related("organization")
    return Response({
        "id": user.pk,
        "username": user.get_username(),
        "display_name": str(user),
        "person": user.person_id,
        "roles": sorted({g.role for g in grants}),
        "grants": GrantSerializer(grants, many=True).data,
        "scope": scope_summary(user),
    })


class UserViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                  viewsets.GenericViewSet):
    """Accounts, for the 系统管理员 only."""

    serializer_class = UserSerializer
    permission_classes = [role_required(Role.SYSTEM_ADMIN)]
    queryset = User.objects.order_by("username")

    @extend_schema(request=UserCreateSerializer, responses=UserSerializer)
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = UserCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        person_id = values.pop("person", None)
        person = Person.objects.filter(pk=person_id).first() if person_id else None
        if person_id and person is None:
            raise ValidationError({"person": "对应人员不存在"})
        user = services.user_create(actor=request.user, person=person, **values)
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class GrantViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, mixins.DestroyModelMixin,
                   viewsets.GenericViewSet):
    """Role grants, for the 安全管理员 only."""

    serializer_class = GrantSerializer
    permission_classes = [role_required(Role.SECURITY_ADMIN)]
    queryset = RoleGrant.objects.select_related("organization").order_by("id")
    filterset_fields = ["user", "role"]

    def perform_create(self, serializer: Any) -> None:
        values = serializer.validated_data
        serializer.instance = services.grant_role(
            actor=self.request.user, user=values["user"], role=values["role"],
            organization=values.get("organization"),
        )

    def perform_destroy(self, instance: RoleGrant) -> None:
        services.revoke_role(actor=self.request.user, grant=instance)


class AuditEventViewSet(viewsets.ReadOnlyModelViewSet):
    """The audit log, for the 审计管理员 only; there is no way to edit or delete an event."""

    serializer_class = AuditEventSerializer
    permission_classes = [role_required(Role.AUDIT_ADMIN)]
    filterset_fields = ["action", "username", "object_type", "object_id", "success"]

    def get_queryset(self) -> QuerySet[AuditEvent]:
        return AuditEvent.objects.order_by("-id")

