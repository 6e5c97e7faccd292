"""The villages pages: the clerk's report form, the township's verification queue (the income
register filtered to 村已报), the county table, a leader's 包联 villages, and one page per
action (村情, 目标, 包联). Each refuses exactly what the API refuses, with the same message."""

from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.actor import actor_of
from dangjian.access.predicates import has_business_scope
from dangjian.access.scoping import restrict
from dangjian.core.action_page import Button, Input, page_or_action, refusal_of, render_action
from dangjian.core.actions import action, scoped, version_of
from dangjian.core.detail import Action, RecordDetailView
from dangjian.core.forms import Inputs
from dangjian.core.lists import RegisterListView
from dangjian.core.permissions import can, rule_for
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Link, Person

from . import selectors
from .filtersets import IncomeFilterSet
from .models import (
    CATEGORY_FIELDS,
    Growth,
    Income,
    IncomeStatus,
    Measure,
    Village,
    VillageKind,
)
from .rules import ACCOUNTING_SYSTEMS, OPERATING_DEFINITION, SHELL_RULE, TARGET_RULE
from .services import incomes, links, profiles, targets
from .services.incomes import EDITABLE
from .tables import IncomeTable

NO_BUSINESS_DATA = "您的角色不查看业务数据"


def _last_year() -> int:
    return timezone.localdate().year - 1


def entry_villages(user: Any) -> QuerySet[Organization]:
    """The villages ``user`` may report for."""
    rows = restrict(Organization.objects.filter(kind=OrgKind.VILLAGE), user).order_by("path")
    return rows.filter(pk__in=[o.pk for o in rows if can(user, "villages.enter", o)])


# --- lists and detail ------------------------------------------------------------------------

class IncomeList(RegisterListView):
    """村集体经济收入; with ?status=村已报 it is the township's verification queue."""

    model = Income
    filterset_class = IncomeFilterSet
    table_class = IncomeTable
    title = "村集体经济收入"
    export_name = "村集体经济收入"

    def rows(self) -> QuerySet[Income]:
        return restrict(Income.objects.select_related("organization"), self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        if entry_villages(self.request.user).exists():
            kwargs.update(new_url=reverse("villages:income-new"), new_label="填报集体经济收入")
        return super().get_context_data(**kwargs)


class IncomeDetail(RecordDetailView):
    model = Income
    fields = ("organization", "year", *CATEGORY_FIELDS.values(), "status", "version",
              "submitted_by", "submitted_at", "verified_by", "verified_at", "comment",
              "confirmed_by", "confirmed_at")
    list_url = "villages:income_list"

    def actions(self) -> list[Action]:
        income: Income = self.object
        user, org, pk = self.request.user, income.organization, income.pk
        steps = []
        if income.status in EDITABLE and can(user, "villages.enter", org):
            steps += [Action("修改", reverse("villages:income-edit", args=[pk])),
                      Action("上报乡镇", reverse("villages:income-submit", args=[pk]))]
        if income.status == IncomeStatus.REPORTED and can(user, "villages.verify", org):
            steps.append(Action("乡镇审核", reverse("villages:income-verify", args=[pk])))
        if income.status == IncomeStatus.VERIFIED and can(user, "villages.confirm", org):
            steps.append(Action("县核定", reverse("villages:income-confirm", args=[pk])))
        return steps


# --- the report form -------------------------------------------------------------------------

INCOME_LABELS = {"organization": "村/社区", "year": "年度",
                 **{name: f"{label}（万元）" for label, name in CATEGORY_FIELDS.items()}}


def _category_help(label: str) -> str:
    years = [f"{s.first_year}—{s.last_year or '今'}年" for s in ACCOUNTING_SYSTEMS
             if label in s.categories]
    return f"适用{'、'.join(years)}；不填为0" if years else ""


def _amount_inputs(income: Income | None = None) -> list[Input]:
    return [Input(name, f"{label}（万元）", "number", required=False,
                  value=str(getattr(income, name)) if income else "",
                  help=_category_help(label)) for label, name in CATEGORY_FIELDS.items()]


def _amounts(request: HttpRequest) -> dict[str, str]:
    """The categories typed (a blank one is not reported)."""
    return {label: request.POST.get(name, "").strip() for label, name in CATEGORY_FIELDS.items()
            if request.POST.get(name, "").strip()}


def _income_new_page(request: HttpRequest) -> HttpResponse:
    villages = entry_villages(request.user)
    refusal = "" if villages.exists() else str(rule_for("villages.enter").refusal)
    return render_action(
        request, title="填报村集体经济收入", draft_key="income", refusal=refusal,
        back_url=reverse("villages:income_list"), about=[
            ("会计制度", "；".join(f"{s.first_year}—{s.last_year or '今'}年：{s.rule.citation}"
                               for s in ACCOUNTING_SYSTEMS)),
            ("经营性收入", OPERATING_DEFINITION.text)],
        inputs=[Input("organization", "村/社区", "select",
                      [(str(v.pk), v.name) for v in villages]),
                Input("year", "年度", "number", value=str(_last_year())),
                *_amount_inputs()],
        buttons=[Button("保存草稿"), Button("保存并上报乡镇", "then", "submit")])


@action("income", back="villages:income-new", labels=INCOME_LABELS)
def _income_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, INCOME_LABELS)
    village = inputs.picked(Organization, "organization")
    year_text = inputs.text("year")
    if year_text and not year_text.isdecimal():
        inputs.refuse("year", "年度应为四位数字")
    inputs.check()
    actor = actor_of(request)
    income = incomes.income_create(actor=actor, organization=village, year=int(year_text),
                                   amounts=_amounts(request))
    if request.POST.get("then") == "submit":
        income = incomes.income_submit(actor=actor, income=income)
        return f"已上报：{income}", reverse("villages:income_detail", args=[income.pk])
    return f"已保存草稿：{income}", reverse("villages:income_detail", args=[income.pk])


