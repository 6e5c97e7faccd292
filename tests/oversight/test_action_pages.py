"""The oversight actions as pages: each detail offers only the actions its viewer may take
now, each action is a page with its one form, a refused form keeps what was typed, the
self-check and accountability registers, the ledger export by measure and the to-dos."""

import io
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from dangjian.access.models import User
from dangjian.core.workbench import Kind
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Accountability, Measure, Notice, SelfCheck
from dangjian.oversight.services.accountability import accountability_open
from dangjian.oversight.todos import todos
from tests.web.walk import ROLES

pytestmark = pytest.mark.django_db



def _actions(html: str) -> str:
    """The detail page's action bar only."""
    found = re.search(r'data-testid="actions">(.*?)</div>', html, re.S)
    assert found, "no action bar"
    return found.group(1)


def _total(html: str) -> int:
    found = re.search(r"共 (\d+) 条", html)
    assert found, "no row count"
    return int(found.group(1))


def test_the_finding_detail_offers_each_role_only_its_actions(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
) -> None:
    finding = raise_finding()
    url = f"/oversight/findings/{finding['id']}/"
    inspector = _actions(as_user("inspector").get(url).content.decode())
    assert "起草提示单" in inspector and "举一反三" in inspector
    assert "添加整改措施" not in inspector
    clerk = _actions(as_user("finance_clerk").get(url).content.decode())
    assert "添加整改措施" in clerk and "起草提示单" not in clerk and "举一反三" not in clerk
    head = _actions(as_user("county_head").get(url).content.decode())
    assert "添加整改措施" not in head and "起草提示单" not in head
    assert as_user("edu_clerk").get(url).status_code == 404


def test_a_measure_goes_round_the_loop_through_its_pages(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
    user: Callable[[str], User], pdf: Callable[..., Any],
) -> None:
    finding = raise_finding()
    clerk = as_user("finance_clerk")
    form = clerk.get(f"/oversight/findings/{finding['id']}/measures/new/")
    assert form.status_code == 200 and "完成标准" in form.content.decode()
    due = timezone.localdate() + timedelta(days=20)
    done = clerk.post(f"/oversight/findings/{finding['id']}/measures/new/", {
        "description": "修订接待办法", "owner": user("finance_clerk").person_id,
        "due_on": str(due), "criterion": "办法印发"})
    measure = Measure.objects.get(description="修订接待办法")
    assert done["Location"] == f"/oversight/measures/{measure.pk}/"  # back to the record
    detail = f"/oversight/measures/{measure.pk}/"
    bar = _actions(clerk.get(detail).content.decode())
    assert "报送进展" in bar and "上传佐证" in bar and "提交核查" not in bar and "核查<" not in bar

    assert "本期进展" in clerk.get(f"{detail}progress/").content.decode()
    clerk.post(f"{detail}progress/", {"text": "已起草办法", "version": measure.version})
    clerk.post(f"{detail}evidence/", {"file": pdf("办法.pdf")})
    bar = _actions(clerk.get(detail).content.decode())
    assert "提交核查" in bar
    clerk.post(f"{detail}submit/", {})
    measure.refresh_from_db()
    assert measure.status == "待核查"
    page = clerk.get(detail).content.decode()
    assert "已起草办法" in page and "办法.pdf" in page  # 进展 and 佐证材料 sections
    assert "报送进展" not in _actions(page) and "核查" not in _actions(page)

    inspector = as_user("inspector")
    bar = _actions(inspector.get(detail).content.decode())
    assert "核查" in bar and "报送进展" not in bar
    verify = inspector.get(f"{detail}verify/").content.decode()
    assert "通过销号" in verify and "退回整改" in verify
    refused = inspector.post(f"{detail}verify/", {"decision": "return", "comment": "",
                                                  "version": measure.version}, follow=True)
    assert "退回整改时必须写明理由" in refused.content.decode()
    assert refused.redirect_chain[-1][0] == f"{detail}verify/"  # back on the form page
    inspector.post(f"{detail}verify/", {"decision": "return", "comment": "未经党组会审议",
                                        "version": measure.version})
    page = clerk.get(detail).content.decode()
    assert "退回整改理由：未经党组会审议" in page and "核查记录" in page
    history = re.search(r'data-testid="history">(.*?)</section>', page, re.S)
    assert history is not None
    steps = history.group(1)
    for step in ("添加整改措施", "报送整改进展", "上传整改佐证", "提交核查", "核查整改措施"):
        assert step in steps, step
    assert " 于 " in steps and "未经党组会审议" in steps  # in words, the reason beside it


