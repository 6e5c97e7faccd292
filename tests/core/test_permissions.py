"""The one permission answer: ``dangjian.core.permissions.can`` and the apps' action tables."""

import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.template import Context, Template

from dangjian.access.models import User
from dangjian.core.permissions import UnknownAction, actions, can, require, rule_for
from dangjian.orgs.models import Organization

SRC = Path(__file__).resolve().parents[2] / "src" / "dangjian"
IN_CODE = re.compile(r"\b(?:can|require)\(\s*[\w.]+,\s*\"([\w.]+)\"")
IN_TEMPLATES = re.compile(r"\{%\s*can\s+\"([\w.]+)\"")


def _named_actions() -> set[str]:
    named: set[str] = set()
    for path in SRC.rglob("*.py"):
        named |= set(IN_CODE.findall(path.read_text(encoding="utf-8")))
    for path in SRC.rglob("*.html"):
        named |= set(IN_TEMPLATES.findall(path.read_text(encoding="utf-8")))
    return named


def test_every_action_named_in_services_views_and_templates_is_declared() -> None:
    named = _named_actions()
    assert {"oversight.inspect", "tasks.plan", "duties.record", "members.enter",
            "orglife.enter"} <= named  # the scan finds services and templates alike
    assert named - set(actions()) == set()


def test_an_unknown_action_is_an_error_not_a_silent_no(user: Callable[[str], User]) -> None:
    with pytest.raises(UnknownAction):
        can(user("inspector"), "oversight.inpsect")
    with pytest.raises(UnknownAction):
        Template('{% load permissions %}{% can "nosuch.app" as ok %}').render(
            Context({"request": SimpleNamespace(user=user("inspector"))}))


def test_require_refuses_with_the_apps_chinese_message(user: Callable[[str], User]) -> None:
    require(user("inspector"), "oversight.inspect")
    with pytest.raises(PermissionDenied, match="仅纪检监察人员可以执行此操作"):
        require(user("finance_clerk"), "oversight.inspect")


def test_may_manage_and_may_plan_are_one_predicate() -> None:
    assert rule_for("duties.manage").allows is rule_for("tasks.plan").allows


def test_the_template_tag_gives_the_services_answer(
    user: Callable[[str], User], org: Callable[[str], Organization],
) -> None:
    finance = org("县财政局党组")
    page = Template('{% load permissions %}{% can "tasks.plan" unit as ok %}{{ ok }}')
    for name, expected in [("finance_clerk", True), ("county_head", True), ("member", False),
                           ("edu_clerk", False)]:
        actor = user(name)
        shown = page.render(Context({"request": SimpleNamespace(user=actor), "unit": finance}))
        assert shown == str(expected)
        assert can(actor, "tasks.plan", finance) is expected


def test_roles_and_grants_are_read_once_per_request(
    user: Callable[[str], User], django_assert_num_queries: Callable[..., Any],
) -> None:
    inspector = user("inspector")
    assert can(inspector, "oversight.inspect")
    with django_assert_num_queries(0):
        assert can(inspector, "oversight.inspect")
        assert not can(inspector, "members.enter", SimpleNamespace(path="0001"))
