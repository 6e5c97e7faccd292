"""可配置选项 (问题来源、类别、严重程度、风险领域) kept by the 系统管理员: added, renamed,
reordered, deactivated and reactivated, never deleted; a deactivated entry stays on old findings
and is no longer offered; every other role is refused; a double or racing write is refused."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.oversight.models import Finding, Term, TermKind
from tests.concurrency import database_file, in_thread, meeting_before, run_together

pytestmark = pytest.mark.django_db


def _term(kind: str, name: str) -> Term:
    return Term.objects.get(kind=kind, name=name)


def test_the_system_administrator_adds_renames_reorders_and_deactivates_an_entry(
        api_as: Callable[[str], APIClient]) -> None:
    admin = api_as("admin")
    added = admin.post("/api/v1/terms/", {"kind": "source", "name": "群众评议"}, format="json")
    assert added.status_code == 201, added.content
    body = added.json()
    assert body["kind"] == "source" and body["active"] is True
    last = max(Term.objects.filter(kind="source").exclude(pk=body["id"])
               .values_list("order", flat=True))
    assert body["order"] == last + 1  # at the end of its list
    renamed = admin.patch(f"/api/v1/terms/{body['id']}/", {"name": "群众评议反馈", "order": 0},
                          format="json")
    assert renamed.status_code == 200, renamed.content
    assert renamed.json()["name"] == "群众评议反馈" and renamed.json()["order"] == 0
    off = admin.patch(f"/api/v1/terms/{body['id']}/", {"active": False}, format="json")
    assert off.status_code == 200 and off.json()["active"] is False
    listed = admin.get("/api/v1/terms/", {"kind": "source", "active": "false"}).json()
    assert [t["name"] for t in listed["results"]] == ["群众评议反馈"]
    events = list(AuditEvent.objects.filter(object_type__icontains="term",
                                            object_id=str(body["id"])).order_by("pk"))
    assert [e.action for e in events] == ["term.create", "term.update", "term.update"]
    assert events[1].before["name"] == "群众评议" and events[1].after["name"] == "群众评议反馈"


def test_a_deactivated_entry_stays_on_old_findings_and_is_no_longer_offered(
        api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict],
        user: Callable[[str], User]) -> None:
    finding = raise_finding(source="巡察反馈")
    source = _term(TermKind.SOURCE, "巡察反馈")
    off = api_as("admin").patch(f"/api/v1/terms/{source.pk}/", {"active": False}, format="json")
    assert off.status_code == 200
    assert Finding.objects.get(pk=finding["id"]).source_id == source.pk
    assert api_as("inspector").get(f"/api/v1/findings/{finding['id']}/").json()["source"] \
        == "巡察反馈"
    client = Client()
    client.force_login(user("inspector"))
    form = client.get("/oversight/findings/new/").content.decode()
    assert '<option value="巡察反馈"' not in form and '<option value="审计"' in form
    refused = api_as("inspector").post("/api/v1/findings/", {
        "organization": finding["organization"], "source": "巡察反馈", "category": "资金监管",
        "severity": "一般", "description": "再次发现", "discovered_on": finding["discovered_on"]},
        format="json")
    assert refused.status_code == 400
    on = api_as("admin").patch(f"/api/v1/terms/{source.pk}/", {"active": True}, format="json")
    assert on.status_code == 200
    assert '<option value="巡察反馈"' in client.get("/oversight/findings/new/").content.decode()


@pytest.mark.parametrize("username", ["secadmin", "auditor", "inspector", "county_head"])
def test_every_other_role_is_refused(api_as: Callable[[str], APIClient], username: str) -> None:
    term = _term(TermKind.CATEGORY, "资金监管")
    client = api_as(username)
    added = client.post("/api/v1/terms/", {"kind": "source", "name": "越权"}, format="json")
    changed = client.patch(f"/api/v1/terms/{term.pk}/", {"name": "越权"}, format="json")
    assert (added.status_code, changed.status_code) == (403, 403)
    assert "系统管理员" in added.json()["detail"]
    assert not Term.objects.filter(name="越权").exists()
    assert client.get("/api/v1/terms/").status_code == 200  # reading the lists is open


@pytest.mark.parametrize(("body", "field"), [
    ({"kind": "source", "name": "  "}, "name"),
    ({"kind": "source", "name": "长" * 41}, "name"),
    ({"kind": "source", "name": "审计"}, "name"),  # already in the list
    ({"kind": "source", "name": "新来源", "order": 1000}, "order"),
    ({"kind": "colour", "name": "红"}, "kind"),
])
def test_bad_entries_are_refused_with_a_message(
        api_as: Callable[[str], APIClient], body: dict[str, Any], field: str) -> None:
    before = Term.objects.count()
    response = api_as("admin").post("/api/v1/terms/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in str(response.json())
    assert Term.objects.count() == before


def test_a_name_is_unique_per_list_only_and_forty_characters_fit(
        api_as: Callable[[str], APIClient]) -> None:
    admin = api_as("admin")
    # 审计 is a source; as a category it is another list's entry
    assert admin.post("/api/v1/terms/", {"kind": "category", "name": "审计"},
                      format="json").status_code == 201
    assert admin.post("/api/v1/terms/", {"kind": "category", "name": "长" * 40},
                      format="json").status_code == 201
    clash = admin.patch(f"/api/v1/terms/{_term('source', '信访举报').pk}/", {"name": "审计"},
                        format="json")
    assert clash.status_code == 400 and "已有" in str(clash.json())


def test_a_change_made_twice_is_refused_the_second_time(
        api_as: Callable[[str], APIClient]) -> None:
    term = _term(TermKind.RISK_AREA, "行政执法")
    admin = api_as("admin")
    assert admin.patch(f"/api/v1/terms/{term.pk}/", {"name": "综合执法"},
                       format="json").status_code == 200
    events = AuditEvent.objects.count()
    again = admin.patch(f"/api/v1/terms/{term.pk}/", {"name": "综合执法"}, format="json")
    assert again.status_code == 400 and "没有修改" in str(again.json())
    assert AuditEvent.objects.count() == events


def test_the_last_active_entry_of_a_list_stays(api_as: Callable[[str], APIClient]) -> None:
    admin = api_as("admin")
    severities = list(Term.objects.filter(kind=TermKind.SEVERITY, active=True))
    for term in severities[:-1]:
        assert admin.patch(f"/api/v1/terms/{term.pk}/", {"active": False},
                           format="json").status_code == 200
    last = admin.patch(f"/api/v1/terms/{severities[-1].pk}/", {"active": False}, format="json")
    assert last.status_code == 400 and "至少保留一个" in str(last.json())
    assert Term.objects.filter(kind=TermKind.SEVERITY, active=True).count() == 1


def test_the_pages_list_add_and_edit(user: Callable[[str], User]) -> None:
    client = Client()
    client.force_login(user("admin"))
    listed = client.get("/oversight/terms/").content.decode()
    assert "问题来源" in listed and "风险领域" in listed and "/oversight/terms/new/" in listed
    added = client.post("/oversight/terms/new/", {"kind": "risk_area", "name": "医疗卫生"})
    assert added.status_code == 302 and added.url == "/oversight/terms/"
    term = _term(TermKind.RISK_AREA, "医疗卫生")
    assert client.get(f"/oversight/terms/{term.pk}/edit/").status_code == 200
    client.post(f"/oversight/terms/{term.pk}/edit/", {"name": "医疗卫生", "order": "1",
                                                     "active": "0"})
    term.refresh_from_db()
    assert (term.order, term.active) == (1, False)
    refused = client.post("/oversight/terms/new/", {"kind": "risk_area", "name": ""})
    assert refused.url == "/oversight/terms/new/"  # back to the form, with what was typed


def test_the_pages_refuse_the_security_administrator(user: Callable[[str], User]) -> None:
    client = Client()
    client.force_login(user("secadmin"))
    page = client.get("/oversight/terms/new/")
    assert page.status_code == 403 and "仅系统管理员" in page.content.decode()
    assert "/oversight/terms/new/" not in client.get("/oversight/terms/").content.decode()
    client.post("/oversight/terms/new/", {"kind": "risk_area", "name": "越权"})
    assert not Term.objects.filter(name="越权").exists()


@pytest.mark.django_db(transaction=True)
def test_one_entry_added_twice_at_once_is_added_once(
        committed_demo: None, api_as: Callable[[str], APIClient], tmp_path: Path) -> None:
    database = database_file(tmp_path)

    def add() -> Any:
        client = api_as("admin")
        client.raise_request_exception = False
        return client.post("/api/v1/terms/", {"kind": "source", "name": "并发来源"},
                           format="json")

    with meeting_before(Term, "save", parties=2):
        results = run_together([add, add], database=database)
    statuses = sorted(500 if isinstance(r, Exception) else r.status_code for r in results)
    assert statuses == [201, 400]
    assert in_thread(lambda: Term.objects.filter(name="并发来源").count(),
                     database=database) == 1


@pytest.mark.parametrize("name", ["督导检查", "民主生活会查摆", "自查"])
@pytest.mark.parametrize("change", [{"active": False}, {"name": "改名后的来源"}])
def test_a_source_the_platform_writes_is_neither_renamed_nor_deactivated(
        api_as: Callable[[str], APIClient], name: str, change: dict[str, Any]) -> None:
    """A 督导检查's findings, a 民主生活会's 整改清单 and a self-check's problems are registered
    under these sources by name: switching one off would refuse those steps."""
    source = _term(TermKind.SOURCE, name)
    events = AuditEvent.objects.count()
    answer = api_as("admin").patch(f"/api/v1/terms/{source.pk}/", change, format="json")
    assert answer.status_code == 400
    assert "不能改名或停用" in answer.content.decode()
    source.refresh_from_db()
    assert source.name == name and source.active is True
    assert AuditEvent.objects.count() == events
    reordered = api_as("admin").patch(f"/api/v1/terms/{source.pk}/", {"order": 998},
                                      format="json")
    assert reordered.status_code == 200, reordered.content  # its place may still change
