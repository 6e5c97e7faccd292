"""监督工作提示单: drafted and issued by the inspector, acknowledged and answered by the
分管副县长, closed by the inspector."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.audit.services import record
from dangjian.core.links import record_link
from dangjian.core.permissions import require
from dangjian.notifications.services import notify
from dangjian.people.models import Charge, Person

from ..models import Finding, Notice, NoticeAction, NoticeCounter, NoticeStatus, ReplyActionKind
from ..models.findings import FindingStatus
from . import handovers
from .transitions import check_move

S = NoticeStatus
TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.ISSUED},
    S.ISSUED: {S.ACKNOWLEDGED},
    S.ACKNOWLEDGED: {S.REPLIED},
    S.REPLIED: {S.CLOSED},
}


def _move(notice: Notice, new: str) -> None:
    check_move(TRANSITIONS, notice.status, new, "提示单")
    notice.status = new


def notice_create(
    *, actor: User, recipient: Person, findings: list[Finding], reply_due: date,
) -> Notice:
    """Draft a notice; it belongs to the inspector's area (the organisation of the grant)."""
    require(actor, "oversight.inspect")
    organization = actor.grants.get(role=Role.INSPECTOR).organization
    if organization is None:  # ROLE_RULES give every inspector grant its area
        raise ValidationError("纪检监察授权缺少监督范围，请联系安全管理员")
    if not findings:
        raise ValidationError({"findings": "提示单至少要包含一个问题"})
    if any(f.status == FindingStatus.WITHDRAWN for f in findings):
        raise ValidationError({"findings": "已撤销的问题不能列入提示单"})
    outside = [f for f in findings if f.responsible_leader_id != recipient.pk]
    if outside:
        names = "、".join(str(f.organization) for f in outside)
        raise ValidationError({"findings": f"以下问题不在该领导的分管范围内：{names}"})
    if reply_due < timezone.localdate():
        raise ValidationError({"reply_due": "回复期限不能早于今天"})
    with transaction.atomic():
        notice = Notice.objects.create(recipient=recipient, reply_due=reply_due,
                                       organization=organization, created_by=actor)
        notice.findings.set(findings)
        record(actor=actor, action="notice.create", target=notice,
               after={"recipient": recipient.pk, "findings": [f.pk for f in findings],
                      "reply_due": reply_due})
    return notice


def notice_issue(*, actor: User, notice: Notice) -> Notice:
    """Sign and send: the notice takes the next number of the year (示纪提〔2026〕3号)."""
    require(actor, "oversight.inspect")
    today = timezone.localdate()
    with transaction.atomic():
        notice = Notice.objects.select_for_update().get(pk=notice.pk)
        _move(notice, S.ISSUED)
        if notice.reply_due < today:
            raise ValidationError({"reply_due": "回复期限早于签发日期，请先修改回复期限"})
        notice.year, notice.sequence, notice.issued_on = today.year, _next_number(today.year), today
        notice.save()
        record(actor=actor, action="notice.issue", target=notice, after={"number": notice.number})
        _tell_recipient(notice)
        handovers.notice_issued_to_units(notice, actor)
    return notice


def _next_number(year: int) -> int:
    """The year's next sequence, taken under the lock of its counter row (inside the caller's
    transaction): a second issuer waits for the first to commit, then takes the number after.
    The counter of a year starts from the notices already numbered in it."""
    counter = NoticeCounter.objects.select_for_update().filter(year=year).first()
    if counter is None:
        try:
            with transaction.atomic():  # a savepoint: the clash below leaves the rest intact
                numbered = Notice.objects.filter(year=year).aggregate(n=Max("sequence"))["n"]
                counter = NoticeCounter.objects.create(year=year, last=numbered or 0)
        except IntegrityError:  # another issuer created the year's counter first
            counter = NoticeCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def _tell_recipient(notice: Notice) -> None:
    from dangjian.access.selectors import user_of

    user = user_of(notice.recipient)
    if user is not None:
        notify(recipient=user, kind="notice.issued", title=f"请签收{notice.number}",
               body=f"{notice.title}（{notice.number}），请于{notice.reply_due:%Y年%m月%d日}前回复。",
               dedupe_key=f"notice:{notice.pk}:issued", link=record_link(notice))


