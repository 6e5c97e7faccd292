"""创建 pages: the campaigns in scope, one campaign's entries grouped by village with their
stage, and the action pages (launch, declare, advance). Each refuses exactly what the API
refuses, with the same message.

Kept few and light, as the 2024 减负规定 asks of 创建示范: a step is a decision and one short
comment; no page counts or scores 留痕 materials.
"""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.actor import actor_of
from dangjian.access.predicates import has_business_scope
from dangjian.access.scoping import restrict
from dangjian.core.action_page import Button, Input, page_or_action, refusal_of, render_action
from dangjian.core.actions import action, picked, scoped
from dangjian.core.forms import Inputs
from dangjian.core.permissions import can, rule_for
from dangjian.orgs.models import Organization, OrgKind

from .models import FIVE_BANNER_DIMENSIONS, CampaignEntry, CampaignKind, CreationCampaign
from .pages import NO_BUSINESS_DATA, _county
from .services import campaigns
from .services.campaigns import next_step

CAMPAIGN_LABELS = {"name": "名称", "kind": "类型", "year": "年度",
                   "dimensions": "创建内容（每行一项）", "participants": "参与村（社区）",
                   "basis": "依据"}
ENTRY_LABELS = {"organization": "村/社区", "dimension": "创建内容", "comment": "申报说明"}
ADVANCE_LABELS = {"decision": "结论", "comment": "意见（未通过须写理由）"}


def _campaign(request: HttpRequest, pk: int) -> CreationCampaign:
    """The campaign in scope (else 404); seen through each participating village in scope, so
    the scoped rows repeat and are made distinct here."""
    campaign: CreationCampaign = get_object_or_404(
        restrict(CreationCampaign.objects.all(), request.user).distinct(), pk=pk)
    return campaign


def _seen(request: HttpRequest) -> None:
    if not has_business_scope(request.user):
        raise PermissionDenied(NO_BUSINESS_DATA)


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    _seen(request)
    rows = restrict(CreationCampaign.objects.select_related("organiser"),
                    request.user).distinct()
    return render(request, "villages/campaigns.html", {
        "campaigns": rows, "may_launch": _county(request) is not None})


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _seen(request)
    campaign = _campaign(request, pk)
    entries = restrict(CampaignEntry.objects.filter(campaign=campaign).select_related(
        "organization").prefetch_related("steps"), request.user).order_by(
        "organization__path", "dimension")
    groups = [(org, [(e, _advance_label(request, e)) for e in rows])
              for org, rows in groupby(entries, key=lambda e: e.organization)]
    villages = restrict(campaign.participants.all(), request.user)
    may_declare = any(can(request.user, "villages.declare", v) for v in villages)
    return render(request, "villages/campaign_detail.html", {
        "campaign": campaign, "groups": groups, "may_declare": may_declare,
        "villages": villages.order_by("path")})


def _advance_label(request: HttpRequest, entry: CampaignEntry) -> str:
    """The next step's name when ``request.user`` may take it, else empty."""
    step = next_step(entry)
    if step is None or not can(request.user, step.rule, entry.organization):
        return ""
    return str(step.stage.label)


# --- launch ----------------------------------------------------------------------------------

def _campaign_new_page(request: HttpRequest) -> HttpResponse:
    county = _county(request)
    villages = restrict(Organization.objects.filter(kind=OrgKind.VILLAGE),
                        request.user).order_by("path") if county else Organization.objects.none()
    return render_action(
        request, title="发起创建活动", draft_key="campaign",
        refusal="" if county else str(rule_for("villages.campaign").refusal),
        back_url=reverse("villages:campaign_list"),
        about=[("减负", "按2024年减负规定，创建示范活动从严控制、从简开展，不以留痕材料评分。")],
        inputs=[Input("name", "名称"),
                Input("kind", "类型", "select", list(CampaignKind.choices)),
                Input("year", "年度", "number", value=str(timezone.localdate().year)),
                Input("dimensions", "创建内容（每行一项）", "textarea", required=False,
                      help=f"五面红旗不填即为：{'、'.join(FIVE_BANNER_DIMENSIONS)}"),
                Input("participants", "参与村（社区）", "checks",
                      [(str(v.pk), v.name) for v in villages]),
                Input("basis", "依据", "textarea", required=False)],
        buttons=[Button("发起")])


