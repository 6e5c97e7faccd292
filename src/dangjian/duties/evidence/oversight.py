"""Proof from the oversight loop, read through oversight.selectors (never its tables)."""

from dangjian.oversight.models import MeasureStatus, NoticeStatus
from dangjian.oversight.selectors import measures_for, notice_actions_for, notices_for

from .registry import Evidence, Fact, Subject, provider

OWED = (NoticeStatus.ISSUED, NoticeStatus.ACKNOWLEDGED)


@provider("oversight.notices", "监督工作提示单的签收回复")
def notices_answered(subject: Subject) -> Evidence:
    """A leader's notices answered in the year; those past their reply date still owed."""
    if subject.person is None:
        return Evidence()
    mine = notices_for(subject.viewer).filter(recipient=subject.person).prefetch_related(None)
    replied = mine.filter(replied_at__date__gte=subject.start,
                          replied_at__date__lte=subject.end)
    late = mine.filter(status__in=OWED, reply_due__lt=subject.today,
                       reply_due__gte=subject.start, reply_due__lte=subject.end)
    # 一岗双责: the actions his structured replies report (约谈提醒, 批评教育 …), each a fact.
    actions = notice_actions_for(subject.viewer).filter(
        notice__recipient=subject.person, taken_on__gte=subject.start, taken_on__lte=subject.end)
    return Evidence(
        facts=[Fact(n.replied_at.date(), f"{n.number}已回复", "监督工作提示单", "/oversight/")
               for n in replied if n.replied_at]
        + [Fact(a.taken_on, f"{a.kind}：{a.person.name}（{a.notice.number}）", "监督工作提示单",
                f"/oversight/notices/{a.notice_id}/") for a in actions],
        owed_late=[Fact(n.reply_due, f"{n.number}逾期未回复", "监督工作提示单", "/oversight/")
                   for n in late])


@provider("oversight.measures", "整改措施的核查销号")
def measures_closed(subject: Subject) -> Evidence:
    """The unit's rectification measures closed in the year; open ones past due."""
    measures = measures_for(subject.viewer).filter(
        finding__organization__path__startswith=subject.unit.path).prefetch_related(None)
    closed = measures.filter(status=MeasureStatus.CLOSED, closed_on__gte=subject.start,
                             closed_on__lte=subject.end)
    late = measures.exclude(status=MeasureStatus.CLOSED).filter(
        due_on__lt=subject.today, due_on__lte=subject.end)  # still owed, however old
    return Evidence(
        facts=[Fact(m.closed_on, f"整改销号：{m.description[:30]}", "监督整改", "/oversight/")
               for m in closed if m.closed_on],
        owed_late=[Fact(m.due_on, f"逾期未销号：{m.description[:30]}", "监督整改", "/oversight/")
                   for m in late])
