"""群众留言 on a published disclosure: left without sign-in, rate-limited per source address,
answered by the unit within N working days (本县可配置, default 10). A new message is put in
the inbox of the responsible unit's clerks (the nearest unit with one, ``users_covering``)."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.selectors import users_covering
from dangjian.audit.services import record
from dangjian.calendar.services import add_working_days
from dangjian.core.crypto import encrypt_field, lookup_hash
from dangjian.core.permissions import require
from dangjian.notifications.services import notify
from dangjian.people.idnumber import mask_phone

from ..models import Disclosure, Feedback
from ..rules import local_settings
from ..selectors import public_disclosures

CONTACT_MAX = 30
RATE_WINDOW = timedelta(hours=1)


class TooMany(Exception):
    """Too many messages from one address within the window (answered 429)."""


def _address_hash(ip: str | None) -> str:
    return lookup_hash(f"openness-feedback:{ip or 'unknown'}")


def feedback_leave(*, disclosure_id: int, text: str, contact: str = "", ip: str | None
                   ) -> Feedback:
    """A member of the public leaves a message on a disclosure the portal shows (any other id
    is as absent as one that never existed). The contact is stored encrypted and masked."""
    disclosure = public_disclosures().filter(pk=disclosure_id).first()
    if disclosure is None:
        raise Feedback.DoesNotExist
    limits = local_settings()
    text, contact = (text or "").strip(), (contact or "").strip()
    errors: dict[str, str] = {}
    if not text:
        errors["text"] = "请填写留言内容"
    elif len(text) > limits.feedback_max_chars:
        errors["text"] = f"留言不能超过{limits.feedback_max_chars}个字"
    if len(contact) > CONTACT_MAX:
        errors["contact"] = f"联系方式不能超过{CONTACT_MAX}个字"
    if errors:
        raise ValidationError(errors)
    address = _address_hash(ip)
    since = timezone.now() - RATE_WINDOW
    with transaction.atomic():
        recent = Feedback.objects.filter(address_hash=address, created_at__gte=since).count()
        if recent >= limits.feedback_per_address:
            raise TooMany(f"留言过于频繁，请{RATE_WINDOW.seconds // 3600}小时后再试")
        due = add_working_days(start=timezone.localdate(),
                               n=limits.feedback_answer_working_days).due
        feedback = Feedback.objects.create(
            disclosure=disclosure, text=text, address_hash=address, answer_due=due,
            contact_encrypted=encrypt_field(contact) if contact else "",
            contact_masked=mask_phone(contact) if contact else "")
        record(actor=None, action="feedback.leave", target=feedback,
               after={"disclosure": disclosure.pk, "answer_due": due})
        _tell_the_unit(disclosure, feedback)
    return feedback


def _tell_the_unit(disclosure: Disclosure, feedback: Feedback) -> None:
    """Notify the unit's clerks; the message text stays on the page, not in a mail."""
    due = feedback.answer_due
    for clerk in users_covering(disclosure.organization, {Role.UNIT_CLERK}):
        notify(recipient=clerk, kind="openness.feedback", title="新的群众留言",
               body=(f"“{disclosure.title[:40]}”收到一条群众留言，"
                     f"请于{due.year}年{due.month}月{due.day}日前答复。"),
               dedupe_key=f"openness.feedback:{feedback.pk}",
               link=f"/openness/feedback/{feedback.pk}/answer/")


def feedback_answer(*, actor: User, feedback: Feedback, answer: str) -> Feedback:
    """The responsible unit answers a message, once."""
    require(actor, "openness.draft", feedback.disclosure.organization)
    if not (answer or "").strip():
        raise ValidationError({"answer": "请填写答复内容"})
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
        if feedback.answered_on is not None:
            raise ValidationError("该留言已经答复")
        feedback.answer, feedback.answered_on = answer.strip(), timezone.localdate()
        feedback.answered_by = actor
        feedback.save(update_fields=["answer", "answered_on", "answered_by"])
        record(actor=actor, action="feedback.answer", target=feedback,
               after={"answered_on": feedback.answered_on})
    return feedback


__all__ = ["PermissionDenied", "TooMany", "feedback_answer", "feedback_leave"]
