"""Each hand-over of the oversight loop tells the next side, once, with a link to the record."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.notifications.models import Notification

pytestmark = pytest.mark.django_db


def inbox(user: Any, kind: str) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user, kind=kind).order_by("pk"))


def test_a_new_finding_tells_the_units_clerk_and_secretary_only(
    user: Callable[[str], Any], raise_finding: Callable[..., dict],
) -> None:
    finding = raise_finding()
    for name in ("finance_clerk", "finance_secretary"):
        [notice] = inbox(user(name), "finding.raised")
        assert notice.title.startswith("新问题待整改：专项资金拨付审批不规范")
        assert "县财政局" in notice.body and "巡察反馈" in notice.body
        assert notice.link == f"/oversight/findings/{finding['id']}/"
    assert inbox(user("edu_clerk"), "finding.raised") == []
    assert inbox(user("inspector"), "finding.raised") == []  # nobody hears of their own step


def test_an_issued_notice_tells_the_named_unit_and_not_another(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict],
) -> None:
    finding = raise_finding()
    inspector = api_as("inspector")
    notice = inspector.post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [finding["id"]],
        "reply_due": str(today + timedelta(days=10))}, format="json").json()
    inspector.post(f"/api/v1/notices/{notice['id']}/issue/")
    inspector.post(f"/api/v1/notices/{notice['id']}/issue/")  # twice: refused, nothing new
    [told] = inbox(user("finance_clerk"), "notice.issued")
    assert told.title.startswith("监督工作提示单已签发：示纪提")
    assert told.link == f"/oversight/notices/{notice['id']}/"
    assert inbox(user("edu_clerk"), "notice.issued") == []
    [leader] = inbox(user("vice_head"), "notice.issued")
    assert leader.link == f"/oversight/notices/{notice['id']}/"

    vice = api_as("vice_head")
    vice.post(f"/api/v1/notices/{notice['id']}/acknowledge/")
    vice.post(f"/api/v1/notices/{notice['id']}/reply/", {"text": "已约谈主要负责人"},
              format="json")
    [reply] = inbox(user("inspector"), "notice.replied")
    assert "已约谈主要负责人" in reply.body and reply.title.startswith("提示单已回复：")
    assert inbox(user("finance_clerk"), "notice.replied") == []


def _submitted(api_as: Callable[[str], APIClient], measure: dict, pdf: Any, today: date) -> str:
    clerk = api_as("finance_clerk")
    url = f"/api/v1/measures/{measure['id']}/"
    clerk.post(f"{url}progress/", {"text": "已起草制度"}, format="json")
    clerk.post(f"{url}evidence/", {"file": pdf(), "proves_date": str(today)}, format="multipart")
    assert clerk.post(f"{url}submit/").status_code == 200
    return url


def test_submitting_for_check_tells_the_inspector_and_returning_tells_the_unit_why(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict], add_measure: Callable[..., dict], pdf: Any,
) -> None:
    measure = add_measure(raise_finding())
    url = _submitted(api_as, measure, pdf, today)
    [ask] = inbox(user("inspector"), "measure.submitted")
    assert ask.title == "整改措施待核查：建立专项资金集体审批制度"
    assert ask.link == f"/oversight/measures/{measure['id']}/"
    assert "制度印发并执行" in ask.body
    assert inbox(user("edu_clerk"), "measure.submitted") == []

    inspector, clerk = api_as("inspector"), api_as("finance_clerk")
    inspector.post(f"{url}verify/", {"decision": "return", "comment": "制度未印发"}, format="json")
    [back] = inbox(user("finance_secretary"), "measure.returned")
    assert back.title == "整改措施被退回：制度未印发" and "理由：制度未印发" in back.body
    assert inbox(user("edu_clerk"), "measure.returned") == []

    # A second round is announced again: a new submission, a new return.
    clerk.post(f"{url}submit/")
    inspector.post(f"{url}verify/", {"decision": "return", "comment": "未见执行记录"},
                   format="json")
    assert len(inbox(user("inspector"), "measure.submitted")) == 2
    titles = [n.title for n in inbox(user("finance_clerk"), "measure.returned")]
    assert titles == ["整改措施被退回：制度未印发", "整改措施被退回：未见执行记录"]

    clerk.post(f"{url}submit/")
    inspector.post(f"{url}verify/", {"decision": "accept"}, format="json")
    inspector.post(f"{url}verify/", {"decision": "accept"}, format="json")  # refused: closed
    [closed] = inbox(user("finance_clerk"), "measure.closed")
    assert closed.title == "整改措施已销号"
    assert closed.link == f"/oversight/measures/{measure['id']}/"
    assert inbox(user("edu_clerk"), "measure.closed") == []


def test_the_inspector_who_raised_the_finding_is_the_one_asked_to_check(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict], add_measure: Callable[..., dict], pdf: Any,
) -> None:
    from dangjian.oversight.models import Finding
    from dangjian.oversight.services.handovers import inspectors_of

    finding = raise_finding()
    assert inspectors_of(Finding.objects.get(pk=finding["id"])) == [user("inspector")]
