"""Pages: the overview (组织生活), recording a meeting from a template, importing a ledger, and
the compliance page for secretaries and leaders. Views parse forms and call services; the
meetings register itself (list, detail, actions on a meeting) is in ``pages``."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.burden import page_submission
from dangjian.core.files.checks import XLSX, attachment
from dangjian.core.forms import Inputs, forget_errors, keep_errors
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Person

from . import selectors
from .committees import committee_members, has_committee
from .lecturers import lecturer_candidates
from .models import LectureReach, MeetingKind
from .presets import presets_for
from .services.compliance import compliance_report
from .services.ledger_import import ledger_bytes, ledger_template, meeting_ledger_import
from .services.meetings import meeting_record
from .tags import active_tags

YEARS_SHOWN = 5


MEETING_FIELDS = {"organization": "组织", "kind": "会议类型", "held_on": "会议日期",
                  "place": "地点", "topic": "议题", "attendees": "参会情况",
                  "absentees": "缺席人员", "chair": "主持人", "recorder": "记录人",
                  "minutes": "会议记录", "decisions": "决议及表决情况", "agenda": "议题清单",
                  "lecturer": "授课人", "lecturer_reach": "授课人来自"}
AGENDA_ROWS = 6  # blank 议题 rows a 党组（党委）会议's form offers (the API takes up to 20)
IMPORT_FIELDS = {"file": "会议台账文件", "rows": "台账内容"}


def _form_page(page: str, view: Callable[[HttpRequest], tuple[str, str]], key: str,
               labels: dict[str, str], fields: list[str] | None = None
               ) -> Callable[[HttpRequest], HttpResponse]:
    """The POST side of a form page: success goes where the view says with a message; on
    refusal (or 切换组织) back to the form page, its input and its messages by field kept in
    the session (``core.forms``, under ``key``) and filled in again, so nothing typed is lost.
    A refusal shows inside the form (``core/_form_errors.html``), not as a banner. An
    accepted form counts for the clerk's 填报负担 over ``fields`` (default: the labelled ones)."""

    def post(request: HttpRequest) -> HttpResponse:
        query = {k: request.POST[k] for k in ("organization", "kind") if request.POST.get(k)}
        back = f"{reverse(page)}?{urlencode(query)}"
        if request.POST.get("switch"):  # 切换组织: load the chosen organisation's list
            forget_errors(request, key)
            return redirect(back)
        try:
            with page_submission(request, key, fields or list(labels)):  # 减负 (core.burden)
                message, url = view(request)
        except (ValidationError, PermissionDenied) as exc:
            if isinstance(exc, ValidationError):
                keep_errors(request, key, exc, labels)
            else:
                messages.error(request, str(exc) or "操作失败")
            request.session["orglife_draft"] = {k: request.POST.getlist(k) for k in request.POST
                                                if k != "csrfmiddlewaretoken"}
            request.session.setdefault("drafts", {})[key] = {
                k: request.POST.get(k) for k in request.POST if k != "csrfmiddlewaretoken"}
            request.session.modified = True
            return redirect(back)
        messages.success(request, message)
        request.session.pop("orglife_draft", None)
        request.session.get("drafts", {}).pop(key, None)
        forget_errors(request, key)
        return redirect(url)

    return post


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """A short overview: this year's meetings by kind, links to the register and the forms."""
    user = request.user
    year = timezone.localdate().year
    meetings = selectors.meeting_rows_for(user).filter(held_on__year=year)
    by_kind = dict(meetings.order_by().values_list("kind").annotate(n=Count("pk"))
                   .values_list("kind", "n"))
    return render(request, "orglife/home.html", {
        "year": year, "total": sum(by_kind.values()),
        "by_kind": [(kind, by_kind.get(kind, 0)) for kind in MeetingKind.values],
        "enters": selectors.organizations_for_entry(user).exists(),
        "recent": meetings[:5],
    })


@login_required
def meeting_new(request: HttpRequest) -> HttpResponse:
    """登记会议: GET the form (a template per meeting kind, the organisation's members to tick),
    POST records the meeting and opens it."""
    if request.method == "POST":
        return _record_post(request)
    user = request.user
    entry = selectors.organizations_for_entry(user)
    asked = request.GET.get("organization", "")
    # A clerk most often records for a 党支部: start from one unless another was chosen.
    branch = ((entry.filter(pk=asked).first() if asked.isdecimal() else None)
              or entry.filter(kind=OrgKind.BRANCH).first() or entry.first())
    if branch is None:
        raise PermissionDenied("您没有可登记组织生活的组织")
    today = timezone.localdate()
    presets = [p for p in presets_for(branch.kind)
               if p.kind != MeetingKind.COMMITTEE or has_committee(branch, today)]
    chosen = request.GET.get("kind")
    preset = next((p for p in presets if p.kind == chosen), presets[0])
    members = (committee_members(branch, today) if preset.kind == MeetingKind.COMMITTEE
               else selectors.members_of(branch))
    draft = request.session.pop("orglife_draft", {})
    # a refused form's ticks, when they were given for this organisation's list
    same_list = draft.get("listed_for", [str(branch.pk)])[0] == str(branch.pk)
    return render(request, "orglife/meeting_new.html", {
        "entry": entry[:500], "branch": branch, "today": today, "presets": presets,
        "preset": preset, "members": members, "draft": draft,
        "committee_kind": MeetingKind.COMMITTEE,
        "ticked": set(draft.get("present", [])) if draft and same_list else None,
        # offered unless a refused form is shown again: everyone listed ticked (core.burden)
        "offered_present": [m.pk for m in members],
        "roles": [("chair", "主持人"), ("recorder", "记录人")],
        # 党组（党委）会议: 议题 rows with the county's tags; 党课: the lecturer picker, whose short
        # list is the branch's members and the leaders above it or in charge (people.leaders)
        "party_group_kind": MeetingKind.PARTY_GROUP, "lecture_kind": MeetingKind.LECTURE,
        "agenda_rows": [(n, draft.get(f"agenda-{n}-title", [""])[0],
                         set(draft.get(f"agenda-{n}-tags", [])))
                        for n in range(1, AGENDA_ROWS + 1)],
        "tags": active_tags(),
        "lecturers": (lecturer_candidates(branch, today).select_related("organization")
                      .order_by("name", "id")[:200] if preset.kind == MeetingKind.LECTURE
                      else []),
        "reaches": LectureReach.choices, "reaching_params": f"reaching={branch.pk}",
    })


