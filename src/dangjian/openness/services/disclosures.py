"""公开事项: 提出 → 审核（保密审查） → 审批 → 实施（已公开） → 已撤回 (党务公开条例 第十五条).

Each move is in ``TRANSITIONS``; anything else is refused by name. The reviewer and the approver
are other persons than the drafter. A withdrawal keeps the disclosure, with its reason.
A returned draft is edited by its drafter and submitted again; nothing after 拟稿 is edited.
先党内后党外 (第四条): see ``inside_first_missing``."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.files.checks import checked_upload
from dangjian.core.files.storage import stored_uploads
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization

from ..models import (
    Audience,
    CatalogueItem,
    Channel,
    Disclosure,
    DisclosureAttachment,
    Domain,
)
from ..models import DisclosureStatus as S
from ..rules import INSIDE_FIRST_WAIVER_RULE, local_settings
from .deadlines import due_for

TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.REVIEW},
    S.REVIEW: {S.APPROVAL, S.DRAFT},
    S.APPROVAL: {S.APPROVED, S.DRAFT},
    S.APPROVED: {S.PUBLISHED},
    S.PUBLISHED: {S.WITHDRAWN},
    S.WITHDRAWN: set(),
}
ACCEPT, RETURN = "accept", "return"
TITLE_MAX = 200


def _move(disclosure: Disclosure, new: str) -> None:
    if new not in TRANSITIONS[disclosure.status]:
        raise ValidationError(f"公开事项当前为“{disclosure.get_status_display()}”，"
                              f"不能变为“{S(new).label}”")


def _not_drafter(actor: User, disclosure: Disclosure, what: str) -> None:
    if actor.pk == disclosure.drafted_by_id:
        raise PermissionDenied(f"拟稿人不能{what}本人起草的公开事项，请由他人{what}")


def _locked(disclosure: Disclosure) -> Disclosure:
    return Disclosure.objects.select_for_update().get(pk=disclosure.pk)


def _check(fields: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if not str(fields.get("title") or "").strip():
        errors["title"] = "请填写标题"
    elif len(fields["title"]) > TITLE_MAX:
        errors["title"] = f"标题不能超过{TITLE_MAX}个字"
    if not str(fields.get("body") or "").strip():
        errors["body"] = "请填写公开内容"
    for name, choices, label in (("domain", Domain, "类别"), ("audience", Audience, "公开范围"),
                                 ("channel", Channel, "公开方式")):
        if fields.get(name) not in choices.values:
            errors[name] = f"{label}只能是：{'、'.join(choices.values)}"
    if not isinstance(fields.get("matter_on"), date):
        errors["matter_on"] = "请填写事项形成日期"
    if errors:
        raise ValidationError(errors)


def disclosure_create(*, actor: User, organization: Organization, title: str, body: str,
                      matter_on: date, item: CatalogueItem | None = None, domain: str = "",
                      audience: str = "", channel: str = "") -> Disclosure:
    """提出: the unit's clerk drafts a disclosure, from a catalogue item (its domain, scope,
    channel and cadence by default) or ad hoc (随时). The due date follows the cadence."""
    require(actor, "openness.draft", organization)
    if item is not None and item.organization_id != organization.pk:
        raise ValidationError({"item": "目录事项不属于该公开主体"})
    if item is not None and not item.active:
        raise ValidationError({"item": "该目录事项已停用，不能再据此拟稿"})
    fields = {"title": title, "body": body, "matter_on": matter_on,
              "domain": domain or (item.domain if item else ""),
              "audience": audience or (item.audience if item else ""),
              "channel": channel or (item.channel if item else "")}
    _check(fields)
    deadline = due_for(item.cadence if item else "随时", matter_on,
                       item.working_days if item else None)
    with transaction.atomic():
        disclosure = Disclosure.objects.create(
            organization=organization, item=item, drafted_by=actor, due_on=deadline.due,
            due_provisional=deadline.provisional, **fields)
        record(actor=actor, action="disclosure.create", target=disclosure,
               after={"title": disclosure.title, "audience": disclosure.audience,
                      "due_on": disclosure.due_on})
    return disclosure


EDITABLE = ("title", "body", "domain", "audience", "channel", "matter_on")


def editable(actor: User, disclosure: Disclosure) -> None:
    """Refuses, by name, an edit of ``disclosure`` by ``actor``."""
    if disclosure.status in (S.PUBLISHED, S.WITHDRAWN):
        raise ValidationError("已公开（或已撤回）的公开事项不能修改；如需更正，请撤回后重新拟稿")
    if disclosure.status != S.DRAFT:
        raise ValidationError(f"公开事项正在“{disclosure.get_status_display()}”，不能修改；"
                              "退回拟稿后再修改")
    if actor.pk != disclosure.drafted_by_id:
        raise PermissionDenied("只有拟稿人可以修改本人起草的公开事项")


def disclosure_edit(*, actor: User, disclosure: Disclosure, **changes: Any) -> Disclosure:
    """The drafter edits a draft (a new one, or one returned by 审核 or 审批) before submitting
    it again; the due date follows a changed 事项形成日期. Published ones are never edited."""
    require(actor, "openness.draft", disclosure.organization)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"不能修改这些内容：{'、'.join(sorted(unknown))}")
    with transaction.atomic():
        disclosure = _locked(disclosure)
        editable(actor, disclosure)
        before = {name: getattr(disclosure, name) for name in changes}
        fields = {name: getattr(disclosure, name) for name in EDITABLE} | changes
        _check(fields)
        for name, value in changes.items():
            setattr(disclosure, name, value.strip() if isinstance(value, str) else value)
        item = disclosure.item
        deadline = due_for(item.cadence if item else "随时", disclosure.matter_on,
                           item.working_days if item else None)
        disclosure.due_on, disclosure.due_provisional = deadline.due, deadline.provisional
        disclosure.save()
        record(actor=actor, action="disclosure.edit", target=disclosure, before=before,
               after={name: getattr(disclosure, name) for name in changes})
    return disclosure


def disclosure_attach(*, actor: User, disclosure: Disclosure, upload: UploadedFile
                      ) -> DisclosureAttachment:
    """An attachment (a document, a photo of the 公开栏) while the disclosure is a draft."""
    require(actor, "openness.draft", disclosure.organization)
    if disclosure.status != S.DRAFT:
        raise ValidationError("只有拟稿状态的公开事项可以添加附件")
    limits = local_settings()
    fields = checked_upload(upload, allowed_types=limits.attachment_types,
                            max_bytes=limits.attachment_max_bytes, actor=actor)
    with stored_uploads() as uploads, transaction.atomic():
        attachment = DisclosureAttachment(disclosure=disclosure, uploaded_by=actor, **fields)
        uploads.store(attachment, upload)
        record(actor=actor, action="disclosure.attach", target=disclosure, after=fields)
    return attachment


def disclosure_submit(*, actor: User, disclosure: Disclosure) -> Disclosure:
    """The drafter (or the unit's clerk) sends the draft to 保密审查."""
    require(actor, "openness.draft", disclosure.organization)
    with transaction.atomic():
        disclosure = _locked(disclosure)
        _move(disclosure, S.REVIEW)
        disclosure.status = S.REVIEW
        disclosure.save(update_fields=["status"])
        record(actor=actor, action="disclosure.submit", target=disclosure,
               after={"status": disclosure.status})
    return disclosure


def _decide(actor: User, disclosure: Disclosure, *, decision: str, comment: str,
            forward: str, what: str, action: str, waiver: str = "") -> Disclosure:
    if decision not in (ACCEPT, RETURN):
        raise ValidationError({"decision": "请选择通过或退回"})
    if decision == RETURN and not comment.strip():
        raise ValidationError({"comment": "退回须写明理由"})
    new = forward if decision == ACCEPT else S.DRAFT
    with transaction.atomic():
        disclosure = _locked(disclosure)
        _not_drafter(actor, disclosure, what)
        _move(disclosure, new)
        before = disclosure.status
        disclosure.status = new
        if forward == S.APPROVAL:
            disclosure.reviewed_by, disclosure.review_note = actor, comment.strip()
        else:
            disclosure.approved_by = actor if decision == ACCEPT else None
            if decision == ACCEPT and waiver.strip():
                if not needs_inside_first(disclosure):
                    raise ValidationError({"inside_first_waiver":
                                           "该事项无须先党内公开，不必填写此理由"})
                disclosure.inside_first_waiver = waiver.strip()
        disclosure.save()
        record(actor=actor, action=action, target=disclosure,
               before={"status": before},
               after={"status": new, "decision": decision, "comment": comment.strip(),
                      "inside_first_waiver": disclosure.inside_first_waiver})
    return disclosure


def needs_inside_first(disclosure: Disclosure) -> bool:
    """A 党务 item to society whose catalogue item says 须先党内公开 (党务公开条例 第四条)."""
    item = disclosure.item
    return (disclosure.domain == Domain.PARTY and disclosure.audience == Audience.SOCIETY
            and item is not None and item.inside_first)


def inside_published_on(disclosure: Disclosure) -> date | None:
    """When the same catalogue item was first published inside the party (党内), if it was."""
    inside = Disclosure.objects.filter(
        item_id=disclosure.item_id, audience=Audience.PARTY, published_on__isnull=False,
    ).exclude(pk=disclosure.pk).order_by("published_on").first()
    return inside.published_on if inside else None


def inside_first_missing(disclosure: Disclosure, published_on: date) -> str:
    """Why ``disclosure`` may not go public on ``published_on`` (empty when it may): its item
    must first be disclosed 党内 and was not, on or before that day, and the approver wrote no
    reason (rules.INSIDE_FIRST_WAIVER_RULE)."""
    if not needs_inside_first(disclosure) or disclosure.inside_first_waiver:
        return ""
    inside = inside_published_on(disclosure)
    if inside is not None and inside <= published_on:
        return ""
    return (f"该目录事项须先在党内公开，再向社会公开（{INSIDE_FIRST_WAIVER_RULE.citation}）："
            "请先公开党内版本，或由审批人在审批时写明不先党内公开的理由")


def disclosure_review(*, actor: User, disclosure: Disclosure, decision: str,
                      comment: str = "") -> Disclosure:
    """审核（保密审查，必要性、准确性）: passed on to 审批, or returned to the drafter."""
    require(actor, "openness.review", disclosure.organization)
    return _decide(actor, disclosure, decision=decision, comment=comment,
                   forward=S.APPROVAL, what="审核", action="disclosure.review")


def disclosure_approve(*, actor: User, disclosure: Disclosure, decision: str,
                       comment: str = "", inside_first_waiver: str = "") -> Disclosure:
    """审批 by the unit's secretary: approved for publication, or returned to the drafter.
    Approving a 向社会 item that must first be disclosed 党内, the secretary may record why it
    need not wait (``inside_first_waiver``)."""
    require(actor, "openness.approve", disclosure.organization)
    return _decide(actor, disclosure, decision=decision, comment=comment,
                   forward=S.APPROVED, what="审批", action="disclosure.approve",
                   waiver=inside_first_waiver)


def disclosure_publish(*, actor: User, disclosure: Disclosure, published_on: date | None = None,
                       url: str = "") -> Disclosure:
    """实施: the approved disclosure is published (on the portal when its scope is 向社会)."""
    require(actor, "openness.draft", disclosure.organization)
    today = timezone.localdate()
    published_on = published_on or today
    if published_on > today:
        raise ValidationError({"published_on": "公开日期不能晚于今天"})
    with transaction.atomic():
        disclosure = _locked(disclosure)
        _move(disclosure, S.PUBLISHED)
        if published_on < disclosure.matter_on:
            raise ValidationError({"published_on": "公开日期不能早于事项形成日期"})
        missing = inside_first_missing(disclosure, published_on)
        if missing:
            raise ValidationError(missing)
        disclosure.status, disclosure.published_on, disclosure.url = S.PUBLISHED, published_on, url
        disclosure.save(update_fields=["status", "published_on", "url"])
        record(actor=actor, action="disclosure.publish", target=disclosure,
               after={"status": disclosure.status, "published_on": published_on, "url": url})
    return disclosure


def disclosure_withdraw(*, actor: User, disclosure: Disclosure, reason: str) -> Disclosure:
    """撤回 a published disclosure, by the unit's secretary with a reason; the record stays."""
    require(actor, "openness.approve", disclosure.organization)
    if not (reason or "").strip():
        raise ValidationError({"reason": "撤回须写明理由"})
    with transaction.atomic():
        disclosure = _locked(disclosure)
        _move(disclosure, S.WITHDRAWN)
        disclosure.status, disclosure.withdrawn_reason = S.WITHDRAWN, reason.strip()
        disclosure.withdrawn_on = timezone.localdate()
        disclosure.save(update_fields=["status", "withdrawn_reason", "withdrawn_on"])
        record(actor=actor, action="disclosure.withdraw", target=disclosure,
               after={"status": disclosure.status, "reason": disclosure.withdrawn_reason})
    return disclosure
