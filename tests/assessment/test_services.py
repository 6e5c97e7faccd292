"""The assessment services: the scheme's life, scoring, appeals and results."""

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dangjian.access.models import RoleGrant, User
from dangjian.access.roles import Role
from dangjian.assessment import selectors
from dangjian.assessment.models import (
    Appeal,
    Indicator,
    Method,
    Result,
    Scheme,
    Score,
    ScoringPeriod,
)
from dangjian.assessment.services import appeals, results, schemes, scoring
from dangjian.assessment.services.appeals import appeal_deadline
from dangjian.audit.models import AuditEvent
from dangjian.calendar.services import is_workday
from dangjian.orgs.models import Organization

pytestmark = pytest.mark.django_db


def finance(org: Callable[[str], Organization]) -> Organization:
    return org("县财政局党组")


def test_publish_refused_unless_the_points_add_up(draft: Callable[..., Scheme],
                                                  assessor: User) -> None:
    scheme = draft()
    Indicator.objects.filter(scheme=scheme, code="2").update(max_points=30)
    with pytest.raises(ValidationError) as refused:
        schemes.publish(assessor, scheme)
    assert "一级指标分值合计90.00分，与方案总分100.00分不符" in refused.value.messages[0]
    scheme.refresh_from_db()
    assert scheme.status == Scheme.Status.DRAFT and scheme.published_at is None


def test_items_must_add_up_to_their_dimension(draft: Callable[..., Scheme],
                                              assessor: User) -> None:
    scheme = draft()
    parent = Indicator.objects.get(scheme=scheme, code="2")
    schemes.add_indicator(assessor, scheme, code="2.1", name="实绩一", max_points=30,
                          method=Method.MANUAL, parent=parent)
    with pytest.raises(ValidationError, match=r"二级指标分值合计30\.00分"):
        schemes.publish(assessor, scheme)


def test_a_formalism_provider_is_refused_with_the_rule(draft: Callable[..., Scheme],
                                                       assessor: User) -> None:
    scheme = draft()
    before = Indicator.objects.filter(scheme=scheme).count()
    with pytest.raises(ValidationError) as refused:
        schemes.add_indicator(assessor, scheme, code="9", name="留痕", max_points=5,
                              method=Method.AUTO, provider="orglife.evidence_uploads")
    message = refused.value.messages[0]
    assert "拍照留痕" in message and "《整治形式主义为基层减负若干规定》" in message
    assert Indicator.objects.filter(scheme=scheme).count() == before
    indicator = Indicator.objects.get(scheme=scheme, code="1")
    with pytest.raises(ValidationError, match="开会发文"):
        schemes.update_indicator(assessor, indicator,
                                 provider="orglife.meetings_beyond_requirement")
    indicator.refresh_from_db()
    assert indicator.provider == "orglife.meetings_completion"


def test_publish_refuses_a_formalism_provider_slipped_in(draft: Callable[..., Scheme],
                                                         assessor: User) -> None:
    scheme = draft()
    Indicator.objects.filter(scheme=scheme, code="1").update(provider="orglife.evidence_uploads")
    with pytest.raises(ValidationError, match="整治形式主义为基层减负若干规定"):
        schemes.publish(assessor, scheme)
    assert Scheme.objects.get(pk=scheme.pk).status == Scheme.Status.DRAFT


def test_a_manual_indicator_may_not_ask_for_a_figure_the_platform_holds(
        draft: Callable[..., Scheme], assessor: User) -> None:
    scheme = draft()
    with pytest.raises(ValidationError) as refused:
        schemes.add_indicator(assessor, scheme, code="3", name="学习覆盖率", max_points=5,
                              method=Method.MANUAL, params={"source": "members.study_coverage"})
    message = refused.value.messages[0]
    assert "请改用系统计算" in message and "members.study_coverage" in message
    assert not Indicator.objects.filter(scheme=scheme, code="3").exists()


def test_editing_a_published_scheme_is_refused(published: Callable[..., Scheme],
                                               assessor: User) -> None:
    scheme = published()
    with pytest.raises(ValidationError, match="考核方案已发布，不能再修改"):
        schemes.update_scheme(assessor, scheme, name="改名")
    with pytest.raises(ValidationError, match="不能再修改"):
        schemes.add_indicator(assessor, scheme, code="3", name="新增", max_points=1,
                              method=Method.MANUAL)
    scheme.refresh_from_db()
    assert scheme.name == "党建工作考核" and scheme.indicators.count() == 2


