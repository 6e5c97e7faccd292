"""The assessment's POST actions (one small view each: parse the form, call the service) and
its downloads. Every refusal comes back to the form with what was typed (``core.actions``)."""

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from dangjian.access.actor import actor_of
from dangjian.audit.services import record
from dangjian.core.actions import action, picked
from dangjian.core.files.checks import DOCX, XLSX, attachment
from dangjian.core.forms import Inputs
from dangjian.orgs.models import Organization

from . import documents
from .models import Appeal, Method, Scheme
from .pages import appeal_of, indicator_of, may_approve, may_edit, scheme_of, score_of
from .services import appeals, schemes, scoring

SCHEME_FIELDS = {"year": "年度", "name": "方案名称", "target_kind": "考核对象",
                 "organization": "考核范围", "total_points": "总分", "basis": "依据（考核办法）",
                 "document_number": "文号", "appeal_days": "复核申请期限（工作日）",
                 "grade_bands": "等次划分", "accountability_grades": "提出问责建议的等次"}
INDICATOR_FIELDS = {"code": "编号", "name": "指标名称", "max_points": "分值",
                    "method": "计分方式", "parent": "一级指标", "provider": "数据来源",
                    "params": "参数", "period": "考核周期", "citation": "依据",
                    "scoring_department": "评分部门", "order": "排序"}
SCORE_FIELDS = {"organization": "考核对象", "period": "周期", "points": "得分",
                "basis_text": "评分说明", "满意": "满意票数", "比较满意": "比较满意票数",
                "基本满意": "基本满意票数", "不满意": "不满意票数"}
APPEAL_FIELDS = {"reason": "复核理由"}
DECIDE_FIELDS = {"outcome": "复核结论", "answer": "复核意见", "points": "调整后得分"}
COUNTS = ("满意", "比较满意", "基本满意", "不满意")


def detail_url(name: str, pk: int) -> str:
    return reverse(f"assessment:{name}_detail", args=[pk])


# --- reading fields ---------------------------------------------------------------------------


def decimal(inputs: Inputs, name: str, *, required: bool = True) -> Decimal | None:
    raw = inputs.text(name, required=required)
    if not raw:
        return None
    try:  # ASCII digits only: Decimal() would also read full-width and other scripts' digits
        value = Decimal(raw) if raw.isascii() else Decimal("NaN")
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or abs(value) >= 10000 or value != value.quantize(Decimal("0.01")):
        inputs.refuse(name, f"{inputs.labels[name]}应为数字，最多两位小数")
        return None
    return value


def whole(inputs: Inputs, name: str, *, required: bool = True, top: int = 100000) -> int | None:
    raw = inputs.text(name, required=required)
    if not raw:
        return None
    if not raw.isdecimal() or not raw.isascii() or int(raw) > top:
        inputs.refuse(name, f"{inputs.labels[name]}应为0到{top}之间的整数")
        return None
    return int(raw)


def json_field(inputs: Inputs, name: str, kind: type) -> Any:
    raw = inputs.text(name, required=False)
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    if not isinstance(value, kind):
        shape = "对象" if kind is dict else "列表"
        inputs.refuse(name, f"{inputs.labels[name]}格式不正确（应为JSON{shape}）")
        return None
    return value


def grade_bands(inputs: Inputs) -> list[dict[str, str]] | None:
    """等次划分 typed as ``好:90 较好:80 一般:60 差:0``."""
    raw = inputs.text("grade_bands", required=False)
    if not raw:
        return None
    bands = []
    for part in raw.replace("，", " ").replace(",", " ").split():
        grade, _, low = part.replace("：", ":").partition(":")
        if not grade or not low.replace(".", "", 1).isdecimal():
            inputs.refuse("grade_bands", "等次划分格式如“好:90 较好:80 一般:60 差:0”")
            return None
        bands.append({"grade": grade, "min": low})
    return bands


