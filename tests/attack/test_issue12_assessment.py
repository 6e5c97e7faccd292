"""Adversarial review of issue 12's assessment: ids outside the caller's scope, the role just
below the allowed one, twice in a row, edges of the appeal window, nobody approving or handling
what they asked for themselves, and two writers at once (real threads; PostgreSQL with
DATABASE_URL)."""

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import RoleGrant, User
from dangjian.access.roles import Role
from dangjian.assessment.models import Appeal, Indicator, Method, Result, Scheme, Score, TargetKind
from dangjian.assessment.services import appeals, schemes, scoring
from dangjian.assessment.services.appeals import appeal_deadline
from dangjian.orgs.models import Organization, OrgKind
from tests.concurrency import database_file, in_thread, meeting_before, run_together

API = "/api/v1/assessment/"
TODAY = timezone.localdate()  # the suite's fixed clock: schemes of its year are still open


def _scheme(assessor: User, year: int = TODAY.year) -> Scheme:
    county = Organization.objects.filter(kind=OrgKind.COUNTY_COMMITTEE).order_by("path")[0]
    scheme = schemes.create_scheme(assessor, year=year, name="考核", organization=county,
                                   target_kind=TargetKind.DEPARTMENT)
    schemes.add_indicator(assessor, scheme, code="1", name="实绩", max_points=100,
                          method=Method.MANUAL)
    return schemes.publish(assessor, scheme)


def _score(assessor: User, scheme: Scheme, unit: str, points: str = "60") -> Score:
    return scoring.enter_manual(assessor, scheme.indicators.get(code="1"),
                                organization=Organization.objects.get(name=unit),
                                period=str(scheme.year), points=points, basis_text="实绩")


@pytest.fixture
def scored(db: None, user: Callable[[str], User]) -> tuple[Scheme, Score, Score]:
    assessor = user("assessor")
    scheme = _scheme(assessor)
    return (scheme, _score(assessor, scheme, "县财政局党组"),
            _score(assessor, scheme, "县教育局党组"))


def test_a_unit_cannot_appeal_another_units_score(
        scored: tuple[Scheme, Score, Score], api_as: Callable[[str], APIClient],
        user: Callable[[str], User]) -> None:
    _, _, edu = scored
    answer = api_as("finance_clerk").post(f"{API}appeals/", {"score": edu.pk, "reason": "x"},
                                          format="json")
    assert answer.status_code == 400 and "不在您的范围内" in answer.json()["detail"]
    with pytest.raises(PermissionDenied, match="被考核单位的书记或党务干事"):
        appeals.raise_appeal(user("finance_clerk"), edu, reason="x", on=TODAY)
    assert not Appeal.objects.exists()
    # out of scope reads: the other unit's score is a 404, not a 403
    assert api_as("finance_clerk").get(f"{API}scores/{edu.pk}/").status_code == 404


def test_the_role_just_below_may_not_handle_appeals_nor_approve(
        scored: tuple[Scheme, Score, Score], api_as: Callable[[str], APIClient]) -> None:
    scheme, finance, _ = scored
    raised = api_as("finance_clerk").post(f"{API}appeals/", {"score": finance.pk,
                                                             "reason": "漏计"}, format="json")
    assert raised.status_code == 201, raised.content
    appeal = raised.json()["id"]
    for username in ("finance_secretary", "county_head", "inspector"):
        answer = api_as(username).post(f"{API}appeals/{appeal}/accept/")
        assert answer.status_code in (403, 404), (username, answer.content)
    assert Appeal.objects.get(pk=appeal).status == Appeal.Status.RAISED
    for username in ("county_head", "inspector", "finance_secretary"):
        answer = api_as(username).post(f"{API}schemes/{scheme.pk}/approve/")
        assert answer.status_code in (403, 404), username
    assert Scheme.objects.get(pk=scheme.pk).status == Scheme.Status.SCORING
    assert not Result.objects.filter(scheme=scheme).exists()


def test_nobody_handles_their_own_appeal(scored: tuple[Scheme, Score, Score],
                                         org: Callable[[str], Organization]) -> None:
    _, finance, _ = scored
    both = User.objects.create(username="clerk_and_assessor")
    RoleGrant.objects.create(user=both, role=Role.UNIT_CLERK, organization=org("县财政局"))
    RoleGrant.objects.create(user=both, role=Role.ASSESSOR, organization=org("县财政局"))
    appeal = appeals.raise_appeal(both, finance, reason="漏计", on=TODAY)
    with pytest.raises(ValidationError, match="不能办理本人提出的复核申请"):
        appeals.accept(both, appeal)
    assert Appeal.objects.get(pk=appeal.pk).status == Appeal.Status.RAISED


