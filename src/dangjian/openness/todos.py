"""What waits in 公开 for the 工作台: the public's messages to answer, and those past their
answer deadline (working days, ``rules.LocalSettings.feedback_answer_working_days``), for the
unit's clerk and secretary. Counted through the 群众留言 list itself."""

from typing import Any

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.core.workbench import Kind, Todo, register_todo

from .pages import FeedbackList


def todos(user: Any) -> list[Todo]:
    if not roles_of(user) & {Role.UNIT_CLERK, Role.UNIT_SECRETARY}:
        return []
    return [
        register_todo(Kind.REPLY, "群众留言待答复", FeedbackList, user, {"answered": "false"}),
        register_todo(Kind.OVERDUE, "群众留言逾期未答复", FeedbackList, user, {"overdue": "true"}),
    ]