def _record(request: HttpRequest) -> tuple[str, str]:
    post = request.POST
    inputs = Inputs(request, MEETING_FIELDS)
    organization = selectors.scoped_organization(request.user, post.get("organization"))
    if organization is None:
        inputs.refuse("organization", "请选择要登记会议的组织")
    held_on, topic = inputs.date("held_on"), inputs.text("topic")
    inputs.check()
    assert organization is not None and held_on is not None  # refused by check() otherwise
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
    tags = {t.key: t for t in active_tags()}
    agenda = [(post.get(f"agenda-{n}-title", ""),
               [tags[k] for k in post.getlist(f"agenda-{n}-tags") if k in tags])
              for n in range(1, AGENDA_ROWS + 1)]
    meeting = meeting_record(
        actor=actor_of(request), organization=organization, kind=post.get("kind", ""),
        held_on=held_on, topic=topic,
        place=post.get("place", ""), attendees=attendees, absentees=absentees,
        chair=people.get(post.get("chair", "")), recorder=people.get(post.get("recorder", "")),
        minutes=post.get("minutes", ""), decisions=post.get("decisions", ""),
        agenda=agenda, lecturer=_lecturer(request, post.get("lecturer", "")),
        lecturer_reach=post.get("lecturer_reach", ""))
    return (f"已登记：{meeting.organization.name} {meeting.kind}（{meeting.held_on:%Y-%m-%d}），"
            f"应到{len(listed)}人，实到{len(attendees)}人",
            reverse("orglife:meeting_detail", args=[meeting.pk]))


# The form's fields as sent: the ticks of who came and each absentee's reason (参会情况).
MEETING_SENT = [*MEETING_FIELDS, "present", "reason-*", "agenda-*"]
_record_post = _form_page("orglife:meeting-new", _record, "meeting", MEETING_FIELDS, MEETING_SENT)


def _import(request: HttpRequest) -> tuple[str, str]:
    visible = restrict(Organization.objects.all(), request.user)
    try:
        data = ledger_bytes(request.FILES.get("file"), actor=actor_of(request))
    except ValidationError as error:  # missing or too big: said beside the file field
        raise ValidationError({"file": error.messages}) from error
    meetings = meeting_ledger_import(actor=actor_of(request), organizations=visible, data=data)
    return f"已导入{len(meetings)}条会议记录", reverse("orglife:meeting_list")


_import_post = _form_page("orglife:import", _import, "import", IMPORT_FIELDS)


@login_required
def ledger_import(request: HttpRequest) -> HttpResponse:
    """导入会议台账: GET the upload page, POST imports the whole file or none of it."""
    if request.method == "POST":
        return _import_post(request)
    if not selectors.organizations_for_entry(request.user).exists():
        raise PermissionDenied("您没有可登记组织生活的组织")
    return render(request, "orglife/import.html", {})


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
    # 仅本级: the organisation's own rows, without its subtree (the cockpit links a 党委's own
    # 民主生活会 gap here).
    own_only = request.GET.get("own") == "1"
    rows = (report.rows if show_all else report.gaps) if report else []
    if own_only and root is not None:
        rows = [row for row in rows if row.organization_id == root.pk]
    return render(request, "orglife/compliance.html", {
        "roots": roots[:500], "root": root, "year": year, "report": report,
        "years": range(this_year, this_year - YEARS_SHOWN, -1), "show_all": show_all,
        "own_only": own_only, "rows": rows,
    })


def _persons(request: HttpRequest, ids: list[str]) -> list[Person]:
    wanted = {int(pk) for pk in ids if pk.isdecimal()}
    found = restrict(Person.objects.all(), request.user).in_bulk(wanted)
    if len(found) < len(wanted):
        raise ValidationError("所选人员不存在，或不在您的范围内")
    return [found[pk] for pk in sorted(found)]


def _lecturer(request: HttpRequest, pk: str) -> Person | None:
    """The lecturer picked: in the user's scope or a leader above it (the service then checks
    the meeting's own organisation)."""
    if not pk:
        return None
    if not pk.isdecimal():
        raise ValidationError({"lecturer": "所选授课人不存在，或不在可选范围内"})
    found = (restrict(Person.objects.all(), request.user).filter(pk=pk).first()
             or selectors.lecturers_for(request.user).filter(pk=pk).first())
    if found is None:
        raise ValidationError({"lecturer": "所选授课人不存在，或不在可选范围内"})
    return found


def _year(value: str | None, default: int) -> int:
    return int(value) if value and value.isdecimal() and 2000 <= int(value) <= default else default
