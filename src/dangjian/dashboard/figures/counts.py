"""Counting through a register's own FilterSet, so that a figure and its list agree.

``total`` is one count; ``grouped`` counts the filtered rows per value of one field in a single
``GROUP BY`` and links each group with the filter that selects it (the FilterSet's parameter
for that field). The rows are the app's selector, as its list page takes them."""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.http import HttpRequest, QueryDict
from django.urls import reverse

from . import Cell


def _filtered(filterset_class: Any, rows: QuerySet[Any], params: Mapping[str, Any],
              user: Any) -> QuerySet[Any]:
    query = QueryDict(urlencode({k: str(v) for k, v in params.items()}))
    request = HttpRequest()
    request.method, request.user, request.GET = "GET", user, query  # type: ignore[assignment]
    filterset = filterset_class(query, queryset=rows, request=request)
    if not filterset.is_valid():
        raise ValueError(f"{filterset_class.__name__} refuses {dict(params)}: "
                         f"{filterset.errors.as_json()}")
    return filterset.qs


def link(url_name: str, params: Mapping[str, Any]) -> str:
    query = urlencode({k: str(v) for k, v in params.items()})
    return f"{reverse(url_name)}?{query}" if query else reverse(url_name)


def total(filterset_class: Any, rows: QuerySet[Any], params: Mapping[str, Any], *,
          url_name: str, user: Any) -> Cell:
    return Cell(_filtered(filterset_class, rows, params, user).count(), link(url_name, params))


def grouped(filterset_class: Any, rows: QuerySet[Any], params: Mapping[str, Any], *,
            url_name: str, user: Any, by: str, label: str, param: str,
            none: Mapping[str, str] | None = None) -> dict[Any, tuple[str, Cell]]:
    """``{value of by: (label, Cell)}``; rows whose ``by`` is null link with ``none`` (a filter
    meaning "not set") or are left out when there is none."""
    filtered = _filtered(filterset_class, rows, params, user)
    # The filtered rows may carry aggregates (a light's deadline): group them in a subquery.
    found = (rows.model.objects.filter(pk__in=filtered.values("pk")).order_by()
             .values(by, label).annotate(n=Count("pk", distinct=True)))
    out: dict[Any, tuple[str, Cell]] = {}
    for row in found:
        key = row[by]
        if key is None and none is None:
            continue
        extra = dict(none or {}) if key is None else {param: key}
        out[key] = (row[label] or "（未指定）", Cell(row["n"], link(url_name, {**params, **extra})))
    return out
