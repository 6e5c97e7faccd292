"""The 谈心谈话 and 民主生活会 registers as pages: lists, details with 办理记录, the coverage
report of a branch, and one action page per step (GET shows the form, POST runs the service
through ``core.actions.action``; a refusal comes back to the form with what was typed)."""

from typing import Any

import django_tables2 as tables
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.action_page import Button, Input, page_or_action, render_action
from dangjian.core.actions import action, drafts, scoped
from dangjian.core.detail import Action, RecordDetailView, Section
from dangjian.core.files.checks import DOCX, attachment
from dangjian.core.forms import Inputs
from dangjian.core.lists import RegisterListView, RegisterTable
from dangjian.core.permissions import can
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Person

from . import selectors
from .documents import life_meeting_docx
from .filtersets import HeartTalkFilterSet, LifeMeetingFilterSet
from .models import HeartTalk, LifeMeeting, LifeMeetingStage, RectificationItem, TalkKind
from .rules import LEADING_GROUPS
from .services import lifemeetings as lm
from .services.talks import coverage, may_read_summary, talk_create, talk_update

HIDDEN_SUMMARY = "（谈话内容仅谈话双方和本组织书记可见）"


# ---- tables --------------------------------------------------------------------------------

class HeartTalkTable(RegisterTable):
    held_on = tables.DateColumn(verbose_name="谈话日期", format="Y-m-d", linkify=lambda record:
                                reverse("orglife:hearttalk_detail", args=[record.pk]))
    organization = tables.Column(verbose_name="组织", order_by="organization__path")
    talker = tables.Column(verbose_name="谈话人", accessor="talker__name", order_by="talker__name")
    talkee = tables.Column(verbose_name="谈话对象", accessor="talkee__name",
                           order_by="talkee__name")
    kind = tables.Column(verbose_name="类型")

    class Meta(RegisterTable.Meta):
        model = HeartTalk
        fields = ("held_on", "organization", "talker", "talkee", "kind")
        row_attrs = {"data-testid": lambda record: f"talk-{record.pk}"}
        empty_text = "没有谈心谈话记录"


