"""考核 pages: the overview, the registers (schemes, scores, appeals) with their detail pages,
and a scheme's results. Who may do what is asked of ``core.permissions`` (the services decide
the same way); a page offers only the steps its viewer may take now."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.roles import Role
from dangjian.access.scoping import grants_of
from dangjian.core.detail import Action, RecordDetailView, Section
from dangjian.core.history import related
from dangjian.core.links import record_link
from dangjian.core.lists import RegisterListView
from dangjian.core.permissions import can

from . import selectors
from .filtersets import AppealFilterSet, SchemeFilterSet, ScoreFilterSet
from .models import Appeal, Indicator, Result, Scheme, Score
from .providers import KEYS
from .services import results as result_services
from .tables import AppealTable, IndicatorTable, SchemeTable, ScoreTable

S = Scheme.Status


def _url(name: str, *args: Any) -> str:
    return reverse(f"assessment:{name}", args=args)


# --- look-ups: a record outside the viewer's scope is a 404 ---------------------------------


def scheme_of(request: HttpRequest, pk: Any) -> Scheme:
    return get_object_or_404(selectors.schemes_for(request.user), pk=pk)


def indicator_of(request: HttpRequest, pk: Any) -> Indicator:
    return get_object_or_404(Indicator.objects.select_related("scheme").filter(
        scheme__in=selectors.schemes_for(request.user)), pk=pk)


def score_of(request: HttpRequest, pk: Any) -> Score:
    return get_object_or_404(selectors.scores_for(request.user), pk=pk)


def appeal_of(request: HttpRequest, pk: Any) -> Appeal:
    return get_object_or_404(selectors.appeals_for(request.user), pk=pk)


# --- who may take which step (mirrors the services; they decide) ------------------------------


def may_edit(user: Any, scheme: Scheme) -> bool:
    return can(user, "assessment.edit_scheme", scheme)


def leader_over(user: Any, scheme: Scheme) -> bool:
    return can(user, "assessment.approve_as_leader", scheme)


def may_approve(user: Any, scheme: Scheme) -> bool:
    """考核管理员 first (评分中 → 待审定), then a county leader who is not that assessor."""
    if scheme.status == S.SCORING:
        return can(user, "assessment.approve", scheme)
    return (scheme.status == S.PENDING and scheme.approved_by_leader_id is None
            and scheme.approved_by_assessor_id not in (None, user.pk)
            and leader_over(user, scheme))


def may_release(user: Any, scheme: Scheme) -> bool:
    return (scheme.status == S.PENDING and scheme.approved_by_leader_id is not None
            and can(user, "assessment.release", scheme))


def may_score(user: Any, scheme: Scheme) -> bool:
    return scheme.status in (S.PUBLISHED, S.SCORING) and can(user, "assessment.score", scheme)


def may_appeal(user: Any, score: Score) -> bool:
    """A unit's secretary or clerk over the scored unit, once per score, before approval (the
    service also checks the window)."""
    return (score.indicator.scheme.status in (S.PUBLISHED, S.SCORING)
            and not score.appeals.exists() and can(user, "assessment.appeal", score))


def may_handle(user: Any, appeal: Appeal) -> bool:
    """The assessor over the unit, never the person who asked."""
    return appeal.raised_by_id != user.pk and can(user, "assessment.handle_appeal", appeal)


# --- overview ---------------------------------------------------------------------------------


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """党建考核: this year's ranking (frozen results once approved, else the running totals)
    and the registers."""
    user, year = request.user, timezone.localdate().year
    schemes = selectors.schemes_for(user)
    context = {
        "statuses": S, "year": year, "ranking": selectors.ranking(user, year),
        "schemes": schemes.order_by("-year", "-id")[:10],
        "may_create": any(g.role == Role.ASSESSOR for g in grants_of(user)),
        "appeals": selectors.appeals_for(user).filter(
            status__in=(Appeal.Status.RAISED, Appeal.Status.ACCEPTED)).count(),
    }
    return render(request, "assessment/home.html", context)


# --- registers --------------------------------------------------------------------------------


class SchemeList(RegisterListView):
    model = Scheme
    filterset_class = SchemeFilterSet
    table_class = SchemeTable
    title = "考核方案"
    export_name = "考核方案"
    new_url = "assessment:scheme-new"
    new_label = "新建考核方案"
    organization_filters = ()

    def rows(self) -> QuerySet[Scheme]:
        return selectors.schemes_for(self.request.user).select_related(
            "organization").order_by("-year", "-id")


class ScoreList(RegisterListView):
    model = Score
    filterset_class = ScoreFilterSet
    table_class = ScoreTable
    title = "考核得分"
    export_name = "考核得分"
    status_field = "source"
    organization_filters = ("subtree",)

    def rows(self) -> QuerySet[Score]:
        return selectors.scores_for(self.request.user).select_related(
            "indicator", "organization").order_by("indicator__order", "indicator__code",
                                                  "organization__path", "period", "id")


class AppealList(RegisterListView):
    model = Appeal
    filterset_class = AppealFilterSet
    table_class = AppealTable
    title = "考核复核"
    export_name = "考核复核"
    organization_filters = ("subtree",)

    def rows(self) -> QuerySet[Appeal]:
        return selectors.appeals_for(self.request.user).select_related(
            "score__indicator", "score__organization").order_by("-id")


# --- detail pages -----------------------------------------------------------------------------


class SchemeDetail(RecordDetailView):
    model = Scheme
    fields = ("year", "name", "target_kind", "organization", "total_points", "basis",
              "document_number", "appeal_days", "status", "published_at",
              "approved_by_assessor", "approved_by_leader", "released_at")
    list_url = "assessment:scheme_list"
    template_name = "assessment/scheme_detail.html"

    def get_queryset(self) -> QuerySet[Scheme]:
        return selectors.schemes_for(self.request.user).select_related("organization")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        scheme: Scheme = self.object
        context = super().get_context_data(**kwargs, statuses=S)
        context["rows"].insert(6, ("等次划分", "、".join(
            f"{b['grade']} ≥ {b['min']}" for b in scheme.grade_bands)
            + ("（待核实，本县可配置）" if scheme.grade_bands_unconfirmed else "")))
        return context

    def indicators(self) -> list[Any]:
        """一级 rows each followed by their 二级 items."""
        found = list(self.object.indicators.order_by("order", "code"))
        tops = [i for i in found if i.parent_id is None]
        return [row for top in tops for row in
                [top, *(i for i in found if i.parent_id == top.pk)]]

    def sections(self) -> list[Section]:
        scheme, user = self.object, self.request.user
        editable = scheme.status == S.DRAFT and may_edit(user, scheme)
        table = IndicatorTable(self.indicators(), orderable=False, may_edit=editable,
                               may_score=may_score(user, scheme), request=self.request)
        return [Section("考核指标", table)]

    def actions(self) -> list[Action]:
        scheme, user = self.object, self.request.user
        found = []
        if scheme.status == S.DRAFT and may_edit(user, scheme):
            found += [Action("添加指标", _url("indicator-new", scheme.pk)),
                      Action("编辑方案", _url("scheme-edit", scheme.pk), style="secondary"),
                      Action("发布", _url("scheme-step", scheme.pk, "publish"), "post",
                             confirm="发布后方案不能再修改，确定发布吗？")]
        if may_approve(user, scheme):
            label = "审核并提交审定" if scheme.status == S.SCORING else "审定"
            found.append(Action(label, _url("scheme-step", scheme.pk, "approve"), "post",
                                confirm="审核后考核结果即锁定，确定吗？"))
        if may_release(user, scheme):
            found.append(Action("公布结果", _url("scheme-step", scheme.pk, "release"), "post",
                                confirm="公布后将生成通报并对相应等次提出问责建议，确定公布吗？"))
        if scheme.status != S.DRAFT:
            found += [Action("得分", _url("score_list") + f"?scheme={scheme.pk}",
                             style="secondary outline"),
                      Action("考核结果", _url("results", scheme.pk), style="secondary outline")]
        return found


class ScoreDetail(RecordDetailView):
    """A score and its basis: each record it came from, as a link to that record's page."""

    model = Score
    fields = ("indicator", "organization", "person", "period", "points", "source",
              "basis_text", "frozen", "computed_at")
    list_url = "assessment:score_list"
    template_name = "assessment/score_detail.html"

    def get_queryset(self) -> QuerySet[Score]:
        return selectors.scores_for(self.request.user).select_related(
            "indicator__scheme", "organization", "person")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        score: Score = self.object
        return super().get_context_data(**kwargs, basis=basis_links(score),
                                        raw=raw_rows(score.raw_value),
                                        provider=KEYS.get(score.indicator.provider, ""),
                                        appeals=list(score.appeals.all()))

    def actions(self) -> list[Action]:
        score: Score = self.object
        if may_appeal(self.request.user, score):
            return [Action("申请复核", _url("appeal-raise", score.pk))]
        return []

    def history_records(self) -> list[Any]:
        return related(self.object, "appeals")


