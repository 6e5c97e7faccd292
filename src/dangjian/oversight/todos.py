"""What waits in the oversight loop (监督整改) for each role, for the 工作台.

Each count is the list page's own FilterSet over the list page's own rows, run with the very
query string the link carries: the number on the workbench is the number the list shows."""

from datetime import timedelta
from typing import Any

import django_filters
from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.core.permissions import can
from dangjian.core.workbench import Kind, Todo

from . import selectors
from .filtersets import (
    AccountabilityFilterSet,
    MeasureFilterSet,
    NoticeFilterSet,
    SelfCheckFilterSet,
)
from .models import Accountability, MeasureStatus, NoticeStatus
from .services.lights import RED

UNIT_ROLES = {Role.UNIT_CLERK, Role.UNIT_SECRETARY}


class _Asker:
    """What a FilterSet reads from a request: the user."""

    def __init__(self, user: Any) -> None:
        self.user = user


def _todo(user: Any, kind: str, label: str, page: str, filterset: type[django_filters.FilterSet],
          rows: QuerySet[Any], **params: Any) -> Todo:
    query = QueryDict(mutable=True)
    query.update({key: str(value) for key, value in params.items()})
    found = filterset(query, queryset=rows, request=_Asker(user))
    count = found.qs.count() if found.is_valid() else 0
    return Todo(kind=kind, label=label, count=count,
                url=f"{reverse(f'oversight:{page}')}?{query.urlencode()}")


def todos(user: Any) -> list[Todo]:
    roles = roles_of(user)
    found: list[Todo] = []
    if roles & UNIT_ROLES:
        measures = selectors.measures_for(user)
        today = timezone.localdate()
        found += [
            _todo(user, Kind.REPORT, "整改措施待报送进展", "measure_list", MeasureFilterSet,
                  measures, status=MeasureStatus.PENDING),
            _todo(user, Kind.REPLY, "举一反三自查待反馈", "selfcheck_list", SelfCheckFilterSet,
                  selectors.self_checks_for(user), answered="false"),
            _todo(user, Kind.DUE, "整改措施本周到期", "measure_list", MeasureFilterSet, measures,
                  open=1, due_from=today.isoformat(),
                  due_to=(today + timedelta(days=6)).isoformat()),
            _todo(user, Kind.OVERDUE, "整改措施已逾期", "measure_list", MeasureFilterSet,
                  measures, light=RED),
        ]
    if can(user, "oversight.inspect"):
        notices = selectors.notices_for(user)
        found += [
            _todo(user, Kind.VERIFY, "整改措施待核查", "measure_list", MeasureFilterSet,
                  selectors.measures_for(user), status=MeasureStatus.SUBMITTED),
            _todo(user, Kind.APPROVE, "提示单待签发", "notice_list", NoticeFilterSet, notices,
                  status=NoticeStatus.DRAFT),
            _todo(user, Kind.APPROVE, "提示单已回复待办结", "notice_list", NoticeFilterSet,
                  notices, status=NoticeStatus.REPLIED),
            _todo(user, Kind.APPROVE, "问责建议待决定", "accountability_list",
                  AccountabilityFilterSet, selectors.accountability_for(user),
                  status=Accountability.Status.PROPOSED),
        ]
    if getattr(user, "person_id", None):
        notices = selectors.notices_for(user)
        found += [
            _todo(user, Kind.SIGN, "提示单待签收", "notice_list", NoticeFilterSet, notices,
                  status=NoticeStatus.ISSUED, mine=1),
            _todo(user, Kind.REPLY, "提示单待回复", "notice_list", NoticeFilterSet, notices,
                  status=NoticeStatus.ACKNOWLEDGED, mine=1),
        ]
    return found
