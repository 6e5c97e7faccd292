"""What every members page shares: reading form values, and the POST action that returns to
its page with a message, keeping what was typed when the service refuses it."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from dangjian.access.roles import ROLE_RULES
from dangjian.access.scoping import restrict, roles_of
from dangjian.people.models import Person

PAGE_ROWS = 200
CHOICES_LIMIT = 300
DRAFTS = "member_drafts"  # session key: form key → what was typed into a refused form


def parse_date(value: str | None, label: str) -> date:
    try:
        return date.fromisoformat(value or "")
    except ValueError as exc:
        raise ValidationError(f"请填写正确的{label}（年-月-日）") from exc


def optional_date(value: str | None, label: str) -> date | None:
    return parse_date(value, label) if value else None


def optional_int(value: str | None, label: str) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise ValidationError(f"{label}应为整数")
    return int(value)


def optional_decimal(value: str | None, label: str) -> Decimal | None:
    if not value:
        return None
    try:
        return Decimal(value)
    except InvalidOperation as exc:
        raise ValidationError(f"{label}应为数字") from exc


def scoped(model: Any, request: HttpRequest, pk: Any) -> Any:
    """An object the user may see by its id from a form; 404 otherwise."""
    if not str(pk or "").isdigit():
        raise ValidationError("请选择有效的对象")
    return get_object_or_404(restrict(model.objects.all(), request.user), pk=pk)


def scoped_persons(request: HttpRequest, key: str) -> list[Person]:
    return [scoped(Person, request, pk) for pk in request.POST.getlist(key) if pk]


def enters_data(request: HttpRequest) -> bool:
    """Whether to show the forms; the services decide what may actually be written."""
    return any(ROLE_RULES[role].enters_data for role in roles_of(request.user))


def drafts(request: HttpRequest) -> dict[str, Any]:
    return dict(request.session.get(DRAFTS, {}))


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "；".join(exc.messages)
    return str(exc) or "操作失败"


def _draft(post: QueryDict) -> dict[str, Any]:
    return {key: post.getlist(key) if len(post.getlist(key)) > 1 else post.get(key)
            for key in post if key != "csrfmiddlewaretoken"}


def action(page: str, form_key: str) -> Callable[..., Callable[..., HttpResponse]]:
    """A POST view returning to ``page``: the view returns the success message, a refusal
    becomes an error message and the form's input is kept under ``form_key``."""

    def decorate(view: Callable[..., str]) -> Callable[..., HttpResponse]:
        @wraps(view)
        @login_required
        @require_POST
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            key = form_key.format(**kwargs)
            saved = request.session.setdefault(DRAFTS, {})
            try:
                messages.success(request, view(request, *args, **kwargs))
                saved.pop(key, None)
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, _message(exc))
                saved[key] = _draft(request.POST)
            request.session.modified = True
            return redirect(page)

        return wrapper

    return decorate