def _entered(request: HttpRequest, pk: int, action_name: str) -> tuple[Income, str]:
    income: Income = scoped(Income, request, pk)
    return income, refusal_of(request, action_name, income.organization)


def _income_edit_page(request: HttpRequest, pk: int) -> HttpResponse:
    income, refusal = _entered(request, pk, "villages.enter")
    if not refusal and income.status not in EDITABLE:
        refusal = f"“{income.status}”的记录不能修改"
    return render_action(
        request, title=f"修改：{income}", draft_key=f"income-{pk}", refusal=refusal,
        record=income, record_url=reverse("villages:income_detail", args=[pk]),
        back_url=reverse("villages:income_detail", args=[pk]),
        inputs=[Input("version", "版本", "hidden", value=str(income.version)),
                *_amount_inputs(income)], buttons=[Button("保存")])


@action("income-{pk}", back="villages:income-edit", back_kwargs=("pk",), labels=INCOME_LABELS)
def _income_edit(request: HttpRequest, pk: int) -> tuple[str, str]:
    income: Income = scoped(Income, request, pk)
    income = incomes.income_update(actor=actor_of(request), income=income,
                                   version=version_of(request) or 0, amounts=_amounts(request))
    return f"已保存：{income}", reverse("villages:income_detail", args=[pk])


def _one_click_page(request: HttpRequest, pk: int, action_name: str, title: str,
                    button: str, extra: list[Input] | None = None) -> HttpResponse:
    income, refusal = _entered(request, pk, action_name)
    return render_action(
        request, title=f"{title}：{income}", draft_key=f"income-{pk}-{action_name}",
        refusal=refusal, record=income, back_url=reverse("villages:income_detail", args=[pk]),
        record_url=reverse("villages:income_detail", args=[pk]),
        about=[("状态", income.status), ("总收入（万元）", str(income.total)),
               ("经营性收入（万元）", str(income.operating_income))],
        inputs=[Input("version", "版本", "hidden", value=str(income.version)), *(extra or [])],
        buttons=[Button(button)])


def _income_submit_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _one_click_page(request, pk, "villages.enter", "上报乡镇", "上报")


@action("income-{pk}-villages.enter", back="villages:income-submit", back_kwargs=("pk",),
        labels={"version": "版本"})
def _income_submit(request: HttpRequest, pk: int) -> tuple[str, str]:
    income = incomes.income_submit(actor=actor_of(request), income=scoped(Income, request, pk),
                                   version=version_of(request))
    return f"已上报：{income}", reverse("villages:income_detail", args=[pk])


