"""Scoring (评分): the daily job recomputes AUTO and DEDUCTION scores of open periods from the
providers and freezes them once their period has ended; scoring departments enter MANUAL,
民主测评 (EVALUATION) and BONUS scores. One row per indicator × target × period, always."""

import calendar
import logging
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Person, Post, PostTitle

from .. import rules
from ..models import Indicator, Method, Scheme, Score, ScoringPeriod, TargetKind
from ..providers import REGISTRY, Period
from .checks import COMPUTED, decimal, weights_of

log = logging.getLogger(__name__)
CENT = Decimal("0.01")
OPEN = (Scheme.Status.PUBLISHED, Scheme.Status.SCORING)


@dataclass(frozen=True)
class Target:
    organization: Organization
    person: Person | None = None

    @property
    def key(self) -> tuple[int, int | None]:
        return self.organization.pk, self.person.pk if self.person else None

    def __str__(self) -> str:
        return f"{self.organization.name}{' ' + self.person.name if self.person else ''}"


BODIES = (OrgKind.PARTY_GROUP, OrgKind.PARTY_COMMITTEE, OrgKind.WORKING_COMMITTEE)
VILLAGE_BODIES = (OrgKind.PARTY_COMMITTEE, OrgKind.GENERAL_BRANCH, OrgKind.BRANCH)


def _units(scheme: Scheme, kinds: tuple[str, ...], parents: tuple[str, ...]
           ) -> list[Organization]:
    return list(Organization.objects.filter(
        path__startswith=scheme.organization.path, kind__in=kinds,
        parent__kind__in=parents).order_by("path"))


def targets_of(scheme: Scheme) -> list[Target]:
    """考核对象 of the scheme's kind in its subtree: the party bodies of the departments, the
    township committees, the village organisations, or the persons leading them."""
    kind = scheme.target_kind
    if kind == TargetKind.TOWNSHIP:
        return [Target(o) for o in _units(scheme, BODIES, (OrgKind.TOWNSHIP,))]
    if kind == TargetKind.VILLAGE:
        return [Target(o) for o in _units(scheme, VILLAGE_BODIES, (OrgKind.VILLAGE,))]
    departments = _units(scheme, BODIES, (OrgKind.GOVERNMENT_UNIT,))
    if kind == TargetKind.DEPARTMENT:
        return [Target(o) for o in departments]
    on = date(scheme.year, 12, 31)
    if kind == TargetKind.LEADER:
        posts = Post.objects.current(min(on, timezone.localdate())).filter(
            organization__in=departments).select_related("person", "organization")
    else:  # 党组织书记: the secretaries of the party organisations in the subtree
        posts = Post.objects.current(min(on, timezone.localdate())).filter(
            organization__path__startswith=scheme.organization.path,
            organization__kind__in=(*BODIES, *VILLAGE_BODIES), title=PostTitle.SECRETARY,
        ).select_related("person", "organization")
    return [Target(p.organization, p.person)
            for p in posts.order_by("organization__path", "person__name", "person_id")]


def periods_of(indicator: Indicator) -> list[Period]:
    year = indicator.scheme.year
    if indicator.period == ScoringPeriod.MONTH:
        return [Period(f"{year}-{m:02d}", date(year, m, 1),
                       date(year, m, calendar.monthrange(year, m)[1])) for m in range(1, 13)]
    if indicator.period == ScoringPeriod.QUARTER:
        return [Period(f"{year}-Q{q}", date(year, 3 * q - 2, 1),
                       date(year, 3 * q, calendar.monthrange(year, 3 * q)[1]))
                for q in range(1, 5)]
    return [Period(str(year), date(year, 1, 1), date(year, 12, 31))]


def period_named(indicator: Indicator, label: str) -> Period:
    for period in periods_of(indicator):
        if period.label == label:
            return period
    raise ValidationError({"period": f"考核周期“{label}”不属于该指标"})


def leaves(scheme: Scheme) -> list[Indicator]:
    """The indicators that are scored: 二级 items, and 一级 ones without items."""
    indicators = list(scheme.indicators.select_related("scheme").all())
    parents = {i.parent_id for i in indicators if i.parent_id}
    return [i for i in indicators if i.pk not in parents]


def _params(indicator: Indicator, on: date) -> dict[str, Any]:
    return {**indicator.params, "max_points": str(indicator.max_points), "as_of": on.isoformat()}


def _where(indicator: Indicator, target: Target, period: str) -> Q:
    return Q(indicator=indicator, organization=target.organization, period=period,
             person=target.person)


