"""The member roster (党员花名册): the import page (upload, all rows or none), and the blank
template to fill in."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from dangjian.access.actor import actor_of
from dangjian.core.actions import action
from dangjian.core.files.checks import XLSX, attachment
from dangjian.members.services.roster import roster_bytes, roster_import, roster_template

from .forms import require_entry

ROSTER_FIELDS = {"file": "花名册文件"}


@action("roster", back="members:roster", labels=ROSTER_FIELDS)
def _upload(request: HttpRequest) -> tuple[str, str]:
    try:
        data = roster_bytes(request.FILES.get("file"), actor=actor_of(request))
    except ValidationError as error:  # missing or too big: said beside the file field
        raise ValidationError({"file": error.messages}) from error
    count = roster_import(actor=actor_of(request), data=data)
    return f"已导入花名册：{count} 名人员", reverse("members:candidates")


@login_required
def roster_upload(request: HttpRequest) -> HttpResponse:
    """导入党员花名册: GET the upload page, POST imports the whole file or none of it (a refusal
    comes back here naming every wrong row)."""
    if request.method == "POST":
        return _upload(request)
    require_entry(request)
    return render(request, "members/roster.html", {})


@login_required
def roster_template_download(request: HttpRequest) -> HttpResponse:
    return attachment(roster_template(), XLSX, "党员名册模板.xlsx")
