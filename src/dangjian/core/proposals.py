"""Accountability proposals (问责建议) raised by apps that may not import oversight.

Duties (责任事项年终未完成) and tasks (督查任务逾期) are oversight's siblings: the layer contract
keeps them independent. Oversight keeps the 问责 register, so it connects the one handler from
its ``AppConfig.ready``; a sibling raises a proposal through this module, which sits in the
bottom layer and knows nothing of either side::

    # oversight/apps.py
    proposals.connect(propose_from_source)
    # tasks/services/reminders.py
    proposals.propose(Proposal(organization=unit, reason=..., source=f"tasks.task:{pk}:{due}"))

``source`` names what the proposal answers, once: the handler opens at most one case per
source (a unique constraint), so a daily job run twice, or two workers at once, open one."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import crossings


@dataclass(frozen=True)
class Proposal:
    organization: Any  # orgs.Organization: the organisation called to account
    reason: str  # 事由, in Chinese, as the inspectors read it
    source: str  # what it answers, unique: "duties.list:12:2025", "tasks.task:7:2026-11-02"
    person: Any = None  # people.Person: a leading cadre, when the proposal names one


_CROSSING = "oversight.accountability_proposal"


def connect(handler: Callable[[Proposal], bool]) -> None:
    """Oversight's handler, offered as a crossing (core.crossings): one provider, by name."""
    crossings.provide(_CROSSING, handler)


def propose(proposal: Proposal) -> bool:
    """Open the proposal unless its source already has one; True when opened."""
    if not proposal.source or not proposal.reason.strip():
        raise ValueError("a proposal names its source and its reason")
    return bool(crossings.call(_CROSSING, proposal=proposal))
