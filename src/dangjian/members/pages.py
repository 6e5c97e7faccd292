"""The members registers on the core page kernel: 发展党员档案 (list, detail with its steps and
what is due, one page per action), 学习培训 and 走访慰问 (list and detail)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.actor import actor_of
from dangjian.core.actions import action, scoped
from dangjian.core.detail import Action, RecordDetailView, Section
from dangjian.core.forms import Inputs
from dangjian.core.lists import RegisterListView
from dangjian.core.permissions import can

from . import rules, selectors
from .filtersets import CandidateFilterSet, StudyRecordFilterSet, VisitFilterSet
from .models import Candidate, StudyRecord, Visit
from .services.candidates import candidate_close, probation_extend
from .services.due import next_due
from .tables import CandidateTable, StepTable, StudyRecordTable, VisitTable
from .views.forms import enters_data, optional_int


class EntryListView(RegisterListView):
    """A members register whose 登记 button shows only to who enters data."""

    entry_url: str
    entry_label: str

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        if enters_data(self.request):
            kwargs.update(new_url=reverse(self.entry_url), new_label=self.entry_label)
        return super().get_context_data(**kwargs)


class CandidateList(EntryListView):
    model = Candidate
    filterset_class = CandidateFilterSet
    table_class = CandidateTable
    title = "发展党员档案"
    export_name = "发展党员档案"
    status_field = None  # 政治面貌 follows from the steps: the 阶段 filter stands in
    entry_url, entry_label = "members:candidate-new", "登记入党申请"

    def rows(self) -> QuerySet[Candidate]:
        return selectors.candidates_for(self.request.user).order_by(
            "organization__path", "applied_on", "id")


class StudyRecordList(EntryListView):
    model = StudyRecord
    filterset_class = StudyRecordFilterSet
    table_class = StudyRecordTable
    title = "学习培训记录"
    export_name = "学习培训记录"
    status_field = "kind"
    entry_url, entry_label = "members:study-new", "登记学习记录"

    def rows(self) -> QuerySet[StudyRecord]:
        return selectors.study_records_for(self.request.user).order_by("-date", "-id")


class VisitList(EntryListView):
    model = Visit
    filterset_class = VisitFilterSet
    table_class = VisitTable
    title = "走访慰问"
    export_name = "走访慰问"
    status_field = "campaign"
    entry_url, entry_label = "members:visit-new", "登记走访慰问"

    def rows(self) -> QuerySet[Visit]:
        return selectors.visits_for(self.request.user).order_by("-date", "-id")


def may_step(candidate: Candidate) -> bool:
    return not candidate.closed_on and bool(rules.allowed_next_steps(candidate.current_step))


def may_extend(candidate: Candidate) -> bool:
    """In the 预备期, before the 转正 meeting, not yet extended (as ``probation_extend``)."""
    return (not candidate.closed_on and not candidate.extension_months
            and rules.ADMISSION_APPROVAL <= candidate.current_step
            < rules.FULL_MEMBERSHIP_MEETING)


def may_close(candidate: Candidate) -> bool:
    return not candidate.closed_on and candidate.current_step < rules.FULL_MEMBERSHIP_APPROVAL


class CandidateDetail(RecordDetailView):
    model = Candidate
    template_name = "members/candidate_detail.html"
    fields = ("person", "organization", "applied_on", "current_step", "probation_ends_on",
              "extension_months", "extension_decided_on", "extension_reason", "closed_on",
              "close_reason", "created_by", "created_at")
    list_url = "members:candidate_list"

    def get_queryset(self) -> QuerySet[Candidate]:
        return selectors.candidates_for(self.request.user)

    def sections(self) -> list[Section]:
        steps = self.object.steps.select_related("recorded_by").order_by("number", "date", "id")
        return [Section("发展步骤", StepTable(steps))]

    def actions(self) -> list[Action]:
        candidate: Candidate = self.object
        if not can(self.request.user, "members.enter", candidate.organization):
            return []
        found = []
        if may_step(candidate):
            found.append(Action("记录下一步", reverse("members:candidate-step",
                                                    args=[candidate.pk])))
        if may_extend(candidate):
            found.append(Action("延长预备期", reverse("members:candidate-extend",
                                                    args=[candidate.pk]), style="secondary"))
        if may_close(candidate):
            found.append(Action("结束", reverse("members:candidate-close", args=[candidate.pk]),
                                style="contrast"))
        return found

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        candidate: Candidate = self.object
        return super().get_context_data(
            **kwargs, due=next_due(candidate, timezone.localdate()),
            status=candidate.status, stage=candidate.stage)


class StudyRecordDetail(RecordDetailView):
    model = StudyRecord
    fields = ("organization", "person", "kind", "date", "hours", "topic", "recorded_by",
              "recorded_at")
    list_url = "members:studyrecord_list"


class VisitDetail(RecordDetailView):
    model = Visit
    fields = ("person", "organization", "kind", "campaign", "date", "visitors",
              "other_visitors", "gifts", "amount", "follow_up", "recorded_by", "recorded_at")
    list_url = "members:visit_list"


def entered(request: HttpRequest, pk: int, allowed: Any) -> Candidate:
    """The record an action page names: in scope (else 404); the user may write it and the
    action applies to it now (else 403: the detail page offers no such action)."""
    candidate: Candidate = scoped(Candidate, request, pk)
    if not can(request.user, "members.enter", candidate.organization) or not allowed(candidate):
        raise PermissionDenied("该发展党员档案现在不能进行此项操作")
    return candidate


EXTEND_FIELDS = {"decided_on": "决定日期", "months": "延长月数", "reason": "延长预备期的原因"}
CLOSE_FIELDS = {"closed_on": "终止日期", "reason": "终止原因"}


@action("extend-{pk}", back="members:candidate-extend", back_kwargs=("pk",),
        labels=EXTEND_FIELDS)
def _extend(request: HttpRequest, pk: int) -> tuple[str, str]:
    candidate = scoped(Candidate, request, pk)
    inputs = Inputs(request, EXTEND_FIELDS)
    decided_on = inputs.date("decided_on")
    months = inputs.read("months", optional_int, request.POST.get("months"), "延长月数") or 0
    reason = inputs.text("reason")
    inputs.check()
    assert decided_on is not None  # check() refused an empty one
    candidate = probation_extend(actor=actor_of(request), candidate=candidate,
                                 decided_on=decided_on, months=months, reason=reason)
    return (f"{candidate.person.name}：预备期延长{candidate.extension_months}个月",
            reverse("members:candidate_detail", args=[pk]))


@login_required
def candidate_extend(request: HttpRequest, pk: int) -> HttpResponse:
    """延长预备期: GET the form, POST decides it."""
    if request.method == "POST":
        return _extend(request, pk=pk)
    candidate = entered(request, pk, may_extend)
    return render(request, "members/candidate_extend.html", {
        "c": candidate, "rule": rules.PROBATION_EXTENSION, "months": range(
            rules.EXTENSION_MIN_MONTHS, rules.EXTENSION_MAX_MONTHS + 1)})


@action("close-{pk}", back="members:candidate-close", back_kwargs=("pk",),
        labels=CLOSE_FIELDS)
def _close(request: HttpRequest, pk: int) -> tuple[str, str]:
    candidate = scoped(Candidate, request, pk)
    inputs = Inputs(request, CLOSE_FIELDS)
    closed_on = inputs.date("closed_on")
    reason = inputs.text("reason")
    inputs.check()
    assert closed_on is not None  # check() refused an empty one
    candidate = candidate_close(actor=actor_of(request), candidate=candidate, closed_on=closed_on,
                                reason=reason)
    return (f"{candidate.person.name}的发展党员档案已终止",
            reverse("members:candidate_detail", args=[pk]))


@login_required
def candidate_close_page(request: HttpRequest, pk: int) -> HttpResponse:
    """结束 a record before full membership: GET the form, POST ends it."""
    if request.method == "POST":
        return _close(request, pk=pk)
    candidate = entered(request, pk, may_close)
    return render(request, "members/candidate_close.html", {
        "c": candidate})
