"""村集体经济收入 through the API: 村报 → 乡镇审核 → 县核定, and every refusal on the way."""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.orgs.models import Organization, OrgKind
from dangjian.villages.models import Income, IncomeStatus
from tests.conftest import fixed_today

pytestmark = pytest.mark.django_db
URL = "/api/v1/village-incomes/"
LAST_YEAR = fixed_today().year - 1


def _report(api: APIClient, village: Organization, **amounts: Any) -> Any:
    return api.post(URL, {"organization": village.pk, "year": LAST_YEAR,
                          "amounts": amounts or {"经营收入": "12.50", "补助收入": "3"}},
                    format="json")


def _submitted(api_as: Callable[[str], APIClient], village: Organization) -> dict[str, Any]:
    clerk = api_as("village_clerk")
    income = _report(clerk, village).json()
    answer = clerk.post(f"{URL}{income['id']}/submit/", {"version": income["version"]},
                        format="json")
    assert answer.status_code == 200, answer.json()
    return dict(answer.json())


def test_the_village_reports_the_township_returns_then_accepts_and_the_county_confirms(
        api_as: Callable[[str], APIClient], village: Organization) -> None:
    income = _submitted(api_as, village)
    assert income["status"] == IncomeStatus.REPORTED
    assert income["total"] == "15.50" and income["operating_income"] == "12.50"
    town = api_as("town_clerk")
    returned = town.post(f"{URL}{income['id']}/verify/",
                         {"decision": "return", "comment": "补助收入缺凭证"}, format="json")
    assert returned.json()["status"] == IncomeStatus.RETURNED
    clerk = api_as("village_clerk")
    fixed = clerk.patch(f"{URL}{income['id']}/", {
        "version": returned.json()["version"],
        "amounts": {"经营收入": "12.50", "补助收入": "2.00"}}, format="json")
    assert fixed.status_code == 200, fixed.json()
    clerk.post(f"{URL}{income['id']}/submit/", {}, format="json")
    accepted = town.post(f"{URL}{income['id']}/verify/", {"decision": "accept"}, format="json")
    assert accepted.json()["status"] == IncomeStatus.VERIFIED
    confirmed = api_as("county_clerk").post(f"{URL}{income['id']}/confirm/", {}, format="json")
    assert confirmed.status_code == 200, confirmed.json()
    assert confirmed.json()["status"] == IncomeStatus.CONFIRMED
    assert confirmed.json()["total"] == "14.50"


def test_a_confirmed_income_is_locked(api_as: Callable[[str], APIClient],
                                      village: Organization) -> None:
    income = _submitted(api_as, village)
    api_as("town_clerk").post(f"{URL}{income['id']}/verify/", {"decision": "accept"},
                              format="json")
    confirmed = api_as("county_clerk").post(f"{URL}{income['id']}/confirm/", {}, format="json")
    edit = api_as("village_clerk").patch(f"{URL}{income['id']}/", {
        "version": confirmed.json()["version"], "amounts": {"经营收入": "99"}}, format="json")
    assert edit.status_code == 400
    assert "县核定" in str(edit.json())
    again = api_as("county_clerk").post(f"{URL}{income['id']}/confirm/", {}, format="json")
    assert again.status_code == 400
    assert Income.objects.get(pk=income["id"]).operating == Decimal("12.50")


def test_a_return_needs_a_reason(api_as: Callable[[str], APIClient],
                                 village: Organization) -> None:
    income = _submitted(api_as, village)
    answer = api_as("town_clerk").post(f"{URL}{income['id']}/verify/",
                                       {"decision": "return", "comment": "  "}, format="json")
    assert answer.status_code == 400
    assert "退回须写明理由" in str(answer.json())
    assert Income.objects.get(pk=income["id"]).status == IncomeStatus.REPORTED


def test_the_village_cannot_verify_its_own_report(api_as: Callable[[str], APIClient],
                                                  village: Organization) -> None:
    income = _submitted(api_as, village)
    answer = api_as("village_clerk").post(f"{URL}{income['id']}/verify/",
                                          {"decision": "accept"}, format="json")
    assert answer.status_code == 403
    assert "乡镇" in answer.json()["detail"]


def test_the_submitter_cannot_verify_even_from_the_township(
        api_as: Callable[[str], APIClient], village: Organization) -> None:
    town = api_as("town_clerk")
    income = _report(town, village).json()
    town.post(f"{URL}{income['id']}/submit/", {}, format="json")
    answer = town.post(f"{URL}{income['id']}/verify/", {"decision": "accept"}, format="json")
    assert answer.status_code == 403
    assert "上报人不能审核" in answer.json()["detail"]
    assert Income.objects.get(pk=income["id"]).status == IncomeStatus.REPORTED


