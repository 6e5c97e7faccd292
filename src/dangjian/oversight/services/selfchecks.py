"""举一反三: the inspector asks peer units to check themselves for the same problem."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.selectors import users_covering
from dangjian.audit.services import record
from dangjian.core.links import record_link
from dangjian.core.permissions import require
from dangjian.notifications.services import notify
from dangjian.orgs.models import Organization
from dangjian.people.models import Charge

from ..models import Finding, SelfCheck
from .findings import finding_create
from .terms import SELF_CHECK_SOURCE


def peer_units(finding: Finding) -> list[Organization]:
    """The other departments in the same 分管 area as the finding's department."""
    leader = finding.responsible_leader
    if leader is None:
        return []
    charged = Charge.objects.current().filter(leader=leader).select_related("organization")
    own = set(finding.organization.ancestor_paths())
    return [c.organization for c in charged if c.organization.path not in own]


def self_checks_send(
    *, actor: User, finding: Finding, due_on: date, units: list[Organization] | None = None,
) -> list[SelfCheck]:
    require(actor, "oversight.inspect")
    units = units if units is not None else peer_units(finding)
    if not units:
        raise ValidationError(
            {"units": "没有可发送自查的单位：请选择单位，或先为问题单位设置分管领导"})
    if due_on < timezone.localdate():
        raise ValidationError({"due_on": "反馈期限不能早于今天"})
    with transaction.atomic():
        checks = [SelfCheck.objects.get_or_create(origin=finding, organization=unit,
                                                  defaults={"due_on": due_on})[0]
                  for unit in units]
        record(actor=actor, action="selfcheck.send", target=finding,
               after={"units": [u.pk for u in units], "due_on": due_on})
        for check in checks:
            for user in users_covering(check.organization, {Role.UNIT_CLERK,
                                                             Role.UNIT_SECRETARY}):
                notify(recipient=user, kind="selfcheck.requested",
                       title="请开展举一反三自查",
                       body=f"{finding.organization}存在问题：{finding.description[:60]}。"
                            f"请于{due_on:%Y年%m月%d日}前反馈本单位自查情况。",
                       dedupe_key=f"selfcheck:{check.pk}",
                       link=record_link(check))
    return checks


def self_check_answer(
    *, actor: User, check: SelfCheck, answer: str, text: str = "",
) -> SelfCheck:
    """A unit answers 存在 (which becomes a finding of its own) or 不存在."""
    require(actor, "oversight.rectify", check.organization)
    if answer not in SelfCheck.Answer.values:
        raise ValidationError({"answer": "自查结果只能是“存在”或“不存在”"})
    if answer == SelfCheck.Answer.EXISTS and not text.strip():
        raise ValidationError({"text": "自查发现问题的，请写明问题情况和整改措施"})
    with transaction.atomic():
        check = SelfCheck.objects.select_for_update().get(pk=check.pk)
        if check.answer:
            raise ValidationError("该自查已经反馈，不能重复反馈")
        check.answer, check.answer_text, check.answered_at = answer, text.strip(), timezone.now()
        check.save()
        record(actor=actor, action="selfcheck.answer", target=check, after={"answer": answer})
        if answer == SelfCheck.Answer.EXISTS:
            origin = check.origin
            finding_create(
                actor=actor, organization=check.organization, source=SELF_CHECK_SOURCE,
                category=origin.category.name, severity=origin.severity.name,
                description=f"举一反三自查发现：{check.answer_text}",
                discovered_on=timezone.localdate(), regulation=origin.regulation,
                self_check=check,
            )
    return check
