"""议题标签 as pages: the list for everyone signed in, and the 系统管理员's add and edit pages
(``core/action.html``; GET shows the form, POST runs the service through
``core.actions.action``)."""


from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from dangjian.access.actor import actor_of
from dangjian.core.action_page import Input, page_or_action, refusal_of
from dangjian.core.actions import action
from dangjian.core.forms import Inputs
from dangjian.core.list_entries import EDIT_LABELS, edit_changes, edit_inputs, order_input
from dangjian.core.permissions import can

from .models import AgendaTag
from .services import tags as tag_services
from .talk_pages import _page

ADD_FIELDS = {"key": "标识", "name": "名称", "order": "排序"}
STATES = [("1", "启用"), ("0", "停用（登记会议时不再可选，已有议题保留）")]


@login_required
def tag_list(request: HttpRequest) -> HttpResponse:
    return render(request, "orglife/tag_list.html", {
        "tags": AgendaTag.objects.order_by("order", "id"),
        "proof_keys": tag_services.PROOF_KEYS,
        "may_configure": can(request.user, "orglife.configure")})



def _tag_new_page(request: HttpRequest) -> HttpResponse:
    return _page(request, title="添加议题标签", key="agenda-tag", button="添加",
                 back="orglife:tag_list", refusal=refusal_of(request, "orglife.configure"), inputs=[
                     Input("key", "标识", help="小写英文字母、数字和下划线，如 rural_revival；"
                                              "添加后不能修改"),
                     Input("name", "名称", help=f"不超过{tag_services.NAME_MAX}个字"),
                     Input("order", "排序（可选）", "number", required=False,
                           help="数字小的在前；不填则排在最后"),
                 ])


@action("agenda-tag", back="orglife:tag-new", labels=ADD_FIELDS)
def _tag_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, ADD_FIELDS)
    key, name, order = inputs.text("key"), inputs.text("name"), order_input(inputs)
    inputs.check()
    tag = tag_services.tag_add(actor=actor_of(request), key=key, name=name, order=order)
    return f"已添加议题标签：{tag.name}", reverse("orglife:tag_list")


def _tag_edit_page(request: HttpRequest, pk: int) -> HttpResponse:
    tag = get_object_or_404(AgendaTag, pk=pk)
    return _page(request, title=f"修改议题标签：{tag.name}", key=f"agenda-tag-{pk}",
                 button="保存", back="orglife:tag_list",
                 refusal=refusal_of(request, "orglife.configure"),
                 about=[("标识", tag.key)],
                 inputs=edit_inputs(tag, rename_help="改名后，已有议题随之显示新名称",
                                    states=STATES))


@action("agenda-tag-{pk}", back="orglife:tag-edit", back_kwargs=("pk",), labels=EDIT_LABELS)
def _tag_edit(request: HttpRequest, pk: int) -> tuple[str, str]:
    tag = get_object_or_404(AgendaTag, pk=pk)
    tag = tag_services.tag_update(actor=actor_of(request), tag=tag, **edit_changes(request))
    return f"已保存议题标签：{tag.name}", reverse("orglife:tag_list")


tag_new = page_or_action(_tag_new_page, _tag_new)
tag_edit = page_or_action(_tag_edit_page, _tag_edit)
