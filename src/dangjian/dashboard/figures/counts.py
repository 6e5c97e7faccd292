"""Counting through a register's own FilterSet, so that a figure and its list agree.

``total`` is one count; ``grouped`` counts the filtered rows per value of one field in a single
``GROUP BY`` and links each group with the filter that selects it (the FilterSet's parameter
for that field); ``split`` does the same for each value of one more filter (a light), still in
one query. The rows are the app's selector, as its list page takes them."""

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from django.db.models import Case, CharField, Count, QuerySet, Value, When
from django.http import HttpRequest, QueryDict
from django.urls import reverse

from . import Cell


def _filterset(filterset_class: Any, params: Mapping[str, Any], rows: QuerySet[Any],
               user: Any) -> Any:
    """The register's FilterSet bound to ``params`` as its list page binds the query string."""
    query = QueryDict(urlencode({k: str(v) for k, v in params.items()}))
    request = HttpRequest()
    request.method, request.user, request.GET = "GET", user, query  # type: ignore[assignment]
    filterset = filterset_class(query, queryset=rows, request=request)
    if not filterset.is_valid():
        raise ValueError(f"{filterset_class.__name__} refuses {dict(params)}: "
                         f"{filterset.errors.as_json()}")
    return filterset


def filtered(filterset_class: Any, rows: QuerySet[Any], params: Mapping[str, Any],
             user: Any) -> QuerySet[Any]:
    return _filterset(filterset_class, params, rows, user).qs


def link(url_name: str, params: Mapping[str, Any]) -> str:
    query = urlencode({k: str(v) for k, v in params.items()})
    return f"{reverse(url_name)}?{query}" if query else reverse(url_name)


def total(filterset_class: Any, rows: QuerySet[Any], params: Mapping[str, Any], *,
          url_name: str, user: Any) -> Cell:
    return Cell(filtered(filterset_class, rows, params, user).count(), link(url_name, params))


def grouped(filterset_class: Any, rows: QuerySet[Any], params: Mapping[str, Any], *,
            url_name: str, user: Any, by: str, label: str, param: str,
            none: Mapping[str, str] | None = None) -> dict[Any, tuple[str, Cell]]:
    """``{value of by: (label, Cell)}``; rows whose ``by`` is null link with ``none`` (a filter
    meaning "not set") or are left out when there is none."""
    chosen = filtered(filterset_class, rows, params, user)
    # The filtered rows may carry aggregates (a light's deadline): group them in a subquery.
    found = (rows.model.objects.filter(pk__in=chosen.values("pk")).order_by()
             .values(by, label).annotate(n=Count("pk", distinct=True)))
    out: dict[Any, tuple[str, Cell]] = {}
    for row in found:
        key = row[by]
        if key is None and none is None:
            continue
        extra = dict(none or {}) if key is None else {param: key}
        out[key] = (row[label] or "（未指定）", Cell(row["n"], link(url_name, {**params, **extra})))
    return out


def split(filterset_class: Any, rows: QuerySet[Any], params: Mapping[str, Any], *,
          url_name: str, user: Any, split_by: str, values: Sequence[str],
          groups: Sequence[tuple[str, str, str]], none: Mapping[str, str] | None = None
          ) -> list[dict[str, dict[Any, tuple[str, Cell]]]]:
    """For each group ``(by, label, param)``: ``{value: grouped(..., {**params, split_by:
    value})}``, in one ``GROUP BY`` per group. One FilterSet takes ``params``; its own
    ``split_by`` filter then selects each value's rows, as it does on the list page, and each
    row is tagged with the first value whose rows hold it (the values must select disjoint
    rows, as the lights do)."""
    base = _filterset(filterset_class, params, rows, user)
    chosen = base.qs
    field, form_field = base.filters[split_by], base.form.fields[split_by]
    tag = Case(*[When(pk__in=field.filter(chosen, form_field.clean(value)).values("pk"),
                      then=Value(value)) for value in values],
               default=Value(""), output_field=CharField())
    tagged = (rows.model.objects.filter(pk__in=chosen.values("pk")).order_by()
              .annotate(_split=tag))
    out = []
    for by, label, param in groups:
        counted: dict[tuple[Any, str], int] = {}
        labels: dict[Any, str] = {}
        for row in tagged.values(by, label, "_split").annotate(n=Count("pk")):
            key, value = row[by], row["_split"]
            if value not in values or (key is None and none is None):
                continue
            counted[key, value] = row["n"]
            labels[key] = row[label] or "（未指定）"
        # A group counted under one value shows 0 under the others, linked all the same.
        out.append({value: {key: (name, Cell(counted.get((key, value), 0), link(
            url_name, {**params, split_by: value,
                       **(dict(none or {}) if key is None else {param: key})})))
            for key, name in labels.items()} for value in values})
    return out
