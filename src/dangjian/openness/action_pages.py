"""The openness action pages (``core/action.html``): GET shows the form, POST runs the service
through ``core.actions.action``. Each refuses exactly what the API refuses, in the same words."""

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone

from dangjian.access.actor import actor_of
from dangjian.access.scoping import may_enter_data, restrict
from dangjian.core.action_page import Button, Input, page_or_action, refusal_of, render_action
from dangjian.core.actions import action, scoped
from dangjian.core.forms import Inputs
from dangjian.orgs.models import Organization

from .models import (
    Audience,
    Cadence,
    CatalogueItem,
    Channel,
    Decision,
    Disclosure,
    DisclosureRequest,
    Domain,
    Feedback,
)
from .services import catalogue as catalogue_services
from .services import disclosures as disclosure_services
from .services import feedback as feedback_services
from .services import prepared as prepared_services
from .services import requests as request_services
from .services.disclosures import ACCEPT, RETURN


def _choices(choices: Any, blank: str = "") -> list[tuple[str, str]]:
    return ([("", blank)] if blank else []) + [(str(v), str(label)) for v, label in choices]


def _units(request: HttpRequest) -> list[tuple[str, str]]:
    """The organisations the user may enter data for, in tree order."""
    visible = restrict(Organization.objects.order_by("path"), request.user)
    return [(str(o.pk), o.name) for o in visible if may_enter_data(request.user, o)]


def _page(request: HttpRequest, *, title: str, key: str, inputs: list[Input], button: str,
          refusal: str, back: str, record: Model | None = None, record_url: str = "",
          multipart: bool = False) -> HttpResponse:
    return render_action(request, title=title, inputs=inputs, draft_key=key,
                         buttons=[Button(button)], back_url=reverse(back), record=record,
                         record_url=record_url, refusal=refusal, multipart=multipart)


def _any_unit_refusal(request: HttpRequest) -> str:
    return "" if _units(request) else refusal_of(request, "openness.draft", None) or \
        "仅本单位的党务干事或书记可以办理公开事项"


# --- 公开目录 -----------------------------------------------------------------------------

ITEM_FIELDS = {"organization": "公开主体", "year": "年度", "domain": "类别",
               "content": "公开内容", "audience": "公开范围", "cadence": "公开时限",
               "working_days": "事项形成后工作日数", "channel": "公开方式", "basis": "公开依据",
               "inside_first": "须先党内公开"}
INSIDE_FIRST_INPUT = Input("inside_first", "须先党内公开", "checks",
                           [("1", "向社会公开前须先在党内公开（党务公开条例第四条）")],
                           required=False, help="仅党务公开事项可选")


def _item_fields(request: HttpRequest, inputs: Inputs) -> dict[str, Any]:
    fields: dict[str, Any] = {name: inputs.text(name) for name in
                              ("domain", "content", "audience", "cadence", "channel")}
    fields["basis"] = inputs.text("basis", required=False)
    fields["year"] = _number(inputs, "year")
    fields["working_days"] = _number(inputs, "working_days", required=False)
    fields["inside_first"] = request.POST.get("inside_first") == "1"
    return fields


def _item_new_page(request: HttpRequest) -> HttpResponse:
    return _page(request, title="添加公开目录事项", key="openness-item", button="添加",
                 refusal=_any_unit_refusal(request), back="openness:catalogue_list", inputs=[
                     Input("organization", "公开主体", "select", _units(request)),
                     Input("year", "年度", "number", value=str(timezone.localdate().year)),
                     Input("domain", "类别", "select", _choices(Domain.choices)),
                     Input("content", "公开内容"),
                     Input("audience", "公开范围", "select", _choices(Audience.choices)),
                     Input("cadence", "公开时限", "select", _choices(Cadence.choices)),
                     Input("working_days", "事项形成后工作日数", "number", required=False,
                           help="公开时限为“事项形成后N个工作日”时填写，如政务信息20个工作日"),
                     Input("channel", "公开方式", "select", _choices(Channel.choices)),
                     Input("basis", "公开依据", required=False),
                     INSIDE_FIRST_INPUT,
                 ])


def _number(inputs: Inputs, name: str, *, required: bool = True) -> int | None:
    raw = inputs.text(name, required=required)
    if raw and not raw.isdecimal():
        inputs.refuse(name, f"{ITEM_FIELDS.get(name, name)}应为整数")
        return None
    return int(raw) if raw else None


