"""公开事项 over the API: 提出 → 审核（保密审查） → 审批 → 已公开 → 已撤回, with the drafter kept
out of his own review and approval."""

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.audit.models import AuditEvent
from dangjian.openness.models import Disclosure

from .conftest import API

pytestmark = pytest.mark.django_db


def _post(client: APIClient, pk: int, verb: str, **body: Any) -> Any:
    return client.post(f"{API}{pk}/{verb}/", body, format="json")


def test_a_disclosure_goes_through_the_four_steps_and_each_is_audited(
    published: Callable[..., dict[str, Any]],
) -> None:
    done = published()
    assert done["status"] == "已公开"
    assert done["published_on"] is not None
    assert done["reviewed_by"] != done["drafted_by"] and done["approved_by"] != done["drafted_by"]
    actions = list(AuditEvent.objects.filter(object_id=str(done["id"]),
                                             action__startswith="disclosure.")
                   .values_list("action", flat=True).order_by("id"))
    assert actions == ["disclosure.create", "disclosure.submit", "disclosure.review",
                       "disclosure.approve", "disclosure.publish"]


def test_the_due_date_follows_the_working_day_calendar(
    draft: Callable[..., dict[str, Any]],
) -> None:
    # Ad hoc (随时): 5 working days after 2026-09-30, over the National Day holiday (10-01 to
    # 10-07 off; Saturday 10-10 worked): 10-08, 10-09, 10-10, 10-12, 10-13.
    made = draft(matter_on="2026-09-30")
    assert made["due_on"] == "2026-10-13"


def test_the_drafter_cannot_review_his_own_draft(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft()
    clerk = api_as("finance_clerk")
    assert _post(clerk, made["id"], "submit").status_code == 200
    refused = _post(clerk, made["id"], "review", decision="accept")
    assert refused.status_code == 403
    assert "拟稿人不能审核本人起草" in refused.json()["detail"]
    assert Disclosure.objects.get(pk=made["id"]).status == "审核"


def test_the_drafter_cannot_approve_his_own_draft(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft(by="finance_secretary")
    secretary, clerk = api_as("finance_secretary"), api_as("finance_clerk")
    assert _post(secretary, made["id"], "submit").status_code == 200
    assert _post(clerk, made["id"], "review", decision="accept").status_code == 200
    refused = _post(secretary, made["id"], "approve", decision="accept")
    assert refused.status_code == 403
    assert "拟稿人不能审批" in refused.json()["detail"]
    assert Disclosure.objects.get(pk=made["id"]).status == "审批"


def test_a_clerk_is_one_role_below_the_approver(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft(by="finance_secretary")
    clerk = api_as("finance_clerk")
    assert _post(api_as("finance_secretary"), made["id"], "submit").status_code == 200
    assert _post(clerk, made["id"], "review", decision="accept").status_code == 200
    refused = _post(clerk, made["id"], "approve", decision="accept")
    assert refused.status_code == 403
    assert refused.json()["detail"] == "仅本单位书记可以审批或撤回公开事项"


def test_a_read_only_leader_cannot_draft(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    before = Disclosure.objects.count()
    response = api_as("vice_head").post(API, {
        "organization": org("县财政局").pk, "title": "标题", "body": "内容", "domain": "党务",
        "audience": "党内", "channel": "会议", "matter_on": "2026-11-20"}, format="json")
    assert response.status_code == 403
    assert Disclosure.objects.count() == before


def test_another_unit_neither_sees_nor_moves_the_disclosure(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
    org: Callable[[str], Any],
) -> None:
    made = draft()
    edu = api_as("edu_clerk")
    assert edu.get(f"{API}{made['id']}/").status_code == 404
    assert _post(edu, made["id"], "submit").status_code == 404
    other = edu.post(API, {"organization": org("县财政局").pk, "title": "t", "body": "b",
                           "domain": "党务", "audience": "党内", "channel": "会议",
                           "matter_on": "2026-11-20"}, format="json")
    assert other.status_code == 400
    assert Disclosure.objects.get(pk=made["id"]).status == "拟稿"


def test_submitting_twice_in_a_row_is_refused_the_second_time(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft()
    clerk = api_as("finance_clerk")
    assert _post(clerk, made["id"], "submit").status_code == 200
    again = _post(clerk, made["id"], "submit")
    assert again.status_code == 400
    assert "不能变为" in again.json()["detail"]
    assert AuditEvent.objects.filter(action="disclosure.submit",
                                     object_id=str(made["id"])).count() == 1


def test_publishing_before_approval_is_refused(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft()
    refused = _post(api_as("finance_clerk"), made["id"], "publish")
    assert refused.status_code == 400
    assert Disclosure.objects.get(pk=made["id"]).published_on is None


def test_a_return_needs_a_reason_and_goes_back_to_the_drafter(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft()
    secretary = api_as("finance_secretary")
    assert _post(api_as("finance_clerk"), made["id"], "submit").status_code == 200
    bare = _post(secretary, made["id"], "review", decision="return")
    assert bare.status_code == 400 and "理由" in bare.json()["detail"]
    returned = _post(secretary, made["id"], "review", decision="return",
                     comment="含有个人身份证号，须删除")
    assert returned.status_code == 200
    assert returned.json()["status"] == "拟稿"
    assert returned.json()["review_note"] == "含有个人身份证号，须删除"


def test_withdrawal_needs_a_reason_and_keeps_the_record(
    api_as: Callable[[str], APIClient], published: Callable[..., dict[str, Any]],
) -> None:
    done = published()
    secretary = api_as("finance_secretary")
    bare = _post(secretary, done["id"], "withdraw", reason=" ")
    assert bare.status_code == 400
    assert Disclosure.objects.get(pk=done["id"]).status == "已公开"
    by_clerk = _post(api_as("finance_clerk"), done["id"], "withdraw", reason="数据有误")
    assert by_clerk.status_code == 403
    withdrawn = _post(secretary, done["id"], "withdraw", reason="数据有误，更正后重新公开")
    assert withdrawn.status_code == 200
    kept = Disclosure.objects.get(pk=done["id"])
    assert (kept.status, kept.withdrawn_reason) == ("已撤回", "数据有误，更正后重新公开")
    assert kept.withdrawn_on == timezone.localdate()
    assert _post(secretary, done["id"], "withdraw", reason="再撤一次").status_code == 400


def test_an_attachment_is_checked_and_kept_only_on_a_draft(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    made = draft()
    clerk = api_as("finance_clerk")
    pdf = SimpleUploadedFile("公开栏.pdf", b"%PDF-1.4\n% board\n", content_type="application/pdf")
    added = clerk.post(f"{API}{made['id']}/attachments/", {"file": pdf}, format="multipart")
    assert added.status_code == 201, added.content
    fake = SimpleUploadedFile("x.pdf", b"MZ not a pdf", content_type="application/pdf")
    assert clerk.post(f"{API}{made['id']}/attachments/", {"file": fake},
                      format="multipart").status_code == 400
    assert len(clerk.get(f"{API}{made['id']}/").json()["attachments"]) == 1