def basis_links(score: Score) -> list[dict[str, str]]:
    """``[{model, id}]`` as links; a record deleted since (or of an unknown model) is listed
    without one."""
    from django.apps import apps

    found = []
    for entry in score.basis or []:
        label, pk = str(entry.get("model", "")), entry.get("id")
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            found.append({"text": f"{label} #{pk}", "url": ""})
            continue
        obj = model._default_manager.filter(pk=pk).first()
        name = str(model._meta.verbose_name)
        found.append({"text": f"{name}：{obj}" if obj else f"{name} #{pk}（已删除）",
                      "url": record_link(obj) if obj else ""})
    return found


def raw_rows(raw: Any) -> list[tuple[str, str]]:
    if isinstance(raw, dict):
        return [(str(k), str(v)) for k, v in raw.items()]
    return [] if raw is None else [("数值", str(raw))]


class AppealDetail(RecordDetailView):
    model = Appeal
    fields = ("score", "reason", "status", "raised_by", "points_before", "points_after",
              "answer", "handled_by", "decided_at", "created_at")
    list_url = "assessment:appeal_list"

    def get_queryset(self) -> QuerySet[Appeal]:
        return selectors.appeals_for(self.request.user).select_related(
            "score__indicator__scheme", "score__organization")

    def actions(self) -> list[Action]:
        appeal: Appeal = self.object
        user = self.request.user
        found = [Action("查看得分及依据", _url("score_detail", appeal.score_id),
                        style="secondary outline")]
        if not may_handle(user, appeal):
            return found  # a person never handles what they asked for
        if appeal.status == Appeal.Status.RAISED:
            found.insert(0, Action("受理", _url("appeal-accept", appeal.pk), "post"))
        if appeal.status == Appeal.Status.ACCEPTED:
            found.insert(0, Action("作出复核结论", _url("appeal-decide", appeal.pk)))
        return found


