"""考核方案: drafting, publishing, the two approvals and publication.

草稿 → 已发布 → 评分中 → 待审定 → 已公布. Only a draft is edited; publishing checks the points;
the assessor's approval freezes the results (they never drift after), a county leader's second
approval (never the same person) lets the assessor release them.
"""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import can, require
from dangjian.orgs.models import Organization

from ..models import Indicator, Method, Scheme, ScoringPeriod, TargetKind
from ..models.schemes import default_grade_bands
from . import consequences
from .checks import check_indicator, decimal, refuse_formalism
from .results import freeze

SCHEME_FIELDS = ("year", "name", "target_kind", "total_points", "grade_bands", "basis",
                 "document_number", "appeal_days", "accountability_grades")
INDICATOR_FIELDS = ("code", "name", "max_points", "method", "parent", "provider", "params",
                    "period", "citation", "scoring_department", "order")


def _snapshot(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for name in fields:
        value = getattr(obj, name)
        out[name] = value.pk if hasattr(value, "pk") else value
    return out


def _locked(scheme: Scheme) -> Scheme:
    return Scheme.objects.select_for_update().get(pk=scheme.pk)


def _draft_only(scheme: Scheme) -> None:
    if scheme.status != Scheme.Status.DRAFT:
        raise ValidationError(f"考核方案{scheme.status}，不能再修改；如需调整，请另行制定方案")


def _check_scheme(scheme: Scheme) -> None:
    if not scheme.name.strip():
        raise ValidationError({"name": "请填写方案名称"})
    if scheme.target_kind not in TargetKind.values:
        raise ValidationError({"target_kind": "考核对象类型不正确"})
    if not 2000 <= int(scheme.year) <= 2100:
        raise ValidationError({"year": "年度不正确"})
    if scheme.total_points <= 0:
        raise ValidationError({"total_points": "总分必须大于0"})
    if not 0 <= int(scheme.appeal_days) <= 30:
        raise ValidationError({"appeal_days": "复核申请期限应在0至30个工作日之间"})
    bands = scheme.grade_bands
    grades = [b.get("grade") for b in bands] if isinstance(bands, list) else []
    if not bands or not all(isinstance(b, dict) and b.get("grade") for b in bands):
        raise ValidationError({"grade_bands": "等次划分须为若干“等次、最低分”"})
    for band in bands:
        decimal(band.get("min"), "grade_bands", f"等次“{band['grade']}”的最低分")
    if len(set(grades)) != len(grades):
        raise ValidationError({"grade_bands": "等次名称不能重复"})
    if not isinstance(scheme.accountability_grades, list) or any(
            g not in grades for g in scheme.accountability_grades):
        raise ValidationError({"accountability_grades": "提出问责建议的等次必须是方案中的等次"})


def create_scheme(actor: User, *, year: int, name: str, target_kind: str,
                  organization: Organization, basis: str = "", document_number: str = "",
                  total_points: Decimal = Decimal(100), grade_bands: list[Any] | None = None,
                  appeal_days: int = 5, accountability_grades: list[str] | None = None
                  ) -> Scheme:
    require(actor, "assessment.edit_scheme", organization)
    scheme = Scheme(year=year, name=name.strip(), target_kind=target_kind,
                    organization=organization, basis=basis.strip(),
                    document_number=document_number.strip(),
                    total_points=decimal(total_points, "total_points", "总分"),
                    grade_bands=grade_bands if grade_bands is not None else default_grade_bands(),
                    appeal_days=appeal_days,
                    accountability_grades=(accountability_grades
                                           if accountability_grades is not None else ["差"]))
    _check_scheme(scheme)
    with transaction.atomic():
        scheme.save()
        record(actor=actor, action="assessment.scheme.create", target=scheme,
               after=_snapshot(scheme, SCHEME_FIELDS))
    return scheme


def update_scheme(actor: User, scheme: Scheme, **fields: Any) -> Scheme:
    require(actor, "assessment.edit_scheme", scheme)
    unknown = set(fields) - set(SCHEME_FIELDS)
    if unknown:
        raise ValidationError(f"不能修改的字段：{'、'.join(sorted(unknown))}")
    with transaction.atomic():
        scheme = _locked(scheme)
        _draft_only(scheme)
        before = _snapshot(scheme, SCHEME_FIELDS)
        for name, value in fields.items():
            if name == "total_points":
                value = decimal(value, name, "总分")
            setattr(scheme, name, value.strip() if isinstance(value, str) else value)
        _check_scheme(scheme)
        scheme.save()
        record(actor=actor, action="assessment.scheme.update", target=scheme, before=before,
               after=_snapshot(scheme, SCHEME_FIELDS))
    return scheme


def _check_department(actor: User, department: Organization | None) -> None:
    if department is not None and not can(actor, "assessment.edit_scheme", department):
        raise ValidationError({"scoring_department": "评分部门须在您的考核范围内"})


def add_indicator(actor: User, scheme: Scheme, *, code: str, name: str, max_points: Any,
                  method: str, parent: Indicator | None = None, provider: str = "",
                  params: dict[str, Any] | None = None, period: str = ScoringPeriod.YEAR,
                  citation: str = "", scoring_department: Organization | None = None,
                  order: int = 0) -> Indicator:
    require(actor, "assessment.edit_scheme", scheme)
    params = {} if params is None else params
    points = decimal(max_points, "max_points", "分值")
    if not code.strip() or not name.strip():
        raise ValidationError("请填写指标编号和名称")
    if period not in ScoringPeriod.values:
        raise ValidationError({"period": "考核周期只能是月、季或年"})
    _check_department(actor, scoring_department)
    with transaction.atomic():
        scheme = _locked(scheme)
        _draft_only(scheme)
        check_indicator(scheme, method=method, provider=provider, params=params,
                        max_points=points, parent=parent)
        indicator = Indicator(scheme=scheme, parent=parent, code=code.strip(),
                              name=name.strip(), max_points=points, method=method,
                              provider=provider, params=params, period=period,
                              citation=citation.strip(), scoring_department=scoring_department,
                              order=order)
        try:
            with transaction.atomic():
                indicator.save()
        except IntegrityError:
            raise ValidationError({"code": f"本方案已有编号为“{code}”的指标"}) from None
        record(actor=actor, action="assessment.indicator.add", target=scheme,
               after=_snapshot(indicator, INDICATOR_FIELDS))
    return indicator


def update_indicator(actor: User, indicator: Indicator, **fields: Any) -> Indicator:
    require(actor, "assessment.edit_scheme", indicator.scheme)
    unknown = set(fields) - set(INDICATOR_FIELDS)
    if unknown:
        raise ValidationError(f"不能修改的字段：{'、'.join(sorted(unknown))}")
    with transaction.atomic():
        scheme = _locked(indicator.scheme)
        _draft_only(scheme)
        indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
        before = _snapshot(indicator, INDICATOR_FIELDS)
        for name, value in fields.items():
            if name == "max_points":
                value = decimal(value, name, "分值")
            setattr(indicator, name, value.strip() if isinstance(value, str) else value)
        if indicator.period not in ScoringPeriod.values:
            raise ValidationError({"period": "考核周期只能是月、季或年"})
        if "scoring_department" in fields:
            _check_department(actor, indicator.scoring_department)
        if indicator.parent_id == indicator.pk or (
                indicator.parent is not None and indicator.children.exists()):
            raise ValidationError({"parent": "指标最多两级：有下级的指标不能再挂到其他指标下"})
        check_indicator(scheme, method=indicator.method, provider=indicator.provider,
                        params=indicator.params, max_points=indicator.max_points,
                        parent=indicator.parent)
        try:
            with transaction.atomic():
                indicator.save()
        except IntegrityError:
            raise ValidationError({"code": f"本方案已有编号为“{indicator.code}”的指标"}) from None
        record(actor=actor, action="assessment.indicator.update", target=scheme, before=before,
               after=_snapshot(indicator, INDICATOR_FIELDS))
    return indicator


def remove_indicator(actor: User, indicator: Indicator) -> None:
    require(actor, "assessment.edit_scheme", indicator.scheme)
    with transaction.atomic():
        scheme = _locked(indicator.scheme)
        _draft_only(scheme)
        before = _snapshot(indicator, INDICATOR_FIELDS)
        Indicator.objects.filter(pk=indicator.pk).delete()  # its items go with it
        record(actor=actor, action="assessment.indicator.remove", target=scheme, before=before)


def publication_problems(scheme: Scheme) -> list[str]:
    """Why ``scheme`` cannot be published yet (empty: it can)."""
    indicators = list(scheme.indicators.all())
    if not indicators:
        return ["方案还没有指标"]
    problems = []
    counted = [i for i in indicators if i.method != Method.BONUS]
    top = sum((i.max_points for i in counted if i.parent_id is None), Decimal(0))
    if top != scheme.total_points:
        problems.append(f"一级指标分值合计{top}分，与方案总分{scheme.total_points}分不符")
    for parent in (i for i in indicators if i.parent_id is None):
        items = [i for i in counted if i.parent_id == parent.pk]
        if items and sum((i.max_points for i in items), Decimal(0)) != parent.max_points:
            total = sum((i.max_points for i in items), Decimal(0))
            problems.append(f"指标“{parent.code} {parent.name}”的二级指标分值合计{total}分，"
                            f"与其分值{parent.max_points}分不符")
    for indicator in indicators:
        try:
            refuse_formalism(indicator.provider)
            check_indicator(scheme, method=indicator.method, provider=indicator.provider,
                            params=indicator.params, max_points=indicator.max_points,
                            parent=indicator.parent)
        except ValidationError as error:
            problems.append(f"指标“{indicator.code} {indicator.name}”：{error.messages[0]}")
    return problems


def publish(actor: User, scheme: Scheme) -> Scheme:
    """草稿 → 已发布, refused unless the points add up and every indicator keeps the rules."""
    require(actor, "assessment.edit_scheme", scheme)
    with transaction.atomic():
        scheme = _locked(scheme)
        if scheme.status != Scheme.Status.DRAFT:
            raise ValidationError(f"考核方案{scheme.status}，不能重复发布")
        problems = publication_problems(scheme)
        if problems:
            raise ValidationError("不能发布：" + "；".join(problems))
        scheme.status, scheme.published_at = Scheme.Status.PUBLISHED, timezone.now()
        scheme.save(update_fields=["status", "published_at", "updated_at"])
        record(actor=actor, action="assessment.scheme.publish", target=scheme,
               before={"status": Scheme.Status.DRAFT}, after={"status": scheme.status})
    return scheme


def approve(actor: User, scheme: Scheme) -> Scheme:
    """First the assessor (评分中 → 待审定, results frozen), then a county leader covering the
    scheme, never the same person, records the second approval (审定)."""
    if not (can(actor, "assessment.approve", scheme)
            or can(actor, "assessment.approve_as_leader", scheme)):
        require(actor, "assessment.approve", scheme)  # refused, with the assessor's message
    with transaction.atomic():
        scheme = _locked(scheme)
        if scheme.status in (Scheme.Status.PUBLISHED, Scheme.Status.SCORING):
            require(actor, "assessment.approve", scheme)
            if scheme.status == Scheme.Status.PUBLISHED:
                raise ValidationError("方案尚未开始评分，不能审核")
            before = {"status": scheme.status}
            scheme.status, scheme.approved_by_assessor = Scheme.Status.PENDING, actor
            scheme.save(update_fields=["status", "approved_by_assessor", "updated_at"])
            results = freeze(scheme)
            record(actor=actor, action="assessment.scheme.approve", target=scheme,
                   before=before, after={"status": scheme.status, "results": len(results)})
            return scheme
        if scheme.status != Scheme.Status.PENDING:
            raise ValidationError(f"考核方案{scheme.status}，不能审核或审定")
        require(actor, "assessment.approve_as_leader", scheme)
        if scheme.approved_by_leader_id is not None:
            raise ValidationError("考核结果已经审定，不能重复审定")
        if scheme.approved_by_assessor_id == actor.pk:
            raise ValidationError("审定人不能是审核该结果的考核管理员本人")
        scheme.approved_by_leader = actor
        scheme.save(update_fields=["approved_by_leader", "updated_at"])
        record(actor=actor, action="assessment.scheme.confirm", target=scheme,
               after={"approved_by_leader": actor.pk})
    return scheme


def release(actor: User, scheme: Scheme) -> Scheme:
    """待审定 with both approvals → 已公布; then the consequences (述责述廉, 问责建议)."""
    require(actor, "assessment.release", scheme)
    with transaction.atomic():
        scheme = _locked(scheme)
        if scheme.status != Scheme.Status.PENDING:
            raise ValidationError(f"考核方案{scheme.status}，只有待审定的方案可以公布")
        if scheme.approved_by_assessor_id is None or scheme.approved_by_leader_id is None:
            raise ValidationError("考核结果须经考核管理员审核、县领导审定后方可公布")
        scheme.status, scheme.released_at = Scheme.Status.RELEASED, timezone.now()
        scheme.save(update_fields=["status", "released_at", "updated_at"])
        record(actor=actor, action="assessment.scheme.release", target=scheme,
               before={"status": Scheme.Status.PENDING}, after={"status": scheme.status})
        consequences.on_release(actor, scheme)
    return scheme