def test_a_refused_progress_report_keeps_the_text_on_its_page(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
    add_measure: Callable[..., dict[str, Any]],
) -> None:
    measure = add_measure(raise_finding())
    clerk = as_user("finance_clerk")
    url = f"/oversight/measures/{measure['id']}/progress/"
    stale = clerk.post(url, {"text": "这段进展不能丢", "version": "999"}, follow=True)
    html = stale.content.decode()
    assert stale.redirect_chain[-1][0] == url
    assert "这段进展不能丢" in html and 'role="alert"' in html


def test_an_action_page_refuses_a_role_that_may_not_take_it(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
    add_measure: Callable[..., dict[str, Any]],
) -> None:
    measure = add_measure(raise_finding())
    page = as_user("finance_clerk").get(f"/oversight/measures/{measure['id']}/verify/")
    assert page.status_code == 403 and "仅纪检监察人员" in page.content.decode()
    assert 'data-testid="action-form"' not in page.content.decode()
    assert as_user("edu_clerk").get(
        f"/oversight/measures/{measure['id']}/progress/").status_code == 404


def test_a_notice_moves_by_its_detail_page_actions(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
    user: Callable[[str], User],
) -> None:
    finding = raise_finding()
    inspector = as_user("inspector")
    form = inspector.get("/oversight/notices/new/", {"findings": finding["id"]}).content.decode()
    assert f'value="{finding["id"]}" checked' in form
    inspector.post("/oversight/notices/new/", {
        "findings": finding["id"], "recipient": user("vice_head").person_id,
        "reply_due": str(timezone.localdate() + timedelta(days=7))})
    notice = Notice.objects.latest("id")
    detail = f"/oversight/notices/{notice.pk}/"
    bar = _actions(inspector.get(detail).content.decode())
    assert "签发" in bar and "办结" not in bar and "下载公文" not in bar
    assert "签发" not in _actions(as_user("vice_head").get(detail).content.decode())
    inspector.post(f"{detail}issue/")
    vice = as_user("vice_head")
    bar = _actions(vice.get(detail).content.decode())
    assert "签收" in bar and "下载公文" in bar and "回复" not in bar
    assert "签收" not in _actions(inspector.get(detail).content.decode())
    vice.post(f"{detail}acknowledge/")
    assert "书面回复" in vice.get(f"{detail}reply/").content.decode()
    done = vice.post(f"{detail}reply/", {"text": "已约谈党组书记"})
    assert done["Location"] == detail
    assert "办结" in _actions(inspector.get(detail).content.decode())
    inspector.post(f"{detail}close/")
    notice.refresh_from_db()
    assert notice.status == "已办结" and notice.reply_text == "已约谈党组书记"
    history = vice.get(detail).content.decode().split('data-testid="history"')[1]
    for step in ("起草提示单", "签发提示单", "签收提示单", "回复提示单", "办结提示单"):
        assert step in history, step
    assert "已约谈党组书记" in history