# --- results ----------------------------------------------------------------------------------


def ranked_rows(scheme: Scheme) -> list[dict[str, Any]]:
    """Frozen results once approved; before that the running totals (marked as such)."""
    frozen = list(Result.objects.filter(scheme=scheme).select_related(
        "organization", "person").order_by("rank", "id"))
    if frozen:
        return [{"rank": r.rank, "target": r.person.name if r.person else r.organization.name,
                 "organization_id": r.organization_id, "total": r.total, "grade": r.grade}
                for r in frozen]
    rows = []
    for row in result_services.running_totals(scheme):
        target = row.target
        rows.append({"rank": row.rank,
                     "target": target.person.name if target.person else target.organization.name,
                     "organization_id": target.organization.pk, "total": row.total,
                     "grade": row.grade})
    return rows


@login_required
def results(request: HttpRequest, pk: int) -> HttpResponse:
    """A scheme's ranking with grades, and the 通报 and ranking downloads once frozen."""
    scheme = scheme_of(request, pk)
    frozen = scheme.status in (S.PENDING, S.RELEASED)
    rows = ranked_rows(scheme) if scheme.status != S.DRAFT else []
    downloads = scheme.status == S.RELEASED or (
        scheme.status == S.PENDING and (may_edit(request.user, scheme)
                                        or leader_over(request.user, scheme)))
    return render(request, "assessment/results.html", {
        "scheme": scheme, "rows": rows, "frozen": frozen, "downloads": downloads,
        "scores_url": _url("score_list"), "statuses": S,
    })

