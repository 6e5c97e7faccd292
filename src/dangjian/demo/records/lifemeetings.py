"""谈心谈话 and the 民主生活会 of 县财政局党组, so their pages are not empty.

县财政局's first branch gets a committee (secretary and two 委员) and this year's talks with
gaps (a committee pair and some members not yet talked with); the 党组 gets two 委员 and
last year's 民主生活会, taken through every stage by its clerk with the services (a handful of
rows): its 民主生活会前 talks, the meeting, a 整改清单 of three items that became findings of
the ledger (来源“民主生活会查摆”) with their measures, and the report to the 县委组织部."""

import random
from datetime import date, timedelta

from dangjian.access.models import User
from dangjian.orglife.models import HeartTalk, TalkKind
from dangjian.orglife.services import lifemeetings as lm
from dangjian.orglife.services.talks import talk_create
from dangjian.orgs.models import Organization
from dangjian.people.models import PartyStatus, Person, Post, PostTitle

from .cast import Cast

ITEMS = (
    ("理论学习与业务工作结合不够紧密，学用转化不足", "思想建设", "一般",
     "党组理论学习中心组每季度安排1次专题研讨并形成成果", "研讨记录和成果材料齐全"),
    ("深入基层调查研究不够，掌握一线情况不全面", "作风建设", "一般",
     "班子成员每人每半年到基层调研不少于2次", "形成调研报告并转化应用"),
    ("财政资金绩效管理存在薄弱环节", "资金监管", "较重",
     "修订预算绩效管理办法，开展重点项目绩效评价", "办法印发，评价报告完成"),
)


def generate(cast: Cast, rng: random.Random) -> dict[str, int]:
    unit = cast.units[0]  # 县财政局
    clerk = cast.clerk(unit.unit)
    branch = unit.branches[0]
    today = cast.today
    accounts = set(cast.users_by_person)
    start = date(today.year - 2, 1, 1)
    people = list(Person.objects.filter(organization=branch,
                                        party_status=PartyStatus.FULL_MEMBER).order_by("pk"))
    team = list(Person.objects.filter(organization__path__startswith=unit.party.path,
                                      party_status=PartyStatus.FULL_MEMBER)
                .exclude(organization__in=[branch, unit.party]).exclude(pk__in=accounts)
                .order_by("pk")[:2])
    if len(people) < 5 or len(team) < 2:
        return {"orglife.heart_talks": 0, "orglife.life_meetings": 0}
    secretary, committee = people[0], people[1:3]
    Post.objects.bulk_create(
        [Post(person=secretary, organization=branch, title=PostTitle.SECRETARY, start_on=start)]
        + [Post(person=p, organization=branch, title=PostTitle.COMMITTEE_MEMBER, start_on=start)
           for p in committee]
        + [Post(person=p, organization=unit.party, title=PostTitle.COMMITTEE_MEMBER,
                start_on=start) for p in team])
    talks = _branch_talks(clerk, branch, secretary, committee, people[3:], today, rng)
    talks += _life_meeting(clerk, unit.party, today, team)
    return {"orglife.heart_talks": talks, "orglife.life_meetings": 1}


def _branch_talks(clerk: User, branch: Organization, secretary: Person,
                  committee: list[Person], others: list[Person], today: date,
                  rng: random.Random) -> int:
    first = date(today.year, 1, 1)

    def day() -> date:
        return max(first, today - timedelta(days=rng.randint(1, 300)))

    pairs = [(secretary, committee[0], TalkKind.COMMITTEE),
             (secretary, committee[1], TalkKind.COMMITTEE)]  # 委员 ↔ 委员 missing: a gap
    leaders = [secretary, *committee]
    half = others[: max(1, len(others) // 2)]  # the other half not talked with: gaps
    pairs += [(leaders[n % 3], person, TalkKind.COMMITTEE_MEMBER) for n, person in enumerate(half)]
    pairs += [(one, two, TalkKind.MEMBERS) for one, two in zip(half[::2], half[1::2],
                                                                strict=False)]
    for talker, talkee, kind in pairs:
        talk_create(actor=clerk, organization=branch, talker=talker, talkee=talkee, kind=kind,
                    held_on=day(), summary="交流思想、工作和学习情况，互相提醒改进不足")
    return len(pairs)


def _life_meeting(clerk: User, group: Organization, today: date, team: list[Person]) -> int:
    year = today.year - 1
    secretary = Person.objects.get(posts__organization=group, posts__title=PostTitle.SECRETARY)
    meeting = lm.life_meeting_create(
        actor=clerk, organization=group, year=year, planned_on=date(year, 12, 20),
        topic="深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”",
        plan="会前开展集中学习研讨，广泛征求意见，深入谈心谈话，认真撰写对照检查材料")
    meeting = lm.life_meeting_opinions(
        actor=clerk, meeting=meeting, opinions_on=date(year, 12, 2), count=23,
        opinions="通过座谈会、征求意见表等方式，向下属单位和干部职工征求意见建议23条")
    pairs = [(secretary, team[0]), (secretary, team[1]), (team[0], team[1])]
    talks = [talk_create(actor=clerk, organization=group, talker=one, talkee=two,
                         kind=TalkKind.BEFORE_LIFE_MEETING, held_on=date(year, 12, 5 + n),
                         summary="交流思想，相互指出问题，提出改进意见")
             for n, (one, two) in enumerate(pairs)]
    meeting = lm.life_meeting_talks(actor=clerk, meeting=meeting, talks=talks)
    meeting = lm.life_meeting_materials(
        actor=clerk, meeting=meeting, materials_on=date(year, 12, 15),
        materials="领导班子对照检查材料及班子成员个人对照检查材料")
    meeting = lm.life_meeting_hold(
        actor=clerk, meeting=meeting, held_on=date(year, 12, 20), attendees=[secretary, *team],
        place="局党组会议室", minutes="班子成员逐一发言，开展批评和自我批评")
    items = [{"problem": problem, "category": category, "severity": severity,
              "measure": measure, "criterion": criterion, "owner": [secretary, *team][n],
              "due_on": today + timedelta(days=30 * (n + 1))}
             for n, (problem, category, severity, measure, criterion) in enumerate(ITEMS)]
    meeting = lm.life_meeting_rectify(actor=clerk, meeting=meeting, items=items,
                                      rectified_on=date(year, 12, 25))
    lm.life_meeting_report(actor=clerk, meeting=meeting, reported_on=date(year, 12, 28),
                           reported_to="中共示范县委组织部", number=f"财党组〔{year}〕12号")
    return HeartTalk.objects.filter(life_meeting=meeting).count()
