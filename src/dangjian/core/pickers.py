"""What a type-ahead picker asks: ``?q=`` bounded, answered with at most ``PICKER_LIMIT`` rows.
The endpoints live in ``orgs.api.pickers`` and ``people.api.pickers``; pages use them through
``core/_picker.html`` and ``static/dangjian/picker.js``."""

from rest_framework import serializers

from dangjian.core.inputs import IdField
from dangjian.core.spelled import PICKER_LIMIT, QUERY_MAX, matching

__all__ = ["PICKER_LIMIT", "PickerQuery", "PickerResult", "matching"]


class PickerQuery(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=QUERY_MAX,
                              trim_whitespace=True, default="",
                              help_text="名称片段、拼音首字母（如 xzf）或全拼前缀")
    organization = IdField(required=False, help_text="只在该组织及其下级中查找（人员）")


class PickerResult(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField(help_text="显示的名称")  # type: ignore[assignment]
    detail = serializers.CharField(help_text="区分同名的说明：上级组织或所在组织")
    depth = serializers.IntegerField(required=False, help_text="组织在树中的层级")
