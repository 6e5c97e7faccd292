"""A year of 监督整改: findings from 监督执纪, 巡察反馈 and 派驻监督 in the departments, their
measures, 提示单 to the vice heads, 举一反三, a few 屡查屡犯 and the 问责 that followed.

What the services and the daily escalation job keep, this keeps too: a finding follows its
least advanced measure, a closed measure has evidence and a verification, a repeat points at
the earlier finding of the same unit and category, a measure long overdue has its escalation
steps and the 问责建议 they opened, a notice's findings are all in its recipient's area.
"""

import random
from collections import defaultdict
from datetime import date, timedelta
from functools import cache

from dangjian.calendar import services as calendar
from dangjian.calendar.services import add_months
from dangjian.oversight.models import (
    Accountability,
    Campaign,
    CampaignPlan,
    Escalation,
    Evidence,
    Finding,
    Inspection,
    InspectionItem,
    InspectionTopic,
    ItemResult,
    Measure,
    MeasureStatus,
    Notice,
    NoticeAction,
    NoticeCounter,
    NoticeStatus,
    Progress,
    Recheck,
    RecheckResult,
    ReplyActionKind,
    RiskPoint,
    SelfCheck,
    Term,
    TermKind,
    Verification,
)
from dangjian.oversight.models.accountability import AccountabilityForm, FourForms
from dangjian.oversight.models.findings import FindingStatus
from dangjian.oversight.models.risks import RiskLevel
from dangjian.oversight.rules import local_settings
from dangjian.oversight.services.findings import months_before
from dangjian.oversight.services.inspections import common_ancestor
from dangjian.oversight.services.lights import cutoffs
from dangjian.people.models import Person
from dangjian.tasks.models import Plan

from .cast import Cast, Unit


@cache
def add_working_days(*, start: date, n: int) -> calendar.Deadline:
    """The calendar's, remembered: many records share a date, and each call reads holidays."""
    return calendar.add_working_days(start=start, n=n)


@cache
def working_days_between(*, start: date, end: date) -> calendar.WorkingDayCount:
    return calendar.working_days_between(start=start, end=end)

SOURCES = ["监督执纪", "巡察反馈", "派驻监督", "监督执纪", "巡察反馈", "审计"]
PROBLEMS = {
    "政治建设": "贯彻落实上级重大决策部署跟进不及时，传达学习流于形式",
    "思想建设": "理论学习中心组学习计划执行不到位，专题研讨次数不足",
    "组织建设": "党支部换届不及时，党员发展档案材料不规范",
    "作风建设": "督查检查考核事项偏多，基层报表负担重",
    "纪律建设": "公务用车管理不规范，存在公车私用苗头",
    "主体责任落实": "党组研究全面从严治党工作不及时，责任传导层层递减",
    "资金监管": "专项资金拨付审核不严，部分项目资金滞留",
    "权力运行": "“三重一大”事项未经集体研究，议事记录不完整",
    "党建与业务融合": "党建工作与业务工作“两张皮”，融合载体不多",
}
MEASURES = [
    ("召开专题会议研究整改，明确责任分工", "形成会议纪要并印发整改方案"),
    ("修订完善相关制度，堵塞管理漏洞", "新制度印发执行"),
    ("开展全面自查，逐项建立问题清单", "自查报告及问题清单"),
    ("组织专题培训和警示教育", "培训签到表及课件"),
]
RISKS = [
    ("审批监管", "行政审批岗", "审批环节自由裁量权大，存在“吃拿卡要”风险",
     "一次性告知、限时办结，审批全程留痕"),
    ("公共财政支出", "财务岗", "报销审核把关不严，存在虚列支出风险",
     "财务支出双人审核，每季度公开"),
    ("工程招投标", "项目管理岗", "招标文件设置倾向性条款", "招标文件集体审定，纪检全程监督"),
    ("行政执法", "执法岗", "执法尺度不一，存在选择性执法风险", "执法全过程记录，案卷定期评查"),
    ("国有资产管理", "资产管理岗", "资产处置未按规定评估", "资产处置集体决策并公开"),
]


