"""Checks shared by the county's configurable lists (orglife's 议题标签, oversight's 问题来源、
类别、严重程度、风险领域): an entry's name and its place in the list."""

from typing import Any

from django.core.exceptions import ValidationError

ORDER_MAX = 999


def entry_name(value: Any, max_length: int) -> str:
    name = str(value or "").strip()
    if not name:
        raise ValidationError({"name": "请填写名称"})
    if len(name) > max_length:
        raise ValidationError({"name": f"名称不能超过{max_length}个字"})
    return name


def entry_order(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= ORDER_MAX:
        raise ValidationError({"order": f"排序须为0至{ORDER_MAX}的整数"})
    return value