@action("openness-item", back="openness:item-new", labels=ITEM_FIELDS)
def _item_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, ITEM_FIELDS)
    organization = inputs.picked(Organization, "organization")
    fields = _item_fields(request, inputs)
    inputs.check()
    item = catalogue_services.item_create(actor=actor_of(request), organization=organization,
                                          **fields)
    return f"已添加目录事项：{item.content}", reverse("openness:catalogue_list")


item_new = page_or_action(_item_new_page, _item_new)


def _item_refusal(request: HttpRequest, item: CatalogueItem) -> str:
    refusal = refusal_of(request, "openness.draft", item.organization)
    return refusal or ("" if item.active else "该目录事项已停用，不能修改")


def _item_edit_page(request: HttpRequest, pk: int) -> HttpResponse:
    item = scoped(CatalogueItem, request, pk)
    return _page(request, title=f"修改目录事项：{item.content}", key=f"openness-item-edit-{pk}",
                 button="保存", refusal=_item_refusal(request, item),
                 back="openness:catalogue_list", inputs=[
                     Input("year", "年度", "number", value=str(item.year)),
                     Input("domain", "类别", "select", _choices(Domain.choices), value=item.domain),
                     Input("content", "公开内容", value=item.content),
                     Input("audience", "公开范围", "select", _choices(Audience.choices),
                           value=item.audience),
                     Input("cadence", "公开时限", "select", _choices(Cadence.choices),
                           value=item.cadence),
                     Input("working_days", "事项形成后工作日数", "number", required=False,
                           value=str(item.working_days or "")),
                     Input("channel", "公开方式", "select", _choices(Channel.choices),
                           value=item.channel),
                     Input("basis", "公开依据", required=False, value=item.basis),
                     replace(INSIDE_FIRST_INPUT, values=["1"] if item.inside_first else []),
                 ])


@action("openness-item-edit-{pk}", back="openness:item-edit", back_kwargs=("pk",),
        labels=ITEM_FIELDS)
def _item_edit(request: HttpRequest, pk: int) -> tuple[str, str]:
    item = scoped(CatalogueItem, request, pk)
    inputs = Inputs(request, ITEM_FIELDS)
    fields = _item_fields(request, inputs)
    inputs.check()
    done = catalogue_services.item_update(actor=actor_of(request), item=item, **fields)
    return f"已修改目录事项：{done.content}", reverse("openness:catalogue_list")


def _item_deactivate_page(request: HttpRequest, pk: int) -> HttpResponse:
    item = scoped(CatalogueItem, request, pk)
    refusal = refusal_of(request, "openness.draft", item.organization) or (
        "" if item.active else "该目录事项已经停用")
    return render_action(
        request, title=f"停用目录事项：{item.content}", inputs=[],
        draft_key=f"openness-item-deactivate-{pk}", buttons=[Button("停用")],
        back_url=reverse("openness:catalogue_list"), refusal=refusal,
        about=[("公开主体", item.organization.name), ("年度", str(item.year)),
               ("说明", "停用后不能再据此拟稿，已有的公开事项保留")])


@action("openness-item-deactivate-{pk}", back="openness:item-deactivate", back_kwargs=("pk",))
def _item_deactivate(request: HttpRequest, pk: int) -> tuple[str, str]:
    item = scoped(CatalogueItem, request, pk)
    done = catalogue_services.item_deactivate(actor=actor_of(request), item=item)
    return f"已停用目录事项：{done.content}", reverse("openness:catalogue_list")


item_edit = page_or_action(_item_edit_page, _item_edit)
item_deactivate = page_or_action(_item_deactivate_page, _item_deactivate)


# --- 公开事项 -----------------------------------------------------------------------------

DISCLOSURE_FIELDS = {"organization": "公开主体", "item": "目录事项", "title": "标题",
                     "body": "公开内容", "domain": "类别", "audience": "公开范围",
                     "channel": "公开方式", "matter_on": "事项形成日期"}