def generate(cast: Cast, rng: random.Random) -> dict[str, int]:
    add_working_days.cache_clear()  # the calendar's holidays may have changed since
    working_days_between.cache_clear()
    terms = {(t.kind, t.name): t for t in Term.objects.all()}
    risks = _risk_points(cast, rng, terms)
    findings = _findings(cast, rng, terms, risks)
    measures = _measures(cast, rng, findings)
    notices = _notices(cast, rng, findings)
    checks = _self_checks(cast, rng, findings)
    cases = _accountability(cast, rng, findings, measures)
    inspection_findings = _inspection(cast, terms)
    campaigns = _campaign(cast, findings + inspection_findings)
    actions = _reply_actions(cast)
    return {"oversight.findings": len(findings) + len(inspection_findings),
            "oversight.measures": len(measures),
            "oversight.notices": notices, "oversight.self_checks": checks,
            "oversight.accountability": cases, "oversight.risk_points": len(risks),
            "oversight.inspections": 1, "oversight.campaigns": campaigns,
            "oversight.notice_actions": actions}


def _risk_points(cast: Cast, rng: random.Random, terms: dict) -> list[RiskPoint]:
    rows = []
    for unit in cast.units:
        for area, post, risk, controls in rng.sample(RISKS, 2):
            rows.append(RiskPoint(
                organization=unit.unit, post=post, area=terms[(TermKind.RISK_AREA, area)],
                risk=risk, level=rng.choice(list(RiskLevel)), controls=controls,
                owner=rng.choice(unit.members) if unit.members else None,
                review_on=cast.today + timedelta(days=rng.randint(-30, 240)),
                created_by=cast.inspector))
    RiskPoint.objects.bulk_create(rows)
    return rows


def _findings(cast: Cast, rng: random.Random, terms: dict, risks: list[RiskPoint]
              ) -> list[Finding]:
    """One to three problems a unit, found over the last eleven months; every eighth unit is
    found again with a problem of a category it was already found with (屡查屡犯)."""
    rows: list[Finding] = []
    risk_of = {r.organization_id: r for r in risks}
    for unit in cast.units:
        categories = rng.sample(list(PROBLEMS), 3)
        count = 1 + rng.randint(0, 2)
        days = sorted(rng.sample(range(5, 330), count), reverse=True)
        if unit.index % 8 == 3:  # found again: the earliest problem's category recurs
            categories[count - 1] = categories[0]
        for n, ago in enumerate(days):
            category = categories[n]
            severity = rng.choices(["一般", "较重", "严重"], [6, 3, 1])[0]
            rows.append(Finding(
                organization=unit.unit, source=terms[(TermKind.SOURCE, SOURCES[(unit.index + n)
                                                                                % len(SOURCES)])],
                category=terms[(TermKind.CATEGORY, category)],
                severity=terms[(TermKind.SEVERITY, severity)],
                description=f"{unit.unit.name}{PROBLEMS[category]}",
                discovered_on=cast.today - timedelta(days=ago),
                regulation="《党委（党组）落实全面从严治党主体责任规定》",
                responsible_leader=unit.leader, raised_by=cast.inspector,
                risk_point=risk_of.get(unit.unit.pk) if category == "资金监管" else None,
                created_by=cast.inspector))
    Finding.objects.bulk_create(rows)
    _link_repeats(rows)  # after the insert: a repeat points at a row of the same batch
    Finding.objects.bulk_update([f for f in rows if f.repeat_of], ["repeat_of"])
    return rows


def _link_repeats(rows: list[Finding]) -> None:
    """屡查屡犯 as ``earlier_same_problem`` finds it: the latest earlier finding of the same
    unit and category within the window."""
    window = local_settings().repeat_window_months
    seen: dict[tuple[int, int], Finding] = {}
    for finding in sorted(rows, key=lambda f: f.discovered_on):
        key = (finding.organization.pk, finding.category.pk)
        earlier = seen.get(key)
        if earlier and earlier.discovered_on >= months_before(finding.discovered_on, window):
            finding.repeat_of = earlier
        seen[key] = finding


def _measures(cast: Cast, rng: random.Random, findings: list[Finding]) -> list[Measure]:
    """One or two measures a finding (none yet for one found in the last fortnight)."""
    rows: list[Measure] = []
    for finding in findings:
        if (cast.today - finding.discovered_on).days < 14:
            continue
        unit_members = [p for p in _members(cast, finding)] or [finding.responsible_leader]
        for description, criterion in rng.sample(MEASURES, 1 + rng.randint(0, 1)):
            due = finding.discovered_on + timedelta(days=rng.randint(30, 150))
            rows.append(Measure(finding=finding, description=description, criterion=criterion,
                                owner=rng.choice(unit_members), due_on=due,
                                **_measure_state(cast, rng, finding, due)))
    Measure.objects.bulk_create(rows)
    _measure_history(cast, rows)
    _escalations(cast, rows)
    _finding_states(cast, findings, rows)
    return rows


