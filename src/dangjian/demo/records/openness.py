"""党务政务公开 of the demo county: a catalogue for 县财政局 and 县教育局, and disclosures in
every state (a draft, one in 保密审查, one awaiting 审批, approved, published on time and late,
withdrawn, one overdue), one answered and one open public message, and 依申请公开 requests
of which one is overdue. Deterministic: no random choice."""

import random
from datetime import date, timedelta

from dangjian.access.models import User
from dangjian.calendar.services import add_working_days
from dangjian.core.crypto import encrypt_field
from dangjian.openness.models import (
    CatalogueItem,
    Decision,
    Disclosure,
    DisclosureRequest,
    DisclosureStatus,
    Feedback,
)
from dangjian.openness.services.deadlines import due_for

from .cast import Cast

S = DisclosureStatus
CATALOGUE = (  # domain, content, audience, cadence, working days, channel, basis
    ("党务", "党费收缴、使用和管理情况", "党内", "每年", None, "会议",
     "《中国共产党党务公开条例（试行）》"),
    ("党务", "发展党员公示", "向社会", "随时", None, "公开栏",
     "《中国共产党党务公开条例（试行）》"),
    ("政务", "部门预算、决算", "向社会", "事项形成后", 20, "网站",
     "《中华人民共和国政府信息公开条例》第二十六条"),
    ("财务", "单位财务收支情况", "本单位", "每季", None, "公开栏", ""),
)
# title, catalogue line, status, days before today the matter formed, published late
DISCLOSURES = (
    ("{unit}2026年部门预算", 2, S.PUBLISHED, 60, False),
    ("{unit}发展党员对象公示", 1, S.PUBLISHED, 30, True),
    ("{unit}第三季度财务收支", 3, S.APPROVED, 50, False),
    ("{unit}发展预备党员公示", 1, S.APPROVAL, 4, False),
    ("{unit}2025年度党费收缴使用情况", 0, S.REVIEW, 3, False),
    ("{unit}2025年部门决算", 2, S.DRAFT, 2, False),
    ("{unit}错误数据的公开", 2, S.WITHDRAWN, 45, False),
)


def _disclosure(cast: Cast, unit_index: int, row: tuple, drafter: User, approver: User
                ) -> Disclosure:
    title, line, status, ago, late = row
    unit = cast.units[unit_index].unit
    item = CatalogueItem.objects.get(organization=unit, content=CATALOGUE[line][1])
    matter_on = cast.today - timedelta(days=ago)
    deadline = due_for(item.cadence, matter_on, item.working_days)
    done = status in (S.PUBLISHED, S.WITHDRAWN)
    published = None
    if done:
        published = min(cast.today, deadline.due + timedelta(days=3) if late else matter_on +
                        timedelta(days=2))
    return Disclosure.objects.create(
        organization=unit, item=item, domain=item.domain, title=title.format(unit=unit.name),
        body=f"{unit.name}按照公开目录公开“{item.content}”，欢迎监督。",
        audience=item.audience, channel=item.channel, matter_on=matter_on, due_on=deadline.due,
        due_provisional=deadline.provisional, status=status, drafted_by=drafter,
        reviewed_by=approver if status not in (S.DRAFT, S.REVIEW) else None,
        approved_by=approver if status in (S.APPROVED, S.PUBLISHED, S.WITHDRAWN) else None,
        published_on=published, url="https://www.example.gov.cn/gk/" if done else "",
        withdrawn_reason="数据有误，更正后重新公开" if status == S.WITHDRAWN else "",
        withdrawn_on=cast.yesterday if status == S.WITHDRAWN else None)


def generate(cast: Cast, rng: random.Random) -> dict[str, int]:
    approvers = {0: User.objects.get(username="finance_secretary"), 1: cast.history}
    for index in (0, 1):
        unit, clerk = cast.units[index].unit, cast.clerk(cast.units[index].unit)
        for domain, content, audience, cadence, days, channel, basis in CATALOGUE:
            CatalogueItem.objects.create(
                organization=unit, year=cast.today.year, domain=domain, content=content,
                audience=audience, cadence=cadence, working_days=days, channel=channel,
                basis=basis, created_by=clerk)
        for row in DISCLOSURES:
            _disclosure(cast, index, row, clerk, approvers[index])
    public = Disclosure.objects.filter(status=S.PUBLISHED, audience="向社会",
                                       organization=cast.units[0].unit).order_by("id")
    first = public.first()
    assert first is not None
    asked_on = cast.today - timedelta(days=20)
    Feedback.objects.create(
        disclosure=first, text="预算中的“三公”经费能否单独列出？", address_hash="demo",
        answer_due=add_working_days(start=asked_on, n=10).due,
        answer="已在附表三单独列出，欢迎查阅。",
        answered_on=asked_on + timedelta(days=5), answered_by=cast.clerk(cast.units[0].unit))
    Feedback.objects.create(
        disclosure=first, text="建议同时公开项目绩效目标。", address_hash="demo",
        contact_encrypted=encrypt_field("13800001234"), contact_masked="138****1234",
        answer_due=add_working_days(start=cast.yesterday, n=10).due)
    _requests(cast)
    return {"catalogue_items": CatalogueItem.objects.count(),
            "disclosures": Disclosure.objects.count(),
            "disclosure_requests": DisclosureRequest.objects.count()}


def _requests(cast: Cast) -> None:
    unit, clerk = cast.units[0].unit, cast.clerk(cast.units[0].unit)
    rows = ((40, Decision.DISCLOSED, "申请公开某专项资金拨付明细"),
            (35, "", "申请公开政府采购项目合同"),  # unanswered past 20 working days: red
            (5, "", "申请公开本年度行政事业性收费标准"))
    for ago, decision, content in rows:
        received: date = cast.today - timedelta(days=ago)
        due = add_working_days(start=received, n=20).due
        DisclosureRequest.objects.create(
            organization=unit, applicant="演示申请人", content=content, received_on=received,
            due_on=due, decision=decision,
            decided_on=received + timedelta(days=14) if decision else None, created_by=clerk)
