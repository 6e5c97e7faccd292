"""Plans through the API: parse (nothing saved), create from text or file, confirm, revise."""

import io
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.orgs.models import Organization
from dangjian.tasks.models import Plan, PlanRevision, Proposal, Task

from .conftest import (
    PLAN_SPEECH,
    PLAN_YEAR,
    SEED_NAMES,
    SPEECH,
    SPEECHES,
    labels,
    speech_text,
)

pytestmark = pytest.mark.django_db


def _docx(text: str) -> SimpleUploadedFile:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("讲话.docx", buffer.getvalue())


def _parse_answers_the_labelled_items_and_saves_nothing(client: APIClient, folder: Path,
                                                        stem: str) -> None:
    before = (Plan.objects.count(), AuditEvent.objects.count())
    text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
    response = client.post("/api/v1/plans/parse/", {"text": text}, format="json")
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    assert [{k: v for k, v in i.items() if k != "reason"} for i in items] == labels(folder, stem)
    assert all(i["reason"]["kind"] in {"marker", "label", "directive"} and i["reason"]["note"]
               for i in items)  # why each item was cut there
    assert (Plan.objects.count(), AuditEvent.objects.count()) == before


@pytest.mark.parametrize("stem", [SPEECH, PLAN_SPEECH])
def test_parse_answers_the_labelled_items_and_saves_nothing(
    api_as: Callable[[str], APIClient], stem: str,
) -> None:
    _parse_answers_the_labelled_items_and_saves_nothing(api_as("finance_clerk"), SPEECHES, stem)


@pytest.mark.parametrize("stem", SEED_NAMES)
def test_parse_answers_the_seeds_labelled_items(
    api_as: Callable[[str], APIClient], seeds: Path, stem: str,
) -> None:
    _parse_answers_the_labelled_items_and_saves_nothing(api_as("finance_clerk"), seeds, stem)


def test_parse_reads_an_uploaded_docx_and_txt(api_as: Callable[[str], APIClient],
                                              speech: str) -> None:
    client = api_as("finance_clerk")
    from_docx = client.post("/api/v1/plans/parse/", {"file": _docx(speech)}, format="multipart")
    assert from_docx.status_code == 200, from_docx.content
    assert len(from_docx.json()["items"]) == 13
    gbk = SimpleUploadedFile("讲话.txt", speech.encode("gb18030"))
    from_txt = client.post("/api/v1/plans/parse/", {"file": gbk}, format="multipart")
    assert [i["title"] for i in from_txt.json()["items"]] == [
        i["title"] for i in from_docx.json()["items"]]


def test_a_plan_is_created_from_a_file_as_a_draft_of_proposals(
    api_as: Callable[[str], APIClient], government: Organization, today: date,
) -> None:
    text = speech_text(PLAN_SPEECH)
    response = api_as("county_head").post("/api/v1/plans/", {
        "organization": government.pk, "kind": "工作要点", "year": PLAN_YEAR,
        "file": _docx(text)}, format="multipart")
    assert response.status_code == 201, response.content
    plan = response.json()
    # the document's own title line, below the shop's ad lines
    assert plan["title"] == f"示范县人民政府党组{PLAN_YEAR}年党的建设工作要点"
    revision = plan["revisions"][0]
    assert revision["status"] == "待审核" and revision["source_name"] == "讲话.docx"
    proposals = revision["proposals"]
    assert len(proposals) == 12 and not Task.objects.filter(plan_id=plan["id"]).exists()
    # "县政府党组成员" is the county party group; its members are suggested as leaders.
    first = proposals[0]
    assert first["suggestions"][0]["organizations"] == [
        {"id": government.pk, "name": government.name}]
    assert len(first["suggestions"][0]["persons"]) == 7  # 县长 and six 副县长
    assert first["lead_unit"] == government.pk
    # "“七一”前" and "年底前" become dates of the plan's year, "2025年6月底前" keeps its own
    # year; no deadline: the plan year's end.
    by_path = {tuple(p["path"]): p for p in proposals}
    assert by_path[("三", "三")]["due_on"] == str(date(PLAN_YEAR + 1, 6, 30))
    assert by_path[("三", "二")]["due_on"] == str(date(PLAN_YEAR, 7, 1))
    assert by_path[("三", "一")]["due_on"] == str(date(PLAN_YEAR, 12, 31))
    assert by_path[("一", "一")]["due_on"] == str(date(PLAN_YEAR, 12, 31))


