from rest_framework import serializers

from dangjian.audit.models import AuditEvent


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
