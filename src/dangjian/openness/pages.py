"""The openness pages for the signed-in: registers (目录, 公开事项 with the 保密审查 and 审批
queues as filters, 群众留言, 依申请公开), details, and the county overview of 公开及时率."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.scoping import restrict
from dangjian.core.detail import Action, RecordDetailView, Section
from dangjian.core.lists import RegisterListView
from dangjian.core.permissions import can

from .filtersets import CatalogueFilterSet, DisclosureFilterSet, FeedbackFilterSet, RequestFilterSet
from .models import CatalogueItem, Disclosure, DisclosureRequest, Feedback
from .models import DisclosureStatus as S
from .rules import RULES
from .selectors import figures, overdue_by_unit
from .services.disclosures import TRANSITIONS
from .tables import CatalogueTable, DisclosureTable, FeedbackTable, RequestTable


def _url(name: str, *args: Any) -> str:
    return reverse(f"openness:{name}", args=args)


class CatalogueList(RegisterListView):
    model = CatalogueItem
    filterset_class = CatalogueFilterSet
    table_class = CatalogueTable
    title = "公开目录"
    export_name = "公开目录"
    status_field = "domain"
    new_url = "openness:item-new"
    new_label = "添加目录事项"

    def rows(self) -> QuerySet[CatalogueItem]:
        return restrict(CatalogueItem.objects.select_related("organization", "responsible"),
                        self.request.user).order_by("organization__path", "-year", "id")


class DisclosureList(RegisterListView):
    """All 公开事项; ``status=审核`` is the reviewer's 保密审查 queue, ``status=审批`` the
    approver's."""

    model = Disclosure
    filterset_class = DisclosureFilterSet
    table_class = DisclosureTable
    title = "公开事项"
    export_name = "公开事项"
    new_url = "openness:disclosure-new"
    new_label = "拟稿"

    def rows(self) -> QuerySet[Disclosure]:
        return restrict(Disclosure.objects.select_related("organization"),
                        self.request.user).order_by("-due_on", "-id")


class FeedbackList(RegisterListView):
    model = Feedback
    filterset_class = FeedbackFilterSet
    table_class = FeedbackTable
    title = "群众留言"
    export_name = "群众留言"
    status_field = None
    organization_filters = ("subtree",)

    def rows(self) -> QuerySet[Feedback]:
        return restrict(Feedback.objects.select_related("disclosure"),
                        self.request.user).order_by("answered_on", "answer_due", "id")


class RequestList(RegisterListView):
    model = DisclosureRequest
    filterset_class = RequestFilterSet
    table_class = RequestTable
    title = "依申请公开"
    export_name = "依申请公开"
    status_field = "decision"
    new_url = "openness:request-new"
    new_label = "登记申请"

    def rows(self) -> QuerySet[DisclosureRequest]:
        return restrict(DisclosureRequest.objects.select_related("organization"),
                        self.request.user).order_by("-received_on", "-id")


# What each step is called on a disclosure's page, and the action that allows it.
STEPS = (("submit", S.REVIEW, "提交审核", "openness.draft"),
         ("review", S.APPROVAL, "保密审查", "openness.review"),
         ("approve", S.APPROVED, "审批", "openness.approve"),
         ("publish", S.PUBLISHED, "公开", "openness.draft"),
         ("withdraw", S.WITHDRAWN, "撤回", "openness.approve"))


class DisclosureDetail(RecordDetailView):
    model = Disclosure
    fields = ("organization", "item", "domain", "title", "body", "audience", "channel",
              "matter_on", "due_on", "status", "drafted_by", "reviewed_by", "review_note",
              "approved_by", "inside_first_waiver", "published_on", "url", "withdrawn_reason",
              "withdrawn_on")
    list_url = "openness:disclosure_list"

    def sections(self) -> list[Section]:
        feedback = self.object.feedback.all()
        return [Section("群众留言", FeedbackTable(feedback, orderable=False))]

    def actions(self) -> list[Action]:
        disclosure: Disclosure = self.object
        user, org = self.request.user, disclosure.organization
        shown = [Action(label, _url(f"disclosure-{verb}", disclosure.pk))
                 for verb, new, label, rule in STEPS
                 if new in TRANSITIONS[disclosure.status] and can(user, rule, org)]
        if (disclosure.status == S.DRAFT and user.pk == disclosure.drafted_by_id
                and can(user, "openness.draft", org)):
            shown.append(Action("修改", _url("disclosure-edit", disclosure.pk),
                                style="secondary"))
        if disclosure.status == S.DRAFT and can(user, "openness.draft", org):
            shown.append(Action("添加附件", _url("disclosure-attach", disclosure.pk),
                                style="secondary"))
        if disclosure.status == S.PUBLISHED and disclosure.audience == "向社会":
            shown.append(Action("在公开网站查看", reverse("gongkai:detail", args=[disclosure.pk]),
                                style="secondary"))
        return shown


class RequestDetail(RecordDetailView):
    model = DisclosureRequest
    fields = ("organization", "applicant", "content", "received_on", "due_on", "extended_days",
              "extension_reason", "decision", "decided_on")
    list_url = "openness:request_list"

    def actions(self) -> list[Action]:
        found: DisclosureRequest = self.object
        if found.decided_on is not None or not can(self.request.user, "openness.draft",
                                                   found.organization):
            return []
        shown = [Action("答复", _url("request-decide", found.pk))]
        if not found.extended_days:
            shown.append(Action("延长期限", _url("request-extend", found.pk), style="secondary"))
        return shown


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """公开及时率, 目录覆盖率, 留言按时答复率 and overdue items by unit, over the user's scope."""
    today = timezone.localdate()
    year = int(request.GET["year"]) if request.GET.get("year", "").isdecimal() else today.year
    user = request.user
    disclosures = restrict(Disclosure.objects.all(), user)
    shown = figures(disclosures=disclosures, items=restrict(CatalogueItem.objects.all(), user),
                    feedback=restrict(Feedback.objects.all(), user),
                    requests=restrict(DisclosureRequest.objects.all(), user),
                    today=today, year=year)
    return render(request, "openness/overview.html", {
        "figures": shown, "year": year, "units": overdue_by_unit(disclosures, today),
        "rules": RULES})