def _members(cast: Cast, finding: Finding) -> list:
    for unit in cast.units:
        if unit.unit.pk == finding.organization.pk:
            return unit.members[:5]
    return []


def _measure_state(cast: Cast, rng: random.Random, finding: Finding, due: date) -> dict:
    start = finding.discovered_on + timedelta(days=3)
    closed = rng.random() < (0.85 if due < cast.today else 0.2)
    if closed and start < cast.yesterday:
        latest = min(due + timedelta(days=rng.choice([0, 0, 0, 10])), cast.yesterday)
        day = start + timedelta(days=rng.randint(0, max(0, (latest - start).days)))
        return {"status": MeasureStatus.CLOSED, "closed_on": day}
    status = rng.choice([MeasureStatus.PENDING, MeasureStatus.IN_PROGRESS,
                         MeasureStatus.IN_PROGRESS, MeasureStatus.SUBMITTED])
    return {"status": status}


def _measure_history(cast: Cast, rows: list[Measure]) -> None:
    """What each state needs: a progress report once started, evidence once submitted, the
    inspector's acceptance once closed."""
    started = [m for m in rows if m.status != MeasureStatus.PENDING]
    proved = [m for m in started if m.status != MeasureStatus.IN_PROGRESS]
    Progress.objects.bulk_create([
        Progress(measure=m, text="已制定整改方案，正在逐项推进。",
                 author=cast.clerk(m.finding.organization)) for m in started])
    Evidence.objects.bulk_create([
        Evidence(measure=m, uploaded_by=cast.clerk(m.finding.organization),
                 proves_date=m.closed_on or cast.yesterday, **cast.evidence.fields("整改佐证.pdf"))
        for m in proved])
    Verification.objects.bulk_create([
        Verification(measure=m, decision=Verification.Decision.ACCEPT,
                     comment="整改到位，同意销号。", inspector=cast.inspector)
        for m in proved if m.status == MeasureStatus.CLOSED])


def _escalations(cast: Cast, rows: list[Measure]) -> None:
    """The steps the daily job would have taken by today (``escalation._due_steps``)."""
    cut = cutoffs(cast.today)
    after = local_settings().accountability_after_working_days
    steps = []
    for m in rows:
        if m.status == MeasureStatus.CLOSED or m.due_on > cut.yellow_until:
            continue
        if m.due_on >= cast.today:
            steps.append(Escalation(measure=m, step=Escalation.Step.DUE_SOON, taken_on=cast.today))
            continue
        steps.append(Escalation(measure=m, step=Escalation.Step.OVERDUE,
                                taken_on=m.due_on + timedelta(days=1)))
        if working_days_between(start=m.due_on, end=cast.today).days >= after:
            steps.append(Escalation(measure=m, step=Escalation.Step.ACCOUNTABILITY,
                                    taken_on=add_working_days(start=m.due_on, n=after).due))
    Escalation.objects.bulk_create(steps)


def _finding_states(cast: Cast, findings: list[Finding], rows: list[Measure]) -> None:
    """``finding_refresh_status``: the least advanced measure's state; closed when all are."""
    order = [FindingStatus.OPEN, FindingStatus.RECTIFYING, FindingStatus.AWAITING_CHECK,
             FindingStatus.CLOSED]
    by_finding: dict[int, list[Measure]] = defaultdict(list)
    for m in rows:
        by_finding[m.finding.pk].append(m)
    for finding in findings:
        mine = by_finding.get(finding.pk, [])
        if not mine:
            continue
        finding.status = min((FindingStatus(m.status) for m in mine), key=order.index)
        if finding.status == FindingStatus.CLOSED:
            finding.closed_on = max(m.closed_on for m in mine if m.closed_on)
            finding.recheck_on = add_months(start=finding.closed_on,
                                            n=local_settings().recheck_after_months).due
    Finding.objects.bulk_update(findings, ["status", "closed_on", "recheck_on"])
    _rechecks(cast, findings)


