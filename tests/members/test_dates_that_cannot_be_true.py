"""A probation extension decided before the probation it extends is refused (issue 10: dates
of 1900 or 0001 are refused where they cannot be true), and nothing changes."""

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.members.models import Candidate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("decided_on", ["1900-01-01", "2024-09-25"])
def test_an_extension_decided_before_the_last_step_is_refused(
    api_as: Callable[[str], APIClient], applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate], decided_on: str,
) -> None:
    candidate = advance(applicant(), 19)
    latest = max(candidate.steps.values_list("date", flat=True))
    assert str(latest) > decided_on
    response = api_as("finance_secretary").post(
        f"/api/v1/candidates/{candidate.pk}/extend/",
        {"decided_on": decided_on, "months": 6, "reason": "考察期表现需进一步观察"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["decided_on"] == [
        f"决定日期不能早于已记录的上一步（{latest:%Y-%m-%d}）"]
    unchanged: Any = Candidate.objects.get(pk=candidate.pk)
    assert (unchanged.extension_months, unchanged.probation_ends_on) == (
        candidate.extension_months, candidate.probation_ends_on)


@pytest.mark.parametrize("decided_on", ["0001-01-01", "9999-12-31"])
def test_an_extension_dated_out_of_range_is_refused(
    api_as: Callable[[str], APIClient], applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate], decided_on: str,
) -> None:
    candidate = advance(applicant(), 19)
    response = api_as("finance_secretary").post(
        f"/api/v1/candidates/{candidate.pk}/extend/",
        {"decided_on": decided_on, "months": 6, "reason": "考察期表现需进一步观察"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["decided_on"] == [
        "延长预备期决定日期超出允许的范围：须在 1900年01月01日 至 2100年12月31日 之间"]
