"""The signed 检查报告 of a 督导检查 kept as a file, and the inspection as a Word report
(督导检查情况报告, GB/T 9704) (issue 13 item 6)."""

import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from docx import Document
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Inspection, InspectionFile
from dangjian.oversight.services.findings import leader_in_charge
from dangjian.oversight.services.inspections import inspection_add_finding, inspection_create

pytestmark = pytest.mark.django_db

REPORT = b"%PDF-1.4\n% signed inspection report\n"


def _pdf(name: str = "督导检查报告（签字版）.pdf", content: bytes = REPORT) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def inspection(user: Callable[[str], User], org: Callable[[str], Organization]) -> Inspection:
    made = inspection_create(
        actor=user("vice_head"), targets=[org("县财政局")], topics=["执行党章", "民主集中制"],
        inspected_on=timezone.localdate() - timedelta(days=2),
        items=[{"topic": "民主集中制", "text": "“三重一大”事项集体决策", "result": "不符合",
                "note": "2项未上会"},
               {"topic": "执行党章", "text": "按期换届", "result": "符合"}],
        report="县财政局党组执行民主集中制总体较好。\n个别事项未经党组会研究。")
    inspection_add_finding(actor=user("vice_head"), inspection=made,
                           organization=org("县财政局"), category="组织建设", severity="一般",
                           description="两项“三重一大”事项未经党组会集体研究")
    return made



def _files_url(inspection: Inspection) -> str:
    return f"/api/v1/inspections/{inspection.pk}/files/"