def _disclosure_new_page(request: HttpRequest) -> HttpResponse:
    items = restrict(CatalogueItem.objects.filter(active=True).select_related("organization"),
                     request.user)
    return _page(request, title="拟稿：公开事项", key="openness-disclosure", button="保存草稿",
                 refusal=_any_unit_refusal(request), back="openness:disclosure_list", inputs=[
                     Input("organization", "公开主体", "select", _units(request)),
                     Input("item", "目录事项", "select",
                           [("", "目录外（随时公开）")] + [
                               (str(i.pk), f"{i.organization.name}：{i}") for i in items],
                           required=False, help="按目录事项的公开时限计算应公开日期"),
                     Input("title", "标题"),
                     Input("body", "公开内容", "textarea"),
                     Input("domain", "类别", "select", _choices(Domain.choices, "按目录事项"),
                           required=False),
                     Input("audience", "公开范围", "select",
                           _choices(Audience.choices, "按目录事项"), required=False,
                           help="党务公开一般先党内后党外"),
                     Input("channel", "公开方式", "select", _choices(Channel.choices, "按目录事项"),
                           required=False),
                     Input("matter_on", "事项形成日期", "date",
                           value=timezone.localdate().isoformat()),
                 ])


@action("openness-disclosure", back="openness:disclosure-new", labels=DISCLOSURE_FIELDS)
def _disclosure_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, DISCLOSURE_FIELDS)
    organization = inputs.picked(Organization, "organization")
    item = inputs.picked(CatalogueItem, "item", required=False)
    title, body = inputs.text("title"), inputs.text("body")
    optional = {name: inputs.text(name, required=False)
                for name in ("domain", "audience", "channel")}
    matter_on = inputs.date("matter_on")
    inputs.check()
    assert matter_on is not None
    made = disclosure_services.disclosure_create(
        actor=actor_of(request), organization=organization, item=item, title=title, body=body,
        matter_on=matter_on, **optional)
    return f"已保存草稿：{made.title}", reverse("openness:disclosure_detail", args=[made.pk])


disclosure_new = page_or_action(_disclosure_new_page, _disclosure_new)


def _edit_refusal(request: HttpRequest, disclosure: Disclosure) -> str:
    refusal = refusal_of(request, "openness.draft", disclosure.organization)
    if refusal:
        return refusal
    try:
        disclosure_services.editable(request.user, disclosure)  # type: ignore[arg-type]
    except (ValidationError, PermissionDenied) as exc:
        return " ".join(getattr(exc, "messages", [str(exc)]))
    return ""


def _disclosure_edit_page(request: HttpRequest, pk: int) -> HttpResponse:
    d = scoped(Disclosure, request, pk)
    return _page(request, title=f"修改：{d.title}", key=f"openness-edit-{pk}", button="保存修改",
                 refusal=_edit_refusal(request, d), back="openness:disclosure_list", record=d,
                 record_url=reverse("openness:disclosure_detail", args=[pk]), inputs=[
                     Input("title", "标题", value=d.title),
                     Input("body", "公开内容", "textarea", value=d.body),
                     Input("domain", "类别", "select", _choices(Domain.choices), value=d.domain),
                     Input("audience", "公开范围", "select", _choices(Audience.choices),
                           value=d.audience, help="党务公开一般先党内后党外"),
                     Input("channel", "公开方式", "select", _choices(Channel.choices),
                           value=d.channel),
                     Input("matter_on", "事项形成日期", "date", value=d.matter_on.isoformat()),
                 ])


@action("openness-edit-{pk}", back="openness:disclosure-edit", back_kwargs=("pk",),
        labels=DISCLOSURE_FIELDS)
def _disclosure_edit(request: HttpRequest, pk: int) -> tuple[str, str]:
    d = scoped(Disclosure, request, pk)
    inputs = Inputs(request, DISCLOSURE_FIELDS)
    changes: dict[str, Any] = {name: inputs.text(name) for name in
                               ("title", "body", "domain", "audience", "channel")}
    changes["matter_on"] = inputs.date("matter_on")
    inputs.check()
    done = disclosure_services.disclosure_edit(actor=actor_of(request), disclosure=d, **changes)
    return (f"已保存修改：{done.title}，请提交审核",
            reverse("openness:disclosure_detail", args=[pk]))


disclosure_edit = page_or_action(_disclosure_edit_page, _disclosure_edit)


