"""The assessment's forms as pages: GET shows the form (a refused one with what was typed and
each message beside its field), POST goes to the action in ``views``."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.roles import Role
from dangjian.access.scoping import restrict, roles_of
from dangjian.core.actions import drafts
from dangjian.core.forms import FormState
from dangjian.orgs.models import Organization

from . import views
from .models import Appeal, Method, Scheme, ScoringPeriod, TargetKind
from .models.schemes import DEFAULT_GRADE_BANDS
from .pages import (
    appeal_of,
    indicator_of,
    may_appeal,
    may_edit,
    may_handle,
    may_score,
    scheme_of,
    score_of,
)
from .providers import KEYS, REGISTRY
from .services import scoring


@dataclass
class Input:
    name: str
    label: str
    kind: str = "text"  # text, textarea, select
    choices: list[tuple[str, str]] = field(default_factory=list)
    value: Any = ""
    required: bool = True
    help: str = ""


def _fill(inputs: list[Input], draft: dict[str, Any]) -> list[Input]:
    for item in inputs:
        if item.name in draft:
            kept = draft[item.name]
            item.value = kept if isinstance(kept, str) else (kept[0] if kept else "")
    return inputs


def _page(request: HttpRequest, *, title: str, key: str, inputs: list[Input], button: str,
          back: str, refusal: str = "", record: Model | None = None,
          about: list[tuple[str, str]] | None = None) -> HttpResponse:
    form = FormState.of_session(request, key)
    form = replace(form, labels={**{i.name: i.label for i in inputs}, **form.labels})
    return render(request, "assessment/action.html", {
        "title": title, "inputs": _fill(inputs, drafts(request).get(key, {})), "button": button,
        "back_url": back, "refusal": refusal, "form": form, "about": about or [],
        "kind": record._meta.verbose_name if record is not None else "", "record": record,
    }, status=403 if refusal else 200)


def _choices(enum: Any, blank: str = "") -> list[tuple[str, str]]:
    found = [(str(v), str(label)) for v, label in enum.choices]
    return [("", blank), *found] if blank else found


def _bands_text(bands: list[Any]) -> str:
    return " ".join(f"{b['grade']}:{b['min']}" for b in bands)


# --- schemes ----------------------------------------------------------------------------------


def _scheme_inputs(request: HttpRequest, scheme: Scheme | None) -> list[Input]:
    units = restrict(Organization.objects.order_by("path"), request.user)[:500]
    year = scheme.year if scheme else timezone.localdate().year
    inputs = [
        Input("year", "年度", value=str(year)),
        Input("name", "方案名称", value=scheme.name if scheme else ""),
        Input("target_kind", "考核对象", "select", _choices(TargetKind),
              value=scheme.target_kind if scheme else ""),
        Input("total_points", "总分", value=str(scheme.total_points if scheme else 100)),
        Input("basis", "依据（考核办法）", required=False, value=scheme.basis if scheme else ""),
        Input("document_number", "文号", required=False, help="如 示组〔2026〕3号，公布通报时使用",
              value=scheme.document_number if scheme else ""),
        Input("appeal_days", "复核申请期限（工作日）",
              value=str(scheme.appeal_days if scheme else 5)),
        Input("grade_bands", "等次划分", required=False,
              help="每个等次及其最低分，如“好:90 较好:80 一般:60 差:0”（待核实，本县可配置）",
              value=_bands_text(scheme.grade_bands if scheme else DEFAULT_GRADE_BANDS)),
        Input("accountability_grades", "提出问责建议的等次", required=False,
              help="留空为“差”；多个用空格分隔",
              value=" ".join(scheme.accountability_grades) if scheme else ""),
    ]
    if scheme is None:
        inputs.insert(3, Input("organization", "考核范围", "select",
                               [(str(u.pk), u.name) for u in units]))
    return inputs


def scheme_new(request: HttpRequest) -> HttpResponse:
    refusal = "" if Role.ASSESSOR in roles_of(request.user) else "只有考核管理员可以编制考核方案"
    return _page(request, title="新建考核方案", key="scheme-new", button="保存为草稿",
                 inputs=_scheme_inputs(request, None), refusal=refusal,
                 back=reverse("assessment:scheme_list"))


def scheme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = scheme_of(request, pk)
    refusal = ("" if may_edit(request.user, scheme) and scheme.status == Scheme.Status.DRAFT
               else "只有覆盖该范围的考核管理员可以修改草稿状态的考核方案")
    return _page(request, title="编辑考核方案", key=f"scheme-edit-{pk}", button="保存",
                 inputs=_scheme_inputs(request, scheme), refusal=refusal, record=scheme,
                 back=views.detail_url("scheme", pk))


# --- indicators -------------------------------------------------------------------------------


def provider_choices() -> list[tuple[str, str]]:
    """Every provider the platform knows (registered, else the contract's keys); a formalism
    provider is shown for what it is and refused on saving."""
    keys = {**KEYS, **{k: p.label for k, p in REGISTRY.items()}}
    return [("", "（无：人工评分、民主测评、加分）")] + [
        (key, f"{label}（{REGISTRY[key].formalism}，不得使用）"
         if key in REGISTRY and REGISTRY[key].formalism else label)
        for key, label in keys.items()]


def _indicator_inputs(scheme: Scheme, indicator: Any = None) -> list[Input]:
    def now(name: str, default: Any = "") -> str:
        value = getattr(indicator, name, default) if indicator is not None else default
        return "" if value is None else str(value)

    tops = scheme.indicators.filter(parent__isnull=True).order_by("order", "code")
    if indicator is not None:
        tops = tops.exclude(pk=indicator.pk)
    return [
        Input("parent", "一级指标", "select",
              [("", "（无：本指标为一级指标）")] + [(str(t.pk), str(t)) for t in tops],
              required=False, value=now("parent_id")),
        Input("code", "编号", value=now("code")),
        Input("name", "指标名称", value=now("name")),
        Input("max_points", "分值", value=now("max_points")),
        Input("method", "计分方式", "select", _choices(Method),
              value=now("method", Method.MANUAL)),
        Input("provider", "数据来源", "select", provider_choices(), required=False,
              value=now("provider"), help="系统计算、扣分指标必选；不得以开会发文、拍照留痕、"
                                         "学习笔记等计分"),
        Input("params", "参数", required=False,
              help='JSON，如 {"target": 1, "per_unit": 1, "cap": 5}；民主测评为四档权重',
              value=json.dumps(indicator.params, ensure_ascii=False)
              if indicator is not None and indicator.params else ""),
        Input("period", "考核周期", "select", _choices(ScoringPeriod),
              value=now("period", ScoringPeriod.YEAR)),
        Input("citation", "依据", required=False, value=now("citation")),
        Input("scoring_department", "评分部门（机构编号）", required=False,
              value=now("scoring_department_id")),
        Input("order", "排序", required=False, value=now("order", 0)),
    ]


def indicator_new(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = scheme_of(request, pk)
    refusal = ("" if may_edit(request.user, scheme) and scheme.status == Scheme.Status.DRAFT
               else "只有覆盖该范围的考核管理员可以修改草稿状态的考核方案")
    return _page(request, title="添加指标", key=f"indicator-new-{pk}", button="添加",
                 inputs=_indicator_inputs(scheme), refusal=refusal, record=scheme,
                 back=views.detail_url("scheme", pk))


def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = indicator_of(request, pk)
    scheme = indicator.scheme
    refusal = ("" if may_edit(request.user, scheme) and scheme.status == Scheme.Status.DRAFT
               else "只有覆盖该范围的考核管理员可以修改草稿状态的考核方案")
    return _page(request, title=f"编辑指标 {indicator}", key=f"indicator-edit-{pk}",
                 button="保存", inputs=_indicator_inputs(scheme, indicator), refusal=refusal,
                 record=scheme, back=views.detail_url("scheme", scheme.pk))


# --- scores and appeals -----------------------------------------------------------------------


def score_entry(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = indicator_of(request, pk)
    scheme = indicator.scheme
    refusal = "" if may_score(request.user, scheme) else "只有覆盖该单位的考核管理员可以录入得分"
    if not refusal and indicator.method not in (Method.MANUAL, Method.EVALUATION, Method.BONUS):
        refusal = "该指标由系统计算，不能人工录入得分"
    targets = scoring.targets_of(scheme) if not refusal else []
    periods = scoring.periods_of(indicator) if not refusal else []
    inputs = [
        Input("organization", "考核对象", "select",
              [(str(t.organization.pk), t.organization.name) for t in targets]),
        Input("period", "周期", "select", [(p.label, p.label) for p in periods]),
    ]
    if indicator.method == Method.EVALUATION:
        inputs += [Input(name, f"{name}票数", value="0") for name in views.COUNTS]
    else:
        inputs += [Input("points", f"得分（满分{indicator.max_points}）"),
                   Input("basis_text", "评分说明", "textarea",
                         help="写明依据，让被考核单位看到每一分的来由")]
    return _page(request, title=f"录入得分：{indicator}", key=f"score-entry-{pk}",
                 button="录入", inputs=inputs, refusal=refusal, record=scheme,
                 about=[("计分方式", indicator.get_method_display()),
                        ("依据", indicator.citation or "—")],
                 back=views.detail_url("scheme", scheme.pk))


def appeal_raise(request: HttpRequest, pk: int) -> HttpResponse:
    score = score_of(request, pk)
    refusal = "" if may_appeal(request.user, score) else (
        "只有被考核单位的书记或党务干事可以对本单位得分申请复核，每项得分只能申请一次")
    return _page(request, title="申请复核", key=f"appeal-raise-{pk}", button="提出复核申请",
                 inputs=[Input("reason", "复核理由", "textarea")], refusal=refusal, record=score,
                 about=[("得分", f"{score.points}（{score.indicator}，{score.period}）")],
                 back=views.detail_url("score", pk))


def appeal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = appeal_of(request, pk)
    refusal = "" if (may_handle(request.user, appeal)
                     and appeal.status == Appeal.Status.ACCEPTED) else (
        "只有覆盖该单位的考核管理员可以对已受理的复核作出结论，申请人不能办理本人的申请")
    return _page(request, title="作出复核结论", key=f"appeal-decide-{pk}", button="提交结论",
                 inputs=[Input("outcome", "复核结论", "select",
                               [("", "请选择"), (Appeal.Status.UPHELD, "维持原分"),
                                (Appeal.Status.ADJUSTED, "调整得分")]),
                         Input("points", "调整后得分", required=False, help="调整得分时填写"),
                         Input("answer", "复核意见", "textarea")],
                 refusal=refusal, record=appeal,
                 about=[("复核理由", appeal.reason), ("原得分", str(appeal.points_before))],
                 back=views.detail_url("appeal", pk))


PAGES: dict[str, tuple[Callable[..., HttpResponse], Callable[..., HttpResponse]]] = {
    "scheme-new": (scheme_new, views.scheme_new),
    "scheme-edit": (scheme_edit, views.scheme_edit),
    "indicator-new": (indicator_new, views.indicator_new),
    "indicator-edit": (indicator_edit, views.indicator_edit),
    "score-entry": (score_entry, views.score_entry),
    "appeal-raise": (appeal_raise, views.appeal_raise),
    "appeal-decide": (appeal_decide, views.appeal_decide),
}


def view(name: str) -> Callable[..., HttpResponse]:
    page, post = PAGES[name]

    @login_required
    def one(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        return post(request, **kwargs) if request.method == "POST" else page(request, **kwargs)

    one.__name__ = name.replace("-", "_")
    return one