def test_a_self_check_is_sent_listed_and_answered_on_its_pages(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
    org: Callable[[str], Organization],
) -> None:
    finding = raise_finding()
    inspector = as_user("inspector")
    assert "反馈期限" in inspector.get(
        f"/oversight/findings/{finding['id']}/self-checks/new/").content.decode()
    inspector.post(f"/oversight/findings/{finding['id']}/self-checks/new/", {
        "units": org("县教育局").pk, "due_on": str(timezone.localdate() + timedelta(days=10))})
    check = SelfCheck.objects.get(origin_id=finding["id"], organization=org("县教育局"))
    edu = as_user("edu_clerk")
    listed = edu.get("/oversight/self-checks/", {"answered": "false"}).content.decode()
    assert f'data-testid="selfcheck-{check.pk}"' in listed and _total(listed) == 1
    assert "反馈" in _actions(edu.get(f"/oversight/self-checks/{check.pk}/").content.decode())
    assert as_user("finance_clerk").get(f"/oversight/self-checks/{check.pk}/").status_code == 404
    refused = edu.post(f"/oversight/self-checks/{check.pk}/answer/",
                       {"answer": "存在", "text": ""}, follow=True).content.decode()
    assert "请写明问题情况和整改措施" in refused
    edu.post(f"/oversight/self-checks/{check.pk}/answer/", {"answer": "不存在"})
    check.refresh_from_db()
    assert check.answer == "不存在"
    assert "反馈" not in _actions(edu.get(f"/oversight/self-checks/{check.pk}/").content.decode())


def test_an_accountability_case_is_decided_completed_and_corrected_on_its_pages(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
    user: Callable[[str], User], org: Callable[[str], Organization],
) -> None:
    from dangjian.oversight.models import Finding

    finding = Finding.objects.get(pk=raise_finding()["id"])
    case = accountability_open(actor=user("inspector"), organization=org("县财政局"),
                               reason="整改逾期未落实", findings=[finding])
    inspector = as_user("inspector")
    listed = inspector.get("/oversight/accountability/", {"status": "建议"}).content.decode()
    assert f'data-testid="accountability-{case.pk}"' in listed and "整改逾期未落实" in listed
    detail = f"/oversight/accountability/{case.pk}/"
    bar = _actions(inspector.get(detail).content.decode())
    assert "作出决定" in bar and "登记落实" not in bar and "更正" not in bar
    assert "作出决定" not in _actions(as_user("county_head").get(detail).content.decode())
    today = timezone.localdate()
    inspector.post(f"{detail}decide/", {"form": "通报", "deciding_body": "县纪委",
                                        "decided_on": str(today)})
    bar = _actions(inspector.get(detail).content.decode())
    assert "登记落实" in bar and "更正" in bar and "作出决定" not in bar
    inspector.post(f"{detail}complete/", {"completed_on": str(today)})
    refused = inspector.post(f"{detail}correct/", {"reason": "", "deciding_body": "县监委"},
                             follow=True).content.decode()
    assert "请写明更正理由" in refused and "县监委" in refused
    inspector.post(f"{detail}correct/", {"reason": "机关写错", "deciding_body": "县监委"})
    case.refresh_from_db()
    assert case.status == Accountability.Status.COMPLETED and case.deciding_body == "县监委"
    page = inspector.get(detail).content.decode().split('data-testid="history"')[1]
    assert "提出问责建议" in page and "问责决定" in page and "问责办结" in page
    assert "机关写错" in page  # the correction's reason in the 办理记录


@pytest.mark.parametrize("path", ["/oversight/self-checks/", "/oversight/accountability/"])
def test_the_new_registers_answer_every_role(
    as_user: Callable[[str], Client], path: str,
) -> None:
    for username in ROLES:
        response = as_user(username).get(path, {"page": 99})
        assert response.status_code == 200, (username, path)
        assert "<table" in response.content.decode()
    export = as_user("inspector").get(path, {"export": "xlsx"})
    assert export.status_code == 200 and "filename*=utf-8''" in export["Content-Disposition"]


def test_the_overview_is_short_and_links_every_register(as_user: Callable[[str], Client]
                                                        ) -> None:
    html = as_user("inspector").get("/oversight/").content.decode()
    for path in ("/oversight/findings/", "/oversight/measures/", "/oversight/notices/",
                 "/oversight/self-checks/", "/oversight/accountability/",
                 "/oversight/risk-points/", "/oversight/findings/new/"):
        assert f'href="{path}"' in html, path
    assert "<form" not in html.split("<main", 1)[-1]  # every form lives on its own page