def _prepare_page(request: HttpRequest) -> HttpResponse:
    return _page(request, title="从已有数据生成草稿", key="openness-prepare", button="生成草稿",
                 refusal=_any_unit_refusal(request), back="openness:disclosure_list", inputs=[
                     Input("organization", "公开主体", "select", _units(request),
                           help="为近期的发展党员公示、召开的组织生活会和民主评议、巡察整改销号、"
                                "以通报方式作出的问责决定、县核定的村集体经济收入各生成一份草稿，"
                                "已生成的不重复；草稿须经审核、审批后才公开"),
                 ])


@action("openness-prepare", back="openness:disclosure-prepare",
        labels={"organization": "公开主体"})
def _prepare(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, {"organization": "公开主体"})
    organization = inputs.picked(Organization, "organization")
    inputs.check()
    made = prepared_services.drafts_prepare(actor=actor_of(request), organization=organization)
    message = f"已生成{len(made)}份草稿，请核对后提交审核" if made else "没有需要生成的草稿"
    return message, reverse("openness:disclosure_list") + "?status=拟稿"


disclosure_prepare = page_or_action(_prepare_page, _prepare)


def _drafter_refusal(request: HttpRequest, disclosure: Disclosure, what: str) -> str:
    if request.user.pk == disclosure.drafted_by_id:
        return f"拟稿人不能{what}本人起草的公开事项，请由他人{what}"
    return ""


DECISIONS = [(ACCEPT, "通过"), (RETURN, "退回拟稿人")]
# verb → (title, rule, inputs, labels, the service call from the inputs, drafter check)
StepCall = Callable[[HttpRequest, Disclosure, Inputs], Disclosure]


def _decision(inputs: Inputs) -> dict[str, str]:
    return {"decision": inputs.text("decision"), "comment": inputs.text("comment",
                                                                        required=False)}


def _submit(request: HttpRequest, d: Disclosure, inputs: Inputs) -> Disclosure:
    inputs.check()
    return disclosure_services.disclosure_submit(actor=actor_of(request), disclosure=d)


def _review(request: HttpRequest, d: Disclosure, inputs: Inputs) -> Disclosure:
    chosen = _decision(inputs)
    inputs.check()
    return disclosure_services.disclosure_review(actor=actor_of(request), disclosure=d, **chosen)


def _approve(request: HttpRequest, d: Disclosure, inputs: Inputs) -> Disclosure:
    chosen = _decision(inputs)
    chosen["inside_first_waiver"] = inputs.text("inside_first_waiver", required=False)
    inputs.check()
    return disclosure_services.disclosure_approve(actor=actor_of(request), disclosure=d,
                                                  **chosen)


def _publish(request: HttpRequest, d: Disclosure, inputs: Inputs) -> Disclosure:
    published_on, url = inputs.date("published_on", required=False), inputs.text("url",
                                                                                 required=False)
    inputs.check()
    return disclosure_services.disclosure_publish(actor=actor_of(request), disclosure=d,
                                                  published_on=published_on, url=url)


def _withdraw(request: HttpRequest, d: Disclosure, inputs: Inputs) -> Disclosure:
    reason = inputs.text("reason")
    inputs.check()
    return disclosure_services.disclosure_withdraw(actor=actor_of(request), disclosure=d,
                                                   reason=reason)


DECISION_INPUTS = [Input("decision", "审核结论", "select", DECISIONS),
                   Input("comment", "意见", "textarea", required=False,
                         help="退回时必须写明理由")]
STEPS: dict[str, tuple[str, str, list[Input], StepCall, str]] = {
    "submit": ("提交审核（保密审查）", "openness.draft", [], _submit, ""),
    "review": ("保密审查", "openness.review", DECISION_INPUTS, _review, "审核"),
    "approve": ("审批", "openness.approve", [*DECISION_INPUTS, Input(
        "inside_first_waiver", "不先党内公开的理由", "textarea", required=False,
        help="仅用于目录标明须先党内公开、而本次直接向社会公开的党务事项（党务公开条例第四条）")],
        _approve, "审批"),
    "publish": ("公开", "openness.draft", [
        Input("published_on", "公开日期", "date", required=False, help="不填为今天"),
        Input("url", "公开网址", required=False, help="网站公开时填写；公开栏请先添加照片附件"),
    ], _publish, ""),
    "withdraw": ("撤回", "openness.approve", [Input("reason", "撤回理由", "textarea")],
                 _withdraw, ""),
}
STEP_LABELS = {"decision": "审核结论", "comment": "意见", "published_on": "公开日期",
               "url": "公开网址", "reason": "撤回理由", "inside_first_waiver": "不先党内公开的理由"}


