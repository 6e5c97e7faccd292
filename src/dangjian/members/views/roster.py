"""The member roster (党员花名册) on the clerk's page: upload, or download the blank template."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from dangjian.access.actor import actor_of
from dangjian.core.actions import action
from dangjian.core.files.checks import XLSX, attachment
from dangjian.members.services.roster import roster_bytes, roster_import, roster_template


@action("roster", back="members:candidates")
def roster_upload(request: HttpRequest) -> str:
    data = roster_bytes(request.FILES.get("file"), actor=actor_of(request))
    count = roster_import(actor=actor_of(request), data=data)
    return f"已导入花名册：{count} 名人员"


@login_required
def roster_template_download(request: HttpRequest) -> HttpResponse:
    return attachment(roster_template(), XLSX, "党员名册模板.xlsx")
