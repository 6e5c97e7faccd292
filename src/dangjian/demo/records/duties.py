"""责任清单 of the year: the government party group's, its secretary's and vice heads', and
each department party group's, from the template, with some duties recorded as done."""

import random
from datetime import date, timedelta

from dangjian.access.models import User
from dangjian.duties.cadence import spans
from dangjian.duties.catalogue import items_for
from dangjian.duties.kinds import Holder, Period
from dangjian.duties.models import Fulfilment, ResponsibilityItem, ResponsibilityList
from dangjian.duties.services.lists import title_of

from .cast import Cast

# 本单位细化: a monthly duty, so that a month missed shows as 逾期 however early in the year.
LOCAL_ITEM = ("每月向分管县领导报送本单位党建工作动态", "本单位细化", "党建工作动态")
DONE_TEXT = {
    "org.study": "党组会议专题研究全面从严治党工作，部署本季度重点任务",
    "org.report": "向县委书面报告履行全面从严治党主体责任情况",
    "sec.ask": "听取机关党委、各支部党建工作汇报，研究解决存在问题",
    "sec.coordinate": "召开协调会，解决基层党建经费保障问题",
    "sec.account": "在党组扩大会议上述责述廉",
    "mem.deploy": "分管领域业务工作会议同步部署党建工作",
    "mem.guide": "听取分管单位党建工作汇报并提出要求",
    "mem.account": "在党组扩大会议上述责述廉",
}


def generate(cast: Cast, rng: random.Random) -> dict[str, int]:
    lists = [(cast.group, None, Holder.ORGANIZATION, cast.county_head),
             (cast.group, cast.county_head.person, Holder.SECRETARY, cast.county_head)]
    lists += [(cast.group, vice, Holder.MEMBER, cast.user_of(vice)) for vice in cast.vice_heads]
    lists += [(u.party, None, Holder.ORGANIZATION, cast.clerk(u.unit)) for u in cast.units]
    # the 县财政局党组 secretary's own list (第一责任人): his 党课 and 听取汇报 proven from meetings
    secretary = _secretary(cast)
    if secretary is not None:
        lists.append((cast.units[0].party, secretary.person, Holder.SECRETARY, secretary))
    rows = [ResponsibilityList(organization=org, person=person, holder=holder,
                               year=cast.today.year, created_by=user,
                               title=title_of(org, person, holder, cast.today.year))
            for org, person, holder, user in lists]
    ResponsibilityList.objects.bulk_create(rows)
    items = [item for rlist in rows for item in _items(rlist)]
    ResponsibilityItem.objects.bulk_create(items)
    fulfilments = [f for item in items for f in _fulfilments(cast, rng, item)]
    Fulfilment.objects.bulk_create(fulfilments)
    return {"duties.lists": len(rows), "duties.items": len(items),
            "duties.fulfilments": len(fulfilments)}


def _secretary(cast: Cast) -> User | None:
    user = User.objects.filter(is_demo=True, username="finance_secretary").first()
    return user if user is not None and user.person_id else None


def _items(rlist: ResponsibilityList) -> list[ResponsibilityItem]:
    """The template's items, as ``responsibility_list_create`` copies them, and for a body
    one local monthly item (``item_add``)."""
    items = [ResponsibilityItem(
        list=rlist, template_key=t.key, category=t.category, text=t.text,
        citation=t.rule.citation, citation_status=t.rule.status, period=t.period,
        times=t.count(), evidence_hint=t.evidence, provider=t.provider, order=n)
        for n, t in enumerate(items_for(rlist.holder), 1)]
    if rlist.person_id is None:
        text, category, hint = LOCAL_ITEM
        items.append(ResponsibilityItem(list=rlist, category=category, text=text,
                                        period=Period.MONTH, times=1, evidence_hint=hint,
                                        order=len(items) + 1))
    return items


def _fulfilments(cast: Cast, rng: random.Random, item: ResponsibilityItem) -> list[Fulfilment]:
    """Hand records for the duties no provider proves: most spans met, some short."""
    if item.provider or item.period == Period.ONGOING or cast.today <= cast.year_start:
        return []
    recorder = item.list.created_by
    dates: list[date] = []
    for span in spans(item.list.year, item.period):
        if span.start > cast.yesterday:
            break
        ended = span.end < cast.today
        # An ended month is met four times in five; a year's count is met or partly met.
        wanted = item.times if rng.random() < (0.8 if ended else 0.5) else rng.randint(
            0, item.times - 1)
        last = min(span.end, cast.yesterday)
        dates += [span.start + timedelta(days=rng.randint(0, (last - span.start).days))
                  for _ in range(wanted)]
    text = DONE_TEXT.get(item.template_key, "报送本单位党建工作动态")
    return [Fulfilment(item=item, done_on=day, description=text, recorded_by=recorder)
            for day in sorted(dates)]

