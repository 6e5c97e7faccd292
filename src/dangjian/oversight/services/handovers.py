"""Who hears of each hand-over in the oversight loop (交接提醒).

Each function is called by the service that takes the step, inside its transaction: ``notify``
writes the inbox row there and sends on the channels after the commit. Dedupe keys name the
step and its occurrence, so a repeated request sends nothing twice while a second round (a
measure returned again after resubmission) is announced again.
"""

from collections.abc import Iterable
from typing import Any

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.access.selectors import users_covering
from dangjian.core.links import record_link
from dangjian.notifications.services import notify
from dangjian.orgs.models import Organization

from ..models import Finding, Measure, Notice, NoticeStatus

UNIT_ROLES: set[str] = {Role.UNIT_CLERK, Role.UNIT_SECRETARY}


def unit_people(organization: Organization) -> Any:
    """The clerks and secretaries whose grants cover ``organization`` (本单位党务干事、书记)."""
    return users_covering(organization, UNIT_ROLES)


def inspectors_of(finding: Finding) -> list[Any]:
    """The inspectors who issued a notice on ``finding`` (or raised it); else the discipline
    group covering its unit."""
    issuers = {n.created_by for n in finding.notices.exclude(status=NoticeStatus.DRAFT)
               .select_related("created_by")}
    if Role.INSPECTOR in roles_of(finding.raised_by):
        issuers.add(finding.raised_by)
    people = [u for u in issuers if u.is_active]
    return people or list(users_covering(finding.organization, {Role.INSPECTOR}))


def _tell(users: Iterable[Any], *, actor: Any, kind: str, title: str, body: str, key: str,
          link: str) -> None:
    for user in users:
        if actor is None or user.pk != actor.pk:  # nobody is told of their own step
            notify(recipient=user, kind=kind, title=title, body=body, dedupe_key=key, link=link)


def _short(text: str, size: int = 30) -> str:
    return text if len(text) <= size else f"{text[:size]}…"


def finding_raised(finding: Finding, actor: Any) -> None:
    _tell(unit_people(finding.organization), actor=actor, kind="finding.raised",
          title=f"新问题待整改：{_short(finding.description)}",
          body=f"{finding.organization.name}：{finding.description}（来源：{finding.source.name}，"
               f"{finding.severity.name}，发现于{finding.discovered_on:%Y年%m月%d日}）。"
               "请制定整改措施。",
          key=f"finding:{finding.pk}:raised", link=record_link(finding))


def notice_issued_to_units(notice: Notice, actor: Any) -> None:
    """The units whose findings the notice names learn it was issued (the leader signs for it)."""
    for finding in notice.findings.select_related("organization"):
        _tell(unit_people(finding.organization), actor=actor, kind="notice.issued",
              title=f"监督工作提示单已签发：{notice.number}",
              body=f"{notice.number}点名本单位问题：{_short(finding.description, 60)}。"
                   f"请抓紧整改，回复期限{notice.reply_due:%Y年%m月%d日}。",
              key=f"notice:{notice.pk}:issued:finding:{finding.pk}", link=record_link(notice))


def notice_replied(notice: Notice, actor: Any) -> None:
    _tell([notice.created_by], actor=actor, kind="notice.replied",
          title=f"提示单已回复：{notice.number}",
          body=f"{notice.recipient}已回复{notice.number}：{_short(notice.reply_text, 80)}",
          key=f"notice:{notice.pk}:replied", link=record_link(notice))


def measure_submitted(measure: Measure, actor: Any) -> None:
    _tell(inspectors_of(measure.finding), actor=actor, kind="measure.submitted",
          title=f"整改措施待核查：{_short(measure.description)}",
          body=f"{measure.finding.organization.name}提交核查：{measure.description}"
               f"（完成标准：{measure.criterion}）。",
          key=f"measure:{measure.pk}:submitted:{measure.version}", link=record_link(measure))


def measure_closed(measure: Measure, actor: Any) -> None:
    _tell(unit_people(measure.finding.organization), actor=actor, kind="measure.closed",
          title="整改措施已销号",
          body=f"“{_short(measure.description, 40)}”通过核查，"
               f"于{measure.closed_on:%Y年%m月%d日}销号。",
          key=f"measure:{measure.pk}:closed:{measure.version}", link=record_link(measure))


def measure_returned(measure: Measure, reason: str, actor: Any) -> None:
    _tell(unit_people(measure.finding.organization), actor=actor, kind="measure.returned",
          title=f"整改措施被退回：{_short(reason, 20)}",
          body=f"“{_short(measure.description, 40)}”未通过核查，退回整改。理由：{reason}",
          key=f"measure:{measure.pk}:returned:{measure.verifications.count()}",
          link=record_link(measure))


def finding_corrected(finding: Finding, reason: str, changed: list[str], event: int,
                      actor: Any) -> None:
    _tell(unit_people(finding.organization), actor=actor, kind="finding.corrected",
          title=f"问题已更正：{_short(finding.description)}",
          body=f"更正了{'、'.join(changed)}。理由：{reason}",
          key=f"finding:{finding.pk}:corrected:{event}", link=record_link(finding))


def finding_withdrawn(finding: Finding, reason: str, actor: Any) -> None:
    _tell(unit_people(finding.organization), actor=actor, kind="finding.withdrawn",
          title=f"问题已撤销：{_short(finding.description)}",
          body=f"{finding.organization.name}的问题“{_short(finding.description, 60)}”已撤销。"
               f"理由：{reason}",
          key=f"finding:{finding.pk}:withdrawn", link=record_link(finding))


def progress_corrected(measure: Measure, reason: str, entry: int, actor: Any) -> None:
    _tell(inspectors_of(measure.finding), actor=actor, kind="measure.progress_corrected",
          title=f"整改进展已更正：{_short(measure.description)}",
          body=f"{measure.finding.organization.name}更正了一条进展报告。理由：{reason}",
          key=f"progress:{entry}:correction", link=record_link(measure))