def test_only_an_assessor_covering_the_range_edits(county: Organization,
                                                   user: Callable[[str], User]) -> None:
    with pytest.raises(PermissionDenied, match="考核管理员"):
        schemes.create_scheme(user("county_head"), year=2026, name="x",
                              target_kind="部门党组（党委）", organization=county)
    assert not Scheme.objects.filter(name="x").exists()


def test_recompute_is_idempotent_and_freezes_ended_periods(
        published: Callable[..., Scheme], org: Callable[[str], Organization]) -> None:
    scheme = published()
    targets = scoring.targets_of(scheme)
    assert finance(org) in [t.organization for t in targets]
    written = scoring.recompute(scheme, date(2026, 7, 1))
    assert written == len(targets)  # one yearly AUTO indicator, one row per target
    rows = Score.objects.filter(indicator__scheme=scheme).count()
    events = AuditEvent.objects.count()
    assert scoring.recompute(scheme, date(2026, 7, 1)) == 0
    assert Score.objects.filter(indicator__scheme=scheme).count() == rows
    assert AuditEvent.objects.count() == events  # nothing changed, nothing recorded
    assert Scheme.objects.get(pk=scheme.pk).status == Scheme.Status.SCORING
    assert not Score.objects.filter(indicator__scheme=scheme, frozen=True).exists()
    scoring.recompute(scheme, date(2027, 1, 1))  # the year has ended: frozen
    assert Score.objects.filter(indicator__scheme=scheme, frozen=False).count() == 0
    frozen = {s.pk: s.points for s in Score.objects.filter(indicator__scheme=scheme)}
    Score.objects.filter(pk__in=list(frozen)).update(points=Decimal("1.23"))
    assert scoring.recompute(scheme, date(2027, 1, 2)) == 0  # frozen rows are never redone
    assert set(Score.objects.filter(pk__in=list(frozen)).values_list("points", flat=True)) \
        == {Decimal("1.23")}


def test_run_daily_scores_published_schemes_only(published: Callable[..., Scheme],
                                                 draft: Callable[..., Scheme]) -> None:
    scheme, other = published(), draft(year=2025)
    report = scoring.run_daily(date(2026, 7, 1))
    assert report["schemes"] >= 1
    assert Score.objects.filter(indicator__scheme=scheme).exists()
    assert not Score.objects.filter(indicator__scheme=other).exists()


def _manual(scheme: Scheme) -> Indicator:
    return Indicator.objects.get(scheme=scheme, code="2")


def test_manual_score_above_its_maximum_or_without_basis_is_refused(
        published: Callable[..., Scheme], assessor: User,
        org: Callable[[str], Organization]) -> None:
    indicator = _manual(published())
    with pytest.raises(ValidationError, match=r"超过该指标的最高分40\.00分"):
        scoring.enter_manual(assessor, indicator, organization=finance(org), period="2026",
                             points="40.5", basis_text="实绩突出")
    with pytest.raises(ValidationError, match="请写明评分依据"):
        scoring.enter_manual(assessor, indicator, organization=finance(org), period="2026",
                             points="30", basis_text="  ")
    assert not Score.objects.filter(indicator=indicator).exists()
    score = scoring.enter_manual(assessor, indicator, organization=finance(org), period="2026",
                                 points="35.5", basis_text="实绩突出")
    assert score.points == Decimal("35.5") and score.source == Score.Source.ENTERED
    again = scoring.enter_manual(assessor, indicator, organization=finance(org),
                                 period="2026", points="36", basis_text="更正")
    assert again.pk == score.pk and Score.objects.filter(indicator=indicator).count() == 1


def test_scoring_a_unit_outside_ones_scope_is_refused(
        published: Callable[..., Scheme], org: Callable[[str], Organization]) -> None:
    indicator = _manual(published())
    narrow = User.objects.create(username="edu_assessor")
    RoleGrant.objects.create(user=narrow, role=Role.ASSESSOR, organization=org("县教育局"))
    with pytest.raises(PermissionDenied, match="考核管理员"):
        scoring.enter_manual(narrow, indicator, organization=finance(org), period="2026",
                             points="30", basis_text="x")
    assert not Score.objects.filter(indicator=indicator).exists()