def _step_view(verb: str) -> Callable[..., HttpResponse]:
    title, rule, inputs, call, drafter_check = STEPS[verb]

    def page(request: HttpRequest, pk: int) -> HttpResponse:
        disclosure = scoped(Disclosure, request, pk)
        refusal = refusal_of(request, rule, disclosure.organization)
        if not refusal and drafter_check:
            refusal = _drafter_refusal(request, disclosure, drafter_check)
        return render_action(
            request, title=f"{title}：{disclosure.title}", inputs=[
                Input(i.name, i.label, i.kind, i.choices, required=i.required, help=i.help)
                for i in inputs],
            draft_key=f"openness-{verb}-{pk}", buttons=[Button(title)],
            back_url=reverse("openness:disclosure_list"), record=disclosure,
            record_url=reverse("openness:disclosure_detail", args=[pk]), refusal=refusal,
            about=[("状态", disclosure.get_status_display()),
                   ("公开范围", disclosure.get_audience_display()),
                   ("应公开日期", disclosure.due_on.isoformat())])

    @action(f"openness-{verb}-{{pk}}", back=f"openness:disclosure-{verb}", back_kwargs=("pk",),
            labels=STEP_LABELS)
    def post(request: HttpRequest, pk: int) -> tuple[str, str]:
        disclosure = scoped(Disclosure, request, pk)
        done = call(request, disclosure, Inputs(request, STEP_LABELS))
        return (f"{done.title}：{done.get_status_display()}",
                reverse("openness:disclosure_detail", args=[pk]))

    page.__name__ = f"disclosure_{verb}"
    return page_or_action(page, post)


disclosure_steps = {verb: _step_view(verb) for verb in STEPS}


def _attach_page(request: HttpRequest, pk: int) -> HttpResponse:
    disclosure = scoped(Disclosure, request, pk)
    return _page(request, title=f"添加附件：{disclosure.title}", key=f"openness-attach-{pk}",
                 button="上传", back="openness:disclosure_list", record=disclosure,
                 record_url=reverse("openness:disclosure_detail", args=[pk]), multipart=True,
                 refusal=refusal_of(request, "openness.draft", disclosure.organization),
                 inputs=[Input("file", "文件", "file",
                               help="PDF、图片、Word、Excel或OFD，如公开栏照片")])


@action("openness-attach-{pk}", back="openness:disclosure-attach", back_kwargs=("pk",),
        labels={"file": "文件"})
