"""谈心谈话 as pairs: recording and correcting a talk, who may read its summary, and the yearly
coverage report of a branch against the 条例's rule (``rules.HEART_TALK_RULE``).

The summary is confidential to the two persons and the secretary of their organisation:
others in scope see that the talk took place (``may_read_summary``; the pages and the API
blank it for them)."""

from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.citations import Rule
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization, OrgKind
from dangjian.orgs.rules import check_not_before_founding
from dangjian.people.models import Person, Post, PostTitle

from ..committees import committee_members
from ..models import HeartTalk, MeetingKind, TalkKind
from ..rules import HEART_TALK_RULE, HELD_BY, LEADING_GROUPS
from ..selectors import members_of

T = TalkKind
SUMMARY_MAX = 5000
LEADER_TITLES = (PostTitle.SECRETARY, PostTitle.DEPUTY_SECRETARY)


def secretaries_of(organization: Organization, on: date | None = None) -> set[int]:
    """The person ids of the organisation's current 书记 (who may read every talk's summary)."""
    return set(Post.objects.current(on).filter(organization=organization,
                                               title=PostTitle.SECRETARY)
               .values_list("person_id", flat=True))


def leaders_of(organization: Organization, on: date) -> set[int]:
    """支部委员 (secretary, deputies, 委员); where no committee sits, the secretary and
    deputies stand for it (条例 第六章: fewer than 7 full members elect a secretary only)."""
    committee = set(committee_members(organization, on).values_list("pk", flat=True))
    if committee:
        return committee
    return set(Post.objects.current(on).filter(organization=organization,
                                               title__in=LEADER_TITLES)
               .values_list("person_id", flat=True))


def may_read_summary(user: Any, talk: HeartTalk) -> bool:
    """The two persons and the organisation's secretary read the summary; nobody else."""
    person_id = getattr(user, "person_id", None)
    if person_id is None:
        return False
    if person_id in (talk.talker_id, talk.talkee_id):
        return True
    return person_id in secretaries_of(talk.organization)


def _check(organization: Organization, talker: Person, talkee: Person, kind: str,
           held_on: date, summary: str) -> None:
    errors: dict[str, str] = {}
    if kind not in T.values:
        errors["kind"] = f"谈心谈话类型只能是：{'、'.join(T.values)}"
    if organization.kind not in HELD_BY[MeetingKind.HEART_TALK]:
        errors["organization"] = (f"“{organization.name}”（{organization.kind}）不是党组织，"
                                  "不能登记谈心谈话")
    if talker.pk == talkee.pk:
        errors["talkee"] = "谈话人和谈话对象不能是同一人"
    if held_on > timezone.localdate():
        errors["held_on"] = "谈话日期不能晚于今天：只能登记已开展的谈话"
    if len(summary) > SUMMARY_MAX:
        errors["summary"] = f"谈话内容摘要不能超过{SUMMARY_MAX}字"
    if errors:
        raise ValidationError(errors)
    check_not_before_founding(organization, held_on, field="held_on", label="谈话日期")
    members = set(members_of(organization).filter(pk__in=[talker.pk, talkee.pk])
                  .values_list("pk", flat=True))
    outside = [p.name for p in (talker, talkee) if p.pk not in members]
    if outside:
        raise ValidationError({"talkee" if talker.pk in members else "talker":
                               f"{'、'.join(outside)}不是“{organization.name}”的党员，不能登记"})
    _check_kind(organization, talker, talkee, kind, held_on)


def _check_kind(organization: Organization, talker: Person, talkee: Person, kind: str,
                held_on: date) -> None:
    leading = organization.kind in LEADING_GROUPS
    if kind in (T.SECRETARY_TEAM, T.BEFORE_LIFE_MEETING):
        if not leading:
            raise ValidationError({"kind": f"{kind}谈心谈话是党组（党委）领导班子的，"
                                           f"“{organization.name}”不能登记"})
        if kind == T.SECRETARY_TEAM and not secretaries_of(organization, held_on) & {
                talker.pk, talkee.pk}:
            raise ValidationError({"kind": "书记与班子成员谈话的一方应是书记"})
        return
    leaders = leaders_of(organization, held_on)
    inside = (talker.pk in leaders) + (talkee.pk in leaders)
    expected = {T.COMMITTEE: 2, T.COMMITTEE_MEMBER: 1, T.MEMBERS: 0}[T(kind)]
    if inside != expected:
        said = {2: "两人都应是支部委员", 1: "一方应是支部委员（或书记）、另一方是党员",
                0: "两人都不应是支部委员"}[expected]
        raise ValidationError({"kind": f"{kind}：{said}（按{held_on:%Y年%m月%d日}在任的委员判断）"})


def talk_create(
    *, actor: User, organization: Organization, talker: Person, talkee: Person, kind: str,
    held_on: date, summary: str = "",
) -> HeartTalk:
    """Record a talk that took place; the same pair, kind and day twice is refused."""
    require(actor, "orglife.enter", organization)
    summary = summary.strip()
    _check(organization, talker, talkee, kind, held_on, summary)
    duplicate = (f"{talker.name}与{talkee.name}{held_on:%Y年%m月%d日}的{kind}谈心谈话已经登记过，"
                 f"不能重复登记")
    if HeartTalk.objects.filter(organization=organization, kind=kind, held_on=held_on).filter(
            Q(talker=talker, talkee=talkee) | Q(talker=talkee, talkee=talker)).exists():
        raise ValidationError({"talkee": duplicate})
    with transaction.atomic():
        try:
            with transaction.atomic():
                talk = HeartTalk.objects.create(
                    organization=organization, year=held_on.year, talker=talker, talkee=talkee,
                    kind=kind, held_on=held_on, summary=summary,
                    created_by=actor if getattr(actor, "pk", None) else None)
        except IntegrityError as exc:  # the same talk entered at the same moment
            raise ValidationError({"talkee": duplicate}) from exc
        # The summary is not copied into the audit log: the log is read more widely.
        record(actor=actor, action="talk.create", target=talk, after={
            "organization": organization.pk, "talker": talker.pk, "talkee": talkee.pk,
            "kind": kind, "held_on": held_on, "summary_length": len(summary)})
    return talk