def test_twice_in_a_row(scored: tuple[Scheme, Score, Score], user: Callable[[str], User],
                        api_as: Callable[[str], APIClient]) -> None:
    scheme, finance, _ = scored
    assessor = api_as("assessor")
    appeal = appeals.raise_appeal(user("finance_clerk"), finance, reason="漏计",
                                  on=TODAY)
    assert assessor.post(f"{API}appeals/{appeal.pk}/accept/").status_code == 200
    again = assessor.post(f"{API}appeals/{appeal.pk}/accept/")
    assert again.status_code == 400 and "不能再受理" in again.json()["detail"]
    body = {"outcome": "维持", "answer": "依据充分"}
    assert assessor.post(f"{API}appeals/{appeal.pk}/decide/", body,
                         format="json").status_code == 200
    again = assessor.post(f"{API}appeals/{appeal.pk}/decide/", body, format="json")
    assert again.status_code == 400 and "不能重复答复" in again.json()["detail"]
    assert Score.objects.get(pk=finance.pk).points == Decimal("60")
    assert assessor.post(f"{API}schemes/{scheme.pk}/publish/").status_code == 400
    assert assessor.post(f"{API}schemes/{scheme.pk}/approve/").status_code == 200
    results = Result.objects.filter(scheme=scheme).count()
    assert assessor.post(f"{API}schemes/{scheme.pk}/approve/").status_code == 403
    assert Result.objects.filter(scheme=scheme).count() == results


def test_appeal_window_edges_through_the_api(db: None, user: Callable[[str], User],
                                             api_as: Callable[[str], APIClient]) -> None:
    assessor = user("assessor")
    scheme = _scheme(assessor, year=2025)
    score = _score(assessor, scheme, "县财政局党组")
    deadline = appeal_deadline(score)
    assert deadline > date(2025, 12, 31)
    # through the service, on the last day and the day after
    with pytest.raises(ValidationError, match="已超过复核申请期限"):
        appeals.raise_appeal(user("finance_clerk"), score, reason="x",
                             on=deadline + timedelta(days=1))
    assert appeals.raise_appeal(user("finance_clerk"), score, reason="x", on=deadline).pk
    # the API judges on today: long past the 2025 window (any DANGJIAN_TEST_TODAY ≥ 2026-02)
    other = _score(assessor, scheme, "县教育局党组")
    late = api_as("edu_clerk").post(f"{API}appeals/", {"score": other.pk, "reason": "x"},
                                    format="json")
    assert late.status_code == 400 and "已超过复核申请期限" in late.json()["detail"]
    assert not Appeal.objects.filter(score=other).exists()


def test_edge_sizes(scored: tuple[Scheme, Score, Score], api_as: Callable[[str], APIClient],
                    org: Callable[[str], Organization]) -> None:
    scheme, _, _ = scored
    assessor = api_as("assessor")
    indicator = Indicator.objects.get(scheme=scheme, code="1")
    for points in ("-1", "1e3", "100.001", "NaN", "99999999"):
        answer = assessor.post(f"{API}scores/", {
            "indicator": indicator.pk, "organization": org("县财政局党组").pk,
            "period": str(scheme.year), "points": points, "basis_text": "x"}, format="json")
        assert answer.status_code == 400, (points, answer.content)
    for period in (f"{scheme.year}-Q1", str(scheme.year - 1), "x" * 11):
        answer = assessor.post(f"{API}scores/", {
            "indicator": indicator.pk, "organization": org("县财政局党组").pk,
            "period": period, "points": "1", "basis_text": "x"}, format="json")
        assert answer.status_code == 400, (period, answer.content)
    answer = assessor.post(f"{API}scores/", {
        "indicator": indicator.pk, "organization": org("县财政局").pk,
        "period": str(scheme.year),
        "points": "1", "basis_text": "x"}, format="json")
    assert answer.status_code == 400 and "不是本方案的考核对象" in answer.json()["detail"]
    assert Score.objects.filter(indicator=indicator, points=Decimal("1")).count() == 0


# --- two writers at once ---------------------------------------------------------------------


def _status(response: Any) -> int:
    return 500 if isinstance(response, Exception) else response.status_code


@pytest.mark.django_db(transaction=True)
def test_two_approvals_and_two_appeals_at_once(committed_demo: None, tmp_path: Path,
                                               api_as: Callable[[str], APIClient],
                                               user: Callable[[str], User]) -> None:
    assessor = user("assessor")
    scheme = _scheme(assessor)
    finance = _score(assessor, scheme, "县财政局党组")
    _score(assessor, scheme, "县教育局党组", "70")
    database = database_file(tmp_path)

    def appeal(username: str) -> Callable[[], Any]:
        def call() -> Any:
            client = api_as(username)
            client.raise_request_exception = False
            return client.post(f"{API}appeals/", {"score": finance.pk, "reason": username},
                               format="json")
        return call

    with meeting_before(Appeal, "save", parties=2):
        answers = run_together([appeal("finance_clerk"), appeal("finance_secretary")],
                               database=database)
    assert sorted(_status(a) for a in answers) == [201, 400], answers
    assert in_thread(lambda: Appeal.objects.filter(score=finance.pk).count(),
                     database=database) == 1

    def approve() -> Any:
        client = api_as("assessor")
        client.raise_request_exception = False
        return client.post(f"{API}schemes/{scheme.pk}/approve/")

    with meeting_before(Scheme, "save", parties=2):
        answers = run_together([approve, approve], database=database)
    assert sorted(_status(a) for a in answers) == [200, 403], answers
    rows = in_thread(lambda: list(Result.objects.filter(scheme=scheme.pk)
                                  .values_list("organization", flat=True)), database=database)
    assert len(rows) == len(set(rows)) == len(scoring.targets_of(scheme))