def _require_recipient(actor: User, notice: Notice) -> None:
    if actor.person_id is None or actor.person_id != notice.recipient_id:
        raise PermissionDenied("只有提示单的接收领导可以签收和回复")


def notice_acknowledge(*, actor: User, notice: Notice) -> Notice:
    _require_recipient(actor, notice)
    with transaction.atomic():
        notice = Notice.objects.select_for_update().get(pk=notice.pk)
        _move(notice, S.ACKNOWLEDGED)
        notice.acknowledged_at = timezone.now()
        notice.save()
        record(actor=actor, action="notice.acknowledge", target=notice)
    return notice


MAX_ACTIONS = 50


def _check_actions(notice: Notice, actions: list[dict[str, Any]]) -> list[NoticeAction]:
    """Each action: a kind of ``ReplyActionKind``, a date from the notice's issue to today and
    a person of the recipient's 分管 departments (一岗双责, ``rules.ONE_POST_TWO_DUTIES_RULE``)."""
    if len(actions) > MAX_ACTIONS:
        raise ValidationError({"actions": f"回复措施最多{MAX_ACTIONS}项"})
    today = timezone.localdate()
    charged = [c.organization.path for c in Charge.objects.current().filter(
        leader_id=notice.recipient_id).select_related("organization")]
    rows = []
    for n, item in enumerate(actions, start=1):
        kind, taken_on, person = item.get("kind"), item.get("taken_on"), item.get("person")
        note = str(item.get("note", "") or "").strip()
        if kind not in ReplyActionKind.values:
            raise ValidationError({"actions": f"第{n}项：措施只能是约谈提醒、批评教育、组织处理或"
                                              "纪律处分建议"})
        if not isinstance(taken_on, date):
            raise ValidationError({"actions": f"第{n}项：请填写日期"})
        if taken_on > today:
            raise ValidationError({"actions": f"第{n}项：日期不能晚于今天"})
        if notice.issued_on and taken_on < notice.issued_on:
            raise ValidationError({"actions": f"第{n}项：日期不能早于提示单签发日期"})
        if not isinstance(person, Person):
            raise ValidationError({"actions": f"第{n}项：请选择对象"})
        path = person.organization.path
        if not any(path.startswith(p) for p in charged):
            raise ValidationError({"actions": f"第{n}项：{person.name}不在您分管的部门单位"})
        if len(note) > 200:
            raise ValidationError({"actions": f"第{n}项：说明不能超过200字"})
        rows.append(NoticeAction(kind=kind, taken_on=taken_on, person=person, note=note))
    return rows


def notice_reply(*, actor: User, notice: Notice, text: str,
                 actions: list[dict[str, Any]] | None = None) -> Notice:
    """The written reply, with the actions taken as records (约谈提醒, 批评教育, 组织处理,
    纪律处分建议: kind, date, person), which count for the leader's 一岗双责."""
    _require_recipient(actor, notice)
    if not text.strip():
        raise ValidationError({"text": "回复内容不能为空"})
    with transaction.atomic():
        notice = Notice.objects.select_for_update().get(pk=notice.pk)
        _move(notice, S.REPLIED)
        rows = _check_actions(notice, actions or [])
        notice.reply_text, notice.replied_at = text.strip(), timezone.now()
        notice.save()
        for row in rows:
            row.notice = notice
        NoticeAction.objects.bulk_create(rows)
        record(actor=actor, action="notice.reply", target=notice,
               after={"text": notice.reply_text,
                      "actions": [{"kind": a.kind, "taken_on": a.taken_on, "person": a.person_id}
                                  for a in rows]})
        handovers.notice_replied(notice, actor)
    return notice


def notice_close(*, actor: User, notice: Notice) -> Notice:
    require(actor, "oversight.inspect")
    with transaction.atomic():
        notice = Notice.objects.select_for_update().get(pk=notice.pk)
        _move(notice, S.CLOSED)
        notice.closed_at = timezone.now()
        notice.save()
        record(actor=actor, action="notice.close", target=notice)
    return notice
