"""Study and training records (学习培训): a member's hours or a leading group's session."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Person

from ..models import StudyKind, StudyRecord
from .common import require_past

# Leading groups (领导班子) hold 理论学习中心组 sessions: party committees and party groups.
LEADING_GROUP_KINDS = frozenset({OrgKind.COUNTY_COMMITTEE, OrgKind.PARTY_GROUP,
                                 OrgKind.PARTY_COMMITTEE, OrgKind.WORKING_COMMITTEE})


def _organization_for(person: Person | None, organization: Organization | None,
                      kind: str) -> Organization:
    """A member's record sits in their own organisation; a group's in the leading group."""
    if person is not None:
        if kind == StudyKind.CENTRAL_GROUP:
            raise ValidationError({"person": "中心组学习按领导班子记录，不按个人记录"})
        return person.organization
    if organization is None:
        raise ValidationError({"organization": "请选择党员或领导班子"})
    if organization.kind not in LEADING_GROUP_KINDS:
        raise ValidationError({"organization": "不记个人的学习记录应属于党委（党组）领导班子"})
    return organization


def study_record_create(
    *, actor: User, kind: str, date: date, hours: Decimal, topic: str,
    person: Person | None = None, organization: Organization | None = None,
) -> StudyRecord:
    if kind not in StudyKind.values:
        raise ValidationError({"kind": f"未知的学习类型：{kind}"})
    owner = _organization_for(person, organization, kind)
    require(actor, "members.enter", owner)
    require_past(date, "date", "学习日期")
    if hours <= 0:
        raise ValidationError({"hours": "学时应大于0"})
    if not topic.strip():
        raise ValidationError({"topic": "请填写学习主题"})
    with transaction.atomic():
        study = StudyRecord.objects.create(organization=owner, person=person, kind=kind,
                                           date=date, hours=hours, topic=topic.strip(),
                                           recorded_by=actor)
        record(actor=actor, action="study.create", target=study, after={
            "organization": owner.pk, "person": person.pk if person else None, "kind": kind,
            "date": date, "hours": str(hours), "topic": study.topic})
    return study