VERIFY_LABELS = {"decision": "审核结论", "comment": "审核意见（退回须写理由）"}


def _income_verify_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _one_click_page(request, pk, "villages.verify", "乡镇审核", "提交审核结论", [
        Input("decision", "审核结论", "select", [("accept", "通过"), ("return", "退回")]),
        Input("comment", "审核意见（退回须写理由）", "textarea", required=False)])


@action("income-{pk}-villages.verify", back="villages:income-verify", back_kwargs=("pk",),
        labels=VERIFY_LABELS)
def _income_verify(request: HttpRequest, pk: int) -> tuple[str, str]:
    income = incomes.income_verify(
        actor=actor_of(request), income=scoped(Income, request, pk),
        decision=request.POST.get("decision", ""), comment=request.POST.get("comment", ""),
        version=version_of(request))
    return f"已{'退回' if income.status == IncomeStatus.RETURNED else '审核通过'}：{income}", \
        reverse("villages:income_list") + "?status=" + IncomeStatus.REPORTED


def _income_confirm_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _one_click_page(request, pk, "villages.confirm", "县核定", "核定（核定后锁定）")


@action("income-{pk}-villages.confirm", back="villages:income-confirm", back_kwargs=("pk",),
        labels={"version": "版本"})
def _income_confirm(request: HttpRequest, pk: int) -> tuple[str, str]:
    income = incomes.income_confirm(actor=actor_of(request),
                                    income=scoped(Income, request, pk),
                                    version=version_of(request))
    return f"已核定：{income}", reverse("villages:income_detail", args=[pk])


income_new = page_or_action(_income_new_page, _income_new)
income_edit = page_or_action(_income_edit_page, _income_edit)
income_submit = page_or_action(_income_submit_page, _income_submit)
income_verify = page_or_action(_income_verify_page, _income_verify)
income_confirm = page_or_action(_income_confirm_page, _income_confirm)


# --- 村情 --------------------------------------------------------------------------------------

PROFILE_LABELS = {"kind": "类型", "population": "常住人口", "households": "户数",
                  "collective_name": "集体经济组织名称", "credit_code": "统一社会信用代码"}


def _village(request: HttpRequest, pk: int) -> Organization:
    organization: Organization = scoped(Organization, request, pk)
    if organization.kind != OrgKind.VILLAGE:
        raise PermissionDenied(f"“{organization}”不是村或社区")
    return organization


def _profile_page(request: HttpRequest, pk: int) -> HttpResponse:
    organization = _village(request, pk)
    village = Village.objects.filter(organization=organization).first()

    def value(name: str) -> str:
        return str(getattr(village, name)) if village else ""

    return render_action(
        request, title=f"村情：{organization}", draft_key=f"village-{pk}",
        refusal=refusal_of(request, "villages.enter", organization),
        back_url=reverse("villages:summary"), inputs=[
            Input("kind", "类型", "select", list(VillageKind.choices),
                  value=value("kind") or (VillageKind.COMMUNITY
                                          if organization.name.endswith("社区")
                                          else VillageKind.VILLAGE)),
            Input("population", "常住人口", "number", value=value("population")),
            Input("households", "户数", "number", value=value("households")),
            Input("collective_name", "集体经济组织名称", value=value("collective_name")),
            Input("credit_code", "统一社会信用代码", required=False, value=value("credit_code"),
                  help="18位，按GB 32100-2015校验；未取得可不填"),
        ], buttons=[Button("保存")])


def _count(inputs: Inputs, name: str) -> int | None:
    text = inputs.text(name)
    if text and not text.isdecimal():
        inputs.refuse(name, f"{PROFILE_LABELS[name]}应为不小于0的整数")
        return None
    return int(text) if text else None


@action("village-{pk}", back="villages:village-profile", back_kwargs=("pk",),
        labels=PROFILE_LABELS)
