"""Issue 12, the assessment's page forms under attack: ids outside the caller's scope, the role
just below the allowed one, the same step twice, edge sizes, and a person handling their own
appeal. Each refusal changes nothing."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.services import grant_role
from dangjian.assessment.models import Appeal, Scheme, Score

pytestmark = pytest.mark.django_db
Clients = Callable[[str], Client]


@pytest.fixture
def scheme(db: None) -> Scheme:
    return Scheme.objects.get(name="部门党组（党委）党建工作考核")


def _score(scheme: Scheme, unit: str, code: str = "2.1") -> Score:
    return Score.objects.get(indicator__scheme=scheme, organization__name=unit,
                             indicator__code=code)


def _post(client: Client, url: str, data: dict[str, Any] | None = None) -> tuple[int, str]:
    response = client.post(url, data or {}, follow=True)
    return response.status_code, response.content.decode()


def test_a_unit_cannot_open_or_appeal_another_units_score(as_user: Clients,
                                                          scheme: Scheme) -> None:
    finance = _score(scheme, "县财政局党组")
    edu = as_user("edu_clerk")
    assert edu.get(reverse("assessment:score_detail", args=[finance.pk])).status_code == 404
    status, _ = _post(edu, reverse("assessment:appeal-raise", args=[finance.pk]),
                      {"reason": "不服"})
    assert status == 404
    assert not Appeal.objects.filter(score=finance).exists()


@pytest.mark.parametrize("pk", ["0", "99999999", "abc"])
def test_odd_ids_are_not_found(as_user: Clients, pk: str) -> None:
    response = as_user("assessor").get(f"/assessment/scores/{pk}/")
    assert response.status_code == 404


def test_a_unit_clerk_cannot_approve_release_or_score(as_user: Clients,
                                                      scheme: Scheme) -> None:
    clerk = as_user("finance_clerk")
    for verb in ("approve", "release", "publish"):
        _post(clerk, reverse("assessment:scheme-step", args=[scheme.pk, verb]))
    scheme.refresh_from_db()
    assert scheme.status == Scheme.Status.SCORING and scheme.approved_by_assessor is None
    indicator = scheme.indicators.get(code="4.1")
    page = clerk.get(reverse("assessment:score-entry", args=[indicator.pk]))
    assert page.status_code == 403
    before = _score(scheme, "县财政局党组", "4.1").points
    _post(clerk, reverse("assessment:score-entry", args=[indicator.pk]), {
        "organization": _score(scheme, "县财政局党组").organization_id,
        "period": str(scheme.year), "满意": "99", "比较满意": "0", "基本满意": "0", "不满意": "0"})
    assert _score(scheme, "县财政局党组", "4.1").points == before


def test_the_vice_head_is_below_the_county_leaders_approval(as_user: Clients,
                                                            scheme: Scheme) -> None:
    _post(as_user("assessor"), reverse("assessment:scheme-step", args=[scheme.pk, "approve"]))
    status, _ = _post(as_user("vice_head"),
                         reverse("assessment:scheme-step", args=[scheme.pk, "approve"]))
    scheme.refresh_from_db()
    assert scheme.status == Scheme.Status.PENDING and scheme.approved_by_leader is None
    assert status in (200, 404)


def test_a_member_cannot_create_a_scheme(as_user: Clients,
                                         org: Callable[[str], Any]) -> None:
    member = as_user("member")
    assert member.get(reverse("assessment:scheme-new")).status_code == 403
    _post(member, reverse("assessment:scheme-new"), {
        "year": "2026", "name": "越权方案", "target_kind": "乡镇党委",
        "organization": org("中共示范县委员会").pk, "total_points": "100", "appeal_days": "5"})
    assert not Scheme.objects.filter(name="越权方案").exists()


def test_twice_in_a_row(as_user: Clients, scheme: Scheme) -> None:
    clerk, assessor, leader = as_user("finance_clerk"), as_user("assessor"), as_user("county_head")
    score = _score(scheme, "县财政局党组")
    raise_url = reverse("assessment:appeal-raise", args=[score.pk])
    _post(clerk, raise_url, {"reason": "第一次"})
    _post(clerk, raise_url, {"reason": "第二次"})
    assert list(Appeal.objects.filter(score=score).values_list("reason", flat=True)) == ["第一次"]
    appeal = Appeal.objects.get(score=score)
    accept = reverse("assessment:appeal-accept", args=[appeal.pk])
    _post(assessor, accept)
    _, html = _post(assessor, accept)
    assert "不能再受理" in html
    step = "assessment:scheme-step"
    _post(assessor, reverse(step, args=[scheme.pk, "approve"]))
    _post(leader, reverse(step, args=[scheme.pk, "approve"]))
    _, html = _post(leader, reverse(step, args=[scheme.pk, "approve"]))
    assert "不能重复审定" in html
    _post(assessor, reverse(step, args=[scheme.pk, "release"]))
    _, html = _post(assessor, reverse(step, args=[scheme.pk, "release"]))
    assert "只有待审定的方案可以公布" in html


@pytest.mark.parametrize("points", ["NaN", "1e5", "-1", "13.555", "１２", "99999"])
def test_odd_points_are_refused_with_the_input_kept(as_user: Clients, scheme: Scheme,
                                                    points: str) -> None:
    clerk, assessor = as_user("finance_clerk"), as_user("assessor")
    score = _score(scheme, "县财政局党组")
    _post(clerk, reverse("assessment:appeal-raise", args=[score.pk]), {"reason": "请复核"})
    appeal = Appeal.objects.get(score=score)
    _post(assessor, reverse("assessment:appeal-accept", args=[appeal.pk]))
    _, html = _post(assessor, reverse("assessment:appeal-decide", args=[appeal.pk]),
                    {"outcome": Appeal.Status.ADJUSTED, "points": points, "answer": "调整"})
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.ACCEPTED
    assert _score(scheme, "县财政局党组").points == score.points
    assert "调整后得分" in html


def test_an_overlong_reason_is_refused(as_user: Clients, scheme: Scheme) -> None:
    score = _score(scheme, "县财政局党组")
    _, html = _post(as_user("finance_clerk"), reverse("assessment:appeal-raise",
                                                      args=[score.pk]), {"reason": "长" * 2001})
    assert "不能超过2000字" in html
    assert not Appeal.objects.filter(score=score).exists()


def test_who_raised_an_appeal_never_handles_it(as_user: Clients, scheme: Scheme,
                                               user: Callable[[str], User],
                                               org: Callable[[str], Any]) -> None:
    both = User.objects.create(username="assessor_and_clerk")
    grant_role(actor=None, user=both, role=Role.ASSESSOR,
               organization=user("assessor").grants.get().organization)
    grant_role(actor=None, user=both, role=Role.UNIT_CLERK, organization=org("县财政局"))
    client = Client()
    client.force_login(both)
    score = _score(scheme, "县财政局党组")
    _post(client, reverse("assessment:appeal-raise", args=[score.pk]), {"reason": "本人申请"})
    appeal = Appeal.objects.get(score=score)
    detail = client.get(reverse("assessment:appeal_detail", args=[appeal.pk])).content.decode()
    assert reverse("assessment:appeal-accept", args=[appeal.pk]) not in detail
    _, html = _post(client, reverse("assessment:appeal-accept", args=[appeal.pk]))
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.RAISED and "本人" in html
