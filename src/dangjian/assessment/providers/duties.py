"""Provider reading 责任清单 (duties): the share of the year's duty items met, as the duties
app's own list view judges them (evidence the platform holds plus fulfilments recorded)."""

from typing import Any

from dangjian.duties.kinds import State
from dangjian.duties.selectors import list_view, lists_for
from dangjian.orgs.models import Organization

from . import KEYS, Outcome, Period, Provider, register
from .common import Reader, as_of, rate_points, rate_text, refs, unit_of


def items_completion(target: Organization, period: Period, params: dict[str, Any]) -> Outcome:
    """Items 已完成 over items done, due or overdue (an "as it arises" item with nothing
    arising counts for nothing) in the lists of the unit's subtree for the period's year."""
    unit = unit_of(target)
    reader = Reader(unit)
    judged = as_of(period, params)
    done = counted = 0
    items: list[int] = []
    missed: list[int] = []
    for rlist in lists_for(reader).filter(year=period.end.year).order_by("id"):
        for view in list_view(rlist, reader, today=judged).items:
            state = view.progress.state
            if state == State.NOT_ARISEN:
                continue
            counted += 1
            items.append(view.item.pk)
            if state == State.DONE:
                done += 1
            else:
                missed.append(view.item.pk)
    rate, points = rate_points(done, counted, params)
    return Outcome({"done": done, "items": counted, "rate": rate_text(rate),
                    "missed": missed[:100]}, points,
                   refs("duties.ResponsibilityItem", items))


register(Provider("duties.items_completion", KEYS["duties.items_completion"],
                  frozenset({"AUTO"}), items_completion))
