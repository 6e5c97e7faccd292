from collections import Counter
from typing import Any

from django import template

from dangjian.audit.labels import action_label as _action_label

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    """``mapping[key]``; "" when absent, except that a count absent from a Counter is 0
    (so "逾期 0 项" never shows as "逾期  项")."""
    if isinstance(mapping, Counter):
        return mapping[key]
    return mapping.get(key, "")


@register.filter
def action_label(action: str) -> str:
    """An audit event code by its Chinese name (the code stays the stored data)."""
    return _action_label(action)