def test_evaluation_weights_and_bonus_cap(draft: Callable[..., Scheme], assessor: User,
                                          org: Callable[[str], Organization]) -> None:
    scheme = draft()
    Indicator.objects.filter(scheme=scheme, code="2").update(max_points=30)
    evaluation = schemes.add_indicator(assessor, scheme, code="3", name="民主测评",
                                       max_points=10, method=Method.EVALUATION,
                                       params={"weights": {"比较满意": "0.5"}})
    bonus = schemes.add_indicator(assessor, scheme, code="4", name="创新加分", max_points=5,
                                  method=Method.BONUS, params={"cap": "3"})
    schemes.publish(assessor, scheme)  # the bonus lies outside the 100 points
    score = scoring.enter_evaluation(assessor, evaluation, organization=finance(org),
                                     period="2026", counts={"满意": 6, "比较满意": 2,
                                                            "基本满意": 1, "不满意": 1})
    # (6×1 + 2×0.5 + 1×0.6 + 0) / 10 × 10
    assert score.points == Decimal("7.60")
    with pytest.raises(ValidationError, match="合计不能为0"):
        scoring.enter_evaluation(assessor, evaluation, organization=finance(org),
                                 period="2026", counts={})
    with pytest.raises(ValidationError, match="最高分3"):
        scoring.enter_bonus(assessor, bonus, organization=finance(org), period="2026",
                            points="4", basis_text="获省级表彰")
    assert scoring.enter_bonus(assessor, bonus, organization=finance(org), period="2026",
                               points="3", basis_text="获省级表彰").points == Decimal("3")


def test_ranks_share_on_ties_and_grades_follow_the_bands(
        published: Callable[..., Scheme], assessor: User) -> None:
    scheme = published()
    indicator = _manual(scheme)
    targets = scoring.targets_of(scheme)[:3]
    for target, points in zip(targets, ("38", "38", "38"), strict=True):
        scoring.enter_manual(assessor, indicator, organization=target.organization,
                             period="2026", points=points, basis_text="x")
    Score.objects.create(indicator=Indicator.objects.get(scheme=scheme, code="1"),
                         organization=targets[0].organization, period="2026",
                         points=Decimal("55"))
    rows = {r.target.organization.pk: r for r in results.running_totals(scheme)}
    first, second, third = (rows[t.organization.pk] for t in targets)
    assert (first.total, first.rank, first.grade) == (Decimal("93.00"), 1, "好")
    assert (second.total, second.rank, second.grade) == (Decimal("38.00"), 2, "差")
    assert (third.total, third.rank) == (Decimal("38.00"), 2)  # a tie shares the rank
    assert {r.rank for r in rows.values() if r.total == 0} == {4}  # … and the next skips
    assert results.ranked([("a", Decimal(5)), ("b", Decimal(5)), ("c", Decimal(4))]) == [
        ("a", Decimal(5), 1), ("b", Decimal(5), 1), ("c", Decimal(4), 3)]


def test_approval_freezes_results_and_needs_another_person(
        published: Callable[..., Scheme], assessor: User, user: Callable[[str], User],
        org: Callable[[str], Organization], county: Organization) -> None:
    scheme = published()
    indicator = _manual(scheme)
    scoring.enter_manual(assessor, indicator, organization=finance(org), period="2026",
                         points="30", basis_text="x")
    with pytest.raises(PermissionDenied):
        schemes.approve(user("county_head"), scheme)  # the assessor approves first
    schemes.approve(assessor, scheme)
    scheme.refresh_from_db()
    assert scheme.status == Scheme.Status.PENDING
    frozen = Result.objects.get(scheme=scheme, organization=finance(org))
    assert frozen.total == Decimal("30.00") and frozen.breakdown == {"2": "30.00"}
    # the figures never drift: a score changed behind the services' back changes no result
    Score.objects.filter(indicator=indicator).update(points=Decimal("1"))
    assert results.freeze(scheme)[0].pk == Result.objects.filter(scheme=scheme) \
        .order_by("rank", "id")[0].pk
    assert Result.objects.get(pk=frozen.pk).total == Decimal("30.00")
    # the same person may hold both roles: still not both approvals
    RoleGrant.objects.create(user=assessor, role=Role.COUNTY_LEADER, organization=county)
    assessor = User.objects.get(pk=assessor.pk)
    with pytest.raises(ValidationError, match="审定人不能是审核该结果的考核管理员本人"):
        schemes.approve(assessor, scheme)
    with pytest.raises(ValidationError, match="须经考核管理员审核、县领导审定"):
        schemes.release(assessor, scheme)
    schemes.approve(user("county_head"), scheme)
    with pytest.raises(ValidationError, match="不能重复审定"):
        schemes.approve(user("county_head"), scheme)
    released = schemes.release(assessor, scheme)
    assert released.status == Scheme.Status.RELEASED and released.released_at is not None