def _attach(request: HttpRequest, pk: int) -> tuple[str, str]:
    disclosure = scoped(Disclosure, request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        raise ValidationError({"file": "请选择文件"})
    made = disclosure_services.disclosure_attach(actor=actor_of(request), disclosure=disclosure,
                                                 upload=upload)
    return f"已上传：{made.original_name}", reverse("openness:disclosure_detail", args=[pk])


disclosure_attach = page_or_action(_attach_page, _attach)


# --- 群众留言 -----------------------------------------------------------------------------

def _answer_page(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = scoped(Feedback, request, pk)
    refusal = refusal_of(request, "openness.draft", feedback.disclosure.organization)
    if not refusal and feedback.answered_on is not None:
        refusal = "该留言已经答复"
    return render_action(
        request, title="答复群众留言", inputs=[Input("answer", "答复", "textarea")],
        draft_key=f"openness-answer-{pk}", buttons=[Button("答复")],
        back_url=reverse("openness:feedback_list"), refusal=refusal,
        about=[("公开事项", feedback.disclosure.title), ("留言", feedback.text),
               ("联系方式", feedback.contact_masked or "未留"),
               ("答复期限", feedback.answer_due.isoformat())])


@action("openness-answer-{pk}", back="openness:feedback-answer", back_kwargs=("pk",),
        labels={"answer": "答复"})
def _answer(request: HttpRequest, pk: int) -> tuple[str, str]:
    feedback = scoped(Feedback, request, pk)
    inputs = Inputs(request, {"answer": "答复"})
    answer = inputs.text("answer")
    inputs.check()
    feedback_services.feedback_answer(actor=actor_of(request), feedback=feedback, answer=answer)
    return "已答复", reverse("openness:feedback_list")


feedback_answer = page_or_action(_answer_page, _answer)


# --- 依申请公开 ---------------------------------------------------------------------------

REQUEST_FIELDS = {"organization": "受理单位", "applicant": "申请人", "content": "申请内容",
                  "received_on": "收到日期"}


def _request_new_page(request: HttpRequest) -> HttpResponse:
    return _page(request, title="登记依申请公开", key="openness-request", button="登记",
                 refusal=_any_unit_refusal(request), back="openness:request_list", inputs=[
                     Input("organization", "受理单位", "select", _units(request)),
                     Input("applicant", "申请人"),
                     Input("content", "申请内容", "textarea"),
                     Input("received_on", "收到日期", "date",
                           value=timezone.localdate().isoformat(),
                           help="自收到之日起20个工作日内答复"),
                 ])


@action("openness-request", back="openness:request-new", labels=REQUEST_FIELDS)
def _request_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, REQUEST_FIELDS)
    organization = inputs.picked(Organization, "organization")
    applicant, content = inputs.text("applicant"), inputs.text("content")
    received_on = inputs.date("received_on")
    inputs.check()
    assert received_on is not None
    made = request_services.request_register(
        actor=actor_of(request), organization=organization, applicant=applicant,
        content=content, received_on=received_on)
    return (f"已登记，答复期限：{made.due_on.isoformat()}",
            reverse("openness:request_detail", args=[made.pk]))


request_new = page_or_action(_request_new_page, _request_new)


def _request_page(request: HttpRequest, pk: int, *, title: str, key: str,
                  inputs: list[Input]) -> HttpResponse:
    found = scoped(DisclosureRequest, request, pk)
    refusal = refusal_of(request, "openness.draft", found.organization)
    if not refusal and found.decided_on is not None:
        refusal = "该申请已经答复"
    return render_action(
        request, title=title, inputs=inputs, draft_key=f"{key}-{pk}", buttons=[Button(title)],
        back_url=reverse("openness:request_list"), record=found,
        record_url=reverse("openness:request_detail", args=[pk]), refusal=refusal,
        about=[("收到日期", found.received_on.isoformat()),
               ("答复期限", found.due_on.isoformat())])


def _extend_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _request_page(request, pk, title="延长答复期限", key="openness-extend", inputs=[
        Input("days", "延长工作日数", "number", help="只能延长一次，最长20个工作日"),
        Input("reason", "延长理由", "textarea")])


@action("openness-extend-{pk}", back="openness:request-extend", back_kwargs=("pk",),
        labels={"days": "延长工作日数", "reason": "延长理由"})
def _extend(request: HttpRequest, pk: int) -> tuple[str, str]:
    found = scoped(DisclosureRequest, request, pk)
    inputs = Inputs(request, {"days": "延长工作日数", "reason": "延长理由"})
    days, reason = inputs.text("days"), inputs.text("reason")
    if days and not days.isdecimal():
        inputs.refuse("days", "延长工作日数应为整数")
    inputs.check()
    done = request_services.request_extend(actor=actor_of(request), request=found,
                                           days=int(days), reason=reason)
    return (f"答复期限延长至{done.due_on.isoformat()}",
            reverse("openness:request_detail", args=[pk]))


def _decide_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _request_page(request, pk, title="答复", key="openness-decide", inputs=[
        Input("decision", "答复类型", "select", _choices(Decision.choices)),
        Input("decided_on", "答复日期", "date", value=timezone.localdate().isoformat())])


@action("openness-decide-{pk}", back="openness:request-decide", back_kwargs=("pk",),
        labels={"decision": "答复类型", "decided_on": "答复日期"})
def _decide(request: HttpRequest, pk: int) -> tuple[str, str]:
    found = scoped(DisclosureRequest, request, pk)
    inputs = Inputs(request, {"decision": "答复类型", "decided_on": "答复日期"})
    decision, decided_on = inputs.text("decision"), inputs.date("decided_on", required=False)
    inputs.check()
    request_services.request_decide(actor=actor_of(request), request=found, decision=decision,
                                    decided_on=decided_on)
    return "已答复", reverse("openness:request_detail", args=[pk])


request_extend = page_or_action(_extend_page, _extend)
request_decide = page_or_action(_decide_page, _decide)

__all__ = ["PermissionDenied"]