def _rechecks(cast: Cast, findings: list[Finding]) -> None:
    """回头看: the closed findings whose day is more than a month past were rechecked on it and
    held (巩固); the more recent ones wait on the inspector's 工作台. At least one waits: if none
    does, the latest closed finding's day is today."""
    closed = sorted((f for f in findings if f.status == FindingStatus.CLOSED and f.recheck_on),
                    key=lambda f: (f.recheck_on or cast.today, f.pk))
    if not closed:
        return
    month_ago = cast.today - timedelta(days=30)
    if not any(month_ago < (f.recheck_on or cast.today) <= cast.today for f in closed):
        closed[-1].recheck_on = cast.today
        Finding.objects.filter(pk=closed[-1].pk).update(recheck_on=cast.today)
    Recheck.objects.bulk_create(
        Recheck(finding=f, checked_on=f.recheck_on, checked_by=cast.inspector,
                result=RecheckResult.HELD, note="整改措施持续执行，未发现反弹")
        for f in closed if f.recheck_on is not None and f.recheck_on <= month_ago)


def _notices(cast: Cast, rng: random.Random, findings: list[Finding]) -> int:
    """提示单 to each vice head on two findings of his area at a time: old ones answered and
    closed, some answered late, some still unanswered past ``reply_due``, the newest open."""
    by_leader: dict[int, list[Finding]] = defaultdict(list)
    for finding in sorted(findings, key=lambda f: f.discovered_on):
        by_leader[finding.responsible_leader_id or 0].append(finding)
    notices: list[tuple[Notice, list[Finding]]] = []
    for leader_findings in by_leader.values():
        for k in range(0, len(leader_findings) - 1, 2):
            pair = leader_findings[k:k + 2]
            issued = pair[-1].discovered_on + timedelta(days=rng.randint(3, 10))
            if issued >= cast.today:
                break
            leader = pair[-1].responsible_leader
            assert leader is not None  # every department has its vice head
            notice = _notice(cast, leader, issued, k // 2)
            notices.append((notice, pair))
    notices.sort(key=lambda n: (n[0].issued_on, n[0].recipient_id))
    last: dict[int, int] = defaultdict(int)
    for notice, _ in notices:
        assert notice.issued_on is not None
        last[notice.issued_on.year] += 1
        notice.year, notice.sequence = notice.issued_on.year, last[notice.issued_on.year]
    Notice.objects.bulk_create([n for n, _ in notices])
    Notice.findings.through.objects.bulk_create([
        Notice.findings.through(notice_id=n.pk, finding_id=f.pk) for n, pair in notices
        for f in pair])
    NoticeCounter.objects.bulk_create([NoticeCounter(year=y, last=n) for y, n in last.items()])
    return len(notices)


def _notice(cast: Cast, recipient: Person, issued: date, turn: int) -> Notice:
    reply_due = add_working_days(start=issued, n=10).due
    notice = Notice(organization=cast.root, recipient=recipient, reply_due=reply_due,
                    status=NoticeStatus.ISSUED, issued_on=issued, created_by=cast.inspector)
    if reply_due >= cast.today:  # still within its time: issued, perhaps acknowledged
        if turn % 2:
            notice.status, notice.acknowledged_at = NoticeStatus.ACKNOWLEDGED, cast.at(issued, 11)
        return notice
    notice.status, notice.acknowledged_at = NoticeStatus.ACKNOWLEDGED, cast.at(issued, 11)
    fate = turn % 4
    if fate == 1:  # acknowledged, never answered: past reply_due
        return notice
    replied = reply_due - timedelta(days=2) if fate != 3 else reply_due + timedelta(days=6)
    replied = min(replied, cast.yesterday)
    notice.status, notice.replied_at = NoticeStatus.REPLIED, cast.at(replied, 16)
    notice.reply_text = "已约谈分管单位主要负责人，督促制定整改措施，明确完成时限。"
    if fate == 0 and replied + timedelta(days=5) < cast.today:
        notice.status, notice.closed_at = NoticeStatus.CLOSED, cast.at(replied + timedelta(days=5))
    return notice


def _self_checks(cast: Cast, rng: random.Random, findings: list[Finding]) -> int:
    """举一反三 on the serious findings: the other units of the same vice head check
    themselves; most answer in time, some late, some not yet."""
    units_of: dict[int, list[Unit]] = defaultdict(list)
    for unit in cast.units:
        units_of[unit.leader.pk].append(unit)
    rows = []
    origins = [f for f in findings if f.severity.name != "一般"][:8]
    for origin in origins:
        due = origin.discovered_on + timedelta(days=20)
        peers = [u for u in units_of[origin.responsible_leader_id or 0]
                 if u.unit.pk != origin.organization.pk][:3]
        for n, peer in enumerate(peers):
            check = SelfCheck(origin=origin, organization=peer.unit, due_on=due)
            answered = due - timedelta(days=rng.randint(1, 10)) if n != 2 else due + timedelta(5)
            if answered < cast.today and (due < cast.today or n == 0):
                check.answer, check.answered_at = SelfCheck.Answer.ABSENT, cast.at(answered, 15)
                check.answer_text = "经对照自查，本单位未发现同类问题，已建立防范机制。"
            rows.append(check)
    SelfCheck.objects.bulk_create(rows)
    return len(rows)


def _accountability(cast: Cast, rng: random.Random, findings: list[Finding],
                    measures: list[Measure]) -> int:
    """The job's 问责建议 for long-overdue measures (every third decided, every third carried
    out), and the inspectors' own cases against leading cadres of serious findings."""
    escalated = [m for m in measures if m.status != MeasureStatus.CLOSED and m.due_on < cast.today
                 and working_days_between(start=m.due_on, end=cast.today).days
                 >= local_settings().accountability_after_working_days]
    cases: list[tuple[Accountability, Finding]] = []
    for n, m in enumerate(escalated):
        case = Accountability(
            organization=m.finding.organization, status=Accountability.Status.PROPOSED,
            reason=f"整改措施“{m.description[:60]}”逾期超过"
                   f"{local_settings().accountability_after_working_days}个工作日未完成")
        proposed_on = add_working_days(start=m.due_on,
                                       n=local_settings().accountability_after_working_days).due
        if n % 3 and proposed_on < cast.yesterday:
            _decide(cast, case, proposed_on, AccountabilityForm.CIRCULAR
                    if n % 3 == 1 else AccountabilityForm.INSPECTION, FourForms.FIRST,
                    complete=n % 3 == 2)
        cases.append((case, m.finding))
    serious = [f for f in findings if f.severity.name == "严重"
               and f.discovered_on < cast.today - timedelta(days=30)][:3]
    forms = [(AccountabilityForm.ADMONITION, FourForms.SECOND),
             (AccountabilityForm.ORGANISATIONAL, FourForms.SECOND),
             (AccountabilityForm.DISCIPLINARY, FourForms.THIRD)]
    for finding, (form, four) in zip(serious, forms, strict=False):
        unit_members = _members(cast, finding)
        case = Accountability(organization=finding.organization,
                              person=unit_members[0] if unit_members else None,
                              reason=f"对{PROBLEMS[finding.category.name]}负有领导责任",
                              status=Accountability.Status.PROPOSED)
        if case.person is None:
            form = AccountabilityForm.CIRCULAR
        _decide(cast, case, finding.discovered_on + timedelta(days=20), form, four,
                complete=form != AccountabilityForm.DISCIPLINARY)
        cases.append((case, finding))
    Accountability.objects.bulk_create([c for c, _ in cases])
    Accountability.findings.through.objects.bulk_create([
        Accountability.findings.through(accountability_id=c.pk, finding_id=f.pk)
        for c, f in cases])
    return len(cases)


def _decide(cast: Cast, case: Accountability, on: date, form: str, four: str,
            complete: bool) -> None:
    """``accountability_decide`` (and ``_complete``): 组织调整 within a month."""
    on = min(on, cast.yesterday)
    case.status, case.form, case.four_forms = Accountability.Status.DECIDED, form, four
    case.decided_on, case.deciding_body = on, "县纪委监委"
    if form == AccountabilityForm.ORGANISATIONAL:
        case.complete_by = add_months(start=on, n=1).due
    if complete:
        done = min(on + timedelta(days=15), cast.yesterday)
        case.status, case.completed_on = Accountability.Status.COMPLETED, done


INSPECTION_ITEMS = [
    (InspectionTopic.CONSTITUTION, "按期召开党组会、按期换届", ItemResult.MET, ""),
    (InspectionTopic.POLITICAL_LIFE, "“三会一课”、民主生活会、民主评议党员落实情况",
     ItemResult.PARTLY, "组织生活会批评与自我批评辣味不足"),
    (InspectionTopic.DEMOCRATIC_CENTRALISM, "“三重一大”事项集体决策", ItemResult.NOT_MET,
     "2项资金安排未经党组会研究"),
]


def _inspection(cast: Cast, terms: dict) -> list[Finding]:
    """督导检查 by the demo vice head of two departments he is in charge of, a fortnight ago,
    with its checklist and the two problems he registered (来源“督导检查”)."""
    vice = cast.units[0].leader  # 县财政局's, the ``vice_head`` account
    user = cast.user_of(vice)
    mine = [u for u in cast.units if u.leader.pk == vice.pk][:2]
    day = cast.today - timedelta(days=14)
    inspection = Inspection.objects.create(
        organizer=vice, organization=common_ancestor([u.unit for u in mine]),
        topics=list(InspectionTopic.values), inspected_on=day, created_by=user,
        report="对分管部门执行党章、党内政治生活准则和落实民主集中制情况开展督导检查，"
               "总体较好，发现问题2个，已责成限期整改。")
    inspection.targets.set([u.unit for u in mine])
    InspectionItem.objects.bulk_create([
        InspectionItem(inspection=inspection, topic=topic, text=text, result=result, note=note)
        for topic, text, result, note in INSPECTION_ITEMS])
    problems = [("组织建设", "较重", "资金安排未经党组会集体研究，“三重一大”制度执行不严"),
                ("思想建设", "一般", "组织生活会批评与自我批评不够深入，辣味不足")]
    rows = [Finding(organization=unit.unit, source=terms[(TermKind.SOURCE, "督导检查")],
                    category=terms[(TermKind.CATEGORY, category)],
                    severity=terms[(TermKind.SEVERITY, severity)],
                    description=f"{unit.unit.name}{text}", discovered_on=day,
                    regulation="《关于新形势下党内政治生活的若干准则》", responsible_leader=vice,
                    raised_by=user, created_by=user, inspection=inspection)
            for unit, (category, severity, text) in zip(
                [mine[0], mine[-1]], problems, strict=True)]
    Finding.objects.bulk_create(rows)
    return rows


def _campaign(cast: Cast, findings: list[Finding]) -> int:
    """专项整治 of 党内政治生活 problems, launched by the inspector this year: the findings of
    political and ideological building and of the 督导检查 belong to it, with the year's plan."""
    grant = cast.inspector.grants.filter(organization__isnull=False).first()
    area = grant.organization if grant is not None and grant.organization else cast.root
    campaign = Campaign.objects.create(
        organization=area,
        name="党内政治生活不规范不严肃不经常问题专项整治",
        starts_on=cast.year_start, ends_on=date(cast.today.year, 12, 31),
        basis="县政府党组党建工作会议：持续加大对党内政治生活不规范不严肃不经常等问题的专项"
              "整治力度", created_by=cast.inspector)
    chosen = [f.pk for f in findings if f.discovered_on >= cast.year_start and (
        f.inspection_id or f.category.name in ("政治建设", "思想建设"))][:12]
    Finding.objects.filter(pk__in=chosen).update(campaign=campaign)
    plan = Plan.objects.filter(organization__path__startswith=cast.root.path).order_by(
        "pk").first()
    if plan is not None:
        CampaignPlan.objects.create(campaign=campaign, plan_id=plan.pk, linked_by=cast.inspector)
    return 1


def _reply_actions(cast: Cast) -> int:
    """The demo vice head's answered 提示单 list what he did (一岗双责): a 约谈提醒 of the unit's
    party secretary or first member, and on every other one a 批评教育 too."""
    vice = cast.units[0].leader
    people = [u.members[0] for u in cast.units if u.leader.pk == vice.pk and u.members]
    answered = Notice.objects.filter(recipient=vice, replied_at__isnull=False).order_by("pk")
    rows = []
    for n, notice in enumerate(answered):
        if not people:
            break
        assert notice.replied_at is not None
        day = min(notice.replied_at.date(), cast.yesterday)
        person = people[n % len(people)]
        rows.append(NoticeAction(notice=notice, kind=ReplyActionKind.TALK, taken_on=day,
                                 person=person, note="约谈单位主要负责人，督促整改"))
        if n % 2 == 0:
            rows.append(NoticeAction(notice=notice, kind=ReplyActionKind.CRITICISM,
                                     taken_on=day, person=person))
    NoticeAction.objects.bulk_create(rows)
    return len(rows)
