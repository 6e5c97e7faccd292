from typing import Any, cast

from django.contrib.auth.models import update_last_login
from django.core.exceptions import ValidationError
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dangjian.access import lockout, services
from dangjian.access.actor import actor_of
from dangjian.access.models import RoleGrant, User
from dangjian.access.permissions import role_required
from dangjian.access.roles import Role
from dangjian.access.selectors import scope_summary
from dangjian.access.signin import SignInRefused, sign_in_at_once
from dangjian.access.tokens import request_token, token_issue, token_revoke
from dangjian.people.models import Person

from .serializers import (
    GrantSerializer,
    LockoutSerializer,
    MeSerializer,
    TokenRefusalSerializer,
    TokenRequestSerializer,
    TokenSerializer,
    UnlockRequestSerializer,
    UnlockResultSerializer,
    UserCreateSerializer,
    UserSerializer,
)


@method_decorator(sensitive_post_parameters("password", "otp"), name="dispatch")
class TokenView(APIView):
    """POST {username, password, otp} → {token, expires_at}.

    ``otp`` (the 6-digit TOTP code) is required for the 三员 and, where DANGJIAN_REQUIRE_2FA
    is on, for everyone. Refusals answer 401 (credentials missing or wrong) or 403 (locked,
    password change due) with a Chinese ``detail`` and a machine-readable ``code``.
    """

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(request=TokenRequestSerializer, responses={
        201: TokenSerializer, 401: TokenRefusalSerializer, 403: TokenRefusalSerializer})
    def post(self, request: Request) -> Response:
        data = TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            # the Django request, so that lockout and audit see the client's address
            user = sign_in_at_once(request._request, username=values["username"],
                                   password=values["password"], otp=values.get("otp", ""))
        except SignInRefused as refused:
            return Response({"detail": refused.message, "code": refused.reason},
                            status=refused.status)
        update_last_login(User, user)  # API-only users are not idle (访问控制 c)
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
        user = services.user_create(actor=actor_of(request), person=person, **values)
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
            actor=actor_of(self.request), user=values["user"], role=values["role"],
            organization=values.get("organization"),
        )

    def perform_destroy(self, instance: RoleGrant) -> None:
        services.revoke_role(actor=actor_of(self.request), grant=instance)


@extend_schema(responses=LockoutSerializer(many=True))
@api_view(["GET"])
@permission_classes([role_required(Role.SECURITY_ADMIN)])
def lockouts(request: Request) -> Response:
    """The login locks in force (安全管理员): a name from an address, or a whole address."""
    return Response(LockoutSerializer(lockout.current_locks(), many=True).data)


@extend_schema(request=UnlockRequestSerializer, responses=UnlockResultSerializer)
@api_view(["POST"])
@permission_classes([role_required(Role.SECURITY_ADMIN)])
def lockout_unlock(request: Request) -> Response:
    """Lift a lock (安全管理员); audited, also when there was nothing to lift."""
    data = UnlockRequestSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    values = data.validated_data
    cleared = services.unlock(actor=actor_of(request), username=values.get("username", ""),
                              ip=values.get("ip") or None)
    return Response({"detail": services.unlock_message(cleared), "failures_cleared": cleared})
