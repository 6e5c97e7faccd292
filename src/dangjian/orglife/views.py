"""Pages: the clerk's desk (record a meeting from a template, import a ledger, recent meetings)
and the compliance page for secretaries and leaders. Views parse forms and call services."""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from dangjian.access.scoping import restrict
from dangjian.core.files.checks import XLSX, attachment
from dangjian.core.inputs import parse_date
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Person

from . import selectors
from .committees import committee_members, has_committee
from .filtersets import MeetingFilterSet
from .models import MeetingKind
from .presets import presets_for
from .services.compliance import compliance_report
from .services.ledger_import import ledger_bytes, ledger_template, meeting_ledger_import
from .services.meetings import meeting_record

YEARS_SHOWN = 5


def _back_to_desk(view: Callable[[HttpRequest], str]) -> Callable[..., HttpResponse]:
    """A POST from the desk: the outcome becomes a message; on refusal the form's input is
    kept in the session and filled in again, so nothing typed is lost."""

    @wraps(view)
    @login_required
    @require_POST
    def wrapper(request: HttpRequest) -> HttpResponse:
        query = {k: request.POST[k] for k in ("organization", "kind") if request.POST.get(k)}
        if request.POST.get("switch"):  # 切换组织: load the chosen organisation's list
            return redirect(f"{reverse('orglife:home')}?{urlencode(query)}")
        try:
            messages.success(request, view(request))
            request.session.pop("orglife_draft", None)
        except (ValidationError, PermissionDenied) as exc:
            text = "；".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            messages.error(request, text or "操作失败")
            request.session["orglife_draft"] = {k: request.POST.getlist(k) for k in request.POST
                                                if k != "csrfmiddlewaretoken"}
        return redirect(f"{reverse('orglife:home')}?{urlencode(query)}")

    return wrapper


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    entry = selectors.organizations_for_entry(user)
    asked = request.GET.get("organization", "")
    # A clerk most often records for a 党支部: start from one unless another was chosen.
    branch = ((entry.filter(pk=asked).first() if asked.isdigit() else None)
              or entry.filter(kind=OrgKind.BRANCH).first() or entry.first())
    meetings = MeetingFilterSet(request.GET, queryset=selectors.meeting_rows_for(user))
    context: dict[str, Any] = {
        "entry": entry[:500], "branch": branch, "today": timezone.localdate(),
        "page": Paginator(meetings.qs, 50).get_page(request.GET.get("page")),
        "kinds": MeetingKind.values, "draft": request.session.pop("orglife_draft", {}),
    }
    if branch is not None:
        today = context["today"]
        presets = [p for p in presets_for(branch.kind)
                   if p.kind != MeetingKind.COMMITTEE or has_committee(branch, today)]
        chosen = request.GET.get("kind")
        context["presets"] = presets
        context["preset"] = preset = next((p for p in presets if p.kind == chosen), presets[0])
        context["members"] = (committee_members(branch, today)
                              if preset.kind == MeetingKind.COMMITTEE
                              else selectors.members_of(branch))
        # a refused form's ticks, when they were given for this organisation's list
        draft = context["draft"]
        same_list = draft.get("listed_for", [str(branch.pk)])[0] == str(branch.pk)
        context["ticked"] = set(draft.get("present", [])) if draft and same_list else None
    return render(request, "orglife/home.html", context)


@_back_to_desk
def meeting_new(request: HttpRequest) -> str:
    post = request.POST
    organization = selectors.scoped_organization(request.user, post.get("organization"))
    if organization is None:
        raise ValidationError("请选择要登记会议的组织")
    listed_for = post.get("listed_for", str(organization.pk))
    if listed_for != str(organization.pk):
        shown = selectors.scoped_organization(request.user, listed_for)
        raise ValidationError(
            f"您选择的组织是“{organization.name}”，下方参会名单却是"
            f"“{shown.name if shown else '其他组织'}”的：请先点“切换组织”载入该组织的名单，再登记")
    committee_list = post.get("listed_kind", post.get("kind")) == MeetingKind.COMMITTEE
    if committee_list != (post.get("kind") == MeetingKind.COMMITTEE):
        raise ValidationError("下方参会名单是按另一种会议类型列出的（支部委员会会议只列支部委员）："
                              "请点上方的会议模板重新载入名单，再登记")
    listed = _persons(request, post.getlist("listed"))
    present = set(post.getlist("present"))
    attendees = [p for p in listed if str(p.pk) in present]
    absentees = [(p, post.get(f"reason-{p.pk}", "")) for p in listed if str(p.pk) not in present]
    people = {str(p.pk): p for p in listed}
    meeting = meeting_record(
        actor=request.user, organization=organization, kind=post.get("kind", ""),
        held_on=parse_date(post.get("held_on"), "会议日期"), topic=post.get("topic", ""),
        place=post.get("place", ""), attendees=attendees, absentees=absentees,
        chair=people.get(post.get("chair", "")), recorder=people.get(post.get("recorder", "")),
        minutes=post.get("minutes", ""), decisions=post.get("decisions", ""))
    return (f"已登记：{meeting.organization.name} {meeting.kind}（{meeting.held_on:%Y-%m-%d}），"
            f"应到{len(listed)}人，实到{len(attendees)}人")


@_back_to_desk
def ledger_import(request: HttpRequest) -> str:
    visible = restrict(Organization.objects.all(), request.user)
    data = ledger_bytes(request.FILES.get("file"), actor=request.user)
    meetings = meeting_ledger_import(actor=request.user, organizations=visible, data=data)
    return f"已导入{len(meetings)}条会议记录"


@login_required
def template_download(request: HttpRequest) -> HttpResponse:
    return attachment(ledger_template(), XLSX, "会议台账模板.xlsx")


@login_required
def compliance(request: HttpRequest) -> HttpResponse:
    roots = selectors.report_roots_for(request.user)
    root = (selectors.scoped_organization(request.user, request.GET.get("organization"))
            or roots.first())
    this_year = timezone.localdate().year
    year = _year(request.GET.get("year"), this_year)
    report = compliance_report(root=root, year=year) if root is not None else None
    show_all = request.GET.get("all") == "1"
    return render(request, "orglife/compliance.html", {
        "roots": roots[:500], "root": root, "year": year, "report": report,
        "years": range(this_year, this_year - YEARS_SHOWN, -1), "show_all": show_all,
        "rows": (report.rows if show_all else report.gaps) if report else [],
    })


def _persons(request: HttpRequest, ids: list[str]) -> list[Person]:
    wanted = {int(pk) for pk in ids if pk.isdigit()}
    found = restrict(Person.objects.all(), request.user).in_bulk(wanted)
    if len(found) < len(wanted):
        raise ValidationError("所选人员不存在，或不在您的范围内")
    return [found[pk] for pk in sorted(found)]


def _year(value: str | None, default: int) -> int:
    return int(value) if value and value.isdigit() and 2000 <= int(value) <= default else default
