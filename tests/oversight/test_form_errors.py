"""A refused measure form names every wrong field, in a red summary and beside each field, and
keeps what was typed (issue 11 item 8)."""

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.test import Client

from dangjian.oversight.models import Measure


def _clerk(user: Callable[[str], Any]) -> Client:
    client = Client()
    client.force_login(user("finance_clerk"))
    return client


def _summary(html: str) -> str:
    found = re.search(r'<div class="form-errors" role="alert".*?</div>', html, re.S)
    assert found, "no red summary"
    return found.group(0)


def test_every_wrong_field_is_named_in_the_summary_and_beside_the_field(
    user: Callable[[str], Any], raise_finding: Callable[..., dict],
) -> None:
    finding = raise_finding()
    key = f"measure-{finding['id']}"
    client = _clerk(user)
    response = client.post(f"/oversight/findings/{finding['id']}/measures/new/", {
        "description": "保留这条措施", "owner": user("edu_clerk").person_id,
        "due_on": "2026年13月1日", "criterion": " "}, follow=True)
    html = response.content.decode()
    summary = _summary(html)
    for field, label in (("owner", "责任人"), ("due_on", "完成时限"), ("criterion", "完成标准")):
        assert f'<a href="#{key}-{field}">{label}</a>' in summary
        assert f'id="{key}-{field}-error"' in html  # the message beside the field
        assert re.search(rf'id="{key}-{field}"[^>]*aria-invalid="true"', html)
    assert "请填写正确的完成时限（年-月-日）" in summary and "请填写完成标准" in summary
    assert 'value="保留这条措施"' in html  # the typed value is kept
    assert 'value="2026年13月1日"' in html
    assert f'id="{key}-description"' in html and not re.search(
        rf'id="{key}-description"[^>]*aria-invalid', html)
    assert [str(m) for m in response.context["messages"]] == []  # no banner repeats it
    assert Measure.objects.filter(finding_id=finding["id"]).count() == 0


def test_a_services_field_error_lands_beside_its_field(
    user: Callable[[str], Any], raise_finding: Callable[..., dict], today: date,
) -> None:
    finding = raise_finding()
    key = f"measure-{finding['id']}"
    client = _clerk(user)
    too_early = date.fromisoformat(finding["discovered_on"]) - timedelta(days=1)
    client.post(f"/oversight/findings/{finding['id']}/measures/new/", {
        "description": "措施", "owner": user("finance_clerk").person_id,
        "due_on": too_early.strftime("%Y/%m/%d"), "criterion": "标准"})
    assert client.session["form_errors"][key]["errors"] == {
        "due_on": ["完成时限不能早于问题发现日期"]}
    html = client.get(f"/oversight/findings/{finding['id']}/measures/new/").content.decode()
    assert f'<a href="#{key}-due_on">完成时限</a>：完成时限不能早于问题发现日期' in html


def test_an_accepted_form_forgets_its_errors(
    user: Callable[[str], Any], raise_finding: Callable[..., dict], today: date,
) -> None:
    finding = raise_finding()
    key = f"measure-{finding['id']}"
    client = _clerk(user)
    url = f"/oversight/findings/{finding['id']}/measures/new/"
    client.post(url, {"description": "", "owner": "", "due_on": "", "criterion": ""})
    assert set(client.session["form_errors"][key]["errors"]) == {
        "description", "owner", "due_on", "criterion"}
    response = client.post(url, {"description": "措施", "owner": user("finance_clerk").person_id,
                                 "due_on": f"{today + timedelta(days=30):%Y%m%d}",
                                 "criterion": "标准"}, follow=True)
    assert key not in client.session.get("form_errors", {})
    assert 'class="message message-success"' in response.content.decode()
    assert "form-errors" not in response.content.decode()


def test_a_refusal_that_is_not_about_fields_is_a_red_banner(
    user: Callable[[str], Any], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict],
) -> None:
    # Every oversight form now shows its field refusals inside the form (labels=); a stale
    # version (a conflict, about no field) still answers with the red banner.
    measure = add_measure(raise_finding())
    client = _clerk(user)
    html = client.post(f"/oversight/measures/{measure['id']}/progress/", {
        "text": "保留这段话", "version": measure["version"] + 7}, follow=True).content.decode()
    assert '<article role="alert" class="message message-error">' in html
    assert "form-errors" not in html


def test_a_field_refusal_on_the_finding_form_is_no_banner(
    user: Callable[[str], Any], org: Callable[[str], Any],
) -> None:
    client = Client()
    client.force_login(user("inspector"))
    response = client.post("/oversight/findings/new/", {
        "organization": org("县财政局").pk, "source": "巡察反馈", "category": "资金监管",
        "severity": "一般", "description": "保留这段话", "discovered_on": "2099-01-01"},
        follow=True)
    html = response.content.decode()
    assert '<a href="#finding-discovered_on">发现日期</a>：发现日期不能晚于今天' in _summary(html)
    assert [str(m) for m in response.context["messages"]] == []


def test_every_oversight_action_page_names_the_refused_field_by_its_label(
    user: Callable[[str], Any], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict],
) -> None:
    measure = add_measure(raise_finding())
    client = _clerk(user)
    html = client.post(f"/oversight/measures/{measure['id']}/progress/", {
        "text": " ", "version": measure["version"]}, follow=True).content.decode()
    summary = _summary(html)
    assert f'<a href="#progress-{measure["id"]}-text">本期进展</a>' in summary
    assert Measure.objects.get(pk=measure["id"]).progress.count() == 0


def test_a_refused_finding_names_every_wrong_field(
    user: Callable[[str], Any],
) -> None:
    from dangjian.oversight.models import Finding
    from tests.refused_forms import assert_every_field_named

    client = Client()
    client.force_login(user("inspector"))
    before = Finding.objects.count()
    response = client.post("/oversight/findings/new/", {
        "organization": "", "source": "巡察反馈", "category": "资金监管", "severity": "一般",
        "description": " ", "discovered_on": "去年", "regulation": "保留的规定"}, follow=True)
    html = assert_every_field_named(response, "finding", {
        "organization": "问题单位", "description": "问题描述", "discovered_on": "发现日期"})
    assert 'value="去年"' in html and 'value="保留的规定"' in html
    assert Finding.objects.count() == before


def test_a_refused_notice_names_every_wrong_field(
    user: Callable[[str], Any], raise_finding: Callable[..., dict],
) -> None:
    from dangjian.oversight.models import Notice
    from tests.refused_forms import assert_every_field_named

    raise_finding()
    client = Client()
    client.force_login(user("inspector"))
    response = client.post("/oversight/notices/new/", {
        "findings": ["x"], "recipient": "", "reply_due": "2026-02-30"}, follow=True)
    assert_every_field_named(response, "notice", {
        "findings": "提示单包含的问题", "recipient": "接收领导", "reply_due": "回复期限"})
    assert not Notice.objects.exists()
