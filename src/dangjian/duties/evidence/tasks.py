"""Proof from task supervision, read through tasks.selectors."""

from django.utils import timezone

from dangjian.tasks.selectors import completed_in, overdue_in, plans_confirmed_in

from .registry import Evidence, Fact, Subject, provider


@provider("tasks.plans", "工作部署（讲话、要点、方案）的确认")
def plans_deployed(subject: Subject) -> Evidence:
    """Work deployed in the unit in the year: each plan confirmed into tasks. A leader's
    own list (亲自部署) counts only the plans the leader entered, never a clerk's import of a
    breakdown table."""
    where = {"organization__path__startswith": subject.unit.path}
    if subject.person is not None:
        where["created_by__person"] = subject.person
    plans = plans_confirmed_in(subject.viewer, subject.start, subject.end, **where)
    return Evidence(facts=[
        Fact(timezone.localtime(p.deployed_at).date(), f"部署《{p.title}》",  # type: ignore[attr-defined]
             "工作部署", f"/tasks/plans/{p.pk}/") for p in plans])


@provider("tasks.tasks", "督办任务的办结")
def tasks_completed(subject: Subject) -> Evidence:
    """A leader's tasks (or, for the body, the unit's) completed, and those overdue."""
    where = ({"leader": subject.person} if subject.person is not None
             else {"lead_unit__path__startswith": subject.unit.path})
    done = completed_in(subject.viewer, subject.start, subject.end, **where)
    late = overdue_in(subject.viewer, subject.today, **where)
    return Evidence(
        facts=[Fact(t.completed_on, f"办结：{t.title}", "督查督办", "/tasks/")
               for t in done if t.completed_on],
        owed_late=[Fact(t.due_on, f"逾期：{t.title}", "督查督办", "/tasks/") for t in late])