def _stored_files() -> set[str]:
    root = Path(django_settings.MEDIA_ROOT) / "inspections"
    return {p.name for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_the_organiser_uploads_the_signed_report_with_its_audit(
        inspection: Inspection, api_as: Callable[[str], APIClient]) -> None:
    response = api_as("vice_head").post(_files_url(inspection), {"file": _pdf()},
                                        format="multipart")
    assert response.status_code == 201, response.content
    kept = InspectionFile.objects.get(pk=response.json()["id"])
    assert kept.inspection == inspection and kept.original_name == "督导检查报告（签字版）.pdf"
    assert kept.uploaded_by is not None and kept.uploaded_by.username == "vice_head"
    with kept.file.open("rb") as stored:
        assert stored.read() == REPORT
    event = AuditEvent.objects.get(action="inspection.attach")
    assert event.object_id == str(inspection.pk) and event.after["sha256"] == kept.sha256
    listed = api_as("vice_head").get(f"/api/v1/inspections/{inspection.pk}/").json()
    assert [f["original_name"] for f in listed["files"]] == ["督导检查报告（签字版）.pdf"]


@pytest.mark.parametrize(("who", "status", "message"), [
    ("edu_clerk", 404, ""),  # another unit: the inspection is as good as unknown
    ("finance_secretary", 403, "只能为本人组织的督导检查上传检查报告"),  # sees it, did not lead it
    ("finance_clerk", 403, "只能为本人组织的督导检查上传检查报告"),
    ("county_head", 403, "只能为本人组织的督导检查上传检查报告"),
    ("inspector", 403, "只能为本人组织的督导检查上传检查报告"),
])
def test_anyone_but_the_organiser_is_refused_and_nothing_is_stored(
        who: str, status: int, message: str, inspection: Inspection,
        api_as: Callable[[str], APIClient]) -> None:
    before = _stored_files()
    response = api_as(who).post(_files_url(inspection), {"file": _pdf()}, format="multipart")
    assert response.status_code == status, response.content
    assert message in response.content.decode()
    assert not InspectionFile.objects.exists()
    assert _stored_files() == before
    assert not AuditEvent.objects.filter(action="inspection.attach").exists()


def test_another_vice_heads_inspection_is_refused_to_him(
        api_as: Callable[[str], APIClient], user: Callable[[str], User],
        org: Callable[[str], Organization]) -> None:
    other = leader_in_charge(org("县教育局"))
    assert other is not None and other.pk != user("vice_head").person_id
    theirs = Inspection.objects.create(organizer=other, organization=org("县财政局"),
                                       topics=["执行党章"], inspected_on=timezone.localdate(),
                                       created_by=user("inspector"))
    theirs.targets.set([org("县财政局")])
    response = api_as("vice_head").post(_files_url(theirs), {"file": _pdf()},
                                        format="multipart")
    assert response.status_code == 403
    assert "只能为本人组织的督导检查上传检查报告" in response.json()["detail"]
    assert not InspectionFile.objects.exists()


def test_a_vice_head_whose_charge_ended_is_refused(
        inspection: Inspection, api_as: Callable[[str], APIClient],
        user: Callable[[str], User], org: Callable[[str], Organization]) -> None:
    from dangjian.people.models import Charge

    Charge.objects.filter(leader_id=user("vice_head").person_id,
                          organization=org("县财政局")).update(
        end_on=timezone.localdate() - timedelta(days=1))
    response = api_as("vice_head").post(_files_url(inspection), {"file": _pdf()},
                                        format="multipart")
    assert response.status_code in (403, 404)
    assert not InspectionFile.objects.exists()


@pytest.mark.parametrize(("upload", "message"), [
    (SimpleUploadedFile("报告.exe", b"MZ\x90\x00"), "不支持的文件类型“exe”"),
    (SimpleUploadedFile("报告.pdf", b"MZ\x90\x00 not a pdf"), "文件内容与扩展名“pdf”不符"),
    (SimpleUploadedFile("报告.pdf", b""), "文件是空的"),
])
def test_a_bad_file_is_refused_with_the_kernels_message(
        upload: SimpleUploadedFile, message: str, inspection: Inspection,
        api_as: Callable[[str], APIClient]) -> None:
    response = api_as("vice_head").post(_files_url(inspection), {"file": upload},
                                        format="multipart")
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert not InspectionFile.objects.exists()


def test_an_oversize_file_is_refused(
        inspection: Inspection, api_as: Callable[[str], APIClient], settings: Any) -> None:
    settings.DANGJIAN_OVERSIGHT = {"evidence_max_bytes": 1024}
    response = api_as("vice_head").post(
        _files_url(inspection), {"file": _pdf("大.pdf", b"%PDF-" + b"0" * 2048)},
        format="multipart")
    assert response.status_code == 400
    assert "文件超过大小上限" in response.json()["detail"]
    assert not InspectionFile.objects.exists()
    refused = AuditEvent.objects.filter(action="upload.refused").latest("pk")
    assert refused.username == "vice_head" and not refused.success


def test_the_file_is_downloaded_in_scope_and_404_outside(
        inspection: Inspection, api_as: Callable[[str], APIClient],
        as_user: Callable[[str], Client]) -> None:
    kept = api_as("vice_head").post(_files_url(inspection), {"file": _pdf()},
                                    format="multipart").json()
    api = f"/api/v1/inspections/{inspection.pk}/files/{kept['id']}/file"
    page = f"/oversight/inspection-files/{kept['id']}/"
    for who in ("vice_head", "finance_clerk", "inspector"):
        response = api_as(who).get(api)
        assert response.status_code == 200, who
        assert b"".join(response.streaming_content) == REPORT  # type: ignore[attr-defined]
        assert as_user(who).get(page).status_code == 200, who
    assert api_as("edu_clerk").get(api).status_code == 404
    assert as_user("edu_clerk").get(page).status_code == 404
    # the file is only reachable under its own inspection
    other = Inspection.objects.create(organizer=inspection.organizer,
                                      organization=inspection.organization, topics=["执行党章"],
                                      inspected_on=inspection.inspected_on,
                                      created_by=inspection.created_by)
    other.targets.set(inspection.targets.all())
    assert api_as("vice_head").get(
        f"/api/v1/inspections/{other.pk}/files/{kept['id']}/file").status_code == 404
    downloads = AuditEvent.objects.filter(action="file.download").count()
    assert downloads == 6


def _text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def test_the_word_report_holds_targets_checklist_findings_and_text(
        inspection: Inspection, api_as: Callable[[str], APIClient],
        as_user: Callable[[str], Client]) -> None:
    response = api_as("vice_head").get(f"/api/v1/inspections/{inspection.pk}/report/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    disposition = unquote(response["Content-Disposition"])
    assert "县财政局督导检查情况报告" in disposition and disposition.endswith(".docx")
    text = _text(response.content)
    assert "关于对县财政局" in text and "开展督导检查情况的报告" in text
    assert f"督查〔{inspection.inspected_on.year}〕1号" in text
    assert inspection.organizer.name in text
    assert "执行党章、落实民主集中制" in text
    assert "共检查2项，其中符合1项、基本符合0项、不符合1项" in text
    assert "“三重一大”事项集体决策——不符合（2项未上会）" in text
    assert "县财政局（组织建设，一般）：两项“三重一大”事项未经党组会集体研究" in text
    assert "个别事项未经党组会研究。" in text
    page = as_user("vice_head").get(f"/oversight/inspections/{inspection.pk}/report.docx")
    assert page.status_code == 200 and _text(page.content) == text


def test_the_word_report_is_404_outside_the_scope(
        inspection: Inspection, api_as: Callable[[str], APIClient],
        as_user: Callable[[str], Client]) -> None:
    assert api_as("edu_clerk").get(
        f"/api/v1/inspections/{inspection.pk}/report/").status_code == 404
    assert as_user("edu_clerk").get(
        f"/oversight/inspections/{inspection.pk}/report.docx").status_code == 404


def test_the_upload_page_stores_the_file_and_lists_it_on_the_detail(
        inspection: Inspection, as_user: Callable[[str], Client]) -> None:
    vice = as_user("vice_head")
    detail = f"/oversight/inspections/{inspection.pk}/"
    shown = vice.get(detail).content.decode()
    assert "上传检查报告" in shown and "导出报告（Word）" in shown
    url = f"/oversight/inspections/{inspection.pk}/files/new/"
    assert vice.get(url).status_code == 200
    for _ in range(2):  # twice in a row: two files, each kept with its own row
        response = vice.post(url, {"file": _pdf()})
        assert response.status_code == 302 and response["Location"] == detail
    assert InspectionFile.objects.filter(inspection=inspection).count() == 2
    page = vice.get(detail).content.decode()
    kept = InspectionFile.objects.filter(inspection=inspection).first()
    assert kept is not None and f"/oversight/inspection-files/{kept.pk}/" in page


def test_the_upload_page_refuses_others_with_the_reason(
        inspection: Inspection, as_user: Callable[[str], Client]) -> None:
    url = f"/oversight/inspections/{inspection.pk}/files/new/"
    clerk = as_user("finance_secretary")
    refused = clerk.get(url)
    assert refused.status_code == 403
    assert "只能为本人组织的督导检查上传检查报告" in refused.content.decode()
    detail = clerk.get(f"/oversight/inspections/{inspection.pk}/").content.decode()
    assert "上传检查报告" not in detail and "导出报告（Word）" in detail
    posted = clerk.post(url, {"file": _pdf()}, follow=True)  # back on the page, refused
    assert posted.status_code == 403
    assert "只能为本人组织的督导检查上传检查报告" in posted.content.decode()
    assert as_user("edu_clerk").get(url).status_code == 404
    assert as_user("edu_clerk").post(url, {"file": _pdf()}).status_code == 404
    assert not InspectionFile.objects.exists()


def test_the_upload_page_says_what_is_wrong_on_the_field(
        inspection: Inspection, as_user: Callable[[str], Client]) -> None:
    vice = as_user("vice_head")
    url = f"/oversight/inspections/{inspection.pk}/files/new/"
    response = vice.post(url, {"file": SimpleUploadedFile("报告.exe", b"MZ\x90\x00")},
                         follow=True)
    assert "不支持的文件类型“exe”" in response.content.decode()
    response = vice.post(url, {}, follow=True)
    assert "请选择要上传的检查报告文件" in response.content.decode()
    assert not InspectionFile.objects.exists()
