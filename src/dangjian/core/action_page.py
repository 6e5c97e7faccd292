"""One action, one page: the form a person fills to take an action (GET), posted to the same
URL, whose action view (``core.actions.action``) runs the service. Every such page renders
``core/action.html`` from a list of ``Input``; a refused form comes back with what was typed
(``core.actions.drafts``) and its messages by field (``core.forms.FormState``)."""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dangjian.core.actions import drafts
from dangjian.core.forms import FormState
from dangjian.core.permissions import can, rule_for

__all__ = ["Button", "Input", "page_or_action", "refusal_of", "render_action"]


@dataclass
class Input:
    """One field of an action page."""

    name: str
    label: str
    kind: str = "text"  # text, textarea, date, number, password, select, checks, file, hidden
    choices: list[tuple[str, str]] = field(default_factory=list)
    value: Any = ""
    values: list[str] = field(default_factory=list)  # checks: the ticked ones
    required: bool = True
    help: str = ""
    picker: str = ""  # organizations | persons: a type-ahead over the select (core/_picker.html)
    picker_params: str = ""  # what the type-ahead may offer, e.g. "kind=党支部"
    # a page's own type-ahead instead of the scoped API's (the 三员 reach no business scope)
    picker_url: str = ""
    drafted: bool = False  # value is a refused form's input, not the platform's offer


@dataclass(frozen=True)
class Button:
    label: str
    name: str = ""
    value: str = ""
    style: str = ""


def _fill(inputs: list[Input], draft: dict[str, Any]) -> list[Input]:
    """Put a refused form's input back into its fields (never a file or a password)."""
    for item in inputs:
        if item.name not in draft or item.kind in ("file", "password"):
            continue
        kept = draft[item.name]
        item.drafted = True
        if item.kind == "checks":
            item.values = kept if isinstance(kept, list) else [kept]
        else:
            item.value = kept if isinstance(kept, str) else (kept[0] if kept else "")
    return inputs


def render_action(request: HttpRequest, *, title: str, inputs: list[Input], draft_key: str,
                  buttons: list[Button], back_url: str, record: Model | None = None,
                  record_url: str = "", about: list[tuple[str, str]] | None = None,
                  refusal: str = "", multipart: bool = False) -> HttpResponse:
    """The page; with a ``refusal`` (why this person may not act) it says so, answers 403 and
    shows no form."""
    form = FormState.of_session(request, draft_key)
    # The page's own labels name each refused field in the summary, whatever the action said.
    form = replace(form, labels={**{i.name: i.label for i in inputs}, **form.labels})
    return render(request, "core/action.html", {
        "title": title, "inputs": _fill(inputs, drafts(request).get(draft_key, {})),
        "buttons": buttons, "record": record, "about": about or [], "refusal": refusal,
        "kind": record._meta.verbose_name if record is not None else "",
        "record_url": record_url if record is not None else "", "back_url": back_url,
        "multipart": multipart, "form": form,
    }, status=403 if refusal else 200)


def refusal_of(request: HttpRequest, action: str, obj: Any = None) -> str:
    """Why the user may not take ``action`` on ``obj`` (empty when they may)."""
    if can(request.user, action, obj):
        return ""
    return rule_for(action).refusal_for(request.user, obj)


def page_or_action(page: Callable[..., HttpResponse], post: Callable[..., HttpResponse]
                   ) -> Callable[..., HttpResponse]:
    """One URL: GET shows the form page, POST does the action."""

    @login_required
    def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if request.method == "POST":
            return post(request, **kwargs)
        return page(request, **kwargs)

    view.__name__ = getattr(page, "__name__", "view")
    return view
