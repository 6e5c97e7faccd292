"""What waits in the assessment (党建考核) for the 工作台: appeals for the assessor, schemes
awaiting the county leader's approval. Counted through the list pages themselves."""

from typing import Any

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.core.workbench import Kind, Todo, register_todo

from .models import Appeal
from .pages import AppealList, SchemeList


def todos(user: Any) -> list[Todo]:
    roles, found = roles_of(user), []
    if Role.ASSESSOR in roles:
        found += [
            register_todo(Kind.REPLY, "考核复核待受理", AppealList, user,
                          {"status": Appeal.Status.RAISED}),
            register_todo(Kind.REPLY, "考核复核待作出结论", AppealList, user,
                          {"status": Appeal.Status.ACCEPTED}),
        ]
    if Role.COUNTY_LEADER in roles:
        found.append(register_todo(Kind.APPROVE, "考核结果待审定", SchemeList, user,
                                   {"awaiting_leader": "true"}))
    return found
