"""``core.proposals``: the bottom-layer hand-off of sibling apps' 问责建议 to oversight."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from dangjian.core import crossings, proposals
from dangjian.core.proposals import Proposal, propose
from dangjian.oversight.models import Accountability


def test_oversight_connects_its_handler_at_start_up() -> None:
    from dangjian.oversight.services.accountability import propose_from_source

    assert crossings._PROVIDERS[proposals._CROSSING] is propose_from_source


@pytest.mark.django_db
def test_one_case_per_source(org: Callable[[str], Any]) -> None:
    unit = org("县财政局")
    first = propose(Proposal(organization=unit, reason="测试事由", source="test:1"))
    second = propose(Proposal(organization=unit, reason="测试事由", source="test:1"))
    assert (first, second) == (True, False)
    assert Accountability.objects.filter(source="test:1").count() == 1


def test_a_proposal_without_source_or_reason_is_refused() -> None:
    with pytest.raises(ValueError):
        propose(Proposal(organization=None, reason="事由", source=""))
    with pytest.raises(ValueError):
        propose(Proposal(organization=None, reason=" ", source="x:1"))


def test_unconnected_it_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossings, "_PROVIDERS", {})
    with pytest.raises(ImproperlyConfigured):
        propose(Proposal(organization=None, reason="事由", source="x:1"))
