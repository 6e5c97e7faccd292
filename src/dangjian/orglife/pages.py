"""The meetings register on the core page kernel: the list, a meeting's detail, and one page per
action on it (上传附件, 撤销 with reason)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.actions import action, drafts, scoped
from dangjian.core.detail import Action, RecordDetailView, Section
from dangjian.core.files.views import download_page
from dangjian.core.forms import Inputs
from dangjian.core.lists import RegisterListView
from dangjian.core.permissions import can

from . import selectors
from .filtersets import MeetingFilterSet
from .models import Attachment, AttachmentKind, Meeting, MeetingKind
from .services.attachments import meeting_attach
from .services.meetings import meeting_delete
from .tables import AgendaTable, AttachmentTable, AttendanceTable, MeetingTable


class MeetingList(RegisterListView):
    model = Meeting
    filterset_class = MeetingFilterSet
    table_class = MeetingTable
    title = "会议记录"
    export_name = "会议记录"
    status_field = "kind"  # counts by meeting kind

    def rows(self) -> QuerySet[Meeting]:
        return selectors.meeting_rows_for(self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # 登记会议 only for those who enter data for some organisation holding meetings
        if selectors.organizations_for_entry(self.request.user).exists():
            kwargs.update(new_url=reverse("orglife:meeting-new"), new_label="登记会议")
        return super().get_context_data(**kwargs)


class MeetingDetail(RecordDetailView):
    model = Meeting
    fields = ("organization", "kind", "held_on", "place", "chair", "recorder", "topic",
              "lecturer", "lecturer_reach", "minutes", "decisions", "created_by", "created_at")
    list_url = "orglife:meeting_list"

    def sections(self) -> list[Section]:
        meeting: Meeting = self.object
        attendance = list(meeting.attendance.select_related("person").order_by(
            "-present", "person__name"))
        files = meeting.attachments.select_related("uploaded_by").order_by("uploaded_at", "id")
        agenda = list(meeting.agenda.prefetch_related("tags").order_by("order"))
        tagged = ([Section(f"议题清单（{len(agenda)}项）", AgendaTable(agenda))]
                  if agenda or meeting.kind == MeetingKind.PARTY_GROUP else [])
        return [*tagged, Section(f"参会情况（应到{len(attendance)}人，实到"
                        f"{sum(a.present for a in attendance)}人）", AttendanceTable(attendance)),
                Section("附件（签到表、照片、会议记录）", AttachmentTable(files))]

    def actions(self) -> list[Action]:
        meeting: Meeting = self.object
        if not can(self.request.user, "orglife.enter", meeting.organization):
            return []
        return [Action("上传附件", reverse("orglife:meeting-attach", args=[meeting.pk])),
                Action("撤销", reverse("orglife:meeting-withdraw", args=[meeting.pk]),
                       style="contrast")]


def _entered(request: HttpRequest, pk: int) -> Meeting:
    """The meeting an action page names: in scope (else 404), and the user may enter for its
    organisation (else 403, the page offers no such action)."""
    meeting: Meeting = scoped(Meeting, request, pk)
    if not can(request.user, "orglife.enter", meeting.organization):
        raise PermissionDenied("您没有为该组织登记组织生活的权限")
    return meeting


ATTACH_FIELDS = {"kind": "类别", "file": "文件"}
WITHDRAW_FIELDS = {"reason": "撤销理由"}


@action("attach-{pk}", back="orglife:meeting-attach", back_kwargs=("pk",), labels=ATTACH_FIELDS)
def _attach(request: HttpRequest, pk: int) -> tuple[str, str]:
    meeting = scoped(Meeting, request, pk)
    inputs = Inputs(request, ATTACH_FIELDS)
    kind = inputs.text("kind")
    if kind and kind not in AttachmentKind.values:  # the service's rule, named with the file's
        inputs.refuse("kind", f"附件类别只能是：{'、'.join(AttachmentKind.values)}")
    upload = request.FILES.get("file")
    if upload is None:
        inputs.refuse("file", "请选择要上传的文件")
    inputs.check()
    assert upload is not None  # refused by check() otherwise
    attachment = meeting_attach(actor=actor_of(request), meeting=meeting, upload=upload,
                                kind=kind)
    return (f"已上传{attachment.kind}：{attachment.original_name}",
            reverse("orglife:meeting_detail", args=[pk]))


@login_required
def meeting_attach_page(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method == "POST":
        return _attach(request, pk=pk)
    meeting = _entered(request, pk)
    return render(request, "orglife/meeting_attach.html", {
        "meeting": meeting, "kinds": AttachmentKind.choices,
        "draft": drafts(request).get(f"attach-{pk}", {})})


@action("withdraw-{pk}", back="orglife:meeting-withdraw", back_kwargs=("pk",),
        labels=WITHDRAW_FIELDS)
def _withdraw(request: HttpRequest, pk: int) -> tuple[str, str]:
    meeting = scoped(Meeting, request, pk)
    name = str(meeting)
    meeting_delete(actor=actor_of(request), meeting=meeting, reason=request.POST.get("reason", ""))
    return f"已撤销会议记录：{name}", reverse("orglife:meeting_list")


@login_required
def meeting_withdraw_page(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method == "POST":
        return _withdraw(request, pk=pk)
    meeting = _entered(request, pk)
    return render(request, "orglife/meeting_withdraw.html", {
        "meeting": meeting, "draft": drafts(request).get(f"withdraw-{pk}", {})})


@login_required
def attachment_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A sign-in sheet or photo, only of a meeting the user sees, checked against its SHA-256."""
    item = get_object_or_404(Attachment.objects.filter(
        meeting__in=restrict(Meeting.objects.all(), request.user)), pk=pk)
    return download_page(evidence=item, actor=actor_of(request))
