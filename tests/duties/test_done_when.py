"""The issue's "done when" for duties: the yearly list shows what was done with evidence, and
its Word report opens in the GB/T 9704 format, filled with the list's real figures."""

import io
from collections.abc import Callable
from datetime import date
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
