"""工作台: what waits for the user, gathered from every app.

Each app that hands work to people declares it in its own ``todos.py`` with a function
``todos(user) -> list[Todo]``; the workbench page asks them all (``todos_for``). A to-do names its
kind (the column it sits in), how many rows wait, and the list page filtered to exactly them."""

from dataclasses import dataclass
from importlib import import_module
from typing import Any

from django.apps import apps


class Kind:
    """The columns of the workbench, in the order a clerk works through them."""

    SIGN = "待签收"
    REPLY = "待回复"
    REPORT = "待报送"
    VERIFY = "待核查"
    APPROVE = "待审批"
    DUE = "本周到期"
    OVERDUE = "已逾期"

    ORDER = (SIGN, REPLY, REPORT, VERIFY, APPROVE, DUE, OVERDUE)


@dataclass(frozen=True)
class Todo:
    kind: str  # one of Kind
    label: str  # what waits, e.g. "整改措施待核查"
    count: int
    url: str  # the list page filtered to exactly these rows


def todos_for(user: Any) -> list[Todo]:
    """Every app's to-dos for ``user`` with at least one row waiting, by kind then app."""
    found: list[Todo] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("dangjian."):
            continue
        try:
            module = import_module(f"{config.name}.todos")
        except ModuleNotFoundError as missing:
            if missing.name != f"{config.name}.todos":
                raise
            continue
        found += [todo for todo in module.todos(user) if todo.count]
    order = {kind: n for n, kind in enumerate(Kind.ORDER)}
    return sorted(found, key=lambda todo: order.get(todo.kind, len(order)))
