"""The year's figures: the 空壳村 list equals the villages at or under the line, recomputed here
from the income rows; the share and the decline list likewise."""

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.orgs.models import Organization, OrgKind
from dangjian.villages.models import Income, IncomeStatus, Measure, Target
from dangjian.villages.rules import operating_categories
from tests.conftest import fixed_today

pytestmark = pytest.mark.django_db
LAST_YEAR = fixed_today().year - 1
COUNTED = (IncomeStatus.REPORTED, IncomeStatus.VERIFIED, IncomeStatus.CONFIRMED)


def _operating(income: Income) -> Decimal:
    amounts = income.amounts()
    return sum((amounts[c] for c in operating_categories()), Decimal("0"))


def test_the_shell_list_is_the_villages_at_or_under_the_line(
        api_as: Callable[[str], APIClient]) -> None:
    summary = api_as("county_head").get("/api/v1/villages/summary/", {"year": LAST_YEAR}).json()
    rows = Income.objects.filter(year=LAST_YEAR, status__in=COUNTED)
    expected = {i.organization_id for i in rows if _operating(i) <= Decimal("0")}
    assert expected, "the demo has 空壳村"
    assert {v["id"] for v in summary["shell"]} == expected
    assert summary["shell_count"] == len(expected)
    assert summary["villages"] == Organization.objects.filter(kind=OrgKind.VILLAGE).count()


def test_the_share_and_the_declines_are_recomputed_from_the_rows(
        api_as: Callable[[str], APIClient]) -> None:
    summary = api_as("county_head").get("/api/v1/villages/summary/", {"year": LAST_YEAR}).json()
    target = Target.objects.get(year=LAST_YEAR)
    this = {i.organization_id: i.total for i in
            Income.objects.filter(year=LAST_YEAR, status__in=COUNTED)}
    before = {i.organization_id: i.total for i in
              Income.objects.filter(year=LAST_YEAR - 1, status__in=COUNTED)}
    reaching = sum(1 for total in this.values() if total >= target.threshold)
    assert summary["at_or_above"] == reaching
    villages = summary["villages"]
    assert Decimal(summary["share"]) == (Decimal(reaching) * 100 / villages).quantize(
        Decimal("0.01"))
    assert Decimal(summary["target_share"]) == Decimal("40")
    declined = {pk for pk, total in this.items() if pk in before and total < before[pk]}
    assert declined, "the demo has declines"
    assert {v["id"] for v in summary["declined"]} == declined


def test_a_county_line_of_five_widens_the_shell_list(
        api_as: Callable[[str], APIClient]) -> None:
    Target.objects.filter(year=LAST_YEAR).update(shell_line=Decimal("5"))
    summary = api_as("county_head").get("/api/v1/villages/summary/", {"year": LAST_YEAR}).json()
    rows = Income.objects.filter(year=LAST_YEAR, status__in=COUNTED)
    assert {v["id"] for v in summary["shell"]} == {
        i.organization_id for i in rows if _operating(i) <= Decimal("5")}


def test_the_township_sees_its_own_villages_only(
        api_as: Callable[[str], APIClient], user: Callable[[str], User]) -> None:
    township = user("town_clerk").grants.get().organization
    summary = api_as("town_clerk").get("/api/v1/villages/summary/", {"year": LAST_YEAR}).json()
    assert summary["villages"] == Organization.objects.filter(
        kind=OrgKind.VILLAGE, path__startswith=township.path).count()
    assert {row["township"] for row in summary["by_township"]} == {township.name}
    other = Organization.objects.filter(kind=OrgKind.TOWNSHIP).exclude(pk=township.pk).first()
    assert other is not None
    refused = api_as("town_clerk").get("/api/v1/villages/summary/", {"township": other.pk})
    assert refused.status_code == 400


def test_the_county_sets_a_target_and_the_township_may_not(
        api_as: Callable[[str], APIClient]) -> None:
    county = Organization.objects.get(name="中共示范县委员会")
    body = {"organization": county.pk, "year": fixed_today().year, "measure": "operating",
            "threshold": "10", "shell_line": "5"}
    assert api_as("town_clerk").post("/api/v1/village-targets/", body,
                                     format="json").status_code == 400  # county out of scope
    assert api_as("vice_head").post("/api/v1/village-targets/", body,
                                    format="json").status_code == 400
    made = api_as("county_clerk").post("/api/v1/village-targets/", body, format="json")
    assert made.status_code == 201, made.json()
    assert made.json()["target_share"] == "40.00" and made.json()["measure"] == "operating"
    share = api_as("county_clerk").post("/api/v1/village-targets/",
                                        {**body, "target_share": "140"}, format="json")
    assert share.status_code == 400


def test_a_subsidy_heavy_report_and_a_jump_are_flagged(
        api_as: Callable[[str], APIClient]) -> None:
    income = Income.objects.filter(year=LAST_YEAR, status__in=COUNTED).order_by("pk").first()
    assert income is not None
    Income.objects.filter(pk=income.pk).update(operating=Decimal("1"), investment=0, other=0,
                                               subsidy=Decimal("900"))
    summary = api_as("county_head").get("/api/v1/villages/summary/", {"year": LAST_YEAR}).json()
    flags = [a["flag"] for a in summary["anomalies"] if a["id"] == income.organization_id]
    assert any("补助收入占总收入" in f for f in flags)
    assert any("倍" in f for f in flags)


def test_on_an_operating_target_the_decline_list_judges_and_shows_operating_income(
        api_as: Callable[[str], APIClient], as_user: Callable[[str], Client]) -> None:
    Target.objects.filter(year=LAST_YEAR).update(measure=Measure.OPERATING)
    this = {i.organization_id: _operating(i) for i in
            Income.objects.filter(year=LAST_YEAR, status__in=COUNTED)}
    before = {i.organization_id: _operating(i) for i in
              Income.objects.filter(year=LAST_YEAR - 1, status__in=COUNTED)}
    declined = {pk for pk, amount in this.items() if pk in before and amount < before[pk]}
    assert declined, "the demo has villages whose operating income fell"
    summary = api_as("county_head").get("/api/v1/villages/summary/", {"year": LAST_YEAR}).json()
    assert {v["id"] for v in summary["declined"]} == declined
    page = as_user("county_head").get("/villages/summary/", {"year": LAST_YEAR}).content.decode()
    table = page[page.index('data-testid="decline-list"'):]
    table = table[:table.index("</table>")]
    assert "经营性收入" in table
    for pk in declined:
        assert f"<td>{before[pk]}</td><td>{this[pk]}</td>" in table
