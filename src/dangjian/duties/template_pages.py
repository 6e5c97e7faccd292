"""The page of the county's responsibility-list template (责任清单模板): its versions, the
built-in template to download as the workbook to fill, and the upload, whose refusal comes back
as a table naming every bad row and column."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.actions import action, scoped, version_of
from dangjian.core.files.checks import XLSX, attachment

from .county_template import BUILT_IN_TITLE, built_in_entries
from .models import ResponsibilityTemplate
from .services import templates as template_services

TEMPLATE_FIELDS = {"file": "模板文件", "title": "模板名称"}
REFUSED_ROWS = "template_import_rows"  # the session key of the last refusal's table


@action("template-import", back="duties:templates", labels=TEMPLATE_FIELDS)
def template_import(request: HttpRequest) -> str:
    actor = actor_of(request)
    county = template_services.importable_county(actor)
    if county is None:
        raise PermissionDenied("只有县委组织部（党建办）考核管理员或县委党务干事、书记可以导入"
                               "本县责任清单模板")
    request.session.pop(REFUSED_ROWS, None)
    upload = request.FILES.get("file")
    try:
        data = template_services.template_bytes(upload, actor=actor)
    except ValidationError as error:  # missing or too big: said beside the file field
        raise ValidationError({"file": error.messages}) from error
    try:
        template = template_services.template_import(
            actor=actor, county=county, data=data, source_name=getattr(upload, "name", ""),
            title=request.POST.get("title", ""), seen_version=version_of(request) or 0)
    except template_services.TemplateRefused as refused:
        request.session[REFUSED_ROWS] = [
            {"row": e.row, "column": e.column, "message": e.message} for e in refused.errors]
        raise ValidationError({"file": f"模板有{len(refused.errors)}处错误，全部未导入，"
                                       "请按下表逐项修改后重新上传"}) from refused
    return f"已导入{template}：{template.items.count()}项，此后新建的责任清单按此版本生成"


@login_required
def templates(request: HttpRequest) -> HttpResponse:
    """责任清单模板: GET the versions and the upload; POST imports a new version."""
    if request.method == "POST":
        return template_import(request)
    user = request.user
    versions = (restrict(ResponsibilityTemplate.objects.all(), user)
                .select_related("organization", "created_by").annotate(item_count=Count("items"))
                .order_by("organization__path", "-version"))
    context: dict[str, Any] = {
        "versions": list(versions[:100]),
        "built_in_title": BUILT_IN_TITLE, "built_in_count": len(built_in_entries()),
        "county": template_services.importable_county(actor_of(request)),
        "refused_rows": request.session.get(REFUSED_ROWS, []),
    }
    active = next((v for v in context["versions"] if v.active), None)
    context["built_in_active"] = active is None
    context["active_version"] = active.version if active else 0
    return render(request, "duties/templates.html", context)


@login_required
def built_in_download(request: HttpRequest) -> HttpResponse:
    """The built-in template as the workbook a county fills (any signed-in user: it is the
    platform's own, public rules)."""
    return attachment(template_services.template_workbook(), XLSX, "责任清单模板（内置）.xlsx")


@login_required
def version_download(request: HttpRequest, pk: int) -> HttpResponse:
    template = scoped(ResponsibilityTemplate, request, pk)
    return attachment(template_services.template_workbook(template), XLSX,
                      f"责任清单模板（第{template.version}版）.xlsx")