def test_the_ledger_carries_each_measure_with_its_finding_and_latest_progress(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
    add_measure: Callable[..., dict[str, Any]], api_as: Callable[[str], Any],
) -> None:
    finding = raise_finding(description="台账里的问题")
    measure = add_measure(finding)
    clerk = api_as("finance_clerk")
    clerk.post(f"/api/v1/measures/{measure['id']}/progress/", {"text": "第一次进展"},
               format="json")
    clerk.post(f"/api/v1/measures/{measure['id']}/progress/", {"text": "最新进展"},
               format="json")
    raise_finding(description="还没有措施的问题")
    Measure.objects.filter(pk=measure["id"]).update(closed_on=timezone.localdate())
    response = as_user("finance_clerk").get("/oversight/ledger.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header_at = next(n for n, row in enumerate(rows) if row and row[0] == "序号")
    header = list(rows[header_at])
    for column in ("问题单位", "问题来源", "问题类别", "问题描述", "整改措施", "责任人",
                   "完成时限", "措施状态", "最新进展", "进展日期", "销号日期"):
        assert column in header, column
    body = [dict(zip(header, row, strict=False)) for row in rows[header_at + 1:]]
    row = next(r for r in body if r["问题描述"] == "台账里的问题")
    today = timezone.localdate()
    assert row["问题单位"] == "县财政局" and row["问题来源"] == "巡察反馈"
    assert row["问题类别"] == "资金监管" and row["整改措施"] == "建立专项资金集体审批制度"
    assert row["措施状态"] == "整改中" and row["最新进展"] == "最新进展"
    assert str(row["进展日期"])[:10] == today.isoformat()
    assert str(row["销号日期"])[:10] == today.isoformat()
    assert str(row["完成时限"])[:10] == measure["due_on"]
    assert row["责任人"]
    bare = next(r for r in body if r["问题描述"] == "还没有措施的问题")
    assert not bare["整改措施"]


def test_each_todo_counts_the_rows_its_list_shows(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
    add_measure: Callable[..., dict[str, Any]], user: Callable[[str], User],
    api_as: Callable[[str], Any], pdf: Callable[..., Any],
) -> None:
    finding = raise_finding()
    add_measure(finding, due_in_days=3)  # 本周到期
    submitted = add_measure(finding, due_in_days=30)
    url = f"/api/v1/measures/{submitted['id']}/"
    clerk = api_as("finance_clerk")
    clerk.post(f"{url}evidence/", {"file": pdf()}, format="multipart")
    clerk.post(f"{url}progress/", {"text": "已完成"}, format="json")
    clerk.post(f"{url}submit/")
    Measure.objects.create(finding_id=finding["id"], description="逾期措施",
                           owner=user("finance_clerk").person,
                           due_on=timezone.localdate() - timedelta(days=1), criterion="完成")
    notice = api_as("inspector").post("/api/v1/notices/", {
        "findings": [finding["id"]], "recipient": user("vice_head").person_id,
        "reply_due": str(timezone.localdate() + timedelta(days=7))}, format="json").json()
    api_as("inspector").post(f"/api/v1/notices/{notice['id']}/issue/")
    seen = 0
    for username in ("finance_clerk", "inspector", "vice_head", "finance_secretary"):
        client = as_user(username)
        for todo in todos(user(username)):
            html = client.get(todo.url).content.decode()
            assert _total(html) == todo.count, (username, todo.label)
            seen += bool(todo.count)
    kinds = {t.kind for t in todos(user("finance_clerk")) if t.count}
    assert {Kind.REPORT, Kind.DUE, Kind.OVERDUE} <= kinds
    assert any(t.kind == Kind.VERIFY and t.count == 1 for t in todos(user("inspector")))
    assert any(t.kind == Kind.SIGN and t.count == 1 for t in todos(user("vice_head")))
    assert not any(t.kind == Kind.SIGN and t.count for t in todos(user("finance_clerk")))
    assert seen >= 5
