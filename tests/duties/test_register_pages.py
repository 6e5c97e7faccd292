"""The duties registers on the page kernel: lists and items for every role, the items'
filters, item detail with only the allowed actions and its 办理记录, one page per action that
keeps refused input, the overview desk, and the to-dos that count exactly the linked rows."""

import io
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from dangjian.access.models import User
from dangjian.core.workbench import Kind
from dangjian.duties.filtersets import Done
from dangjian.duties.models import ResponsibilityItem, ResponsibilityList
from dangjian.duties.services.lists import responsibility_list_create
from dangjian.duties.todos import todos
from dangjian.orgs.models import Organization
from tests.web.walk import ROLES, pdf

pytestmark = pytest.mark.django_db



@pytest.fixture
def body_list(user: Callable[[str], User]) -> ResponsibilityList:
    """县财政局党组's list of this year, kept by its clerk."""
    return responsibility_list_create(
        actor=user("finance_clerk"), organization=Organization.objects.get(name="县财政局党组"),
        year=timezone.localdate().year)


@pytest.fixture
def own_list(user: Callable[[str], User]) -> ResponsibilityList:
    """The finance secretary's own list of this year."""
    secretary = user("finance_secretary")
    return responsibility_list_create(
        actor=secretary, organization=Organization.objects.get(name="县财政局党组"),
        year=timezone.localdate().year, person=secretary.person)


def _count(text: str) -> int:
    found = re.search(r"共 (\d+) 条", text)
    assert found, "no count on the page"
    return int(found.group(1))


@pytest.mark.parametrize("username", ROLES)
def test_every_role_opens_the_registers_and_the_overview(
    username: str, as_user: Callable[[str], Client], body_list: ResponsibilityList,
) -> None:
    client = as_user(username)
    for url in ("/duties/", "/duties/lists/", "/duties/items/"):
        assert client.get(url).status_code == 200, (username, url)
    item = body_list.items.first()
    assert item is not None
    sees = username in {"county_head", "vice_head", "inspector", "finance_secretary",
                        "finance_clerk"}
    assert client.get(f"/duties/items/{item.pk}/").status_code == (200 if sees else 404)


def test_the_item_list_filters_by_year_subtree_and_record(
    as_user: Callable[[str], Client], body_list: ResponsibilityList,
) -> None:
    client = as_user("finance_clerk")
    year = timezone.localdate().year
    every = _count(client.get("/duties/items/", {"year": year}).content.decode())
    assert every == body_list.items.count()
    assert _count(client.get("/duties/items/", {"year": year - 5}).content.decode()) == 0
    item = body_list.items.get(template_key="org.study")
    client.post(f"/duties/items/{item.pk}/fulfil/", {
        "done_on": timezone.localdate().isoformat(), "description": "专题研究党建工作"})
    done = client.get("/duties/items/", {"year": year, "done": Done.YES}).content.decode()
    assert _count(done) == 1 and f'data-testid="item-{item.pk}"' in done
    not_done = client.get("/duties/items/", {"year": year, "done": Done.NO}).content.decode()
    assert _count(not_done) == every - 1 and f'data-testid="item-{item.pk}"' not in not_done
    education = Organization.objects.get(name="县教育局")
    assert _count(client.get("/duties/items/", {"subtree": education.pk}).content.decode()) == 0
    beyond = client.get("/duties/items/", {"year": year, "page": 99}).content.decode()
    last = (every + 19) // 20
    assert f"第 {last}/{last} 页" in beyond


