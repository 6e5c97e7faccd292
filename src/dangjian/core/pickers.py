"""What a type-ahead picker asks: ``?q=`` bounded, answered with at most ``PICKER_LIMIT`` rows.
The endpoints live in ``orgs.api.pickers`` and ``people.api.pickers``; pages use them through
``core/_picker.html`` and ``static/dangjian/picker.js``."""

from typing import Any

from rest_framework import serializers

from dangjian.core.inputs import IdField
from dangjian.core.spelled import PICKER_LIMIT, QUERY_MAX, matching

__all__ = ["PICKER_LIMIT", "PickerQuery", "PickerResult", "matching"]


class PickerQuery(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=QUERY_MAX,
                              trim_whitespace=True, default="",
                              help_text="名称片段、拼音首字母（如 xzf）或全拼前缀")
    organization = IdField(required=False, help_text="只在该组织及其下级中查找（人员）")
    reaching = IdField(required=False, help_text=(
        "人员：该组织（须在本人范围内）的人员、上级组织的成员和分管领导，如党课授课人；"
        "上级领导可在本人范围之外"))
    kind = serializers.ListField(child=serializers.CharField(max_length=20), required=False,
                                 max_length=10, help_text="只找这些类型的组织（可重复）")
    party_status = serializers.ListField(child=serializers.CharField(max_length=10),
                                         required=False, max_length=6,
                                         help_text="只找这些政治面貌的人员（可重复）")

    def to_internal_value(self, data: Any) -> Any:
        # Query strings repeat a key for a list (?kind=党组&kind=党委).
        if hasattr(data, "getlist"):
            data = {**data.dict(), **{key: data.getlist(key) for key in ("kind", "party_status")
                                      if key in data}}
        return super().to_internal_value(data)


class PickerResult(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField(help_text="显示的名称")  # type: ignore[assignment]
    detail = serializers.CharField(help_text="区分同名的说明：上级组织或所在组织")
    depth = serializers.IntegerField(required=False, help_text="组织在树中的层级")
