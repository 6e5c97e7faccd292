"""可配置选项 as pages: the lists (问题来源、类别、严重程度、风险领域) for everyone signed in, and
the 系统管理员's add and edit pages (``core/action.html``; GET shows the form, POST runs the
service through ``core.actions.action``)."""


from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from dangjian.access.actor import actor_of
from dangjian.core.actions import action
from dangjian.core.forms import Inputs
from dangjian.core.list_entries import EDIT_LABELS, edit_changes, edit_inputs, order_input
from dangjian.core.permissions import can

from .action_pages import Button, Input, _page, _refusal, page_or_action
from .models import Term, TermKind
from .services import terms as term_services

ADD_FIELDS = {"kind": "列表", "name": "名称", "order": "排序"}
STATES = [("1", "启用"), ("0", "停用（不再出现在表单中，已登记的记录保留）")]


@login_required
def term_list(request: HttpRequest) -> HttpResponse:
    terms = Term.objects.order_by("order", "id")
    lists = [(label, [t for t in terms if t.kind == kind]) for kind, label in TermKind.choices]
    return render(request, "oversight/term_list.html", {
        "lists": lists, "may_configure": can(request.user, "oversight.configure")})



def _term_new_page(request: HttpRequest) -> HttpResponse:
    return _page(request, title="添加可配置选项", draft_key="term",
                 refusal=_refusal(request, "oversight.configure"), back="oversight:term_list",
                 inputs=[
                     Input("kind", "列表", "select", list(TermKind.choices),
                           value=request.GET.get("kind", "")),
                     Input("name", "名称", help=f"不超过{term_services.NAME_MAX}个字"),
                     Input("order", "排序（可选）", "number", required=False,
                           help="数字小的在前；不填则排在最后"),
                 ], buttons=[Button("添加")])


@action("term", back="oversight:term-new", labels=ADD_FIELDS)
def _term_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, ADD_FIELDS)
    kind, name, order = inputs.text("kind"), inputs.text("name"), order_input(inputs)
    inputs.check()
    term = term_services.term_add(actor=actor_of(request), kind=kind, name=name, order=order)
    return f"已添加“{term.get_kind_display()}”：{term.name}", reverse("oversight:term_list")


def _term_edit_page(request: HttpRequest, pk: int) -> HttpResponse:
    term = get_object_or_404(Term, pk=pk)
    return _page(request, title=f"修改可配置选项：{term.name}", draft_key=f"term-{pk}",
                 refusal=_refusal(request, "oversight.configure"), back="oversight:term_list",
                 about=[("列表", term.get_kind_display())],
                 inputs=edit_inputs(term, rename_help="改名后，已登记的记录随之显示新名称",
                                    states=STATES), buttons=[Button("保存")])


@action("term-{pk}", back="oversight:term-edit", back_kwargs=("pk",), labels=EDIT_LABELS)
def _term_edit(request: HttpRequest, pk: int) -> tuple[str, str]:
    term = get_object_or_404(Term, pk=pk)
    term = term_services.term_update(actor=actor_of(request), term=term,
                                     **edit_changes(request))
    return f"已保存：{term.name}", reverse("oversight:term_list")


term_new = page_or_action(_term_new_page, _term_new)
term_edit = page_or_action(_term_edit_page, _term_edit)
