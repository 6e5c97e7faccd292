"""Record detail pages (详情): a record's fields, the records under it, the actions the viewer
may take on it now, and its 办理记录 (``core.history``)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import models
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView

from dangjian.access.scoping import restrict

from .history import history_of


@dataclass(frozen=True)
class Action:
    """A step the viewer may take now: a page (GET) or a one-click form (POST)."""

    label: str
    url: str
    method: str = "get"
    style: str = ""  # "secondary", "contrast": how prominent the button is
    confirm: str = ""


@dataclass
class Section:
    """Records under the shown one (a finding's measures), as a table of the register's kind."""

    title: str
    table: Any
    actions: list[Action] = field(default_factory=list)


def display(obj: models.Model, name: str) -> tuple[str, str]:
    """The label and the shown value of ``obj``'s field ``name`` (choices by their label,
    dates in 年-月-日, a blank as "—")."""
    model_field = obj._meta.get_field(name)
    label = str(getattr(model_field, "verbose_name", name))
    if getattr(model_field, "choices", None):
        value: Any = getattr(obj, f"get_{name}_display")()
    else:
        value = getattr(obj, name)
    if isinstance(value, datetime):
        value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    elif isinstance(value, date):
        value = value.isoformat()
    elif isinstance(value, bool):
        value = "是" if value else "否"
    elif hasattr(value, "all"):  # a many-to-many manager
        value = "、".join(str(item) for item in value.all())
    text = "" if value is None else str(value)
    return label, text or "—"


class RecordDetailView(LoginRequiredMixin, DetailView):  # type: ignore[type-arg]
    """Subclasses set ``model`` and ``fields`` and may add ``sections()``, ``actions()`` and
    ``history_records()`` (the record plus the rows whose steps belong to its history)."""

    template_name = "core/detail.html"
    fields: ClassVar[tuple[str, ...]]
    list_url: ClassVar[str | None] = None  # URL name of the register's list page

    def get_queryset(self) -> QuerySet[Any]:
        return restrict(self.model.objects.all(), self.request.user)  # type: ignore[union-attr]

    def sections(self) -> list[Section]:
        return []

    def actions(self) -> list[Action]:
        return []

    def history_records(self) -> Iterable[models.Model]:
        return [self.object]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        obj = self.object
        return super().get_context_data(
            **kwargs, title=str(obj), kind=obj._meta.verbose_name,
            rows=[display(obj, name) for name in self.fields], sections=self.sections(),
            actions=self.actions(), history=history_of(self.history_records()),
            list_url=reverse(self.list_url) if self.list_url else None,
            list_title=obj._meta.verbose_name_plural,
        )
