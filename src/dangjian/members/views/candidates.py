"""发展党员 overview (the records by what is due, links to the register), the page registering
an application, and the page recording a record's next step."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.actions import action, drafts, scoped
from dangjian.core.forms import Inputs
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import PartyStatus, Person

from .. import rules, selectors
from ..filtersets import OVERDUE, THIS_WEEK, CandidateFilterSet
from ..models import Candidate
from ..pages import entered, may_step
from ..services.candidates import candidate_open
from ..services.due import Due, next_due
from ..services.steps import DETAIL_LABELS, details_for, step_record
from .forms import CHOICES_LIMIT, enters_data, optional_int, require_entry, scoped_persons

COUNTS = ("training_days", "training_hours", "should_attend", "present", "ayes", "written_ayes")


@dataclass
class CandidateRow:
    candidate: Candidate
    due: list[Due]
    next_steps: list[rules.StepDefinition]
    fields: frozenset[str]  # the inputs the next step's form shows
    draft: dict[str, Any]  # what was typed into a refused form


def _row(candidate: Candidate, today: date, saved: dict[str, Any]) -> CandidateRow:
    allowed = sorted(rules.allowed_next_steps(candidate.current_step))
    fields = frozenset().union(*(details_for(n) for n in allowed))
    return CandidateRow(candidate, next_due(candidate, today), [rules.STEPS[n] for n in allowed],
                        fields, saved.get(f"step-{candidate.pk}", {}))


def _full_members_by_branch(request: HttpRequest, rows: list[CandidateRow]
                            ) -> dict[int, list[Person]]:
    """The 正式党员 of each listed branch: who may be named contact or introducer."""
    members = restrict(Person.objects.filter(
        party_status=PartyStatus.FULL_MEMBER,
        organization__in={row.candidate.organization_id for row in rows}), request.user)
    by_branch: dict[int, list[Person]] = defaultdict(list)
    for person in members.order_by("name"):
        by_branch[person.organization_id].append(person)
    return by_branch


@login_required
def candidates(request: HttpRequest) -> HttpResponse:
    """A short overview: open records by what is due, with links to the filtered register,
    and (for who enters data) to the pages registering an application and importing a roster."""
    records = selectors.candidates_for(request.user)
    open_ = records.filter(closed_on__isnull=True).exclude(current_step=rules.LAST_STEP)
    links = reverse("members:candidate_list")
    counts = [
        ("正在发展", open_.count(), f"{links}?open=true"),
        ("下一步已逾期", CandidateFilterSet({"due": OVERDUE}, records).qs.count(),
         f"{links}?due={OVERDUE}"),
        ("7日内到期", CandidateFilterSet({"due": THIS_WEEK}, records).qs.count(),
         f"{links}?due={THIS_WEEK}"),
        ("30日内预备期满", CandidateFilterSet({"probation_within": 30}, records).qs.count(),
         f"{links}?probation_within=30"),
    ]
    return render(request, "members/candidates.html", {
        "counts": counts, "enters_data": enters_data(request)})


NEW_FIELDS = {"organization": "受理党支部", "applied_on": "递交入党申请书日期",
              "person": "已登记的人员", "name": "姓名", "id_number": "身份证号", "phone": "手机号"}


@action("new", back="members:candidate-new", labels=NEW_FIELDS)
def _new(request: HttpRequest) -> tuple[str, str]:
    post = request.POST
    inputs = Inputs(request, NEW_FIELDS)
    organization = inputs.picked(Organization, "organization")
    applied_on = inputs.date("applied_on")
    person = inputs.picked(Person, "person", required=False)
    if not post.get("person"):  # a new applicant: the person comes from these fields
        inputs.text("name")
        inputs.text("id_number")
    inputs.check()
    assert organization is not None and applied_on is not None  # check() refused them
    candidate = candidate_open(
        actor=actor_of(request), organization=organization, applied_on=applied_on, person=person,
        name=post.get("name", "").strip(), id_number=post.get("id_number", ""),
        phone=post.get("phone", "").strip(),
    )
    return (f"已为{candidate.person.name}建立发展党员档案",
            reverse("members:candidate_detail", args=[candidate.pk]))


@login_required
def candidate_new(request: HttpRequest) -> HttpResponse:
    """登记入党申请: GET the form (the user's 党支部, the persons not yet applying), POST opens
    the record and shows it."""
    if request.method == "POST":
        return _new(request)
    require_entry(request)
    return render(request, "members/candidate_new.html", {
        "branches": restrict(Organization.objects.filter(kind=OrgKind.BRANCH),
                             request.user).order_by("path")[:CHOICES_LIMIT],
        "applicants": restrict(Person.objects.filter(
            party_status__in=[PartyStatus.MASSES, PartyStatus.APPLICANT],
            development_records__isnull=True), request.user).select_related(
                "organization").order_by("name")[:CHOICES_LIMIT],
    })


STEP_FIELDS = {
    "step": "步骤", "date": "日期", "publicity_from": "公示开始日期",
    "contacts": "培养联系人", "introducers": "入党介绍人", "passed": "审查结论",
    "training_days": "培训天数", "training_hours": "培训学时",
    "should_attend": "应到会有表决权的正式党员", "present": "实到", "ayes": "到会赞成",
    "written_ayes": "书面表示赞成", "late_reason": "超过3个月审批的特殊情况",
    "document": "文书（名称、编号）", "note": "说明",
}


def _step_details(request: HttpRequest, number: int, inputs: Inputs) -> dict[str, Any]:
    """The details step ``number`` takes, read from the form (other inputs are ignored);
    every unreadable one is kept in ``inputs``."""
    post = request.POST
    details: dict[str, Any] = {
        "document": post.get("document", ""), "note": post.get("note", ""),
        "contacts": inputs.read("contacts", scoped_persons, request, "contacts"),
        "introducers": inputs.read("introducers", scoped_persons, request, "introducers"),
        "passed": {"合格": True, "不合格": False}.get(post.get("passed", "")),
        "late_reason": post.get("late_reason", ""),
        "publicity_from": inputs.date("publicity_from", required=False),
        **{key: inputs.read(key, optional_int, post.get(key), DETAIL_LABELS[key])
           for key in COUNTS},
    }
    return {key: value for key, value in details.items() if key in details_for(number)}


@action("step-{pk}", back="members:candidate-step", back_kwargs=("pk",), labels=STEP_FIELDS)
def _step(request: HttpRequest, pk: int) -> tuple[str, str]:
    candidate = scoped(Candidate, request, pk)
    inputs = Inputs(request, STEP_FIELDS)
    number = inputs.read("step", optional_int, request.POST.get("step"), "步骤") or 0
    day = inputs.date("date")
    details = _step_details(request, number, inputs)
    inputs.check()
    assert day is not None  # check() refused an empty one
    step = step_record(actor=actor_of(request), candidate=candidate, number=number, date=day,
                       **details)
    return (f"{candidate.person.name}：已记录第{step.number}步 {step.name}",
            reverse("members:candidate_detail", args=[pk]))


@login_required
def candidate_step(request: HttpRequest, pk: int) -> HttpResponse:
    """记录下一步: GET the form for the steps allowed next (with what is due and the rule),
    POST records one."""
    if request.method == "POST":
        return _step(request, pk=pk)
    candidate = entered(request, pk, may_step)
    row = _row(candidate, timezone.localdate(), drafts(request))
    return render(request, "members/candidate_step.html", {
        "c": candidate, "row": row,
        "members_by_branch": _full_members_by_branch(request, [row])})
