"""The API contract of issue 12: field names, the flow through the detail actions, and each
bad input answered in Chinese with the right status, changing nothing."""

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.assessment.models import Appeal, Indicator, Result, Scheme, Score
from dangjian.assessment.services import scoring
from dangjian.orgs.models import Organization

pytestmark = pytest.mark.django_db
API = "/api/v1/assessment/"


def test_a_scheme_from_draft_to_release_through_the_api(
        api_as: Callable[[str], APIClient], county: Organization,
        org: Callable[[str], Organization]) -> None:
    assessor = api_as("assessor")
    today = timezone.localdate()  # a scheme of the current year: its appeal window is open
    created = assessor.post(f"{API}schemes/", {
        "year": today.year, "name": "部门党建考核", "target_kind": "部门党组（党委）",
        "organization": county.pk}, format="json")
    assert created.status_code == 201, created.content
    scheme = created.json()
    assert scheme["status"] == "草稿" and scheme["total_points"] == "100.00"
    for body in ({"code": "1", "name": "组织生活", "max_points": "70", "method": "AUTO",
                  "provider": "orglife.meetings_completion"},
                 {"code": "2", "name": "工作实绩", "max_points": "30", "method": "MANUAL"}):
        answer = assessor.post(f"{API}indicators/", {"scheme": scheme["id"], **body},
                               format="json")
        assert answer.status_code == 201, answer.content
    published = assessor.post(f"{API}schemes/{scheme['id']}/publish/")
    assert published.status_code == 200 and published.json()["status"] == "已发布"
    scoring.recompute(Scheme.objects.get(pk=scheme["id"]), today)
    finance = org("县财政局党组")
    manual = Indicator.objects.get(scheme_id=scheme["id"], code="2")
    entered = assessor.post(f"{API}scores/", {
        "indicator": manual.pk, "organization": finance.pk, "period": str(today.year),
        "points": "25",
        "basis_text": "完成年度重点工作"}, format="json")
    assert entered.status_code == 201, entered.content

    scores = assessor.get(f"{API}scores/", {"scheme": scheme["id"], "target": finance.pk})
    rows = scores.json()["results"]
    assert {row["indicator_code"] for row in rows} == {"1", "2"}
    auto = next(row for row in rows if row["indicator_code"] == "1")
    assert {"points", "raw_value", "basis"} <= set(auto)
    assert set(auto["raw_value"]) >= {"held", "required", "rate"}
    assert all(set(ref) == {"model", "id"} for ref in auto["basis"])

    clerk = api_as("finance_clerk")
    score_id = next(row["id"] for row in rows if row["indicator_code"] == "2")
    raised = clerk.post(f"{API}appeals/", {"score": score_id, "reason": "漏计一项"},
                        format="json")
    assert raised.status_code == 201, raised.content
    appeal = raised.json()["id"]
    assert assessor.post(f"{API}appeals/{appeal}/accept/").status_code == 200
    decided = assessor.post(f"{API}appeals/{appeal}/decide/", {
        "outcome": "调整", "answer": "核实后补计", "points": "28"}, format="json")
    assert decided.status_code == 200 and decided.json()["points_after"] == "28.00"

    assert assessor.post(f"{API}schemes/{scheme['id']}/approve/").status_code == 200
    head = api_as("county_head").post(f"{API}schemes/{scheme['id']}/approve/")
    assert head.status_code == 200 and head.json()["approved_by_leader"] is not None
    released = assessor.post(f"{API}schemes/{scheme['id']}/release/")
    assert released.json()["status"] == "已公布"

    results = clerk.get(f"{API}results/", {"scheme": scheme["id"]}).json()["results"]
    assert len(results) == 1  # the unit sees its own row
    row = results[0]
    assert {"target", "total", "rank", "grade"} <= set(row)
    assert row["target"] == finance.pk
    assert row["total"] == str(Result.objects.get(scheme_id=scheme["id"],
                                                  organization=finance).total)


def _answer(response: Any) -> tuple[int, str]:
    return response.status_code, response.json()["detail"]


@pytest.fixture
def api_scheme(published: Callable[..., Scheme]) -> Scheme:
    return published()


def test_bad_input_is_answered_in_chinese_and_changes_nothing(
        api_as: Callable[[str], APIClient], draft: Callable[..., Scheme],
        api_scheme: Scheme, org: Callable[[str], Organization]) -> None:
    assessor = api_as("assessor")
    scheme = draft(year=2027)
    Indicator.objects.filter(scheme=scheme, code="2").update(max_points=10)
    status, detail = _answer(assessor.post(f"{API}schemes/{scheme.pk}/publish/"))
    assert status == 400 and "与方案总分100.00分不符" in detail
    assert Scheme.objects.get(pk=scheme.pk).status == Scheme.Status.DRAFT

    status, detail = _answer(assessor.post(f"{API}indicators/", {
        "scheme": scheme.pk, "code": "9", "name": "照片", "max_points": "5", "method": "AUTO",
        "provider": "orglife.evidence_uploads"}, format="json"))
    assert status == 400 and "整治形式主义为基层减负若干规定" in detail
    assert not Indicator.objects.filter(scheme=scheme, code="9").exists()

    manual = Indicator.objects.get(scheme=api_scheme, code="2")
    finance = org("县财政局党组")
    for body, message in (({"points": "41", "basis_text": "x"}, "超过该指标的最高分"),
                          ({"points": "30", "basis_text": ""}, "请写明评分依据")):
        status, detail = _answer(assessor.post(f"{API}scores/", {
            "indicator": manual.pk, "organization": finance.pk, "period": "2026", **body},
            format="json"))
        assert status == 400 and message in detail
    assert not Score.objects.filter(indicator=manual).exists()

    status, detail = _answer(assessor.patch(f"{API}schemes/{api_scheme.pk}/",
                                            {"name": "改名"}, format="json"))
    assert status == 400 and "不能再修改" in detail
    assert Scheme.objects.get(pk=api_scheme.pk).name == "党建工作考核"


def test_out_of_scope_and_wrong_role(api_as: Callable[[str], APIClient], api_scheme: Scheme,
                                     org: Callable[[str], Organization]) -> None:
    manual = Indicator.objects.get(scheme=api_scheme, code="2")
    # a unit clerk may not score, even its own unit
    status, detail = _answer(api_as("finance_clerk").post(f"{API}scores/", {
        "indicator": manual.pk, "organization": org("县财政局党组").pk, "period": "2026",
        "points": "40", "basis_text": "自评满分"}, format="json"))
    assert status in (400, 403) and not Score.objects.filter(indicator=manual).exists()
    # the county head sees the scheme but may not publish or edit it
    status, detail = _answer(api_as("county_head").patch(
        f"{API}schemes/{api_scheme.pk}/", {"name": "x"}, format="json"))
    assert status == 403 and "考核管理员" in detail
    assert api_as("edu_clerk").get(f"{API}schemes/{api_scheme.pk}/").status_code == 404
    assert Appeal.objects.count() == 0
