"""Checks shared by the county's configurable lists (orglife's 议题标签, oversight's 问题来源、
类别、严重程度、风险领域): an entry's name and its place in the list."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest

from dangjian.core.action_page import Input
from dangjian.core.forms import Inputs

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


def order_input(inputs: Inputs, name: str = "order") -> int | None:
    """A page's 排序 field: blank (None, the service puts the entry last) or 0–ORDER_MAX;
    anything else is refused on the field."""
    raw = inputs.text(name, required=False)
    if not raw:
        return None
    if not raw.isdecimal() or int(raw) > ORDER_MAX:
        inputs.refuse(name, f"排序须为0至{ORDER_MAX}的整数")
        return None
    return int(raw)


EDIT_LABELS = {"name": "名称", "order": "排序", "active": "状态"}


def edit_inputs(entry: Any, *, rename_help: str, states: list[tuple[str, str]]) -> list[Input]:
    """The edit page's fields of an entry: its name, its place, and 启用/停用."""
    return [
        Input("name", "名称", value=entry.name, help=rename_help),
        Input("order", "排序", "number", value=str(entry.order)),
        Input("active", "状态", "select", states, value="1" if entry.active else "0"),
    ]


def edit_changes(request: HttpRequest) -> dict[str, Any]:
    """What an entry's edit form asks to change (``edit_inputs``), each wrong field refused
    by name; a blank 排序 keeps the entry where it is."""
    inputs = Inputs(request, EDIT_LABELS)
    name, order, state = inputs.text("name"), order_input(inputs), inputs.text("active")
    if state not in ("0", "1"):
        inputs.refuse("active", "请选择启用或停用")
    inputs.check()
    changes: dict[str, Any] = {"name": name, "active": state == "1"}
    if order is not None:
        changes["order"] = order
    return changes
