from rest_framework import serializers

from dangjian.access.models import RoleGrant, User
from dangjian.access.roles import Role
from dangjian.access.signin import REFUSALS
from dangjian.audit.models import AuditEvent


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, style={"input_type": "password"})
    otp = serializers.CharField(
        max_length=8, required=False, allow_blank=True,
        help_text="验证器上的6位动态口令：三员必填；启用双因素认证（生产环境）时人人必填",
    )


class TokenRefusalSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="中文说明")
    code = serializers.ChoiceField(
        choices=list(REFUSALS), help_text="拒绝原因")


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()
    expires_at = serializers.DateTimeField()


class OrgRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()


class GrantSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True,
                                              default=None, allow_null=True)

    class Meta:
        model = RoleGrant
        fields = ["id", "user", "role", "organization", "organization_name", "granted_at"]
        read_only_fields = ["id", "granted_at", "organization_name"]


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "display_name", "person", "is_active", "last_login"]
        read_only_fields = ["id", "is_active", "last_login"]


class UserCreateSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(write_only=True)
    display_name = serializers.CharField(max_length=50, required=False, allow_blank=True)
    person = serializers.IntegerField(required=False, allow_null=True)


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    display_name = serializers.CharField()
    person = serializers.IntegerField(allow_null=True)
    roles = serializers.ListField(child=serializers.ChoiceField(choices=Role.choices))
    grants = GrantSerializer(many=True)
    scope = serializers.DictField()


class AuditEventSerializer(serializers.ModelSerializer):
    refusal_count = serializers.IntegerField(
        source="refusal_window.count", read_only=True, default=None, allow_null=True,
        help_text="access.refused 事件：同一用户、同一路由在该分钟内被拒绝的总次数（含本次）")

    class Meta:
        model = AuditEvent
        fields = [
            "id", "created_at", "user", "username", "ip", "action", "success",
            "object_type", "object_id", "object_repr", "before", "after", "prev_hash", "hash",
            "refusal_count",
        ]
        read_only_fields = fields


class LockoutSerializer(serializers.Serializer):
    username = serializers.CharField(help_text="被锁定的用户名；为空表示该来源地址的所有用户名")
    ip = serializers.CharField(allow_null=True, help_text="来源地址")
    until = serializers.DateTimeField(help_text="锁定截止时间")
    failures = serializers.IntegerField(help_text="计入的失败次数")


class UnlockRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150, required=False, allow_blank=True,
                                     help_text="用户名；不填则解除整个来源地址的锁定")
    ip = serializers.CharField(max_length=45, required=False, allow_blank=True,
                               help_text="来源地址；不填则解除该用户名在所有地址的锁定")


class UnlockResultSerializer(serializers.Serializer):
    detail = serializers.CharField()
    failures_cleared = serializers.IntegerField()
