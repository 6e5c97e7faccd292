"""The assessment pages: what each role sees and may do, from the demo's scheme."""

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from dangjian.assessment.models import Appeal, Result, Scheme, Score
from dangjian.audit.models import AuditEvent
from dangjian.core.links import record_link
from dangjian.core.workbench import gather
from dangjian.orgs.models import Organization

pytestmark = pytest.mark.django_db
Clients = Callable[[str], Client]


def _finance_score(scheme: Scheme) -> Score:
    return Score.objects.filter(indicator__scheme=scheme, organization__name="县财政局党组",
                                indicator__code="2.1").get()


def _post(client: Client, url: str, data: dict[str, Any] | None = None) -> str:
    response = client.post(url, data or {}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_the_overview_ranks_the_demo_units_for_the_assessor_and_the_county_head(
        signed_in: Clients, demo_scheme: Scheme) -> None:
    for username in ("assessor", "county_head"):
        html = signed_in(username).get("/assessment/").content.decode()
        assert "县财政局党组" in html and "县教育局党组" in html
        assert f'href="/assessment/scores/?scheme={demo_scheme.pk}&amp;target=' in html


def test_a_plain_member_has_no_assessment_menu(signed_in: Clients) -> None:
    assert "考核方案" not in signed_in("member").get("/").content.decode()
    assert "考核方案" in signed_in("finance_clerk").get("/").content.decode()


def test_the_scheme_page_shows_the_indicator_tree_and_only_the_viewers_steps(
        signed_in: Clients, demo_scheme: Scheme) -> None:
    url = reverse("assessment:scheme_detail", args=[demo_scheme.pk])
    html = signed_in("assessor").get(url).content.decode()
    assert "“三会一课”完成率（应开/实开）" in html  # the provider's label, not its key
    assert html.index("基层组织建设") < html.index("“三会一课”按规定召开")
    assert "审核并提交审定" in html and "录入得分" in html  # 民主测评 is entered
    assert "编辑方案" not in html  # published: no longer a draft
    leader = signed_in("county_head").get(url).content.decode()
    assert "审核并提交审定" not in leader and "录入得分" not in leader
    assert "办理记录" in html and "发布" in html


def test_a_score_shows_each_record_it_came_from_as_a_link(
        signed_in: Clients, demo_scheme: Scheme) -> None:
    score = Score.objects.filter(indicator__scheme=demo_scheme, organization__name="县财政局党组"
                                 ).exclude(basis=[]).first()
    assert score is not None
    html = signed_in("finance_clerk").get(
        reverse("assessment:score_detail", args=[score.pk])).content.decode()
    from django.apps import apps

    first = score.basis[0]
    obj = apps.get_model(first["model"]).objects.get(pk=first["id"])
    assert f'href="{record_link(obj)}"' in html
    assert html.count("<li>") >= len(score.basis[:1])


def test_a_unit_does_not_see_another_units_score(signed_in: Clients,
                                                 demo_scheme: Scheme) -> None:
    other = Score.objects.filter(indicator__scheme=demo_scheme,
                                 organization__name="县教育局党组").first()
    assert other is not None
    url = reverse("assessment:score_detail", args=[other.pk])
    assert signed_in("finance_clerk").get(url).status_code == 404


def test_the_editor_refuses_a_formalism_provider_and_keeps_the_input(
        signed_in: Clients, org: Callable[[str], Organization]) -> None:
    client = signed_in("assessor")
    html = _post(client, reverse("assessment:scheme-new"), {
        "year": "2026", "name": "乡镇党委考核", "target_kind": "乡镇党委",
        "organization": org("中共示范县委员会").pk, "total_points": "100", "appeal_days": "5",
        "grade_bands": "好:90 较好:80 一般:60 差:0"})
    scheme = Scheme.objects.get(name="乡镇党委考核")
    assert "已新建考核方案" in html and scheme.status == Scheme.Status.DRAFT
    url = reverse("assessment:indicator-new", args=[scheme.pk])
    html = _post(client, url, {"code": "1", "name": "会议照片上传", "max_points": "100",
                               "method": "AUTO", "provider": "orglife.evidence_uploads",
                               "period": "年"})
    assert "整治形式主义为基层减负若干规定" in html
    assert 'value="会议照片上传"' in html  # what was typed is kept
    assert not scheme.indicators.exists()
    html = _post(client, reverse("assessment:scheme-step", args=[scheme.pk, "publish"]))
    assert "不能发布" in html
    assert Scheme.objects.get(pk=scheme.pk).status == Scheme.Status.DRAFT


def test_a_manual_score_above_its_maximum_is_refused(
        signed_in: Clients, demo_scheme: Scheme, org: Callable[[str], Organization]) -> None:
    indicator = demo_scheme.indicators.get(code="4.1")  # 民主测评: counts, not points
    url = reverse("assessment:score-entry", args=[indicator.pk])
    target = org("县财政局党组")
    before = Score.objects.get(indicator=indicator, organization=target).points
    html = _post(signed_in("assessor"), url, {"organization": target.pk,
                                               "period": str(demo_scheme.year),
                                               "满意": "abc", "比较满意": "1", "基本满意": "1",
                                               "不满意": "1"})
    assert "满意票数应为0到100000之间的整数" in html
    assert Score.objects.get(indicator=indicator, organization=target).points == before


def test_a_unit_appeals_and_the_assessor_accepts_and_adjusts(
        signed_in: Clients, demo_scheme: Scheme, user: Callable[[str], Any]) -> None:
    score = _finance_score(demo_scheme)
    clerk, assessor = signed_in("finance_clerk"), signed_in("assessor")
    html = clerk.get(reverse("assessment:score_detail", args=[score.pk])).content.decode()
    assert "申请复核" in html
    html = _post(clerk, reverse("assessment:appeal-raise", args=[score.pk]),
                 {"reason": "第三季度支委会记录已补录"})
    appeal = Appeal.objects.get(score=score)
    assert "已提出复核申请" in html and appeal.status == Appeal.Status.RAISED
    assert "受理" not in clerk.get(reverse("assessment:appeal_detail", args=[appeal.pk])
                                   ).content.decode().split("办理记录")[0].split("<h1>")[1]
    todos = [t.label for t in gather(user("assessor")).todos if t.count]
    assert "考核复核待受理" in todos
    _post(assessor, reverse("assessment:appeal-accept", args=[appeal.pk]))
    html = _post(assessor, reverse("assessment:appeal-decide", args=[appeal.pk]),
                 {"outcome": Appeal.Status.ADJUSTED, "points": "13.50", "answer": "核实后调整"})
    appeal.refresh_from_db()
    score.refresh_from_db()
    assert appeal.status == Appeal.Status.ADJUSTED and str(score.points) == "13.50"
    assert "已作出复核结论" in html
    history = assessor.get(reverse("assessment:appeal_detail", args=[appeal.pk])).content
    assert history.decode().count("<li") >= 3  # raised, accepted, decided


def test_the_two_approvals_release_and_the_downloads(
        signed_in: Clients, demo_scheme: Scheme) -> None:
    assessor, leader = signed_in("assessor"), signed_in("county_head")
    docx_url = reverse("assessment:result-file", args=[demo_scheme.pk, "docx"])
    assert signed_in("finance_clerk").get(docx_url).status_code == 409  # not yet frozen
    step = "assessment:scheme-step"
    _post(assessor, reverse(step, args=[demo_scheme.pk, "approve"]))
    html = _post(assessor, reverse(step, args=[demo_scheme.pk, "approve"]))
    assert "审定人不能是审核该结果的考核管理员本人" in html or "只有分管该范围的县领导" in html
    assert signed_in("finance_clerk").get(docx_url).status_code in (403, 404)
    _post(leader, reverse(step, args=[demo_scheme.pk, "approve"]))
    _post(assessor, reverse(step, args=[demo_scheme.pk, "release"]))
    demo_scheme.refresh_from_db()
    assert demo_scheme.status == Scheme.Status.RELEASED
    results = list(Result.objects.filter(scheme=demo_scheme).order_by("rank", "id"))
    response = signed_in("finance_clerk").get(docx_url)
    assert response.status_code == 200
    assert "filename*=utf-8''" in response["Content-Disposition"]
    table = Document(io.BytesIO(response.content)).tables[-1]
    assert [c.text for c in table.rows[1].cells] == [
        str(results[0].rank), results[0].organization.name, f"{results[0].total:.2f}",
        results[0].grade]
    sheet = load_workbook(io.BytesIO(assessor.get(reverse(
        "assessment:result-file", args=[demo_scheme.pk, "xlsx"])).content)).active
    assert sheet.cell(row=3, column=3).value == float(results[0].total)
    assert AuditEvent.objects.filter(action="assessment.result_download").count() == 2