def _json(value: Any) -> Any:
    """The value as the JSON column will hand it back (tuples become lists …)."""
    import json

    from django.core.serializers.json import DjangoJSONEncoder
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def recompute(scheme: Scheme, on: date) -> int:
    """Recompute the AUTO/DEDUCTION scores of ``scheme`` for the periods begun by ``on``; a
    period ended before ``on`` is frozen after its last computation. Returns the rows written
    (created or changed); running it twice writes nothing the second time."""
    with transaction.atomic():
        scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
        if scheme.status not in OPEN:
            return 0
        if scheme.status == Scheme.Status.PUBLISHED:
            scheme.status = Scheme.Status.SCORING
            scheme.save(update_fields=["status", "updated_at"])
            record(actor=None, action="assessment.scheme.scoring", target=scheme,
                   before={"status": Scheme.Status.PUBLISHED}, after={"status": scheme.status})
    written = 0
    targets = targets_of(scheme)
    for indicator in leaves(scheme):
        provider = REGISTRY.get(indicator.provider)
        if indicator.method not in COMPUTED or provider is None or provider.formalism:
            continue
        for period in periods_of(indicator):
            if period.start > on:
                continue
            ended = period.end < on
            for target in targets:
                written += _compute_one(indicator, provider, target, period, on, ended)
    return written


def _compute_one(indicator: Indicator, provider: Any, target: Target, period: Period,
                 on: date, ended: bool) -> int:
    existing = Score.objects.filter(_where(indicator, target, period.label)).first()
    if existing is not None and existing.frozen:
        return 0
    outcome = provider.compute(target.organization, period, _params(indicator, on))
    points = min(indicator.max_points, max(Decimal(0), Decimal(outcome.points))).quantize(CENT)
    raw, basis = _json(outcome.raw_value), _json(outcome.basis)
    with transaction.atomic():
        score = (Score.objects.select_for_update().filter(_where(indicator, target,
                                                                  period.label)).first())
        if score is not None and (score.frozen or (
                score.points == points and score.raw_value == raw and score.basis == basis
                and score.frozen == ended)):
            return 0
        if score is None:
            score = Score.objects.create(
                indicator=indicator, organization=target.organization, person=target.person,
                period=period.label, points=points, raw_value=raw, basis=basis,
                source=Score.Source.COMPUTED, frozen=ended, computed_at=timezone.now())
            record(actor=None, action="assessment.score.compute", target=score,
                   after={"points": points, "raw_value": raw, "frozen": ended})
            return 1
        before = {"points": score.points, "raw_value": score.raw_value, "frozen": score.frozen}
        score.points, score.raw_value, score.basis, score.frozen = points, raw, basis, ended
        score.computed_at = timezone.now()
        score.save(update_fields=["points", "raw_value", "basis", "frozen", "computed_at",
                                  "updated_at"])
        record(actor=None, action="assessment.score.compute", target=score, before=before,
               after={"points": points, "raw_value": raw, "frozen": ended})
        return 1


def run_daily(on: date | None = None) -> dict[str, int]:
    """The daily job: recompute every published scheme's open periods (idempotent)."""
    on = on or timezone.localdate()
    report = {"schemes": 0, "written": 0}
    for scheme in Scheme.objects.filter(status__in=OPEN).order_by("id"):
        try:
            report["written"] += recompute(scheme, on)
            report["schemes"] += 1
        except Exception:  # one scheme failing keeps no other from being scored
            log.exception("assessment scoring failed for scheme %s", scheme.pk)
    return report


# --- scores entered by hand ---------------------------------------------------------------


def _check_entry(actor: User, indicator: Indicator, method: str, organization: Organization,
                 person: Person | None) -> None:
    require(actor, "assessment.score", organization)
    if indicator.method != method:
        raise ValidationError({"indicator": f"该指标的计分方式是“{indicator.get_method_display()}”"
                                            f"，不能按“{Method(method).label}”录入"})
    scheme = Scheme.objects.get(pk=indicator.scheme_id)  # as it stands now
    if scheme.status not in OPEN:
        raise ValidationError(f"考核方案{scheme.status}，不能录入得分")
    if indicator.children.exists():
        raise ValidationError({"indicator": "一级指标的得分由其二级指标合计，不能直接录入"})
    if not any(t.organization.pk == organization.pk and
               (t.person.pk if t.person else None) == (person.pk if person else None)
               for t in targets_of(scheme)):
        raise ValidationError({"organization": "该单位（人员）不是本方案的考核对象"})


