"""Providers (数据来源): each computes one AUTO or DEDUCTION indicator from records the platform
already holds, read through the domain apps' selectors. An indicator names a provider by key.

Contract (issue 12): ``REGISTRY[key]`` is a ``Provider``; ``compute(target, period, params)``
returns an ``Outcome`` with the raw value, the points and the ids of the records it came from.
A provider that counts uploads, photos, notes or meetings for their own sake is marked
``formalism`` and the scheme editor refuses it (rules.NO_FORMALISM).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from dangjian.orgs.models import Organization


@dataclass(frozen=True)
class Period:
    label: str  # "2026", "2026-Q3", "2026-07"
    start: Any  # date
    end: Any  # date, inclusive


@dataclass
class Outcome:
    raw_value: Any  # JSON: e.g. {"held": 40, "required": 42, "rate": "0.95"}
    points: Decimal
    basis: list[dict[str, Any]] = field(default_factory=list)  # [{"model": "app.Model", "id": n}]


@dataclass(frozen=True)
class Provider:
    key: str
    label: str  # shown in the scheme editor, Chinese
    methods: frozenset[str]  # Method values it may serve (AUTO, DEDUCTION)
    compute: Callable[[Organization, Period, dict[str, Any]], Outcome]
    formalism: str = ""  # non-empty: what it counts for its own sake (refused, with the rule)


REGISTRY: dict[str, Provider] = {}

# The keys the demo scheme and the tests rely on (implemented in this package's modules).
KEYS = {
    "orglife.meetings_completion": "“三会一课”完成率（应开/实开）",
    "orglife.structure_gaps": "组织设置缺项（支委、届次）",
    "duties.items_completion": "责任清单事项完成率",
    "tasks.closed_on_time": "督办任务按期办结率",
    "tasks.reports_on_time": "进展按期报送率",
    "oversight.measures_on_time": "整改措施按期完成（扣除问责升级）",
    "oversight.notices_answered_on_time": "提示单按期回复率",
    "oversight.selfchecks_on_time": "举一反三按期回复率",
    "oversight.repeat_findings": "屡查屡犯（扣分）",
    "oversight.accountability": "被问责情况（按问责方式加权扣分）",
    "members.steps_overdue": "发展党员环节超期（扣分）",
    "members.study_coverage": "党员学习覆盖率（全体正式、预备党员）",
}


def register(provider: Provider) -> None:
    REGISTRY[provider.key] = provider


def find(key: str) -> Provider | None:
    return REGISTRY.get(key)


# The providers register themselves; imported last, as they import this module's names.
from . import duties, members, orglife, oversight, tasks  # noqa: E402, F401