def test_confirm_without_items_uses_the_reviewed_proposals(
    api_as: Callable[[str], APIClient], government: Organization, speech: str, today: date,
    org: Callable[[str], Organization], user: Callable[[str], User],
) -> None:
    head = api_as("county_head")
    plan = head.post("/api/v1/plans/", {"organization": government.pk, "kind": "讲话",
                                        "year": today.year, "text": speech},
                     format="json").json()
    refused = head.post(f"/api/v1/plans/{plan['id']}/confirm/", {}, format="json")
    assert refused.status_code == 400 and "未指定牵头单位" in refused.json()["detail"]
    assert len(refused.json()["errors"]["items"]) >= 13
    Proposal.objects.filter(revision__plan_id=plan["id"]).update(
        lead_unit=org("县财政局"), leader=user("vice_head").person)
    Proposal.objects.filter(revision__plan_id=plan["id"], position=13).update(dropped=True)
    done = head.post(f"/api/v1/plans/{plan['id']}/confirm/", {}, format="json")
    assert done.status_code == 200, done.content
    assert Task.objects.filter(plan_id=plan["id"]).count() == 12
    again = head.post(f"/api/v1/plans/{plan['id']}/confirm/", {}, format="json")
    assert again.status_code == 400 and "没有待确认的版本" in again.json()["detail"]


def test_a_revision_shows_which_tasks_changed(
    api_as: Callable[[str], APIClient], speech: str, deploy: Callable[..., dict], today: date,
) -> None:
    plan = deploy(speech)
    tasks = {t.title: t for t in Task.objects.filter(plan_id=plan["id"])}
    due = today + timedelta(days=45)  # not the 60 days deploy gives; the year may turn
    deadline = f"{due.year}年{due.month}月{due.day}日前完成整改台账销号。"
    revised = (speech.replace("深化以案促改。", f"深化以案促改。{deadline}")
               .replace("严肃问责追责。", "").replace("纳入年度综合考评", "不列入考评"))
    revised = revised.replace("规范权力运行。要在", "扎紧制度笼子。要在")
    assert revised.count(deadline) == 1 and "严肃问责追责" not in revised
    assert "扎紧制度笼子" in revised and "纳入年度综合考评" not in revised
    head = api_as("county_head")
    response = head.post(f"/api/v1/plans/{plan['id']}/revise/", {"text": revised},
                         format="json")
    assert response.status_code == 201, response.content
    draft = response.json()["revisions"][-1]
    assert draft["number"] == 2 and draft["status"] == "待审核"
    linked = {p["title"]: p["task"] for p in draft["proposals"]}
    assert linked["深化以案促改"] == tasks["深化以案促改"].pk  # same title: same task
    assert linked["扎紧制度笼子"] == tasks["规范权力运行"].pk  # same place in the outline
    assert head.post(f"/api/v1/plans/{plan['id']}/confirm/", {}, format="json").status_code == 200
    changes = PlanRevision.objects.get(plan_id=plan["id"], number=2).changes
    changed = {c["task"]: c["fields"] for c in changes["changed"]}
    assert "完成时限" in changed[tasks["深化以案促改"].pk]
    assert "任务" in changed[tasks["规范权力运行"].pk]
    assert len(changes["unchanged"]) >= 9
    opened = Task.objects.get(pk=tasks["深化以案促改"].pk)
    assert opened.due_on == due and opened.changed_in == 2
    page = api_as("county_head").get(f"/api/v1/plans/{plan['id']}/").json()
    assert [r["number"] for r in page["revisions"]] == [1, 2]


def test_a_revision_withdraws_the_tasks_it_drops(
    api_as: Callable[[str], APIClient], speech: str, deploy: Callable[..., dict],
) -> None:
    plan = deploy(speech)
    dropped = Task.objects.get(plan_id=plan["id"], title="深化以案促改")
    head = api_as("county_head")
    cut = speech[:speech.index("四是深化以案促改")]  # the last item and the closing go
    head.post(f"/api/v1/plans/{plan['id']}/revise/", {"text": cut}, format="json")
    head.post(f"/api/v1/plans/{plan['id']}/confirm/", {}, format="json")
    dropped.refresh_from_db()
    assert dropped.status == "已撤销"
    changes = PlanRevision.objects.get(plan_id=plan["id"], number=2).changes
    assert changes["withdrawn"] == [dropped.pk]
    listed = head.get("/api/v1/tasks/", {"plan": plan["id"], "status": "已撤销"}).json()
    assert [t["id"] for t in listed["results"]] == [dropped.pk]


def test_milestones_set_the_light_before_the_deadline(
    api_as: Callable[[str], APIClient], government: Organization, today: date,
    org: Callable[[str], Organization], user: Callable[[str], User], speech: str,
) -> None:
    head = api_as("county_head")
    plan = head.post("/api/v1/plans/", {"organization": government.pk, "kind": "讲话",
                                        "year": today.year, "text": speech},
                     format="json").json()
    first = plan["revisions"][0]["proposals"][0]
    item: dict[str, Any] = {
        "title": first["title"], "lead_unit": org("县财政局").pk,
        "leader": user("vice_head").person_id, "due_on": str(today + timedelta(days=120)),
        "milestones": [{"title": "制定方案", "due_on": str(today - timedelta(days=1))}]}
    assert head.post(f"/api/v1/plans/{plan['id']}/confirm/", {"items": [item]},
                     format="json").status_code == 200
    task = head.get("/api/v1/tasks/", {"plan": plan["id"]}).json()["results"][0]
    assert task["light"] == "red" and task["milestones"][0]["title"] == "制定方案"
