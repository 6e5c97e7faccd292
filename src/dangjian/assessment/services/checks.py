"""Checks several services share: the no-formalism rule, the 最多报一次 rule, and numbers."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError

from .. import rules
from ..models import Indicator, Method, Scheme
from ..providers import REGISTRY

COMPUTED = (Method.AUTO, Method.DEDUCTION)
ENTERED = (Method.MANUAL, Method.EVALUATION, Method.BONUS)


def decimal(value: Any, field: str, label: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError({field: f"{label}必须是数字"}) from None
    if not number.is_finite():
        raise ValidationError({field: f"{label}必须是数字"})
    if number != number.quantize(Decimal("0.01")):
        raise ValidationError({field: f"{label}最多保留两位小数"})
    return number


def refuse_formalism(provider: str, field: str = "provider") -> None:
    """《整治形式主义为基层减负若干规定》: a provider counting uploads, photos, notes or meetings
    for their own sake is refused, with the rule."""
    found = REGISTRY.get(provider)
    if found is not None and found.formalism:
        raise ValidationError({field: (
            f"数据来源“{found.label}”以{found.formalism}，违反“{rules.NO_FORMALISM.text}”"
            f"（{rules.NO_FORMALISM.citation}），不能作为考核指标")})


def held_figures(params: Any) -> list[str]:
    """Provider keys named anywhere in ``params`` (its keys or its text values)."""
    if not isinstance(params, dict):
        return []
    names = [*params.keys(), *(v for v in params.values() if isinstance(v, str))]
    return [name for name in names if name in REGISTRY]


def check_indicator(scheme: Scheme, *, method: str, provider: str, params: Any,
                    max_points: Decimal, parent: Indicator | None) -> None:
    """The rules an indicator keeps whoever edits it (add, update, publish)."""
    if method not in Method.values:
        raise ValidationError({"method": "计分方式只能是系统计算、人工评分、扣分、加分或民主测评"})
    if max_points <= 0:
        raise ValidationError({"max_points": "分值必须大于0"})
    if max_points > scheme.total_points:
        raise ValidationError({"max_points": f"分值不能超过方案总分{scheme.total_points}"})
    if not isinstance(params, dict):
        raise ValidationError({"params": "参数必须是对象（键值对）"})
    if parent is not None and (parent.scheme_id != scheme.pk or parent.parent_id is not None):
        raise ValidationError({"parent": "上级指标必须是本方案的一级指标（指标最多两级）"})
    refuse_formalism(provider)
    if method in COMPUTED:
        found = REGISTRY.get(provider)
        if found is None:
            raise ValidationError({"provider": "系统计算和扣分指标必须选择平台已有的数据来源"})
        if method not in found.methods:
            raise ValidationError({"provider": f"数据来源“{found.label}”不适用于该计分方式"})
        return
    named = [provider] if provider else []
    named += held_figures(params)
    if named:
        found = REGISTRY.get(named[0], None)
        which = f"“{found.label}”（{found.key}）" if found else f"“{named[0]}”"
        raise ValidationError({"method": (
            f"该指标要求填报的数据平台已经掌握：请改用系统计算，数据来源选{which}。"
            f"依据：{rules.REPORT_ONCE.text}（{rules.REPORT_ONCE.citation}）")})


def weights_of(indicator: Indicator) -> dict[str, Decimal]:
    """民主测评 weights: the indicator's ``weights`` param over the county's defaults."""
    weights = dict(rules.local_settings().evaluation_weights)
    given = indicator.params.get("weights") if isinstance(indicator.params, dict) else None
    for key, value in (given or {}).items():
        if key in weights:
            weights[key] = decimal(value, "params", f"“{key}”的权重")
    return weights
