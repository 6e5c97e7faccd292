"""本月待办: once a month each branch's clerk and secretary are told, through the notification
channel, what falls due this month — monthly meetings not yet held, development steps due,
and the festival visits (七一、春节) when their season comes.

It lives in orglife, not notifications, by what it reads: orglife's meeting rules and rollups
(the notice is the branch's 组织生活待办 and links to /orglife/), the branches and scope of
access, and members' development deadlines. ``notifications`` sits in the bottom layer and
knows nothing of people, roles or meetings; it is only the channel this module writes through.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.scoping import restrict
from dangjian.members.models import Candidate
from dangjian.members.services.due import next_due
from dangjian.notifications.services import notify
from dangjian.orglife.models import MeetingRollup
from dangjian.orglife.rules import AppliesWhen, Period
from dangjian.orglife.rules import local_settings as orglife_settings
from dangjian.orgs.models import Organization, OrgKind

# Months in which the campaigns of 走访慰问 fall (春节 in January–February, 七一 in June–July).
VISIT_SEASONS = {1: "春节", 2: "春节", 6: "七一", 7: "七一"}
CANDIDATES_PER_USER = 200  # each next_due costs a query or two: a clerk's own branches only


@dataclass
class MonthlyDue:
    meetings: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    steps: list[str] = field(default_factory=list)
    visit_season: str = ""

    def __bool__(self) -> bool:
        return bool(self.meetings or self.steps or self.visit_season)

    def text(self, month: int) -> str:
        lines = [f"{branch}：本月尚未召开{'、'.join(kinds)}" for branch, kinds in
                 sorted(self.meetings.items())]
        lines += self.steps
        if self.visit_season:
            lines.append(f"{self.visit_season}走访慰问老党员、困难党员，请安排并登记")
        return f"{month}月待办：\n" + "\n".join(lines)


def meetings_not_held(branches: list[Organization], today: date) -> dict[str, list[str]]:
    """Monthly meetings (主题党日 …) that a branch has not yet held this month."""
    rules = [r for r in orglife_settings().rules_for(OrgKind.BRANCH)
             if r.period is Period.MONTH and r.applies_when is AppliesWhen.ALWAYS]
    held = {(r.organization_id, r.kind): r for r in MeetingRollup.objects.filter(
        organization__in=branches, year=today.year, kind__in=[r.kind for r in rules])}
    missing: dict[str, list[str]] = defaultdict(list)
    for branch in branches:
        for rule in rules:
            rollup = held.get((branch.pk, rule.kind))
            if rollup is None or not rollup.held_in(today.month):
                missing[branch.name].append(rule.kind)
    return missing


def steps_due(user: Any, today: date) -> list[str]:
    """Development steps whose deadline falls in this month (or has passed)."""
    month_end = date(today.year + today.month // 12, today.month % 12 + 1, 1)
    candidates = restrict(Candidate.objects.filter(closed_on__isnull=True), user)
    lines = []
    for candidate in candidates.select_related("person")[:CANDIDATES_PER_USER]:
        for item in next_due(candidate, today):
            if item.due is not None and item.due < month_end:
                late = "（已逾期）" if item.overdue else ""
                lines.append(f"{candidate.person.name}：{item.name}，"
                             f"期限{item.due:%Y年%m月%d日}{late}")
    return lines


def monthly_due(user: Any, today: date) -> MonthlyDue:
    branches = list(restrict(Organization.objects.filter(kind=OrgKind.BRANCH), user))
    return MonthlyDue(meetings=meetings_not_held(branches, today),
                      steps=steps_due(user, today),
                      visit_season=VISIT_SEASONS.get(today.month, "") if branches else "")


def remind_monthly(*, today: date | None = None) -> int:
    """One notice a month to each unit clerk and secretary with something due; idempotent."""
    today = today or timezone.localdate()
    sent = 0
    users = User.objects.filter(is_active=True, grants__role__in=[
        Role.UNIT_CLERK, Role.UNIT_SECRETARY]).distinct()
    for user in users:
        due = monthly_due(user, today)
        if due and notify(recipient=user, kind="monthly.due", title=f"{today.month}月组织生活待办",
                          body=due.text(today.month), dedupe_key=f"monthly:{today:%Y-%m}",
                          link="/orglife/"):
            sent += 1
    return sent


def run_daily() -> int:
    """Entry point for the daily jobs: sends only on the first run of each month."""
    return remind_monthly()