@action("campaign", back="villages:campaign-new", labels=CAMPAIGN_LABELS)
def _campaign_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, CAMPAIGN_LABELS)
    county = _county(request)
    if county is None:
        raise PermissionDenied(rule_for("villages.campaign").refusal)
    name, year_text = inputs.text("name"), inputs.text("year")
    if year_text and not year_text.isdecimal():
        inputs.refuse("year", "年度应为四位数字")
    participants = [inputs.read("participants", picked, Organization, request, value,
                                "participants")
                    for value in request.POST.getlist("participants")]
    inputs.check()
    campaign = campaigns.campaign_create(
        actor=actor_of(request), name=name, kind=request.POST.get("kind", ""),
        year=int(year_text), organiser=county, participants=participants,
        dimensions=request.POST.get("dimensions", "").splitlines(),
        basis=request.POST.get("basis", ""))
    return f"已发起：{campaign}", reverse("villages:campaign_detail", args=[campaign.pk])


# --- declare, advance ------------------------------------------------------------------------

def _entry_new_page(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    villages = [v for v in restrict(campaign.participants.all(), request.user).order_by("path")
                if can(request.user, "villages.declare", v)]
    return render_action(
        request, title=f"申报：{campaign}", draft_key=f"campaign-{pk}-entry",
        refusal="" if villages else str(rule_for("villages.declare").refusal),
        record=campaign, record_url=reverse("villages:campaign_detail", args=[pk]),
        back_url=reverse("villages:campaign_detail", args=[pk]),
        inputs=[Input("organization", "村/社区", "select",
                      [(str(v.pk), v.name) for v in villages]),
                Input("dimension", "创建内容", "select",
                      [(d, d) for d in campaign.dimensions]),
                Input("comment", "申报说明", "textarea", required=False)],
        buttons=[Button("申报")])


@action("campaign-{pk}-entry", back="villages:campaign-entry-new", back_kwargs=("pk",),
        labels=ENTRY_LABELS)
def _entry_new(request: HttpRequest, pk: int) -> tuple[str, str]:
    campaign = _campaign(request, pk)
    inputs = Inputs(request, ENTRY_LABELS)
    village = inputs.picked(Organization, "organization")
    dimension = inputs.text("dimension")
    inputs.check()
    entry = campaigns.entry_declare(actor=actor_of(request), campaign=campaign,
                                    organization=village, dimension=dimension,
                                    comment=request.POST.get("comment", ""))
    return f"已申报：{entry}", reverse("villages:campaign_detail", args=[pk])


def _entry_advance_page(request: HttpRequest, pk: int) -> HttpResponse:
    entry: CampaignEntry = scoped(CampaignEntry, request, pk)
    step = next_step(entry)
    refusal = f"“{entry.stage}”的申报已办结" if step is None else refusal_of(
        request, step.rule, entry.organization)
    choices = [("pass", "通过")] + ([("fail", "未通过")] if step and step.may_fail else [])
    back = reverse("villages:campaign_detail", args=[entry.campaign_id])
    return render_action(
        request, title=f"{step.stage.label if step else '办理'}：{entry}",
        draft_key=f"campaign-entry-{pk}", refusal=refusal, record=entry, record_url=back,
        back_url=back, about=[("创建活动", str(entry.campaign)), ("当前环节", entry.stage)],
        inputs=[Input("decision", "结论", "select", choices),
                Input("comment", "意见（未通过须写理由）", "textarea", required=False)],
        buttons=[Button("提交")])


@action("campaign-entry-{pk}", back="villages:campaign-entry-advance", back_kwargs=("pk",),
        labels=ADVANCE_LABELS)
def _entry_advance(request: HttpRequest, pk: int) -> tuple[str, str]:
    entry: CampaignEntry = scoped(CampaignEntry, request, pk)
    entry = campaigns.entry_advance(actor=actor_of(request), entry=entry,
                                    decision=request.POST.get("decision", ""),
                                    comment=request.POST.get("comment", ""))
    return f"{entry}：{entry.stage}", reverse("villages:campaign_detail",
                                             args=[entry.campaign_id])


campaign_new = page_or_action(_campaign_new_page, _campaign_new)
entry_new = page_or_action(_entry_new_page, _entry_new)
entry_advance = page_or_action(_entry_advance_page, _entry_advance)
