"""Numbers too large for their column and years no page can show (issue 10): a clear Chinese
refusal or this year's page, never a 500; nothing saved."""

from collections.abc import Callable

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.members.models import Candidate, Step

from .conftest import TIMELINE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("hours", [32768, 10**20])
def test_training_hours_beyond_a_small_integer_are_refused_by_the_api(
    api_as: Callable[[str], APIClient], applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate], hours: int,
) -> None:
    candidate = advance(applicant(), 10)
    client = api_as("finance_clerk")
    client.raise_request_exception = False
    response = client.post(f"/api/v1/candidates/{candidate.pk}/steps/", {
        "step": 11, "date": str(TIMELINE[11][0]), "training_days": 3, "training_hours": hours},
        format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["training_hours"] == ["请确保该值小于或者等于 32767。"]
    assert not Step.objects.filter(candidate=candidate, number=11).exists()


def test_a_count_beyond_a_small_integer_is_refused_by_the_page(
    client: Client, demo_password: str, applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate],
) -> None:
    candidate = advance(applicant(), 10)
    client.raise_request_exception = False
    client.login(username="finance_clerk", password=demo_password)
    response = client.post(f"/members/candidates/{candidate.pk}/steps/", {
        "step": "11", "date": str(TIMELINE[11][0]), "training_days": "3",
        "training_hours": str(10**20)}, follow=True)
    assert response.status_code == 200
    # The refusal is shown in the form, beside its field, not in a banner (issue 11 item 8).
    assert [str(m) for m in response.context["messages"]] == []
    kept = client.session["form_errors"][f"step-{candidate.pk}"]["errors"]
    assert kept == {"training_hours": ["培训学时应为 0 至 32767 的整数"]}
    assert "培训学时应为 0 至 32767 的整数" in response.content.decode()
    assert not Step.objects.filter(candidate=candidate, number=11).exists()


@pytest.mark.parametrize("year", ["99999999999999999999", "abc", "0"])
def test_a_year_no_page_can_show_falls_back_to_this_year(
    client: Client, demo_password: str, year: str,
) -> None:
    client.raise_request_exception = False
    client.login(username="finance_clerk", password=demo_password)
    response = client.get("/members/study/", {"year": year})
    assert response.status_code == 200