def scheme_fields(request: HttpRequest) -> dict[str, Any]:
    inputs = Inputs(request, SCHEME_FIELDS)
    fields: dict[str, Any] = {
        "year": whole(inputs, "year", top=2100), "name": inputs.text("name"),
        "target_kind": inputs.text("target_kind"),
        "total_points": decimal(inputs, "total_points"), "basis": inputs.text("basis",
                                                                              required=False),
        "document_number": inputs.text("document_number", required=False),
        "appeal_days": whole(inputs, "appeal_days", top=60),
        "grade_bands": grade_bands(inputs),
    }
    grades = inputs.text("accountability_grades", required=False)
    fields["accountability_grades"] = grades.replace("，", " ").replace(",", " ").split()
    inputs.check()
    return {k: v for k, v in fields.items() if v is not None}


# --- schemes ----------------------------------------------------------------------------------


@action("scheme-new", back="assessment:scheme-new", labels=SCHEME_FIELDS)
def scheme_new(request: HttpRequest) -> tuple[str, str]:
    fields = scheme_fields(request)
    organization = picked(Organization, request, request.POST.get("organization"),
                          "organization")
    scheme = schemes.create_scheme(actor_of(request), organization=organization, **fields)
    return "已新建考核方案（草稿）", detail_url("scheme", scheme.pk)


@action("scheme-edit-{pk}", back="assessment:scheme-edit", back_kwargs=("pk",),
        labels=SCHEME_FIELDS)
def scheme_edit(request: HttpRequest, pk: int) -> tuple[str, str]:
    scheme = scheme_of(request, pk)
    schemes.update_scheme(actor_of(request), scheme, **scheme_fields(request))
    return "已保存考核方案", detail_url("scheme", pk)


SCHEME_STEPS = {"publish": ("已发布考核方案", schemes.publish),
                "approve": ("已审核", schemes.approve),
                "release": ("已公布考核结果", schemes.release)}


@action("scheme-{pk}", back="assessment:scheme_detail", back_kwargs=("pk",))
def scheme_step(request: HttpRequest, pk: int, verb: str) -> str:
    if verb not in SCHEME_STEPS:
        raise ValidationError("没有这个操作")
    message, step = SCHEME_STEPS[verb]
    step(actor_of(request), scheme_of(request, pk))
    return message


# --- indicators -------------------------------------------------------------------------------


def indicator_fields(request: HttpRequest, scheme: Scheme) -> dict[str, Any]:
    inputs = Inputs(request, INDICATOR_FIELDS)
    fields: dict[str, Any] = {
        "code": inputs.text("code"), "name": inputs.text("name"),
        "max_points": decimal(inputs, "max_points"), "method": inputs.text("method"),
        "provider": inputs.text("provider", required=False),
        "params": json_field(inputs, "params", dict) or {},
        "period": inputs.text("period"), "citation": inputs.text("citation", required=False),
        "order": whole(inputs, "order", required=False, top=999) or 0,
    }
    parent = inputs.text("parent", required=False)
    if parent:
        found = scheme.indicators.filter(pk=parent, parent__isnull=True).first() \
            if parent.isdecimal() else None
        if found is None:
            inputs.refuse("parent", "请选择本方案的一级指标")
        fields["parent"] = found
    else:
        fields["parent"] = None
    department = inputs.text("scoring_department", required=False)
    fields["scoring_department"] = (
        inputs.read("scoring_department", picked, Organization, request, department,
                    "scoring_department") if department else None)
    inputs.check()
    return fields


@action("indicator-new-{pk}", back="assessment:indicator-new", back_kwargs=("pk",),
        labels=INDICATOR_FIELDS)
def indicator_new(request: HttpRequest, pk: int) -> tuple[str, str]:
    scheme = scheme_of(request, pk)
    schemes.add_indicator(actor_of(request), scheme, **indicator_fields(request, scheme))
    return "已添加指标", detail_url("scheme", pk)


@action("indicator-edit-{pk}", back="assessment:indicator-edit", back_kwargs=("pk",),
        labels=INDICATOR_FIELDS)
def indicator_edit(request: HttpRequest, pk: int) -> tuple[str, str]:
    indicator = indicator_of(request, pk)
    schemes.update_indicator(actor_of(request), indicator,
                             **indicator_fields(request, indicator.scheme))
    return "已保存指标", detail_url("scheme", indicator.scheme_id)


@action("indicator-remove-{pk}", back="assessment:indicator-edit", back_kwargs=("pk",))
def indicator_remove(request: HttpRequest, pk: int) -> tuple[str, str]:
    indicator = indicator_of(request, pk)
    schemes.remove_indicator(actor_of(request), indicator)
    return "已删除指标", detail_url("scheme", indicator.scheme_id)


