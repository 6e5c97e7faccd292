"""复核 (appeals): a scored unit asks, within ``scheme.appeal_days`` working days after the
period, for a score to be looked at again; the assessor accepts (受理) and decides: 维持 or
调整. One appeal per score; the appellant never handles their own appeal."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.calendar.services import add_working_days
from dangjian.core.permissions import require

from .. import rules
from ..models import Appeal, Scheme, Score
from .scoring import OPEN, _points_within, period_named

MAX_TEXT = 2000


def appeal_deadline(score: Score) -> date:
    """The last day to appeal: ``appeal_days`` working days after the period's last day."""
    period = period_named(score.indicator, score.period)
    return add_working_days(start=period.end, n=score.indicator.scheme.appeal_days).due


def _text(value: str, field: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: f"请填写{label}"})
    if len(value) > MAX_TEXT:
        raise ValidationError({field: f"{label}不能超过{MAX_TEXT}字"})
    return value


def raise_appeal(actor: User, score: Score, *, reason: str, on: date | None = None) -> Appeal:
    require(actor, "assessment.appeal", score)
    reason = _text(reason, "reason", "复核理由")
    on = on or timezone.localdate()
    with transaction.atomic():
        score = Score.objects.select_for_update().select_related(
            "indicator__scheme").get(pk=score.pk)
        if score.indicator.scheme.status not in OPEN:
            raise ValidationError(f"考核方案{score.indicator.scheme.status}，不能再申请复核")
        deadline = appeal_deadline(score)
        if on > deadline:
            raise ValidationError({"score": (
                f"已超过复核申请期限：该得分的复核申请应在{deadline:%Y年%m月%d日}前提出"
                f"（考核周期结束后{score.indicator.scheme.appeal_days}个工作日，"
                f"{rules.APPEAL_WINDOW.citation}）")})
        if Appeal.objects.filter(score=score).exists():
            raise ValidationError({"score": "该得分已经申请过复核，每项得分只能申请一次"})
        try:
            with transaction.atomic():
                appeal = Appeal.objects.create(score=score, reason=reason, raised_by=actor,
                                               points_before=score.points)
        except IntegrityError:
            raise ValidationError({"score": "该得分已经申请过复核，每项得分只能申请一次"}) from None
        record(actor=actor, action="assessment.appeal.raise", target=appeal,
               after={"score": score.pk, "points": score.points, "reason": reason})
    return appeal


def _handle(actor: User, appeal: Appeal) -> Appeal:
    require(actor, "assessment.handle_appeal", appeal)
    locked = Appeal.objects.select_for_update().select_related(
        "score__indicator__scheme").get(pk=appeal.pk)
    if locked.raised_by_id == actor.pk:
        raise ValidationError("不能办理本人提出的复核申请")
    return locked


def accept(actor: User, appeal: Appeal) -> Appeal:
    with transaction.atomic():
        appeal = _handle(actor, appeal)
        if appeal.status != Appeal.Status.RAISED:
            raise ValidationError(f"该复核申请{appeal.get_status_display()}，不能再受理")
        appeal.status, appeal.handled_by = Appeal.Status.ACCEPTED, actor
        appeal.save(update_fields=["status", "handled_by", "updated_at"])
        record(actor=actor, action="assessment.appeal.accept", target=appeal,
               before={"status": Appeal.Status.RAISED}, after={"status": appeal.status})
    return appeal


def decide(actor: User, appeal: Appeal, *, outcome: Any, answer: str,
           points: Any = None) -> Appeal:
    """维持 (the score stands) or 调整 (the score becomes ``points``, frozen, source 复核调整)."""
    if outcome not in (Appeal.Status.UPHELD, Appeal.Status.ADJUSTED):
        raise ValidationError({"outcome": "复核结论只能是“维持”或“调整”"})
    answer = _text(answer, "answer", "复核意见")
    with transaction.atomic():
        appeal = _handle(actor, appeal)
        if appeal.status != Appeal.Status.ACCEPTED:
            raise ValidationError(
                "请先受理该复核申请" if appeal.status == Appeal.Status.RAISED
                else f"该复核申请已{appeal.get_status_display()}，不能重复答复")
        score = Score.objects.select_for_update().get(pk=appeal.score_id)
        scheme = Scheme.objects.get(pk=score.indicator.scheme_id)
        if scheme.status not in OPEN:
            raise ValidationError(f"考核方案{scheme.status}，得分不能再调整")
        after = score.points
        if outcome == Appeal.Status.ADJUSTED:
            if points in (None, ""):
                raise ValidationError({"points": "调整得分的，请填写调整后的得分"})
            after = _points_within(score.indicator, points)
            before = {"points": score.points, "source": score.source}
            score.points, score.source, score.frozen = after, Score.Source.ADJUSTED, True
            score.basis_text = (f"{score.basis_text}\n" if score.basis_text else "") + \
                f"复核调整：{answer}"
            score.save(update_fields=["points", "source", "frozen", "basis_text", "updated_at"])
            record(actor=actor, action="assessment.score.adjust", target=score, before=before,
                   after={"points": after, "source": score.source, "appeal": appeal.pk})
        elif points not in (None, ""):
            raise ValidationError({"points": "维持原分的，不能填写调整后的得分"})
        appeal.status, appeal.answer, appeal.points_after = outcome, answer, after
        appeal.handled_by, appeal.decided_at = actor, timezone.now()
        appeal.save(update_fields=["status", "answer", "points_after", "handled_by",
                                   "decided_at", "updated_at"])
        record(actor=actor, action="assessment.appeal.decide", target=appeal,
               before={"status": Appeal.Status.ACCEPTED},
               after={"status": outcome, "points_after": after, "answer": answer})
    return appeal
