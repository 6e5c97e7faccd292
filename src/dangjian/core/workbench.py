"""工作台: what waits for the user, gathered from every app.

Each app that hands work to people declares it in its own ``todos.py`` with a function
``todos(user) -> list[Todo]``; the workbench page asks them all (``gather``). A to-do names its
kind (the column it sits in), how many rows wait, and the list page filtered to exactly them.

Writing an app's ``todos.py``: count through the list page itself, so that the number on the
card and the rows the link shows cannot disagree::

    from dangjian.core.workbench import Kind, register_todo
    from .pages import MeasureList

    def todos(user):
        return [
            register_todo(Kind.VERIFY, "整改措施待核查", MeasureList, user,
                          {"status": MeasureStatus.SUBMITTED}),
        ]

``register_todo`` runs the list view's own ``rows()`` (its scoping and joins) through its
``filterset_class`` with exactly the query the link carries, and links to
``<app_label>:<model_name>_list`` with that query. A list outside the register kernel uses
``filtered_count(filterset_class, rows, params, url_name=…, user=…)`` the same way. Parameters
the FilterSet refuses raise ``ValueError``: a to-do that links to an error page is a bug.
A to-do with a count of 0 is not shown; return it anyway (the page hides it).

A provider that raises: in development and tests (``DEBUG`` or ``DANGJIAN_WORKBENCH_STRICT``)
the error propagates, so it is seen at once. In production the landing page must still open
for every user (it is where they arrive after login), so the error is logged with its
traceback (``logger.exception``: the operators' error log and mail) and the page says which
module's to-dos could not be counted — never a silent gap that reads as "nothing to do"."""

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType
from typing import Any
from urllib.parse import urlencode

from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.urls import reverse

logger = logging.getLogger(__name__)


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


def _request_for(user: Any, query: QueryDict) -> HttpRequest:
    # FilterSets may read request.user (e.g. a "mine" filter), as on the list page.
    request = HttpRequest()
    request.method = "GET"
    request.user = user
    request.GET = query  # type: ignore[assignment]  # an immutable QueryDict, as parsed
    return request


def filtered_count(filterset_class: Any, rows: QuerySet[Any], params: Mapping[str, Any], *,
                   url_name: str, user: Any) -> tuple[int, str]:
    """How many of ``rows`` the list's FilterSet keeps under ``params``, and the list's URL
    carrying exactly those parameters."""
    query_string = urlencode({key: str(value) for key, value in params.items()})
    query = QueryDict(query_string)
    filterset = filterset_class(query, queryset=rows, request=_request_for(user, query))
    if not filterset.is_valid():
        raise ValueError(f"{filterset_class.__name__} refuses {dict(params)}: "
                         f"{filterset.errors.as_json()}")
    return filterset.qs.count(), f"{reverse(url_name)}?{query_string}"


def register_todo(kind: str, label: str, list_view: Any, user: Any,
                  params: Mapping[str, Any]) -> Todo:
    """A to-do counted by a register list page (a ``core.lists.RegisterListView``): its rows,
    its FilterSet, its URL ``<app_label>:<model_name>_list``."""
    view = list_view()
    view.setup(_request_for(user, QueryDict()))
    meta = list_view.model._meta
    count, url = filtered_count(list_view.filterset_class, view.rows(), params,
                                url_name=f"{meta.app_label}:{meta.model_name}_list", user=user)
    return Todo(kind=kind, label=label, count=count, url=url)


@dataclass
class Gathered:
    todos: list[Todo] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # verbose names of the apps that raised


def providers() -> list[tuple[AppConfig, ModuleType]]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("dangjian."):
            continue
        try:
            module = import_module(f"{config.name}.todos")
        except ModuleNotFoundError as missing:
            if missing.name != f"{config.name}.todos":
                raise
            continue
        found.append((config, module))
    return found


def _by_kind(found: list[Todo]) -> list[Todo]:
    order = {kind: n for n, kind in enumerate(Kind.ORDER)}
    return sorted((todo for todo in found if todo.count),
                  key=lambda todo: order.get(todo.kind, len(order)))


def _strict() -> bool:
    return bool(getattr(settings, "DANGJIAN_WORKBENCH_STRICT", settings.DEBUG))


def gather(user: Any) -> Gathered:
    """Every app's to-dos for ``user`` with at least one row waiting, by kind then app; the
    apps whose provider raised (production only, see the module's docstring)."""
    gathered = Gathered()
    found: list[Todo] = []
    for config, module in providers():
        try:
            found += module.todos(user)
        except Exception:
            if _strict():
                raise
            logger.exception("workbench: %s.todos failed for user %s", config.name, user.pk)
            gathered.failed.append(str(config.verbose_name))
    gathered.todos = _by_kind(found)
    return gathered


def todos_for(user: Any) -> list[Todo]:
    """Every app's to-dos for ``user`` with at least one row waiting, by kind then app."""
    found: list[Todo] = []
    for _config, module in providers():
        found += module.todos(user)
    return _by_kind(found)
