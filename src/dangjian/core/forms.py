"""A refused form, kept: what was typed (``drafts``) and every message by field
(``form_errors``), both in the session under the form's key, so that the page shows the form
again with a red summary at the top and each message beside its field.

Views read their fields through ``Inputs``, which collects every refusal before raising one
``ValidationError`` by field; services raise ``ValidationError({field: message})``; both end in
``FormState``, which the templates read (``core/templatetags/forms.py``)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest

from dangjian.core.inputs import parse_date
from dangjian.core.scoped_ids import chosen

GENERAL = ""  # the key of messages that name no field


def errors_by_field(exc: Exception) -> dict[str, list[str]]:
    """A refusal's messages by field; messages that name no field under ``GENERAL``."""
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        return {(GENERAL if name == NON_FIELD_ERRORS else name):
                list(ValidationError(errs).messages) for name, errs in exc.error_dict.items()}
    if isinstance(exc, ValidationError):
        return {GENERAL: list(exc.messages)}
    return {GENERAL: [str(exc) or "操作失败"]}


class Inputs:
    """A form's fields read one by one, every refusal kept: ``check()`` raises them together
    (a refused form names every wrong field, not the first only)."""

    def __init__(self, request: HttpRequest, labels: Mapping[str, str]) -> None:
        self.request, self.labels = request, labels
        self.errors: dict[str, list[str]] = {}

    def _raw(self, name: str) -> str:
        return str(self.request.POST.get(name, "") or "").strip()

    def refuse(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def read(self, name: str, parse: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``parse(*args, **kwargs)``, or None with its messages kept under ``name``."""
        try:
            return parse(*args, **kwargs)
        except ValidationError as error:
            self.errors.setdefault(name, []).extend(error.messages)
            return None

    def text(self, name: str, *, required: bool = True) -> str:
        value = self._raw(name)
        if required and not value:
            self.refuse(name, f"请填写{self.labels[name]}")
        return value

    def date(self, name: str, *, required: bool = True) -> date | None:
        value = self._raw(name)
        if not value:
            if required:
                self.refuse(name, f"请填写{self.labels[name]}")
            return None
        result: date | None = self.read(name, parse_date, value, self.labels[name])
        return result

    def picked(self, model: Any, name: str, *, required: bool = True) -> Any:
        """The object a picker names, in the user's scope (``dangjian.core.scoped_ids``)."""
        value = self._raw(name)
        if not value:
            if required:
                self.refuse(name, f"请选择{self.labels[name]}")
            return None
        return self.read(name, chosen, model, self.request.user, value, name)

    def check(self) -> None:
        if self.errors:
            raise ValidationError({name: [ValidationError(m) for m in messages]
                                   for name, messages in self.errors.items()})


@dataclass
class FormState:
    """What a form shows: the values typed and the messages by field, for the templates."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)
    errors: Mapping[str, list[str]] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def refused(self) -> bool:
        return bool(self.errors)

    def field_id(self, name: str) -> str:
        return f"{self.key}-{name}" if self.key else f"id_{name}"

    @property
    def summary(self) -> list[dict[str, Any]]:
        """Every message, its field's Chinese label and the id to link to, in field order."""
        return [{"field": name, "label": self.labels.get(name, ""), "messages": messages,
                 "id": self.field_id(name) if name else ""}
                for name, messages in self.errors.items()]

    @classmethod
    def of_session(cls, request: HttpRequest, key: str) -> "FormState":
        kept = request.session.get("form_errors", {}).get(key, {})
        return cls(key=key, values=request.session.get("drafts", {}).get(key, {}) or {},
                   errors=kept.get("errors", {}), labels=kept.get("labels", {}))

    @classmethod
    def of_form(cls, form: forms.BaseForm) -> "FormState":
        """A Django ``Form``'s state, so that its page uses the same includes."""
        errors = {(GENERAL if name == NON_FIELD_ERRORS else name): [str(m) for m in messages]
                  for name, messages in form.errors.items()} if form.is_bound else {}
        values = {name: form[name].value() for name in form.fields}
        labels = {name: str(f.label or name) for name, f in form.fields.items()}
        return cls(key=form.prefix or "", values=values, errors=errors, labels=labels)


def keep_errors(request: HttpRequest, key: str, exc: Exception,
                labels: Mapping[str, str]) -> None:
    """Store a refusal's messages by field beside the draft (``drafts``)."""
    kept = request.session.setdefault("form_errors", {})
    kept[key] = {"errors": errors_by_field(exc), "labels": dict(labels)}
    request.session.modified = True


def forget_errors(request: HttpRequest, key: str) -> None:
    if request.session.get("form_errors", {}).pop(key, None) is not None:
        request.session.modified = True
