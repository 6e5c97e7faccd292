"""创建 campaigns: the county launches one; each village declares per dimension and the entry
goes 申报 → 自评 → 乡镇初验 → 县验收 → 命名, or 未通过 with a reason.

Kept light on purpose (2024 减负规定 on 创建示范): one short comment per step, nothing scored on
留痕. The village declares and self-evaluates (the same clerk may do both: it is the village's
own account); from 初验 on, whoever passed the previous step never passes the next one.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization, OrgKind

from ..models import (
    FIVE_BANNER_DIMENSIONS,
    CampaignEntry,
    CampaignKind,
    CampaignStep,
    CreationCampaign,
    EntryStage,
)

YEAR_MIN = 2005
DIMENSION_MAX = 20


@dataclass(frozen=True)
class Step:
    stage: EntryStage
    rule: str  # the permission asked, on the entry's village
    may_fail: bool


# The one allowed move from each stage; 命名 and 未通过 end an entry.
NEXT = {
    EntryStage.DECLARED: Step(EntryStage.SELF_EVALUATED, "villages.declare", False),
    EntryStage.SELF_EVALUATED: Step(EntryStage.TOWNSHIP_CHECKED, "villages.verify", True),
    EntryStage.TOWNSHIP_CHECKED: Step(EntryStage.COUNTY_ACCEPTED, "villages.campaign", True),
    EntryStage.COUNTY_ACCEPTED: Step(EntryStage.NAMED, "villages.campaign", True),
}


def _dimensions(kind: str, dimensions: list[str]) -> list[str]:
    names = list(dict.fromkeys(d.strip() for d in dimensions if d.strip()))
    if not names and kind == CampaignKind.FIVE_BANNERS:
        names = list(FIVE_BANNER_DIMENSIONS)
    if not names:
        raise ValidationError({"dimensions": "请填写至少一项创建内容"})
    if any(len(d) > DIMENSION_MAX for d in names):
        raise ValidationError({"dimensions": f"每项创建内容不超过{DIMENSION_MAX}个字"})
    return names


def campaign_create(*, actor: User, name: str, kind: str, year: int, organiser: Organization,
                    participants: list[Organization], dimensions: list[str] | None = None,
                    basis: str = "") -> CreationCampaign:
    require(actor, "villages.campaign", organiser)
    if not name.strip():
        raise ValidationError({"name": "请填写名称"})
    if kind not in CampaignKind.values:
        raise ValidationError({"kind": "请选择五面红旗、森林管护区或其他"})
    if not YEAR_MIN <= year <= timezone.localdate().year + 1:
        raise ValidationError({"year": f"年度应在{YEAR_MIN}年至明年之间"})
    names = _dimensions(kind, dimensions or [])
    if not participants:
        raise ValidationError({"participants": "请选择参与的村（社区）"})
    strays = [o.name for o in participants
              if o.kind != OrgKind.VILLAGE or not o.path.startswith(organiser.path)]
    if strays:
        raise ValidationError({"participants": f"不是本县的村（社区）：{'、'.join(strays)}"})
    with transaction.atomic():
        campaign = CreationCampaign.objects.create(
            name=name.strip(), kind=kind, year=year, dimensions=names, organiser=organiser,
            basis=basis.strip(), created_by=actor)
        campaign.participants.set(participants)
        record(actor=actor, action="creation_campaign.create", target=campaign, after={
            "name": campaign.name, "kind": kind, "year": year, "dimensions": names,
            "organiser": organiser.pk, "participants": sorted(o.pk for o in participants)})
    return campaign


def entry_declare(*, actor: User, campaign: CreationCampaign, organization: Organization,
                  dimension: str, comment: str = "") -> CampaignEntry:
    """申报: the village (or a clerk above it) declares one dimension."""
    require(actor, "villages.declare", organization)
    if not campaign.participants.filter(pk=organization.pk).exists():
        raise ValidationError({"organization": f"{organization}不在“{campaign}”的参与名单中"})
    if dimension not in campaign.dimensions:
        raise ValidationError({"dimension": f"“{campaign}”没有创建内容“{dimension}”"})
    twin = f"{organization}已申报“{dimension}”"
    with transaction.atomic():
        if CampaignEntry.objects.filter(campaign=campaign, organization=organization,
                                        dimension=dimension).exists():
            raise ValidationError({"dimension": twin})
        try:
            with transaction.atomic():
                entry = CampaignEntry.objects.create(campaign=campaign, organization=organization,
                                                     dimension=dimension, created_by=actor)
        except IntegrityError:
            raise ValidationError({"dimension": twin}) from None
        CampaignStep.objects.create(entry=entry, stage=EntryStage.DECLARED, actor=actor,
                                    on=timezone.localdate(), comment=comment.strip())
        record(actor=actor, action="campaign_entry.declare", target=entry, after={
            "campaign": campaign.pk, "organization": organization.pk, "dimension": dimension})
    return entry


def next_step(entry: CampaignEntry) -> Step | None:
    return NEXT.get(EntryStage(entry.stage))


def _barred(entry: CampaignEntry, step: Step) -> set[int]:
    """Who may not pass ``step``: whoever passed the previous one; for 初验, the village's
    declarer and self-evaluator too."""
    actors = list(entry.steps.order_by("pk").values_list("actor_id", flat=True))
    return set(actors) if step.stage == EntryStage.TOWNSHIP_CHECKED else set(actors[-1:])


def entry_advance(*, actor: User, entry: CampaignEntry, decision: str,
                  comment: str = "") -> CampaignEntry:
    """The entry's next step passed, or failed (未通过) with a reason."""
    step = next_step(entry)
    if step is None:
        raise ValidationError(f"“{entry.stage}”的申报已办结")
    require(actor, step.rule, entry.organization)
    if decision not in ("pass", "fail"):
        raise ValidationError({"decision": "请选择通过或未通过"})
    comment = comment.strip()
    if decision == "fail" and not step.may_fail:
        raise ValidationError({"decision": "自评不能选未通过"})
    if decision == "fail" and not comment:
        raise ValidationError({"comment": "未通过须写明理由"})
    with transaction.atomic():
        entry = CampaignEntry.objects.select_for_update().select_related(
            "organization").get(pk=entry.pk)
        if next_step(entry) != step:  # moved meanwhile
            raise ValidationError(f"申报已到“{entry.stage}”环节，请刷新后再办理")
        if step.may_fail and actor.pk in _barred(entry, step):
            raise PermissionDenied("同一人不能连续办理两个环节（申报人、自评人不能初验本村的申报）")
        before = {"stage": entry.stage}
        entry.stage = step.stage if decision == "pass" else EntryStage.FAILED
        entry.save(update_fields=["stage", "updated_at"])
        CampaignStep.objects.create(entry=entry, stage=step.stage, passed=decision == "pass",
                                    actor=actor, on=timezone.localdate(), comment=comment)
        record(actor=actor, action="campaign_entry.advance", target=entry, before=before,
               after={"stage": entry.stage, "comment": comment})
    return entry
