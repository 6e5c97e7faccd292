"""The form components' tags: ``{% load forms %}``, then ``{% form_state "measure" f.pk as form %}``
(a refused action's kept values and messages) or ``{% form_state login_form as form %}`` (a
Django ``Form``), read by ``core/_form_errors.html``, ``core/_field.html`` and
``core/_picker.html`` through the filters below."""

from typing import Any

from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from dangjian.core.burden import OFFERED, offer_token
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


@register.simple_tag
def offered(name: str, value: Any) -> SafeString:
    """The hidden token saying the platform offered ``value`` in field ``name`` (a prefilled
    value, a draft, a suggestion): submitted unchanged, the field counts as filled by the
    platform, not typed (``dangjian.core.burden``). ``core/_field.html`` writes it for its
    ``value=``; a hand-written ``<select>`` or list of ticks writes ``{% offered name value %}``."""
    if value is None or value == "" or value == []:
        return SafeString("")
    return format_html('<input type="hidden" name="{}" value="{}">', OFFERED,
                       offer_token(name, value))