@pytest.fixture
def quarterly(draft: Callable[..., Scheme], assessor: User,
              org: Callable[[str], Organization]) -> Score:
    scheme = draft()
    schemes.update_indicator(assessor, _manual(scheme), period=ScoringPeriod.QUARTER)
    schemes.publish(assessor, scheme)
    return scoring.enter_manual(assessor, _manual(scheme), organization=finance(org),
                                period="2026-Q1", points="20", basis_text="一季度")


def test_appeal_window_ends_on_the_last_working_day(quarterly: Score,
                                                    user: Callable[[str], User]) -> None:
    deadline = appeal_deadline(quarterly)
    # 31 March 2026 + 5 working days, over the 清明 holiday (4–6 April)
    assert deadline == date(2026, 4, 8) and is_workday(day=deadline)
    clerk = user("finance_clerk")
    with pytest.raises(ValidationError, match=r"已超过复核申请期限.*2026年04月08日"):
        appeals.raise_appeal(clerk, quarterly, reason="会议记录漏计",
                             on=deadline + timedelta(days=1))
    assert not Appeal.objects.exists()
    appeal = appeals.raise_appeal(clerk, quarterly, reason="会议记录漏计", on=deadline)
    assert appeal.status == Appeal.Status.RAISED and appeal.points_before == Decimal("20")
    with pytest.raises(ValidationError, match="每项得分只能申请一次"):
        appeals.raise_appeal(user("finance_secretary"), quarterly, reason="再次", on=deadline)
    assert Appeal.objects.filter(score=quarterly).count() == 1


def test_appeal_is_accepted_and_decided_by_the_assessor(
        quarterly: Score, assessor: User, user: Callable[[str], User]) -> None:
    appeal = appeals.raise_appeal(user("finance_clerk"), quarterly, reason="漏计",
                                  on=date(2026, 4, 1))
    with pytest.raises(PermissionDenied):
        appeals.accept(user("finance_secretary"), appeal)
    with pytest.raises(ValidationError, match="请先受理"):
        appeals.decide(assessor, appeal, outcome=Appeal.Status.UPHELD, answer="维持")
    appeals.accept(assessor, appeal)
    with pytest.raises(ValidationError, match="超过该指标的最高分"):
        appeals.decide(assessor, appeal, outcome=Appeal.Status.ADJUSTED, answer="调整",
                       points="41")
    decided = appeals.decide(assessor, appeal, outcome=Appeal.Status.ADJUSTED,
                             answer="核实后补计", points="24")
    score = Score.objects.get(pk=quarterly.pk)
    assert decided.status == Appeal.Status.ADJUSTED and decided.points_after == Decimal("24")
    assert score.points == Decimal("24") and score.source == Score.Source.ADJUSTED
    assert score.frozen
    actions = set(AuditEvent.objects.filter(action__startswith="assessment.appeal")
                  .values_list("action", flat=True))
    assert actions == {"assessment.appeal.raise", "assessment.appeal.accept",
                       "assessment.appeal.decide"}


def test_ranking_is_scoped_and_links_to_the_scores(
        published: Callable[..., Scheme], assessor: User, user: Callable[[str], User],
        org: Callable[[str], Organization]) -> None:
    # the year before the demo's own scheme, so that this scheme is the only one of its year
    year = timezone.localdate().year - 1
    scheme = published(year=year)
    scoring.enter_manual(assessor, _manual(scheme), organization=finance(org), period=str(year),
                         points="30", basis_text="x")
    everyone = selectors.ranking(user("county_head"), year)
    assert len(everyone) == len(scoring.targets_of(scheme))
    assert everyone[0].organization == "县财政局党组" and everyone[0].change is None
    assert f"scheme={scheme.pk}&target={finance(org).pk}" in everyone[0].url
    own = selectors.ranking(user("finance_clerk"), year)
    assert [row.organization for row in own] == ["县财政局党组"]
    assert selectors.ranking(user("edu_clerk"), year) == []  # no score of its own yet
    assert selectors.ranking(user("member"), year) == []
