"""The form components' tags: ``{% load forms %}``, then ``{% form_state "measure" f.pk as form %}``
(a refused action's kept values and messages) or ``{% form_state login_form as form %}`` (a
Django ``Form``), read by ``core/_form_errors.html``, ``core/_field.html`` and
``core/_picker.html`` through the filters below."""

from typing import Any

from django import forms, template

from dangjian.core.forms import FormState

register = template.Library()


@register.simple_tag(takes_context=True)
def form_state(context: template.Context, *key: Any) -> FormState:
    """The state of the form keyed ``"-".join(key)`` (the action's ``form_key``), or of a
    Django form passed as the one argument."""
    if len(key) == 1 and isinstance(key[0], forms.BaseForm):
        return FormState.of_form(key[0])
    name = "-".join(str(part) for part in key)
    request = context.get("request")
    return FormState.of_session(request, name) if request is not None else FormState(name)


@register.filter
def value_of(state: FormState, name: str) -> Any:
    value = state.values.get(name, "") if state else ""
    return "" if value is None else value


@register.filter
def errors_of(state: FormState, name: str) -> list[str]:
    return list(state.errors.get(name, [])) if state else []


@register.filter
def id_of(state: FormState, name: str) -> str:
    return state.field_id(name) if state else f"id_{name}"


@register.filter
def chosen_is(value: Any, option: Any) -> bool:
    """Whether a kept value (a string, or a list of them) names ``option`` (an id)."""
    wanted = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)}
    return str(option) in wanted