# --- scores -----------------------------------------------------------------------------------


@action("score-entry-{pk}", back="assessment:score-entry", back_kwargs=("pk",),
        labels=SCORE_FIELDS)
def score_entry(request: HttpRequest, pk: int) -> tuple[str, str]:
    """人工评分, 民主测评 or 加分, by the indicator's method."""
    indicator = indicator_of(request, pk)
    inputs = Inputs(request, SCORE_FIELDS)
    organization = inputs.picked(Organization, "organization")
    period = inputs.text("period")
    if indicator.method == Method.EVALUATION:
        counts = {name: whole(inputs, name) for name in COUNTS}
        inputs.check()
        score = scoring.enter_evaluation(
            actor_of(request), indicator, organization=organization, period=period,
            counts={k: v or 0 for k, v in counts.items()})
        return "已录入民主测评结果", detail_url("score", score.pk)
    points, basis_text = decimal(inputs, "points"), inputs.text("basis_text")
    inputs.check()
    enter = {Method.MANUAL: scoring.enter_manual, Method.BONUS: scoring.enter_bonus}.get(
        Method(indicator.method))
    if enter is None:
        raise ValidationError("该指标由系统计算，不能人工录入得分")
    score = enter(actor_of(request), indicator, organization=organization, period=period,
                  points=points, basis_text=basis_text)
    return "已录入得分", detail_url("score", score.pk)


# --- appeals ----------------------------------------------------------------------------------


@action("appeal-raise-{pk}", back="assessment:appeal-raise", back_kwargs=("pk",),
        labels=APPEAL_FIELDS)
def appeal_raise(request: HttpRequest, pk: int) -> tuple[str, str]:
    inputs = Inputs(request, APPEAL_FIELDS)
    reason = inputs.text("reason")
    inputs.check()
    appeal = appeals.raise_appeal(actor_of(request), score_of(request, pk), reason=reason)
    return "已提出复核申请", detail_url("appeal", appeal.pk)


@action("appeal-accept-{pk}", back="assessment:appeal_detail", back_kwargs=("pk",))
def appeal_accept(request: HttpRequest, pk: int) -> str:
    appeals.accept(actor_of(request), appeal_of(request, pk))
    return "已受理复核申请"


@action("appeal-decide-{pk}", back="assessment:appeal-decide", back_kwargs=("pk",),
        labels=DECIDE_FIELDS)
def appeal_decide(request: HttpRequest, pk: int) -> tuple[str, str]:
    inputs = Inputs(request, DECIDE_FIELDS)
    outcome, answer = inputs.text("outcome"), inputs.text("answer")
    if outcome and outcome not in (Appeal.Status.UPHELD, Appeal.Status.ADJUSTED):
        inputs.refuse("outcome", "请选择维持原分或调整得分")
    points = decimal(inputs, "points", required=outcome == Appeal.Status.ADJUSTED)
    inputs.check()
    appeals.decide(actor_of(request), appeal_of(request, pk), outcome=Appeal.Status(outcome),
                   answer=answer, points=points)
    return "已作出复核结论", detail_url("appeal", pk)


# --- downloads --------------------------------------------------------------------------------


@login_required
def result_file(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """The 通报 (.docx) or the ranking (.xlsx): refused, with the reason, before approval."""
    scheme = scheme_of(request, pk)
    try:
        if scheme.status == Scheme.Status.PENDING and not may_preview(request, scheme):
            raise PermissionDenied("考核结果尚在审定中，只有审定人可以下载送审稿")
        data = documents.result_docx(scheme) if kind == "docx" else documents.result_xlsx(scheme)
    except ValidationError as exc:
        return HttpResponse("；".join(exc.messages), status=409,
                            content_type="text/plain; charset=utf-8")
    with transaction.atomic():
        record(actor=actor_of(request), action="assessment.result_download", target=scheme,
               after={"format": kind, "status": scheme.status})
    name = documents.file_name(scheme, f".{kind}")
    return attachment(data, DOCX if kind == "docx" else XLSX, name)


def may_preview(request: HttpRequest, scheme: Scheme) -> bool:
    return may_edit(request.user, scheme) or may_approve(request.user, scheme)