def _save_entry(actor: User, indicator: Indicator, *, organization: Organization,
                person: Person | None, period: str, points: Decimal, raw_value: Any,
                basis_text: str, action: str) -> Score:
    period_named(indicator, period)
    with transaction.atomic():
        scheme = Scheme.objects.select_for_update().get(pk=indicator.scheme_id)
        if scheme.status not in OPEN:
            raise ValidationError(f"考核方案{scheme.status}，不能录入得分")
        target = Target(organization, person)
        score = Score.objects.select_for_update().filter(
            _where(indicator, target, period)).first()
        if score is not None and score.frozen:
            raise ValidationError("该得分已锁定，只能通过复核调整")
        before = None
        if score is None:
            score = Score(indicator=indicator, organization=organization, person=person,
                          period=period)
        else:
            before = {"points": score.points, "raw_value": score.raw_value,
                      "basis_text": score.basis_text}
        score.points, score.raw_value, score.basis_text = points, raw_value, basis_text
        score.source, score.computed_at = Score.Source.ENTERED, timezone.now()
        score.save()
        if scheme.status == Scheme.Status.PUBLISHED:
            scheme.status = Scheme.Status.SCORING
            scheme.save(update_fields=["status", "updated_at"])
        record(actor=actor, action=action, target=score, before=before,
               after={"points": points, "raw_value": raw_value, "basis_text": basis_text})
    return score


def _points_within(indicator: Indicator, value: Any, cap: Decimal | None = None) -> Decimal:
    points = decimal(value, "points", "得分")
    top = indicator.max_points if cap is None else min(cap, indicator.max_points)
    if points < 0:
        raise ValidationError({"points": "得分不能为负数"})
    if points > top:
        raise ValidationError({"points": f"得分{points}超过该指标的最高分{top}分"})
    return points


def _basis(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"basis_text": "请写明评分依据（扣分或得分的事实和记录）"})
    if len(text) > 2000:
        raise ValidationError({"basis_text": "评分说明不能超过2000字"})
    return text


def enter_manual(actor: User, indicator: Indicator, *, organization: Organization, period: str,
                 points: Any, basis_text: str, person: Person | None = None) -> Score:
    _check_entry(actor, indicator, Method.MANUAL, organization, person)
    value = _points_within(indicator, points)
    return _save_entry(actor, indicator, organization=organization, person=person,
                       period=period, points=value, raw_value=None,
                       basis_text=_basis(basis_text), action="assessment.score.enter")


def enter_bonus(actor: User, indicator: Indicator, *, organization: Organization, period: str,
                points: Any, basis_text: str, person: Person | None = None) -> Score:
    _check_entry(actor, indicator, Method.BONUS, organization, person)
    cap = indicator.params.get("cap") if isinstance(indicator.params, dict) else None
    value = _points_within(indicator, points, decimal(cap, "params", "加分上限")
                           if cap not in (None, "") else None)
    return _save_entry(actor, indicator, organization=organization, person=person,
                       period=period, points=value, raw_value=None,
                       basis_text=_basis(basis_text), action="assessment.score.bonus")


def enter_evaluation(actor: User, indicator: Indicator, *, organization: Organization,
                     period: str, counts: dict[str, int], person: Person | None = None
                     ) -> Score:
    """民主测评: the four counts, weighted (indicator.params ``weights`` over the defaults)."""
    _check_entry(actor, indicator, Method.EVALUATION, organization, person)
    if not isinstance(counts, dict) or set(counts) - set(rules.EVALUATION_COUNTS):
        raise ValidationError({"counts": "测评票数只能是满意、比较满意、基本满意、不满意四项"})
    clean: dict[str, int] = {}
    for key in rules.EVALUATION_COUNTS:
        value = counts.get(key, 0)
        digits = isinstance(value, str) and value.isdecimal() and value.isascii()
        if isinstance(value, bool) or not (isinstance(value, int) or digits):
            raise ValidationError({"counts": f"“{key}”票数必须是非负整数"})
        number = int(value)
        if number < 0 or number > 100000:
            raise ValidationError({"counts": f"“{key}”票数必须是0至100000之间的整数"})
        clean[key] = number
    ballots = sum(clean.values())
    if ballots == 0:
        raise ValidationError({"counts": "测评票数合计不能为0"})
    weights = weights_of(indicator)
    share = sum((weights[k] * clean[k] for k in clean), Decimal(0)) / ballots
    points = (indicator.max_points * share).quantize(CENT, ROUND_HALF_UP)
    points = min(indicator.max_points, max(Decimal(0), points))
    raw = {"counts": clean, "weights": {k: str(v) for k, v in weights.items()},
           "ballots": ballots}
    text = "民主测评：" + "，".join(f"{k}{clean[k]}票" for k in rules.EVALUATION_COUNTS)
    return _save_entry(actor, indicator, organization=organization, person=person,
                       period=period, points=points, raw_value=raw, basis_text=text,
                       action="assessment.score.evaluate")
