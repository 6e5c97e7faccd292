"""Duty proofs (责任清单's 自动取证) from the meeting records, registered with the evidence
registry in ``dangjian.core.evidence`` from ``OrglifeConfig.ready``: orglife never imports duties,
nor duties orglife. Each provider reads meetings through ``access.scoping`` as the viewer may see
them, and links each fact to the meeting's page.

- ``orglife.meetings``: the 三会一课 held by the body's own branches and cells (those not under
  another leading group), for 落实“三会一课” (支部工作条例 第十一至十三条);
- ``orglife.lectures``: the 党课 a person gave as lecturer, wherever held (“书记每年至少讲1次党课”);
- ``orglife.attendance``: a leader's attendance, as an ordinary member, at a branch's or
  cell's meetings (双重组织生活);
- ``orglife.party_group.*``: the body's 党组（党委）会议 with a 议题 tagged 全面从严治党
  (专题研究, 主体责任规定 第六条), 党建工作汇报 (听取汇报, 第八条: the person present) or
  意识形态 (意识形态工作责任制).
"""

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.urls import reverse

from dangjian.access.scoping import restrict
from dangjian.core.evidence import Evidence, Fact, Subject, provider
from dangjian.orgs.models import Organization, OrgKind

from .models import Attendance, Meeting, MeetingKind
from .rules import (
    BRANCH_LIFE,
    LEADING_GROUPS,
    TAG_DISCIPLINE,
    TAG_IDEOLOGY,
    TAG_PARTY_REPORT,
    THREE_MEETINGS_ONE_LECTURE,
)

SOURCE = "组织生活"
BRANCH_KINDS = (OrgKind.BRANCH, OrgKind.GENERAL_BRANCH, OrgKind.PARTY_CELL)


def _link(meeting: Meeting) -> str:
    return reverse("orglife:meeting_detail", args=[meeting.pk])


def _fact(meeting: Meeting, text: str) -> Fact:
    return Fact(meeting.held_on, text, SOURCE, _link(meeting))


def _in_year(subject: Subject) -> QuerySet[Meeting]:
    return restrict(Meeting.objects.all(), subject.viewer).filter(
        held_on__gte=subject.start, held_on__lte=subject.end).select_related("organization")


def _own_subtree(body: Organization) -> Q:
    """The body and what is below it, less what another leading group below it leads."""
    others = Organization.objects.filter(path__startswith=body.path, depth__gt=body.depth,
                                         kind__in=LEADING_GROUPS).values_list("path", flat=True)
    mine = Q(organization__path__startswith=body.path)
    led = [Q(organization__path__startswith=path) for path in others]
    return mine & ~reduce(or_, led) if led else mine


@provider("orglife.meetings", "三会一课会议记录（平台“组织生活”）")
def three_meetings(subject: Subject) -> Evidence:
    """A body's branches' 支部党员大会, 支委会, 党小组会 and 党课 in the year; a person's list
    has no such item."""
    if subject.person is not None:
        return Evidence()
    meetings = _in_year(subject).filter(_own_subtree(subject.organization),
                                        kind__in=THREE_MEETINGS_ONE_LECTURE)
    return Evidence(facts=[_fact(m, f"{m.organization.name}{m.kind}：{m.topic}")
                           for m in meetings.order_by("held_on", "id")])


@provider("orglife.lectures", "讲党课记录（平台“组织生活”，按授课人）")
def lectures(subject: Subject) -> Evidence:
    """The 党课 the person gave (as lecturer) in the year, in whichever organisation."""
    if subject.person is None:
        return Evidence()
    given = _in_year(subject).filter(kind=MeetingKind.LECTURE, lecturer=subject.person)
    return Evidence(facts=[_fact(m, f"在{m.organization.name}讲党课：{m.topic}")
                           for m in given.order_by("held_on", "id")])


@provider("orglife.attendance", "参加支部组织生活的参会记录（平台“组织生活”）")
def dual_life(subject: Subject) -> Evidence:
    """Meetings of a branch or cell the person attended (双重组织生活)."""
    if subject.person is None:
        return Evidence()
    attended = Attendance.objects.filter(person=subject.person, present=True).values("meeting")
    meetings = _in_year(subject).filter(pk__in=attended, kind__in=BRANCH_LIFE,
                                        organization__kind__in=BRANCH_KINDS)
    return Evidence(facts=[_fact(m, f"参加{m.organization.name}{m.kind}：{m.topic}")
                           for m in meetings.order_by("held_on", "id")])


def _tagged(subject: Subject, key: str) -> QuerySet[Meeting]:
    """The body's 党组（党委）会议 with a 议题 tagged ``key``, each once."""
    tagged = Meeting.objects.filter(agenda__tags__key=key).values("pk")
    return _in_year(subject).filter(kind=MeetingKind.PARTY_GROUP,
                                    organization=subject.organization, pk__in=tagged)


def _agenda_facts(meetings: QuerySet[Meeting], key: str) -> list[Fact]:
    facts = []
    for m in meetings.prefetch_related("agenda__tags").order_by("held_on", "id"):
        titles = [i.title for i in m.agenda.all() if any(t.key == key for t in i.tags.all())]
        facts.append(_fact(m, f"{m.get_kind_display()}：{'；'.join(titles)}"))
    return facts


@provider("orglife.party_group.discipline", "党组（党委）会议专题研究全面从严治党的议题")
def studied_discipline(subject: Subject) -> Evidence:
    return Evidence(facts=_agenda_facts(_tagged(subject, TAG_DISCIPLINE), TAG_DISCIPLINE))


@provider("orglife.party_group.reports", "党组（党委）会议听取党建工作汇报的议题（本人到会）")
def heard_reports(subject: Subject) -> Evidence:
    """For a person: the meetings he attended (or chaired) that heard a 党建工作汇报."""
    meetings = _tagged(subject, TAG_PARTY_REPORT)
    if subject.person is not None:
        present = Attendance.objects.filter(person=subject.person, present=True).values(
            "meeting")
        meetings = meetings.filter(Q(pk__in=present) | Q(chair=subject.person))
    return Evidence(facts=_agenda_facts(meetings, TAG_PARTY_REPORT))


@provider("orglife.party_group.ideology", "党组（党委）会议专题研究意识形态工作的议题")
def studied_ideology(subject: Subject) -> Evidence:
    return Evidence(facts=_agenda_facts(_tagged(subject, TAG_IDEOLOGY), TAG_IDEOLOGY))