UPDATABLE = {"kind": "类型", "held_on": "谈话日期", "summary": "谈话内容摘要"}


def talk_update(*, actor: User, talk: HeartTalk, **changes: Any) -> HeartTalk:
    """Correct a talk's kind, date or summary. The summary is changed only by those who may
    read it; a talk a 民主生活会 has taken into its record keeps its kind and date."""
    require(actor, "orglife.enter", talk.organization)
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise ValidationError(f"只能修改{'、'.join(UPDATABLE.values())}")
    if "summary" in changes and not may_read_summary(actor, talk):
        raise PermissionDenied("谈话内容摘要仅谈话双方和本组织书记可以填写和修改")
    with transaction.atomic():
        talk = HeartTalk.objects.select_for_update().select_related(
            "organization", "talker", "talkee").get(pk=talk.pk)
        before = {k: getattr(talk, k) for k in changes}
        changed = {k: (v.strip() if isinstance(v, str) else v) for k, v in changes.items()
                   if (v.strip() if isinstance(v, str) else v) != before[k]}
        if not changed:
            raise ValidationError("修改内容与原记录相同，没有需要修改的内容")
        if talk.life_meeting_id is not None and set(changed) & {"kind", "held_on"}:
            raise ValidationError("该谈话已纳入民主生活会记录，不能修改类型和日期")
        for name, value in changed.items():
            setattr(talk, name, value)
        if "held_on" in changed and talk.held_on.year != talk.year:
            raise ValidationError({"held_on": "谈话日期不能改到另一年度；请撤销后重新登记"})
        _check(talk.organization, talk.talker, talk.talkee, talk.kind, talk.held_on,
               talk.summary)
        try:
            with transaction.atomic():
                talk.save()
        except IntegrityError as exc:
            raise ValidationError({"held_on": "同一天同类型的这次谈话已经登记过"}) from exc
        record(actor=actor, action="talk.update", target=talk,
               before={k: ("…" if k == "summary" else v) for k, v in before.items()
                       if k in changed},
               after={k: (len(v) if k == "summary" else v) for k, v in changed.items()})
    return talk


# ---- yearly coverage (谈心谈话覆盖情况) ---------------------------------------------------

@dataclass(frozen=True)
class CoverageLine:
    """One pair or link the rule expects, met or missing."""

    kind: str  # the TalkKind it falls under
    expected: str  # e.g. "张三 — 李四" or "王五 与 任一支部委员"
    met: bool
    persons: tuple[int, ...]


@dataclass
class Coverage:
    organization: Organization
    year: int
    rule: Rule
    leaders: list[Person]
    members: list[Person]
    lines: list[CoverageLine] = field(default_factory=list)

    @property
    def missing(self) -> list[CoverageLine]:
        return [line for line in self.lines if not line.met]

    @property
    def met_count(self) -> int:
        return sum(line.met for line in self.lines)


def coverage(*, organization: Organization, year: int) -> Coverage:
    """Which pairs the 条例 expects in ``organization`` (a branch) in ``year`` and which are
    missing: every pair of 支部委员; each other member with at least one 委员 (or the
    secretary, where no committee sits); each such member with at least one other member.
    A talk of any kind between the two counts."""
    if organization.kind != OrgKind.BRANCH:
        raise ValidationError({"organization": "谈心谈话覆盖情况按党支部统计，请选择一个党支部"})
    today = timezone.localdate()
    if year > today.year:
        raise ValidationError({"year": "年度不能晚于今年"})
    on = min(today, date(year, 12, 31))
    members = list(members_of(organization))
    leader_ids = leaders_of(organization, on)
    leaders = [p for p in members if p.pk in leader_ids]
    others = [p for p in members if p.pk not in leader_ids]
    pairs = {frozenset(p) for p in HeartTalk.objects.filter(
        organization=organization, year=year).values_list("talker_id", "talkee_id")}
    talked: dict[int, set[int]] = {}
    for pair in pairs:
        a, b = tuple(pair)
        talked.setdefault(a, set()).add(b)
        talked.setdefault(b, set()).add(a)
    report = Coverage(organization, year, HEART_TALK_RULE, leaders, members)
    for one, two in combinations(leaders, 2):
        report.lines.append(CoverageLine(T.COMMITTEE, f"{one.name} — {two.name}",
                                         frozenset((one.pk, two.pk)) in pairs,
                                         (one.pk, two.pk)))
    other_ids = {p.pk for p in others}
    for person in others:
        with_leader = talked.get(person.pk, set()) & leader_ids
        if leaders:
            report.lines.append(CoverageLine(T.COMMITTEE_MEMBER, f"{person.name} 与 任一支部委员",
                                             bool(with_leader), (person.pk,)))
        if len(others) > 1:
            with_member = talked.get(person.pk, set()) & (other_ids - {person.pk})
            report.lines.append(CoverageLine(T.MEMBERS, f"{person.name} 与 任一党员",
                                             bool(with_member), (person.pk,)))
    return report