class LifeMeetingTable(RegisterTable):
    year = tables.Column(verbose_name="年度")
    organization = tables.Column(verbose_name="领导班子", order_by="organization__path",
                                 linkify=lambda record: reverse("orglife:lifemeeting_detail",
                                                                args=[record.pk]))
    topic = tables.Column(verbose_name="主题")
    stage = tables.Column(verbose_name="阶段")
    planned_on = tables.DateColumn(verbose_name="计划召开日期", format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = LifeMeeting
        fields = ("year", "organization", "topic", "stage", "planned_on")
        row_attrs = {"data-testid": lambda record: f"life-meeting-{record.pk}"}
        empty_text = "没有民主生活会记录"


class ItemTable(RegisterTable):
    number = tables.Column(verbose_name="序号")
    problem = tables.Column(verbose_name="查摆问题")
    measure = tables.Column(verbose_name="整改措施")
    owner = tables.Column(verbose_name="责任人", accessor="owner__name")
    due_on = tables.DateColumn(verbose_name="完成时限", format="Y-m-d")
    finding_id = tables.Column(verbose_name="问题台账", linkify=lambda record: reverse(
        "oversight:finding_detail", args=[record.finding_id]) if record.finding_id else None)

    class Meta(RegisterTable.Meta):
        model = RectificationItem
        fields = ("number", "problem", "measure", "owner", "due_on", "finding_id")
        orderable = False
        empty_text = "尚未形成整改清单"

    def render_finding_id(self, value: int) -> str:
        return f"查看问题（编号{value}）"


class CoverageTable(RegisterTable):
    kind = tables.Column(verbose_name="类型")
    expected = tables.Column(verbose_name="应谈")
    met = tables.BooleanColumn(verbose_name="是否已谈", yesno="已谈,缺")

    class Meta(RegisterTable.Meta):
        orderable = False
        row_attrs = {"data-testid": lambda record: "coverage-met" if record.met
                     else "coverage-missing"}
        empty_text = "该支部没有需要统计的党员"


# ---- 谈心谈话 ---------------------------------------------------------------------------------

def _talk_rows(user: Any) -> QuerySet[HeartTalk]:
    return restrict(HeartTalk.objects.all(), user).select_related(
        "organization", "talker", "talkee").order_by("-held_on", "-id")


class HeartTalkList(RegisterListView):
    model = HeartTalk
    filterset_class = HeartTalkFilterSet
    table_class = HeartTalkTable
    title = "谈心谈话"
    export_name = "谈心谈话"
    status_field = "kind"

    def rows(self) -> QuerySet[HeartTalk]:
        return _talk_rows(self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        if selectors.organizations_for_entry(self.request.user).exists():
            kwargs.update(new_url=reverse("orglife:talk-new"), new_label="登记谈心谈话")
        return super().get_context_data(**kwargs)


class HeartTalkDetail(RecordDetailView):
    model = HeartTalk
    fields = ("organization", "year", "talker", "talkee", "kind", "held_on", "life_meeting",
              "created_by", "created_at")
    list_url = "orglife:hearttalk_list"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        talk: HeartTalk = self.object
        shown = (talk.summary or "—") if may_read_summary(self.request.user, talk) \
            else HIDDEN_SUMMARY
        context["rows"] = [*context["rows"], ("谈话内容摘要", shown)]
        return context

    def actions(self) -> list[Action]:
        talk: HeartTalk = self.object
        if not can(self.request.user, "orglife.enter", talk.organization):
            return []
        return [Action("修改", reverse("orglife:talk-edit", args=[talk.pk]))]


@login_required
def talk_coverage(request: HttpRequest) -> HttpResponse:
    """谈心谈话覆盖情况: a branch's pairs for a year, met and missing, with the rule cited."""
    branches = restrict(Organization.objects.filter(kind=OrgKind.BRANCH),
                        request.user).order_by("path")
    today = timezone.localdate()
    raw_year = request.GET.get("year", "")
    year = int(raw_year) if raw_year.isdecimal() and 2000 <= int(raw_year) <= today.year \
        else today.year
    chosen = selectors.scoped_organization(request.user, request.GET.get("organization"))
    if chosen is None and request.GET.get("organization"):
        raise Http404("该党支部不存在，或不在您的范围内")
    report, error = None, ""
    if chosen is not None:
        try:
            report = coverage(organization=chosen, year=year)
        except ValidationError as exc:
            error = "；".join(exc.messages)
    return render(request, "orglife/talk_coverage.html", {
        "branches": branches[:500], "chosen": chosen, "year": year,
        "years": list(range(today.year, today.year - 5, -1)), "report": report,
        "error": error, "table": CoverageTable(report.lines) if report else None})


# ---- action pages (shared) -----------------------------------------------------------------

def _page(request: HttpRequest, *, title: str, inputs: list[Input], key: str, button: str,
          record: Any = None, detail: str = "", back: str, refusal: str = "",
          about: list[tuple[str, str]] | None = None) -> HttpResponse:
    record_url = (reverse(f"orglife:{detail}_detail", args=[record.pk])
                  if record is not None else "")
    return render_action(request, title=title, inputs=inputs, draft_key=key,
                         buttons=[Button(button)], record=record, record_url=record_url,
                         about=about, refusal=refusal, back_url=reverse(back))


def _persons(organization: Organization | None, user: Any) -> list[tuple[str, str]]:
    if organization is None:
        people = restrict(Person.objects.none(), user)
    else:
        people = selectors.members_of(organization)
    return [(str(p.pk), p.name) for p in people[:300]]


def _today() -> str:
    return timezone.localdate().isoformat()


TALK_FIELDS = {"organization": "组织", "talker": "谈话人", "talkee": "谈话对象", "kind": "类型",
               "held_on": "谈话日期", "summary": "谈话内容摘要"}


def _talk_new_page(request: HttpRequest) -> HttpResponse:
    orgs = selectors.organizations_for_entry(request.user).exclude(kind=OrgKind.PARTY_CELL)
    picked = request.GET.get("organization") or drafts(request).get("talk", {}).get(
        "organization", "")
    chosen = orgs.filter(pk=picked).first() if str(picked).isdecimal() else None
    refusal = "" if orgs.exists() else "您没有登记谈心谈话的权限"
    people = _persons(chosen, request.user) if chosen else []
    return _page(request, title="登记谈心谈话", key="talk", button="登记",
                 back="orglife:hearttalk_list", refusal=refusal, inputs=[
                     Input("organization", "组织", "select",
                           [(str(o.pk), o.name) for o in orgs[:500]],
                           value=str(chosen.pk) if chosen else "",
                           help="先选组织，再选谈话双方（可在地址后加 ?organization=编号）",
                           picker="organizations"),
                     Input("talker", "谈话人", "select", people, picker="persons"),
                     Input("talkee", "谈话对象", "select", people, picker="persons"),
                     Input("kind", "类型", "select", list(TalkKind.choices)),
                     Input("held_on", "谈话日期", "date", value=_today()),
                     Input("summary", "谈话内容摘要", "textarea", required=False,
                           help="仅谈话双方和本组织书记可见"),
                 ])


@action("talk", back="orglife:talk-new", labels=TALK_FIELDS)
def _talk_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, TALK_FIELDS)
    organization = inputs.picked(Organization, "organization")
    talker, talkee = inputs.picked(Person, "talker"), inputs.picked(Person, "talkee")
    kind, held_on = inputs.text("kind"), inputs.date("held_on")
    summary = inputs.text("summary", required=False)
    inputs.check()
    assert held_on is not None  # refused by check() otherwise
    talk = talk_create(actor=actor_of(request), organization=organization, talker=talker,
                       talkee=talkee, kind=kind, held_on=held_on, summary=summary)
    return f"已登记谈心谈话：{talk}", reverse("orglife:hearttalk_detail", args=[talk.pk])


talk_new = page_or_action(_talk_new_page, _talk_new)

EDIT_FIELDS = {"kind": "类型", "held_on": "谈话日期", "summary": "谈话内容摘要"}


def _talk_edit_page(request: HttpRequest, pk: int) -> HttpResponse:
    talk = scoped(HeartTalk, request, pk)
    refusal = "" if can(request.user, "orglife.enter", talk.organization) \
        else "您没有为该组织登记谈心谈话的权限"
    inputs = [Input("kind", "类型", "select", list(TalkKind.choices), value=talk.kind),
              Input("held_on", "谈话日期", "date", value=talk.held_on.isoformat())]
    if may_read_summary(request.user, talk):
        inputs.append(Input("summary", "谈话内容摘要", "textarea", value=talk.summary,
                            required=False))
    return _page(request, title="修改谈心谈话", key=f"talk-{pk}", button="保存",
                 record=talk, detail="hearttalk", back="orglife:hearttalk_list",
                 refusal=refusal, inputs=inputs)


@action("talk-{pk}", back="orglife:talk-edit", back_kwargs=("pk",), labels=EDIT_FIELDS)
def _talk_edit(request: HttpRequest, pk: int) -> tuple[str, str]:
    talk = scoped(HeartTalk, request, pk)
    inputs = Inputs(request, EDIT_FIELDS)
    changes: dict[str, Any] = {"kind": inputs.text("kind"), "held_on": inputs.date("held_on")}
    if "summary" in request.POST:
        changes["summary"] = inputs.text("summary", required=False)
    inputs.check()
    changes = {k: v for k, v in changes.items() if v != getattr(talk, k)}
    talk = talk_update(actor=actor_of(request), talk=talk, **changes)
    return "已保存", reverse("orglife:hearttalk_detail", args=[talk.pk])


talk_edit = page_or_action(_talk_edit_page, _talk_edit)


# ---- 民主生活会 -------------------------------------------------------------------------------

class LifeMeetingList(RegisterListView):
    model = LifeMeeting
    filterset_class = LifeMeetingFilterSet
    table_class = LifeMeetingTable
    title = "民主生活会"
    export_name = "民主生活会"
    status_field = "stage"

    def rows(self) -> QuerySet[LifeMeeting]:
        return restrict(LifeMeeting.objects.all(), self.request.user).select_related(
            "organization").order_by("-year", "-id")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        if _groups_for_entry(self.request.user).exists():
            kwargs.update(new_url=reverse("orglife:lifemeeting-new"), new_label="制定工作方案")
        return super().get_context_data(**kwargs)


def _groups_for_entry(user: Any) -> QuerySet[Organization]:
    return selectors.organizations_for_entry(user).filter(kind__in=LEADING_GROUPS)


STEP_LABELS = {step: name for step, (_, _, name) in lm.STEPS.items()}


class LifeMeetingDetail(RecordDetailView):
    model = LifeMeeting
    fields = ("organization", "year", "topic", "stage", "planned_on", "plan", "opinions_on",
              "opinions_count", "opinions", "talks_on", "materials_on", "materials", "meeting",
              "rectified_on", "reported_on", "reported_to", "report_number", "created_by",
              "created_at")
    list_url = "orglife:lifemeeting_list"

    def sections(self) -> list[Section]:
        meeting: LifeMeeting = self.object
        talks = meeting.talks.select_related("organization", "talker", "talkee")
        return [Section("会前谈心谈话", HeartTalkTable(talks)),
                Section("整改清单（每项列入问题台账，来源“民主生活会查摆”）",
                        ItemTable(meeting.items.select_related("owner")))]

    def actions(self) -> list[Action]:
        meeting: LifeMeeting = self.object
        found: list[Action] = []
        step = lm.next_step(meeting)
        if step and can(self.request.user, "orglife.enter", meeting.organization):
            found.append(Action(STEP_LABELS[step],
                                reverse("orglife:lifemeeting-step", args=[meeting.pk, step])))
        if meeting.stage == LifeMeetingStage.REPORTED:
            found.append(Action("下载情况报告（Word）",
                                reverse("orglife:lifemeeting-report", args=[meeting.pk]),
                                style="secondary"))
        return found

    def history_records(self) -> list[Any]:
        meeting: LifeMeeting = self.object
        return [meeting, *meeting.talks.all()]


@login_required
def life_meeting_report(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = scoped(LifeMeeting, request, pk)
    try:
        data = life_meeting_docx(meeting)
    except ValidationError as exc:
        raise Http404("；".join(exc.messages)) from exc
    return attachment(data, DOCX,
                      f"{meeting.organization.name}{meeting.year}年度民主生活会情况报告.docx")


NEW_FIELDS = {"organization": "领导班子", "year": "年度", "topic": "会议主题",
              "planned_on": "计划召开日期", "plan": "工作方案"}


def _new_page(request: HttpRequest) -> HttpResponse:
    groups = _groups_for_entry(request.user)
    return _page(request, title="制定民主生活会工作方案", key="life-meeting", button="保存方案",
                 back="orglife:lifemeeting_list",
                 refusal="" if groups.exists() else "您没有为党组（党委）登记民主生活会的权限",
                 inputs=[
                     Input("organization", "领导班子", "select",
                           [(str(o.pk), o.name) for o in groups]),
                     Input("year", "年度", "number", value=str(timezone.localdate().year)),
                     Input("topic", "会议主题"),
                     Input("planned_on", "计划召开日期", "date"),
                     Input("plan", "工作方案", "textarea"),
                 ])


def _year(text: str) -> int:
    if not text.strip().isdecimal() or not 2000 <= int(text) <= 2100:
        raise ValidationError("请填写四位数的年度")
    return int(text)


@action("life-meeting", back="orglife:lifemeeting-new", labels=NEW_FIELDS)
def _new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, NEW_FIELDS)
    organization = inputs.picked(Organization, "organization")
    year = inputs.read("year", _year, request.POST.get("year", ""))
    topic, plan = inputs.text("topic"), inputs.text("plan")
    planned_on = inputs.date("planned_on")
    inputs.check()
    assert planned_on is not None  # refused by check() otherwise
    meeting = lm.life_meeting_create(actor=actor_of(request), organization=organization,
                                     year=year, topic=topic, planned_on=planned_on, plan=plan)
    return f"已制定{meeting}工作方案", reverse("orglife:lifemeeting_detail", args=[meeting.pk])


life_meeting_new = page_or_action(_new_page, _new)

ITEM_ROWS = 3
ITEM_PARTS = {"problem": "查摆问题", "category": "问题类别", "severity": "严重程度",
              "measure": "整改措施", "owner": "责任人", "due_on": "完成时限",
              "criterion": "完成标准"}
STEP_FIELDS: dict[str, dict[str, str]] = {
    "opinions": {"opinions_on": "征求意见日期", "count": "征求意见条数",
                 "opinions": "征求意见情况"},
    "talks": {"talks": "会前谈心谈话"},
    "materials": {"materials_on": "材料形成日期", "materials": "对照检查材料（摘要）"},
    "hold": {"held_on": "会议日期", "attendees": "到会人员", "place": "地点",
             "minutes": "会议记录"},
    "rectify": {"items": "整改清单", **{f"item{n}-{part}": f"第{n}项{label}"
                                     for n in range(1, ITEM_ROWS + 1)
                                     for part, label in ITEM_PARTS.items()}},
    "report": {"number": "报告文号", "reported_to": "报送单位", "reported_on": "报告日期"},
}


def _step_inputs(request: HttpRequest, meeting: LifeMeeting, step: str) -> list[Input]:
    today = _today()
    if step == "opinions":
        return [Input("opinions_on", "征求意见日期", "date", value=today),
                Input("count", "征求意见条数", "number"),
                Input("opinions", "征求意见情况", "textarea")]
    if step == "talks":
        talks = HeartTalk.objects.filter(
            organization=meeting.organization, kind=TalkKind.BEFORE_LIFE_MEETING,
            year__in=[meeting.year, meeting.year + 1]).filter(
            Q(life_meeting__isnull=True) | Q(life_meeting=meeting)).select_related(
            "talker", "talkee")
        return [Input("talks", "会前谈心谈话（类型为“民主生活会前”）", "checks",
                      [(str(t.pk), str(t)) for t in talks],
                      help="请先在谈心谈话中登记")]
    if step == "materials":
        return [Input("materials_on", "材料形成日期", "date", value=today),
                Input("materials", "对照检查材料（摘要）", "textarea")]
    if step == "hold":
        people = selectors.members_of(meeting.organization)
        return [Input("held_on", "会议日期", "date", value=today),
                Input("attendees", "到会人员", "checks", [(str(p.pk), p.name) for p in people],
                      values=[str(p.pk) for p in people]),
                Input("place", "地点", required=False),
                Input("minutes", "会议记录", "textarea", required=False)]
    if step == "rectify":
        terms = lm.review_terms()
        owners = [("", "—"), *[(str(p.pk), p.name)
                               for p in selectors.members_of(meeting.organization)]]
        rows: list[Input] = []
        for n in range(1, ITEM_ROWS + 1):
            required = n == 1
            rows += [
                Input(f"item{n}-problem", f"第{n}项 查摆问题", "textarea", required=required),
                Input(f"item{n}-category", f"第{n}项 问题类别", "select",
                      [(t, t) for t in terms["category"]], required=required),
                Input(f"item{n}-severity", f"第{n}项 严重程度", "select",
                      [(t, t) for t in terms["severity"]], required=required),
                Input(f"item{n}-measure", f"第{n}项 整改措施", required=required),
                Input(f"item{n}-owner", f"第{n}项 责任人", "select", owners, required=required),
                Input(f"item{n}-due_on", f"第{n}项 完成时限", "date", required=required),
                Input(f"item{n}-criterion", f"第{n}项 完成标准", required=required),
            ]
        return rows
    return [Input("number", "报告文号", help="如：财党组〔2026〕3号"),
            Input("reported_to", "报送单位", value="中共示范县委组织部"),
            Input("reported_on", "报告日期", "date", value=today)]


def _step_page(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    meeting = scoped(LifeMeeting, request, pk)
    if step not in lm.STEPS:
        raise Http404("没有这个步骤")
    refusal = ""
    if not can(request.user, "orglife.enter", meeting.organization):
        refusal = "您没有为该领导班子登记民主生活会的权限"
    elif lm.next_step(meeting) != step:
        refusal = f"该民主生活会当前阶段为“{meeting.stage}”，不能进行“{STEP_LABELS[step]}”"
    return _page(request, title=STEP_LABELS[step], key=f"life-{step}-{pk}", button="提交",
                 record=meeting, detail="lifemeeting", back="orglife:lifemeeting_list",
                 refusal=refusal, inputs=[] if refusal else _step_inputs(request, meeting, step),
                 about=[("阶段", meeting.stage), ("主题", meeting.topic)])


def _count(text: str) -> int:
    if not text.strip().isdecimal():
        raise ValidationError("请填写条数（整数）")
    return int(text)


def _items(request: HttpRequest, inputs: Inputs) -> list[dict[str, Any]]:
    items = []
    for n in range(1, ITEM_ROWS + 1):
        # A later row counts once its problem is written (its selects always hold a value).
        if n > 1 and not request.POST.get(f"item{n}-problem", "").strip():
            continue
        items.append({
            "problem": inputs.text(f"item{n}-problem"),
            "category": inputs.text(f"item{n}-category"),
            "severity": inputs.text(f"item{n}-severity"),
            "measure": inputs.text(f"item{n}-measure"),
            "owner": inputs.picked(Person, f"item{n}-owner"),
            "due_on": inputs.date(f"item{n}-due_on"),
            "criterion": inputs.text(f"item{n}-criterion"),
        })
    return items


@action("life-{step}-{pk}", back="orglife:lifemeeting-step", back_kwargs=("pk", "step"))
def _step(request: HttpRequest, pk: int, step: str) -> tuple[str, str]:
    meeting = scoped(LifeMeeting, request, pk)
    if step not in lm.STEPS:
        raise PermissionDenied("没有这个步骤")
    inputs = Inputs(request, STEP_FIELDS[step])
    actor = actor_of(request)
    data: dict[str, Any]
    if step == "opinions":
        data = {"opinions_on": inputs.date("opinions_on"),
                "count": inputs.read("count", _count, request.POST.get("count", "")),
                "opinions": inputs.text("opinions")}
    elif step == "talks":
        ids = [v for v in request.POST.getlist("talks") if v.isdecimal()]
        talks = list(restrict(HeartTalk.objects.filter(pk__in=ids), request.user))
        if not talks:
            inputs.refuse("talks", "请选择民主生活会前开展的谈心谈话（至少1次）")
        data = {"talks": talks}
    elif step == "materials":
        data = {"materials_on": inputs.date("materials_on"),
                "materials": inputs.text("materials")}
    elif step == "hold":
        ids = [v for v in request.POST.getlist("attendees") if v.isdecimal()]
        attendees = list(restrict(Person.objects.filter(pk__in=ids), request.user))
        data = {"held_on": inputs.date("held_on"), "attendees": attendees,
                "place": inputs.text("place", required=False),
                "minutes": inputs.text("minutes", required=False)}
    elif step == "rectify":
        data = {"items": _items(request, inputs)}
    else:
        data = {"number": inputs.text("number"), "reported_to": inputs.text("reported_to"),
                "reported_on": inputs.date("reported_on")}
    inputs.check()
    meeting = getattr(lm, f"life_meeting_{step}")(actor=actor, meeting=meeting, **data)
    return (f"已完成“{STEP_LABELS[step]}”，当前阶段：{meeting.stage}",
            reverse("orglife:lifemeeting_detail", args=[meeting.pk]))


life_meeting_step = page_or_action(_step_page, _step)