def _profile(request: HttpRequest, pk: int) -> tuple[str, str]:
    organization = _village(request, pk)
    inputs = Inputs(request, PROFILE_LABELS)
    values = {"kind": inputs.text("kind"), "population": _count(inputs, "population"),
              "households": _count(inputs, "households"),
              "collective_name": inputs.text("collective_name"),
              "credit_code": inputs.text("credit_code", required=False)}
    inputs.check()
    profiles.village_save(actor=actor_of(request), organization=organization, **values)
    return f"已保存村情：{organization}", reverse("villages:village-profile", args=[pk])


village_profile = page_or_action(_profile_page, _profile)


# --- the county's target, 包联 ------------------------------------------------------------------

TARGET_LABELS = {"year": "年度", "measure": "口径", "threshold": "达标线（万元）",
                 "target_share": "目标比例（%）", "shell_line": "空壳村线（万元）",
                 "growth": "递增口径"}


def _county(request: HttpRequest) -> Organization | None:
    """The county (the top unit) the user may configure, if any."""
    for org in restrict(Organization.objects.filter(kind=OrgKind.COUNTY_COMMITTEE),
                        request.user).order_by("path"):
        if can(request.user, "villages.configure", org):
            return org
    return None


def _target_page(request: HttpRequest) -> HttpResponse:
    county = _county(request)
    return render_action(
        request, title="村集体经济目标", draft_key="village-target",
        refusal="" if county else str(rule_for("villages.configure").refusal),
        back_url=reverse("villages:summary"), about=[
            ("依据", f"{TARGET_RULE.text}（{TARGET_RULE.citation}）"),
            ("空壳村", SHELL_RULE.text)],
        inputs=[Input("year", "年度", "number", value=str(_last_year())),
                Input("measure", "口径", "select", list(Measure.choices)),
                Input("threshold", "达标线（万元）", "number"),
                Input("target_share", "目标比例（%）", "number", value="40"),
                Input("shell_line", "空壳村线（万元）", "number", value="0",
                      help="经营性收入不高于此线的村为空壳村；本县可配置"),
                Input("growth", "递增口径", "select", list(Growth.choices))],
        buttons=[Button("保存")])


def _decimal(inputs: Inputs, name: str) -> Decimal | None:
    text = inputs.text(name)
    try:
        return Decimal(text) if text else None
    except ArithmeticError:
        inputs.refuse(name, f"{TARGET_LABELS[name]}应为数字")
        return None


@action("village-target", back="villages:target", labels=TARGET_LABELS)
def _target(request: HttpRequest) -> tuple[str, str]:
    county = _county(request)
    if county is None:
        raise PermissionDenied(str(rule_for("villages.configure").refusal))
    inputs = Inputs(request, TARGET_LABELS)
    year = inputs.text("year")
    if year and not year.isdecimal():
        inputs.refuse("year", "年度应为四位数字")
    values = {name: _decimal(inputs, name) for name in ("threshold", "target_share",
                                                         "shell_line")}
    measure, growth = inputs.text("measure"), inputs.text("growth")
    inputs.check()
    target = targets.target_save(actor=actor_of(request), organization=county, year=int(year),
                                 measure=measure, growth=growth,
                                 **{k: v for k, v in values.items() if v is not None})
    return f"已保存：{target}", reverse("villages:summary") + f"?year={target.year}"


target_edit = page_or_action(_target_page, _target)

LINK_LABELS = {"leader": "包联领导", "organization": "包联乡镇/村", "start_on": "开始日期",
               "end_on": "结束日期"}


def _leaders(request: HttpRequest) -> list[tuple[str, str]]:
    leaders = restrict(Person.objects.filter(posts__title__in=("县长", "副县长")),
                       request.user).distinct().order_by("pk")
    return [(str(p.pk), p.name) for p in leaders]


def _link_new_page(request: HttpRequest) -> HttpResponse:
    county = _county(request)
    units = restrict(Organization.objects.filter(kind__in=links.LINKABLE),
                     request.user).order_by("path") if county else Organization.objects.none()
    return render_action(
        request, title="新增包联关系", draft_key="link",
        refusal="" if county else str(rule_for("villages.configure").refusal),
        back_url=reverse("villages:link_list"), inputs=[
            Input("leader", "包联领导", "select", _leaders(request)),
            Input("organization", "包联乡镇/村", "select",
                  [(str(o.pk), o.name) for o in units]),
            Input("start_on", "开始日期", "date", value=timezone.localdate().isoformat()),
            Input("end_on", "结束日期", "date", required=False)],
        buttons=[Button("保存")])


