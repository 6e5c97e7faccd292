"""Every refusal of the duties issue: a clear Chinese message, and nothing saved."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.duties.models import Fulfilment, FulfilmentEvidence, ResponsibilityList
from dangjian.orgs.models import Organization

from .conftest import item_of

pytestmark = pytest.mark.django_db


def _post_list(client: APIClient, organization: Organization, year: int,
               person: int | None = None) -> Any:
    return client.post("/api/v1/responsibility-lists/", {
        "organization": organization.pk, "year": year, "person": person}, format="json")


def test_a_list_is_kept_on_a_party_body_once_a_year(
    api_as: Callable[[str], APIClient], finance_group: Organization, today: date,
    org: Callable[[str], Organization], make_list: Callable[..., dict],
) -> None:
    clerk = api_as("finance_clerk")
    unit = _post_list(clerk, org("县财政局"), today.year)
    assert unit.status_code == 400 and "应建在党组织上" in unit.json()["detail"]
    make_list(finance_group)
    again = _post_list(clerk, finance_group, today.year)
    assert again.status_code == 400 and "已经建立" in again.json()["detail"]
    assert ResponsibilityList.objects.filter(organization=finance_group).count() == 1


def test_a_personal_list_needs_a_post_in_the_body(
    api_as: Callable[[str], APIClient], finance_group: Organization, today: date,
    user: Callable[[str], User],
) -> None:
    response = _post_list(api_as("finance_clerk"), finance_group, today.year,
                          user("member").person_id)
    assert response.status_code == 400 and "没有现任领导职务" in response.json()["detail"]


def test_only_the_unit_or_the_leader_keeps_a_list(
    api_as: Callable[[str], APIClient], finance_group: Organization, today: date,
    user: Callable[[str], User], org: Callable[[str], Organization],
) -> None:
    assert _post_list(api_as("edu_clerk"), finance_group, today.year).status_code == 400
    assert _post_list(api_as("vice_head"), finance_group, today.year).status_code == 403
    # A vice head keeps his own list, not another leader's.
    government = org("示范县人民政府党组")
    other = _post_list(api_as("vice_head"), government, today.year,
                       user("county_head").person_id)
    assert other.status_code == 400
    assert not ResponsibilityList.objects.exists()


@pytest.fixture
def item(make_list: Callable[..., dict], finance_group: Organization,
         user: Callable[[str], User]) -> dict:
    rlist = make_list(finance_group, person=user("finance_secretary").person_id)
    return item_of(rlist, "sec.coordinate")["item"]


@pytest.mark.parametrize(("shift", "message"), [
    (timedelta(days=1), "不能晚于今天"),
    (-timedelta(days=400), "年内"),
])
def test_a_record_dated_outside_the_year_or_ahead_is_refused(
    api_as: Callable[[str], APIClient], item: dict, today: date, shift: timedelta,
    message: str,
) -> None:
    response = api_as("finance_secretary").post("/api/v1/fulfilments/", {
        "item": item["id"], "done_on": str(today + shift), "description": "协调会"},
        format="json")
    assert response.status_code == 400 and message in response.json()["detail"]
    assert not Fulfilment.objects.exists()


@pytest.mark.parametrize(("upload", "message"), [
    (SimpleUploadedFile("记录.exe", b"MZ"), "不支持的文件类型"),
    (SimpleUploadedFile("记录.pdf", b"MZ not a pdf"), "文件内容与扩展名"),
    (SimpleUploadedFile("记录.pdf", b""), "空文件"),
])
def test_a_bad_evidence_file_refuses_the_whole_record(
    api_as: Callable[[str], APIClient], item: dict, today: date, upload: Any, message: str,
) -> None:
    response = api_as("finance_secretary").post("/api/v1/fulfilments/", {
        "item": item["id"], "done_on": str(today), "description": "协调会", "files": [upload]},
        format="multipart")
    assert response.status_code == 400 and message in response.json()["detail"]
    assert not Fulfilment.objects.exists() and not FulfilmentEvidence.objects.exists()


def test_only_the_leader_or_the_units_clerk_records(
    api_as: Callable[[str], APIClient], item: dict, today: date,
) -> None:
    body = {"item": item["id"], "done_on": str(today), "description": "协调会"}
    assert api_as("vice_head").post("/api/v1/fulfilments/", body,
                                    format="json").status_code == 403
    assert api_as("edu_clerk").post("/api/v1/fulfilments/", body,
                                    format="json").status_code == 400  # not in scope
    assert api_as("finance_clerk").post("/api/v1/fulfilments/", body,
                                        format="json").status_code == 201


def test_a_local_item_needs_text_and_a_sane_count(
    api_as: Callable[[str], APIClient], item: dict,
) -> None:
    clerk = api_as("finance_clerk")
    empty = clerk.post("/api/v1/responsibility-items/", {"list": item["list"], "text": " "},
                       format="json")
    assert empty.status_code == 400
    many = clerk.post("/api/v1/responsibility-items/", {
        "list": item["list"], "text": "每月谈心谈话", "period": "每月", "times": 99},
        format="json")
    assert many.status_code == 400 and "每期次数" in many.json()["detail"]
