"""What every page's POST actions share: the action wrapper that keeps refused input, date
parsing, scoped look-ups and the optimistic-lock version."""

from collections.abc import Callable, Mapping
from datetime import date
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from dangjian.access.scoping import restrict
from dangjian.core.burden import page_submission
from dangjian.core.errors import Conflict
from dangjian.core.forms import forget_errors, keep_errors
from dangjian.core.inputs import parse_date
from dangjian.core.scoped_ids import chosen

__all__ = ["action", "drafts", "message_of", "optional_date", "parse_date", "picked", "scoped",
           "version_of"]


def optional_date(value: str | None, label: str) -> date | None:
    return parse_date(value, label) if value else None


def message_of(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "；".join(exc.messages)
    return str(exc) or "操作失败"


def scoped(model: Any, request: HttpRequest, pk: Any) -> Any:
    """The object a page's URL names, within the user's scope (else 404)."""
    if not str(pk or "").isdecimal():
        raise ValidationError("请选择有效的对象")
    return get_object_or_404(restrict(model.objects.all(), request.user), pk=pk)


def picked(model: Any, request: HttpRequest, value: Any, field: str) -> Any:
    """The object a form's field names (a ``<select>``), resolved as the API resolves a body's
    ids (``dangjian.core.scoped_ids``): missing, out of scope or malformed, the same message."""
    return chosen(model, request.user, value, field)


def drafts(request: HttpRequest) -> dict[str, Any]:
    """What refused forms held, by form key, to fill them in again."""
    return dict(request.session.get("drafts", {}))


def _kept(key: str) -> bool:
    # A password typed into a refused form is asked for again, never stored in the session.
    return key != "csrfmiddlewaretoken" and "password" not in key


def _draft(post: QueryDict) -> dict[str, Any]:
    # A ticked list (attendees, introducers) keeps all its values; other fields their one.
    return {key: post.getlist(key) if len(post.getlist(key)) > 1 else post.get(key)
            for key in post if _kept(key)}


def version_of(request: HttpRequest) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdecimal() else None


def action(form_key: str, back: str,
           back_kwargs: tuple[str | tuple[str, str], ...] = (),
           labels: Mapping[str, str] | None = None) -> Callable[..., Any]:
    """A POST action: success and failure both go back with a message; on failure the form's
    input and its messages by field are kept in the session (under ``form_key``) so nothing
    typed is lost. ``back`` is a URL name, reversed with the view's kwargs named in
    ``back_kwargs`` (a name, or a pair ``(url kwarg, view kwarg)``). A view may return
    ``(message, url)`` to go elsewhere.

    ``labels`` (field → Chinese label) says the page shows the refusal inside the form
    (``core/_form_errors.html``, ``core/_field.html``): then no banner repeats it."""

    def decorate(view: Callable[..., Any]) -> Callable[..., HttpResponse]:
        @wraps(view)
        @login_required
        @require_POST
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            key = form_key.format(**kwargs)
            pairs = [(k, k) if isinstance(k, str) else k for k in back_kwargs]
            url = reverse(back, kwargs={name: kwargs[given] for name, given in pairs})
            drafts = request.session.setdefault("drafts", {})
            try:
                # 减负: an accepted form counts for its clerk, typed and filled (core.burden)
                with page_submission(request, form_key, labels):
                    result = view(request, *args, **kwargs)
                message, url = result if isinstance(result, tuple) else (result, url)
                messages.success(request, message)
                drafts.pop(key, None)
                forget_errors(request, key)
            except (ValidationError, PermissionDenied, Conflict) as exc:
                drafts[key] = _draft(request.POST)
                if isinstance(exc, ValidationError):
                    keep_errors(request, key, exc, labels or {})
                if labels is None or not isinstance(exc, ValidationError):
                    messages.error(request, message_of(exc))
            request.session.modified = True
            return redirect(url)

        return wrapper

    return decorate