def test_the_item_export_holds_exactly_the_filtered_rows(
    as_user: Callable[[str], Client], body_list: ResponsibilityList,
) -> None:
    response = as_user("finance_clerk").get("/duties/items/", {
        "year": body_list.year, "period": "每季度", "export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    expected = body_list.items.filter(period="每季度")
    assert sorted(r[0] for r in rows[2:]) == sorted(i.text for i in expected)
    assert rows[1][:2] == ("责任内容", "责任清单")


def test_the_item_detail_offers_only_the_allowed_actions(
    as_user: Callable[[str], Client], body_list: ResponsibilityList,
) -> None:
    item = body_list.items.first()
    assert item is not None

    def actions(username: str) -> str:
        text = as_user(username).get(f"/duties/items/{item.pk}/").content.decode()
        return text.split('data-testid="actions"')[1].split("</div>")[0]

    clerk = actions("finance_clerk")
    assert "登记履责记实" in clerk and "修改事项" in clerk
    inspector = actions("inspector")  # sees the list, keeps none of it
    assert "登记履责记实" not in inspector and "修改事项" not in inspector
    assert as_user("inspector").get(f"/duties/items/{item.pk}/fulfil/").status_code == 403
    assert as_user("inspector").get(f"/duties/items/{item.pk}/edit/").status_code == 403
    assert as_user("edu_clerk").get(f"/duties/items/{item.pk}/fulfil/").status_code == 404


def test_recording_a_fulfilment_goes_back_to_the_item_with_its_history(
    as_user: Callable[[str], Client], body_list: ResponsibilityList,
) -> None:
    item = body_list.items.get(template_key="org.study")
    client = as_user("finance_clerk")
    form = client.get(f"/duties/items/{item.pk}/fulfil/").content.decode()
    assert 'name="description"' in form and timezone.localdate().isoformat() in form
    response = client.post(f"/duties/items/{item.pk}/fulfil/", {
        "done_on": timezone.localdate().isoformat(), "description": "学习研讨党内法规",
        "files": pdf("研讨纪要.pdf")})
    assert response.status_code == 302
    assert response["Location"] == f"/duties/items/{item.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "已记录履责情况" in page and "学习研讨党内法规" in page
    assert "研讨纪要.pdf" in page and "/duties/evidence/" in page
    history = page.split('data-testid="history"')[1]
    assert "登记履责记实" in history and " 于 " in history


def test_a_refused_fulfilment_keeps_what_was_typed_and_names_the_field(
    as_user: Callable[[str], Client], body_list: ResponsibilityList,
) -> None:
    item = body_list.items.first()
    assert item is not None
    client = as_user("finance_clerk")
    future = timezone.localdate().replace(year=timezone.localdate().year + 1).isoformat()
    response = client.post(f"/duties/items/{item.pk}/fulfil/", {
        "done_on": future, "description": "提前写好的记录"})
    assert response["Location"] == f"/duties/items/{item.pk}/fulfil/"
    again = client.get(response["Location"]).content.decode()
    assert "履责日期" in again and "不能晚于今天" in again
    assert "提前写好的记录" in again and future in again
    assert not item.fulfilments.exists()


def test_changing_an_item_on_its_page_and_a_refusal_keeps_the_input(
    as_user: Callable[[str], Client], body_list: ResponsibilityList,
) -> None:
    item = body_list.items.first()
    assert item is not None
    client = as_user("finance_clerk")
    assert item.text in client.get(f"/duties/items/{item.pk}/edit/").content.decode()
    refused = client.post(f"/duties/items/{item.pk}/edit/", {
        "text": "改写后的内容", "period": "每季度", "times": "99", "active": "on"})
    again = client.get(refused["Location"]).content.decode()
    assert "每期次数应在1至50之间" in again and "改写后的内容" in again and 'value="99"' in again
    saved = client.post(f"/duties/items/{item.pk}/edit/", {
        "text": "改写后的内容", "period": "每季度", "times": "2", "active": "on"})
    assert saved["Location"] == f"/duties/items/{item.pk}/"
    item.refresh_from_db()
    assert (item.text, item.times) == ("改写后的内容", 2)
    assert "修改责任事项" in client.get(saved["Location"]).content.decode()


def test_the_overview_links_to_the_registers_and_the_create_page(
    as_user: Callable[[str], Client], body_list: ResponsibilityList,
) -> None:
    text = as_user("finance_clerk").get("/duties/").content.decode()
    assert 'href="/duties/lists/?year=' in text and 'href="/duties/items/?year=' in text
    assert 'href="/duties/lists/new/?year=' in text  # the clerk may keep the body's lists
    assert 'data-testid="list-' not in text  # the lists themselves live on their register
    form = as_user("finance_clerk").get("/duties/lists/new/").content.decode()
    assert "按模板建立" in form and "县财政局党组" in form
    assert as_user("member").get("/duties/lists/new/").status_code == 403


@pytest.mark.parametrize("username", ["finance_secretary", "finance_clerk"])
def test_the_todos_count_exactly_the_rows_their_link_lists(
    username: str, user: Callable[[str], User], as_user: Callable[[str], Client],
    body_list: ResponsibilityList, own_list: ResponsibilityList,
) -> None:
    found = todos(user(username))
    assert found and all(t.kind == Kind.REPORT for t in found)
    assert any(t.count for t in found)
    for todo in found:
        shown = _count(as_user(username).get(todo.url).content.decode())
        assert shown == todo.count, todo
    def by_hand(rlist: ResponsibilityList) -> int:
        return ResponsibilityItem.objects.filter(list=rlist, provider="", active=True).exclude(
            period="随时").count()

    counts = {t.label: t.count for t in found}
    if username == "finance_secretary":  # their own list
        assert counts["我的责任事项本年度尚无履责记实"] == by_hand(own_list) > 0
    else:  # the unit's lists, the secretary's among them
        assert counts["本单位责任事项本年度尚无履责记实"] == by_hand(own_list) + by_hand(body_list)


def test_a_record_takes_the_item_off_the_todo_and_the_clerk_sees_none_of_their_own(
    user: Callable[[str], User], as_user: Callable[[str], Client],
    own_list: ResponsibilityList,
) -> None:
    def owed() -> int:
        return next(t.count for t in todos(user("finance_secretary"))
                    if t.label == "我的责任事项本年度尚无履责记实")

    item = own_list.items.get(template_key="sec.coordinate")
    before = owed()
    as_user("finance_secretary").post(f"/duties/items/{item.pk}/fulfil/", {
        "done_on": timezone.localdate().isoformat(), "description": "协调解决重点问题"})
    assert owed() == before - 1
    assert not any(t.label.startswith("我的") and t.count for t in todos(user("member")))


def test_a_refused_fulfilment_names_every_wrong_field_beside_it(
    as_user: Callable[[str], Client], body_list: ResponsibilityList,
) -> None:
    item = body_list.items.first()
    assert item is not None
    client = as_user("finance_clerk")
    response = client.post(f"/duties/items/{item.pk}/fulfil/", {"done_on": "三月",
                                                                "description": ""})
    page = client.get(response["Location"]).content.decode()
    summary = page.split('data-testid="form-errors"')[1].split("</div>")[0]
    assert "履责日期" in summary and "履责情况" in summary  # both, not the first only
    assert page.count('class="field-error"') == 2 and 'value="三月"' in page
