"""Progress computed from what the platform already holds, through evidence providers."""

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
import time_machine
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.core import evidence as evidence_registry
from dangjian.duties.evidence import Evidence, Fact, Subject, provider, registered
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Notice
from dangjian.oversight.services.findings import finding_create
from dangjian.oversight.services.notices import (
    notice_acknowledge,
    notice_create,
    notice_issue,
    notice_reply,
)
from dangjian.tasks.models import Task, TaskStatus

from .conftest import item_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def vice_list(make_list: Callable[..., dict], user: Callable[[str], User],
              org: Callable[[str], Organization]) -> Callable[[], dict]:
    created = make_list(org("示范县人民政府党组"), person=user("vice_head").person_id,
                        username="vice_head")

    def fresh() -> dict:
        client = APIClient()
        client.force_authenticate(user("vice_head"))
        return client.get(f"/api/v1/responsibility-lists/{created['id']}/").json()

    return fresh


def _notice(user: Callable[[str], User], today: date, reply_in: int = 5) -> Notice:
    inspector = user("inspector")
    finding = finding_create(
        actor=inspector, organization=Organization.objects.get(name="县财政局"),
        source="巡察反馈", category="资金监管", severity="一般", description="专项资金监管不严",
        discovered_on=today - timedelta(days=3))
    notice = notice_create(actor=inspector, recipient=user("vice_head").person,
                           findings=[finding], reply_due=today + timedelta(days=reply_in))
    return notice_issue(actor=inspector, notice=notice)


def test_a_notice_answered_counts_for_the_vice_heads_duty(
    vice_list: Callable[[], dict], user: Callable[[str], User], today: date,
) -> None:
    assert item_of(vice_list(), "mem.notices")["progress"]["state"] == "无事项"
    notice = _notice(user, today)
    notice_acknowledge(actor=user("vice_head"), notice=notice)
    notice_reply(actor=user("vice_head"), notice=notice, text="已约谈县财政局党组书记")
    item = item_of(vice_list(), "mem.notices")
    assert item["progress"]["state"] == "已完成" and item["progress"]["done"] == 1
    assert item["facts"][0]["source"] == "监督工作提示单" and "已回复" in item["facts"][0]["text"]
    assert item["source"] == "监督工作提示单的签收回复"


def test_a_notice_left_unanswered_past_its_date_is_overdue(
    make_list: Callable[..., dict], user: Callable[[str], User],
    org: Callable[[str], Organization], api_as: Callable[[str], APIClient], today: date,
) -> None:
    late_on = today - timedelta(days=1)  # on 1 January, a day of last year's list
    created = make_list(org("示范县人民政府党组"), person=user("vice_head").person_id,
                        username="vice_head", year=late_on.year)
    notice = _notice(user, today)
    Notice.objects.filter(pk=notice.pk).update(reply_due=late_on)
    rlist = api_as("vice_head").get(f"/api/v1/responsibility-lists/{created['id']}/").json()
    item = item_of(rlist, "mem.notices")
    assert item["progress"]["state"] == "逾期" and "逾期未回复" in item["late"][0]["text"]


def test_a_notice_late_next_year_is_not_late_in_this_years_list(
    vice_list: Callable[[], dict], user: Callable[[str], User], today: date,
) -> None:
    notice = _notice(user, today)
    Notice.objects.filter(pk=notice.pk).update(reply_due=date(today.year + 1, 1, 2))
    with time_machine.travel(date(today.year + 1, 1, 3), tick=False):
        item = item_of(vice_list(), "mem.notices")
    assert item["progress"]["state"] != "逾期" and item["late"] == []