def test_another_townships_clerk_does_not_find_the_report(
        api_as: Callable[[str], APIClient], user: Callable[[str], User],
        village: Organization) -> None:
    income = _submitted(api_as, village)
    other_township = Organization.objects.filter(kind=OrgKind.TOWNSHIP).exclude(
        pk=user("town_clerk").grants.get().organization_id).first()
    stranger = User.objects.create(username="other_town_clerk")
    stranger.grants.create(role="党务干事", organization=other_township)
    client = APIClient()
    client.force_authenticate(stranger)
    answer = client.post(f"{URL}{income['id']}/verify/", {"decision": "accept"}, format="json")
    assert answer.status_code == 404
    assert _report(client, village).status_code == 400  # the village is out of its scope


def test_a_clerk_of_a_department_cannot_report_for_a_village(
        api_as: Callable[[str], APIClient], village: Organization) -> None:
    answer = _report(api_as("finance_clerk"), village)
    assert answer.status_code == 400
    assert not Income.objects.filter(organization=village, year=LAST_YEAR).exists()


def test_the_township_cannot_confirm(api_as: Callable[[str], APIClient],
                                     village: Organization) -> None:
    income = _submitted(api_as, village)
    town = api_as("town_clerk")
    town.post(f"{URL}{income['id']}/verify/", {"decision": "accept"}, format="json")
    answer = town.post(f"{URL}{income['id']}/confirm/", {}, format="json")
    assert answer.status_code == 403
    assert "县级" in answer.json()["detail"]


def test_a_second_report_for_the_same_year_is_refused(
        api_as: Callable[[str], APIClient], village: Organization) -> None:
    clerk = api_as("village_clerk")
    assert _report(clerk, village).status_code == 201
    again = _report(clerk, village)
    assert again.status_code == 400
    assert "已填报" in str(again.json())


@pytest.mark.parametrize(("amount", "message"), [
    ("-0.01", "不能为负数"), ("100000.01", "超过"), ("1.234", "最多两位小数"),
    ("abc", "应为数字"), ("NaN", "应为数字")])
def test_bad_amounts_are_refused(api_as: Callable[[str], APIClient], village: Organization,
                                 amount: str, message: str) -> None:
    answer = _report(api_as("village_clerk"), village, 经营收入=amount)
    assert answer.status_code == 400
    assert message in str(answer.json())
    assert not Income.objects.filter(organization=village, year=LAST_YEAR).exists()


def test_zero_is_an_amount(api_as: Callable[[str], APIClient], village: Organization) -> None:
    answer = _report(api_as("village_clerk"), village, 经营收入="0", 补助收入="0.00")
    assert answer.status_code == 201
    assert answer.json()["total"] == "0.00"


def test_a_category_of_another_accounting_system_is_refused(
        api_as: Callable[[str], APIClient], village: Organization) -> None:
    assert LAST_YEAR >= 2024
    answer = _report(api_as("village_clerk"), village, 发包及上交收入="5")
    assert answer.status_code == 400
    assert "财会〔2023〕14号" in str(answer.json())


def test_a_stale_version_is_a_conflict(api_as: Callable[[str], APIClient],
                                       village: Organization) -> None:
    clerk = api_as("village_clerk")
    income = _report(clerk, village).json()
    clerk.patch(f"{URL}{income['id']}/", {"version": income["version"],
                                           "amounts": {"经营收入": "1"}}, format="json")
    stale = clerk.patch(f"{URL}{income['id']}/", {"version": income["version"],
                                                   "amounts": {"经营收入": "2"}}, format="json")
    assert stale.status_code == 409
    assert Income.objects.get(pk=income["id"]).operating == Decimal("1.00")


def test_a_vice_head_reads_his_linked_village_and_cannot_report(
        api_as: Callable[[str], APIClient], village: Organization) -> None:
    vice = api_as("vice_head")
    rows = vice.get(URL, {"organization": village.pk}).json()
    assert rows["count"] >= 1
    assert _report(vice, village).status_code == 403


def test_a_verification_sent_twice_is_refused_the_second_time(
        api_as: Callable[[str], APIClient], village: Organization) -> None:
    income = _submitted(api_as, village)
    town = api_as("town_clerk")
    first = town.post(f"{URL}{income['id']}/verify/", {"decision": "accept"}, format="json")
    assert first.status_code == 200
    again = town.post(f"{URL}{income['id']}/verify/", {"decision": "return", "comment": "再看"},
                      format="json")
    assert again.status_code == 400
    assert Income.objects.get(pk=income["id"]).status == IncomeStatus.VERIFIED
