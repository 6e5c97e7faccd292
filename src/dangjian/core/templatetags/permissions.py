"""``{% load permissions %}{% can "tasks.plan" plan.organization as may_plan %}``: the page
shows only the actions the signed-in user may take (the same answer the service gives)."""

from typing import Any

from django import template

from dangjian.core.permissions import can as can_act

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context: Any, action: str, obj: Any = None) -> bool:
    return can_act(context["request"].user, action, obj)