def test_tasks_completed_and_overdue_count_for_the_leader(
    vice_list: Callable[[], dict], deploy: Callable[..., dict], speech: str, today: date,
) -> None:
    plan = deploy(speech)
    tasks = Task.objects.filter(plan_id=plan["id"]).order_by("number")
    Task.objects.filter(pk=tasks[0].pk).update(status=TaskStatus.DONE, completed_on=today)
    assert item_of(vice_list(), "mem.tasks")["progress"]["state"] == "已完成"
    Task.objects.filter(pk=tasks[1].pk).update(due_on=today - timedelta(days=1))
    item = item_of(vice_list(), "mem.tasks")
    assert item["progress"]["state"] == "逾期" and item["progress"]["overdue"] == 1


def test_only_a_plan_the_secretary_deployed_proves_her_deployment(
    make_list: Callable[..., dict], user: Callable[[str], User], speech: str, today: date,
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
) -> None:
    rlist = make_list(org("县财政局党组"), person=user("finance_secretary").person_id)
    assert item_of(rlist, "sec.deploy")["progress"]["state"] == "待完成"
    finance = org("县财政局")

    def deploy_as(username: str, title: str) -> dict:
        plan = api_as(username).post("/api/v1/plans/", {
            "organization": finance.pk, "kind": "工作要点", "year": today.year, "text": speech,
            "title": title}, format="json").json()
        api_as(username).post(f"/api/v1/plans/{plan['id']}/confirm/", {"items": [{
            "title": "细化责任清单", "lead_unit": finance.pk,
            "leader": user("finance_secretary").person_id,
            "due_on": str(today + timedelta(days=30))}]}, format="json")
        return plan

    def deploy_item() -> dict:
        return item_of(api_as("finance_secretary").get(
            f"/api/v1/responsibility-lists/{rlist['id']}/").json(), "sec.deploy")

    deploy_as("finance_clerk", "干事录入的分解表")  # a clerk's entry is not 亲自部署
    assert deploy_item()["progress"]["state"] == "待完成"
    assert deploy_item()["facts"] == []
    own = deploy_as("finance_secretary", "书记主持部署的工作要点")
    deploy = deploy_item()
    assert deploy["progress"]["state"] == "已完成"
    assert [f["text"] for f in deploy["facts"]] == [f"部署《{own['title']}》"]


@pytest.fixture
def without_lectures() -> Iterator[None]:
    """orglife's 党课 provider unplugged for the test (as before an app registers), then back."""
    saved = evidence_registry._PROVIDERS.pop("orglife.lectures")
    yield
    evidence_registry._PROVIDERS["orglife.lectures"] = saved


@pytest.fixture
def meetings_provider(without_lectures: None) -> Iterator[None]:
    """A stand-in for orglife plugging in its meetings, removed afterwards."""

    @provider("orglife.lectures", "党课记录（测试）")
    def lectures(subject: Subject) -> Evidence:
        return Evidence(facts=[Fact(date(subject.start.year, 3, 1), "讲授专题党课", "组织生活")])

    yield
    evidence_registry._PROVIDERS.pop("orglife.lectures")


def test_an_app_that_plugs_in_later_proves_items_without_other_change(
    make_list: Callable[..., dict], user: Callable[[str], User],
    org: Callable[[str], Organization], api_as: Callable[[str], APIClient],
    meetings_provider: None,
) -> None:
    assert "orglife.lectures" in registered()
    rlist = make_list(org("县财政局党组"), person=user("finance_secretary").person_id)
    lecture = item_of(rlist, "sec.lecture")
    assert lecture["progress"]["state"] == "已完成"
    assert lecture["facts"][0]["text"] == "讲授专题党课"


def test_without_the_app_the_item_is_recorded_by_hand(
    make_list: Callable[..., dict], user: Callable[[str], User],
    org: Callable[[str], Organization], without_lectures: None,
) -> None:
    rlist = make_list(org("县财政局党组"), person=user("finance_secretary").person_id)
    lecture = item_of(rlist, "sec.lecture")
    assert lecture["source"] == "" and lecture["proof"] == "手工登记"
    assert lecture["progress"]["state"] == "待完成"
