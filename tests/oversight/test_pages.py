import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from dangjian.oversight.models import Measure
from dangjian.people.models import Person

pytestmark = pytest.mark.django_db


def _signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_ledger_exports_the_scoped_findings_to_excel(
    user: Callable[[str], Any], raise_finding: Callable[..., dict],
) -> None:
    raise_finding("县财政局", description="=HYPERLINK(\"http://x\",\"点我\")")
    raise_finding("县教育局", description="教育局的问题")
    response = _signed_in(user("finance_clerk")).get("/oversight/ledger.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "问题描述" in cells and "教育局的问题" not in cells
    formula = next(c for c in cells if "HYPERLINK" in c)
    assert formula.startswith("'")  # formula injection neutralised: text, not a formula


def test_a_refused_action_explains_itself_and_keeps_the_input(
    user: Callable[[str], Any], org: Callable[[str], Any],
) -> None:
    client = _signed_in(user("inspector"))
    response = client.post("/oversight/findings/new/", {
        "organization": org("县财政局").pk, "source": "巡察反馈", "category": "资金监管",
        "severity": "一般", "description": "保留这段话", "discovered_on": "2099-01-01"},
        follow=True)
    html = response.content.decode()
    assert "发现日期不能晚于今天" in html and "保留这段话" in html


def test_a_unit_clerk_cannot_verify_through_the_page(
    user: Callable[[str], Any], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict],
) -> None:
    measure = add_measure(raise_finding())
    response = _signed_in(user("finance_clerk")).post(
        f"/oversight/measures/{measure['id']}/verify/", {"decision": "accept"}, follow=True)
    assert "仅纪检监察人员" in response.content.decode()


def test_the_vice_head_desk_shows_notices_and_the_area_overview(
    user: Callable[[str], Any],
) -> None:
    html = _signed_in(user("vice_head")).get("/oversight/").content.decode()
    assert 'data-testid="overview"' in html and "整改总览" in html


def test_a_page_form_naming_a_person_outside_the_scope_reads_as_a_missing_one(
    user: Callable[[str], Any], raise_finding: Callable[..., dict],
) -> None:
    """Issue 10: page forms resolve their ids as the API does (one message, input kept)."""
    finding = raise_finding()
    client = _signed_in(user("finance_clerk"))
    missing = Person.objects.order_by("-pk").values_list("pk", flat=True)[0] + 1
    count = Measure.objects.count()
    pages = []
    for owner in (user("edu_clerk").person_id, missing):
        response = client.post(f"/oversight/findings/{finding['id']}/measures/new/", {
            "description": "保留这条措施", "owner": owner, "due_on": "2099-01-01",
            "criterion": "完成"}, follow=True)
        assert response.status_code == 200
        html = response.content.decode()
        assert "所选对象不存在，或不在您的范围内" in html
        draft = client.session["drafts"][f"measure-{finding['id']}"]
        assert draft["description"] == "保留这条措施"  # the input is kept
        pages.append(html.count("所选对象不存在"))
    assert pages[0] == pages[1] and Measure.objects.count() == count


def test_a_returned_measure_tells_the_unit_why(
    api_as: Callable[[str], Any], user: Callable[[str], Any],
    raise_finding: Callable[..., dict], add_measure: Callable[..., dict], pdf: Any,
) -> None:
    from dangjian.notifications.models import Notification

    measure = add_measure(raise_finding())
    url = f"/api/v1/measures/{measure['id']}/"
    clerk = api_as("finance_clerk")
    clerk.post(f"{url}evidence/", {"file": pdf()}, format="multipart")
    clerk.post(f"{url}progress/", {"text": "已起草制度"}, format="json")
    assert clerk.post(f"{url}submit/").json()["status"] == "待核查"
    api_as("inspector").post(f"{url}verify/", {"decision": "return",
                                               "comment": "制度尚未经党组会审议印发"},
                             format="json")
    for username in ("finance_clerk", "finance_secretary"):
        told = Notification.objects.get(recipient=user(username), kind="measure.returned")
        assert "制度尚未经党组会审议印发" in told.body
        # The notice opens the measure's own page; the desk still marks and explains it.
        assert told.link == f"/oversight/measures/{measure['id']}/"
        record = _signed_in(user(username)).get(told.link)
        assert record.status_code == 200 and "制度尚未经党组会审议印发" in record.content.decode()
        page = _signed_in(user(username)).get("/oversight/").content.decode()
        assert f'id="measure-{measure["id"]}"' in page
        assert "退回整改理由：制度尚未经党组会审议印发" in page
    assert not Notification.objects.filter(recipient=user("edu_clerk"),
                                           kind="measure.returned").exists()
