"""What waits in the oversight loop (监督整改) for each role, for the 工作台.

Each count is the list page's own rows through its own FilterSet with the very query the link
carries (``core.workbench.register_todo``): the workbench number is the number the list shows."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.core.permissions import can
from dangjian.core.workbench import Kind, Todo, register_todo

from .models import Accountability, MeasureStatus, NoticeStatus
from .pages import AccountabilityList, FindingList, MeasureList, NoticeList, SelfCheckList
from .services.lights import RED

UNIT_ROLES = {Role.UNIT_CLERK, Role.UNIT_SECRETARY}


def todos(user: Any) -> list[Todo]:
    found: list[Todo] = []
    if roles_of(user) & UNIT_ROLES:
        today = timezone.localdate()
        found += [
            register_todo(Kind.REPORT, "整改措施待报送进展", MeasureList, user,
                          {"status": MeasureStatus.PENDING}),
            register_todo(Kind.REPLY, "举一反三自查待反馈", SelfCheckList, user,
                          {"answered": "false"}),
            register_todo(Kind.DUE, "整改措施本周到期", MeasureList, user,
                          {"open": 1, "due_from": today.isoformat(),
                           "due_to": (today + timedelta(days=6)).isoformat()}),
            register_todo(Kind.OVERDUE, "整改措施已逾期", MeasureList, user, {"light": RED}),
        ]
    if can(user, "oversight.inspect"):
        found += [
            register_todo(Kind.VERIFY, "整改措施待核查", MeasureList, user,
                          {"status": MeasureStatus.SUBMITTED}),
            register_todo(Kind.APPROVE, "提示单待签发", NoticeList, user,
                          {"status": NoticeStatus.DRAFT}),
            register_todo(Kind.APPROVE, "提示单已回复待办结", NoticeList, user,
                          {"status": NoticeStatus.REPLIED}),
            register_todo(Kind.APPROVE, "问责建议待决定", AccountabilityList, user,
                          {"status": Accountability.Status.PROPOSED}),
            register_todo(Kind.VERIFY, "问题待回头看", FindingList, user, {"recheck_due": 1}),
        ]
    if getattr(user, "person_id", None):
        found += [
            register_todo(Kind.SIGN, "提示单待签收", NoticeList, user,
                          {"status": NoticeStatus.ISSUED, "mine": 1}),
            register_todo(Kind.REPLY, "提示单待回复", NoticeList, user,
                          {"status": NoticeStatus.ACKNOWLEDGED, "mine": 1}),
        ]
    return found
