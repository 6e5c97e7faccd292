"""The task lifecycle as an explicit map of allowed moves; anything else is refused by name."""

from django.core.exceptions import ValidationError

from ..models import Task, TaskStatus

S = TaskStatus
TRANSITIONS: dict[str, set[str]] = {
    S.NOT_STARTED: {S.IN_PROGRESS, S.OVERDUE, S.WITHDRAWN},
    S.IN_PROGRESS: {S.DONE, S.OVERDUE, S.WITHDRAWN},
    # An overdue task is finished late, or goes back when its deadline is moved later.
    S.OVERDUE: {S.DONE, S.IN_PROGRESS, S.NOT_STARTED, S.WITHDRAWN},
    S.DONE: set(),
    S.WITHDRAWN: set(),
}


def check_move(current: str, new: str) -> None:
    if new not in TRANSITIONS.get(current, set()):
        raise ValidationError(f"任务不能从“{current}”变为“{new}”")


def move(task: Task, new: str) -> None:
    check_move(task.status, new)
    task.status = new
