"""The issue's "done when" for duties: the yearly list shows what was done with evidence, and
its Word report opens in the GB/T 9704 format, filled with the list's real figures."""

import io
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from docx import Document
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.documents.gbt9704 import docx_page_setup
from dangjian.duties.models import FulfilmentEvidence
from dangjian.orgs.models import Organization

from .conftest import item_of

pytestmark = pytest.mark.django_db


def test_the_yearly_list_shows_what_was_done_with_evidence_and_reports_in_word(
    make_list: Callable[..., dict], finance_group: Organization, user: Callable[[str], User],
    api_as: Callable[[str], APIClient], pdf: Any, today: date,
) -> None:
    rlist = make_list(finance_group, person=user("finance_secretary").person_id)
    ask = item_of(rlist, "sec.ask")["item"]
    secretary = api_as("finance_secretary")
    for n, day in enumerate([date(today.year, 3, 18), date(today.year, 9, 16)], 1):
        recorded = secretary.post("/api/v1/fulfilments/", {
            "item": ask["id"], "done_on": str(min(day, today)),
            "description": f"主持党组会听取第{n}次党建工作汇报",
            "files": [pdf(f"会议记录{n}.pdf")]}, format="multipart")
        assert recorded.status_code == 201, recorded.content
        assert recorded.json()["evidence"][0]["original_name"] == f"会议记录{n}.pdf"

    detail = secretary.get(f"/api/v1/responsibility-lists/{rlist['id']}/").json()
    heard = item_of(detail, "sec.ask")
    assert heard["progress"] == {"state": "已完成", "done": 2, "required": 2, "overdue": 0}
    assert [f["description"] for f in heard["fulfilments"]] == [
        "主持党组会听取第1次党建工作汇报", "主持党组会听取第2次党建工作汇报"]
    assert detail["counts"]["已完成"] >= 1

    page = Client()
    page.force_login(user("finance_clerk"))  # the unit's clerk reads the same view
    html = page.get(f"/duties/lists/{rlist['id']}/").content.decode()
    assert "主持党组会听取第1次党建工作汇报" in html and "会议记录1.pdf" in html
    evidence = FulfilmentEvidence.objects.filter(fulfilment__item_id=ask["id"]).first()
    assert evidence is not None
    download = page.get(f"/duties/evidence/{evidence.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(
        b"%PDF")

    report = secretary.get(f"/api/v1/responsibility-lists/{rlist['id']}/report.docx")
    assert report.status_code == 200
    setup = docx_page_setup(report.content)
    assert (round(setup["page_width_mm"]), round(setup["page_height_mm"])) == (210, 297)
    margins = [setup[f"{side}_margin_mm"] for side in ("top", "left", "right", "bottom")]
    assert [round(m) for m in margins] == [37, 28, 26, 35]
    assert "仿宋_GB2312" in setup["east_asian_fonts"]
    text = "\n".join(p.text for p in Document(io.BytesIO(report.content)).paragraphs)
    items = len(detail["items"])
    assert f"共承担责任事项{items}项，已完成{detail['counts']['已完成']}项" in text
    assert "形成履责记实2条，佐证材料2份" in text
    assert "主持党组会听取第2次党建工作汇报（佐证材料1份）" in text
    assert f"述责〔{today.year}〕" in text and "述责述廉报告" in text.replace("\n", "")
    sections = [text.index(h) for h in ("一、履行责任情况", "二、存在的问题", "三、下一步打算")]
    assert sections == sorted(sections)


def test_the_bodys_report_goes_to_the_higher_committee(
    make_list: Callable[..., dict], finance_group: Organization,
    api_as: Callable[[str], APIClient],
) -> None:
    rlist = make_list(finance_group)
    report = api_as("finance_clerk").get(f"/api/v1/responsibility-lists/{rlist['id']}/"
                                         "report.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(report.content)).paragraphs)
    assert "示范县人民政府党组：" in text  # 主送: the nearest party body above
    assert "主体责任情况的报告" in text.replace("\n", "")


def test_the_draft_report_follows_the_figures_it_summarises(
    make_list: Callable[..., dict], finance_group: Organization, user: Callable[[str], User],
    api_as: Callable[[str], APIClient], today: date,
) -> None:
    from dangjian.duties.documents import report_body
    from dangjian.duties.kinds import State
    from dangjian.duties.models import ResponsibilityItem, ResponsibilityList
    from dangjian.duties.selectors import list_view

    secretary = user("finance_secretary")
    created = make_list(finance_group, person=secretary.person_id)
    rlist = ResponsibilityList.objects.get(pk=created["id"])

    def read() -> tuple[str, Any]:
        view = list_view(rlist, secretary, today)
        return "\n".join(report_body(view)), view.counts

    text, counts = read()
    assert counts[State.DUE] > 0  # a fresh list: most items are still to do
    assert "未发现逾期事项" not in text and "均已完成" not in text
    problems = text.split("二、存在的问题")[1].split("三、下一步打算")[0]
    due = counts[State.DUE]
    assert f"尚未完成{due}项" in problems or f"尚有{due}项未完成" in problems
    assert problems.count("尚未完成（待完成）") == counts[State.DUE]

    # change the figures: one item left, and done twice as required
    ResponsibilityItem.objects.filter(list=rlist).exclude(template_key="sec.ask").update(
        active=False)
    ask = ResponsibilityItem.objects.get(list=rlist, template_key="sec.ask")
    for n in (1, 2):
        api_as("finance_secretary").post("/api/v1/fulfilments/", {
            "item": ask.pk, "done_on": str(max(today - timedelta(days=n), date(today.year, 1, 1))),
            "description": f"听取第{n}次汇报"}, format="multipart")
    text, counts = read()
    assert counts == {State.DONE: 1}
    assert "共承担责任事项1项，已完成1项，待完成0项，逾期0项" in text
    assert "责任清单各事项均已完成，未发现逾期事项" in text and "尚未完成" not in text
    assert "逾期事项明确整改时限" not in text
