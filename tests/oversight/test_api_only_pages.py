"""Pages for the actions only the API offered (issue 13, item 9): 廉政风险点 registered and
edited, a finding corrected or withdrawn, a measure edited, a progress report corrected and a
问责建议 proposed by hand. Each page: the role may, the role below may not, out of scope 404,
a refusal keeps the form, done twice is refused."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.oversight.models import Accountability, Finding, Measure, Progress, RiskPoint
from dangjian.oversight.models.findings import FindingStatus
from dangjian.oversight.models.risks import RiskLevel

pytestmark = pytest.mark.django_db



def _risk(org: Callable[[str], Any], unit: str = "县财政局", **extra: Any) -> dict[str, str]:
    return {"organization": str(org(unit).pk), "post": "预算科科长", "area": "公共财政支出",
            "risk": "预算资金拨付不按程序", "level": "高", "controls": "集体研究、分级审批",
            "review_on": "2027-06-30", **extra}


def test_a_clerk_registers_and_edits_a_risk_point_on_pages(
    as_user: Callable[[str], Client], org: Callable[[str], Any],
) -> None:
    clerk = as_user("finance_clerk")
    page = clerk.get("/oversight/risk-points/new/")
    assert page.status_code == 200 and "登记廉政风险点" in page.content.decode()
    assert "/oversight/risk-points/new/" in clerk.get("/oversight/risk-points/").content.decode()
    done = clerk.post("/oversight/risk-points/new/", _risk(org))
    point = RiskPoint.objects.get(organization=org("县财政局"), post="预算科科长")
    assert done.url == f"/oversight/risk-points/{point.pk}/"
    detail = clerk.get(done.url).content.decode()
    assert f"/oversight/risk-points/{point.pk}/edit/" in detail
    edit = clerk.get(f"/oversight/risk-points/{point.pk}/edit/").content.decode()
    assert "预算资金拨付不按程序" in edit  # the form shows what the point says now
    clerk.post(f"/oversight/risk-points/{point.pk}/edit/",
               _risk(org, level="中", controls="集体研究、分级审批、季度复核"))
    point.refresh_from_db()
    assert (point.level, point.controls) == (RiskLevel.MEDIUM, "集体研究、分级审批、季度复核")
    event = AuditEvent.objects.get(action="risk_point.update", object_id=str(point.pk))
    assert event.before == {"level": "高", "controls": "集体研究、分级审批"}
    # The same edit again changes nothing and is refused.
    twice = clerk.post(f"/oversight/risk-points/{point.pk}/edit/",
                       _risk(org, level="中", controls="集体研究、分级审批、季度复核"))
    assert twice.url == f"/oversight/risk-points/{point.pk}/edit/"
    assert AuditEvent.objects.filter(action="risk_point.update").count() == 1


def test_risk_point_pages_refuse_the_role_below_and_other_units(
    as_user: Callable[[str], Client], api_as: Callable[[str], APIClient],
    org: Callable[[str], Any],
) -> None:
    created = api_as("finance_clerk").post("/api/v1/risk-points/", {
        **_risk(org), "organization": org("县财政局").pk}, format="json").json()
    url = f"/oversight/risk-points/{created['id']}/edit/"
    assert as_user("edu_clerk").get(url).status_code == 404
    assert as_user("inspector").get(url).status_code == 403
    assert "/edit/" not in as_user("inspector").get(
        f"/oversight/risk-points/{created['id']}/").content.decode()
    as_user("inspector").post(url, _risk(org, level="低"))
    assert RiskPoint.objects.get(pk=created["id"]).level == RiskLevel.HIGH
    assert as_user("inspector").get("/oversight/risk-points/new/").status_code == 403


def test_a_refused_risk_point_keeps_the_form_and_names_each_field(
    as_user: Callable[[str], Client], org: Callable[[str], Any],
) -> None:
    clerk = as_user("finance_clerk")
    before = RiskPoint.objects.count()
    back = clerk.post("/oversight/risk-points/new/",
                      _risk(org, risk="", review_on="2026-13-40", post="预算科长"))
    assert back.url == "/oversight/risk-points/new/"
    page = clerk.get(back.url).content.decode()
    assert "请填写风险描述" in page and "复核日期" in page and 'value="预算科长"' in page
    assert RiskPoint.objects.count() == before


def test_the_risk_point_api_edits_only_inside_the_scope(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    created = api_as("finance_clerk").post("/api/v1/risk-points/", {
        **_risk(org), "organization": org("县财政局").pk}, format="json").json()
    url = f"/api/v1/risk-points/{created['id']}/"
    assert api_as("edu_clerk").patch(url, {"level": "低"}, format="json").status_code == 404
    assert api_as("inspector").patch(url, {"level": "低"}, format="json").status_code == 403
    bad = api_as("finance_clerk").patch(url, {"level": "极高"}, format="json")
    assert bad.status_code == 400
    ok = api_as("finance_clerk").patch(url, {"level": "低"}, format="json")
    assert ok.status_code == 200 and ok.json()["level"] == "低"
    # The organisation is not editable: sent alone, nothing changes and the edit is refused.
    moved = api_as("finance_clerk").patch(url, {"organization": org("县教育局").pk},
                                          format="json")
    assert moved.status_code == 400 and "没有修改" in moved.json()["detail"]
    assert RiskPoint.objects.get(pk=created["id"]).organization == org("县财政局")


def test_the_inspector_corrects_and_withdraws_a_finding_on_pages(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict],
) -> None:
    inspector = as_user("inspector")
    finding = raise_finding()
    url = f"/oversight/findings/{finding['id']}/"
    actions = inspector.get(url).content.decode()
    assert f"{url}correct/" in actions and f"{url}withdraw/" in actions
    assert f"{url}correct/" not in as_user("finance_clerk").get(url).content.decode()
    assert as_user("finance_clerk").get(f"{url}correct/").status_code == 403
    refused = inspector.post(f"{url}correct/", {"reason": "", "severity": "一般"})
    assert refused.url == f"{url}correct/"
    assert Finding.objects.get(pk=finding["id"]).severity.name == "较重"
    inspector.post(f"{url}correct/", {"reason": "定性有误", "severity": "一般"})
    assert Finding.objects.get(pk=finding["id"]).severity.name == "一般"
    inspector.post(f"{url}withdraw/", {"reason": "登记重复"})
    assert Finding.objects.get(pk=finding["id"]).status == FindingStatus.WITHDRAWN
    twice = inspector.post(f"{url}withdraw/", {"reason": "登记重复"})
    assert twice.url == f"{url}withdraw/"
    assert AuditEvent.objects.filter(action="finding.withdraw",
                                     object_id=str(finding["id"])).count() == 1


def test_a_clerk_edits_a_measure_and_corrects_a_progress_report_on_pages(
    as_user: Callable[[str], Client], api_as: Callable[[str], APIClient],
    raise_finding: Callable[..., dict], add_measure: Callable[..., dict],
    user: Callable[[str], User],
) -> None:
    measure = add_measure(raise_finding())
    clerk = as_user("finance_clerk")
    url = f"/oversight/measures/{measure['id']}/"
    assert f"{url}edit/" in clerk.get(url).content.decode()
    due = (timezone.localdate() + timedelta(days=45)).isoformat()
    clerk.post(f"{url}edit/", {"version": measure["version"], "description": "建立集体审批制度",
                               "owner": user("finance_clerk").person_id, "due_on": due,
                               "criterion": "制度印发并执行"})
    saved = Measure.objects.get(pk=measure["id"])
    assert (saved.description, saved.due_on.isoformat()) == ("建立集体审批制度", due)
    stale = clerk.post(f"{url}edit/", {"version": measure["version"], "description": "再改",
                                       "owner": user("finance_clerk").person_id, "due_on": due,
                                       "criterion": "制度印发并执行"})
    assert stale.url == f"{url}edit/"  # the version read before the first edit: refused
    assert Measure.objects.get(pk=measure["id"]).description == "建立集体审批制度"
    assert as_user("edu_clerk").get(f"{url}edit/").status_code == 404

    api_as("finance_clerk").post(f"/api/v1/measures/{measure['id']}/progress/",
                                 {"text": "已起草制度", "version": saved.version}, format="json")
    entry = Progress.objects.get(measure_id=measure["id"])
    page = clerk.get(url).content.decode()
    correct_url = f"{url}progress/{entry.pk}/correct/"
    assert correct_url in page
    assert correct_url not in as_user("inspector").get(url).content.decode()
    clerk.post(correct_url, {"text": "已起草制度并征求意见", "reason": "漏写征求意见"})
    correction = Progress.objects.get(corrects=entry)
    assert (correction.text, correction.reason) == ("已起草制度并征求意见", "漏写征求意见")
    assert clerk.get(f"{url}progress/999999/correct/").status_code == 404


def test_the_inspector_proposes_accountability_by_hand(
    as_user: Callable[[str], Client], org: Callable[[str], Any],
    raise_finding: Callable[..., dict],
) -> None:
    inspector = as_user("inspector")
    assert "/oversight/accountability/new/" in inspector.get(
        "/oversight/accountability/").content.decode()
    finding = raise_finding()
    done = inspector.post("/oversight/accountability/new/", {
        "organization": org("县财政局").pk, "findings": [finding["id"]],
        "reason": "专项资金问题整改不力"})
    case = Accountability.objects.get(reason="专项资金问题整改不力")
    assert done.url == f"/oversight/accountability/{case.pk}/"
    assert list(case.findings.values_list("pk", flat=True)) == [finding["id"]]
    assert case.status == Accountability.Status.PROPOSED and case.source == ""
    clerk = as_user("finance_clerk")
    assert clerk.get("/oversight/accountability/new/").status_code == 403
    clerk.post("/oversight/accountability/new/", {"organization": org("县财政局").pk,
                                                   "reason": "越权"})
    assert not Accountability.objects.filter(reason="越权").exists()
    out_of_scope = as_user("edu_clerk")
    out_of_scope.post("/oversight/accountability/new/", {"organization": org("县财政局").pk,
                                                         "reason": "越权"})
    assert not Accountability.objects.filter(reason="越权").exists()