@action("link", back="villages:link-new", labels=LINK_LABELS)
def _link_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, LINK_LABELS)
    leader = inputs.picked(Person, "leader")
    organization = inputs.picked(Organization, "organization")
    start_on, end_on = inputs.date("start_on"), inputs.date("end_on", required=False)
    inputs.check()
    assert start_on is not None
    link = links.link_create(actor=actor_of(request), leader=leader, organization=organization,
                             start_on=start_on, end_on=end_on)
    return f"已保存：{link}", reverse("villages:link_list")


def _link_end_page(request: HttpRequest, pk: int) -> HttpResponse:
    link: Link = scoped(Link, request, pk)
    return render_action(
        request, title=f"结束包联：{link}", draft_key=f"link-{pk}",
        refusal=refusal_of(request, "villages.configure", link.organization),
        back_url=reverse("villages:link_list"),
        inputs=[Input("end_on", "结束日期", "date", value=timezone.localdate().isoformat())],
        buttons=[Button("结束包联")])


@action("link-{pk}", back="villages:link-end", back_kwargs=("pk",),
        labels={"end_on": "结束日期"})
def _link_end(request: HttpRequest, pk: int) -> tuple[str, str]:
    link: Link = scoped(Link, request, pk)
    inputs = Inputs(request, {"end_on": "结束日期"})
    end_on = inputs.date("end_on")
    inputs.check()
    assert end_on is not None
    links.link_end(actor=actor_of(request), link=link, end_on=end_on)
    return f"已结束：{link}", reverse("villages:link_list")


link_new = page_or_action(_link_new_page, _link_new)
link_end = page_or_action(_link_end_page, _link_end)


@login_required
def link_list(request: HttpRequest) -> HttpResponse:
    if not has_business_scope(request.user):
        raise PermissionDenied(NO_BUSINESS_DATA)
    rows = restrict(Link.objects.select_related("leader", "organization"), request.user)
    return render(request, "villages/links.html", {
        "links": rows.order_by("leader_id", "organization__path"),
        "may_configure": _county(request) is not None})


# --- figures ---------------------------------------------------------------------------------

def _year(request: HttpRequest) -> int:
    raw = request.GET.get("year", "")
    year = int(raw) if raw.isdecimal() and len(raw) == 4 else _last_year()
    return year


@login_required
def summary(request: HttpRequest) -> HttpResponse:
    """The county table: by township, the 空壳村 list, the share against the target, the
    decline list (the API's summary, as a page)."""
    if not has_business_scope(request.user):
        raise PermissionDenied(NO_BUSINESS_DATA)
    year = _year(request)
    townships = restrict(Organization.objects.filter(kind=OrgKind.TOWNSHIP),
                         request.user).order_by("path")
    raw = request.GET.get("township", "")
    township = townships.filter(pk=raw).first() if raw.isdecimal() else None
    figures = selectors.summary(request.user, year, township)
    return render(request, "villages/summary.html", {
        "year": year, "figures": figures, "townships": townships, "township": township,
        "anomalies": figures.anomalies(),
        "years": range(timezone.localdate().year, timezone.localdate().year - 6, -1),
        "may_configure": _county(request) is not None,
        "rule": TARGET_RULE, "shell_rule": SHELL_RULE})


@login_required
def my_links(request: HttpRequest) -> HttpResponse:
    """我的包联村: the villages of the leader's current 包联 links, with two years' figures."""
    person_id = getattr(request.user, "person_id", None)
    year = _year(request)
    villages = list(selectors.linked_villages(person_id))
    incomes_by = {(i.organization_id, i.year): i for i in Income.objects.filter(
        organization__in=villages, year__in=(year, year - 1))}
    rows = [{"village": v, "income": incomes_by.get((v.pk, year)),
             "previous": incomes_by.get((v.pk, year - 1)),
             "profile": Village.objects.filter(organization=v).first()} for v in villages]
    linked = Link.objects.current().filter(leader_id=person_id).select_related("organization") \
        if person_id else Link.objects.none()
    return render(request, "villages/my_links.html", {
        "year": year, "rows": rows, "links": linked})
