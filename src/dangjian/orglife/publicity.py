"""Facts another app may draft a disclosure from (``core.crossings`` "orglife.disclosure_facts"):
组织生活会 and 民主评议党员 held, which a 基层党组织 discloses (党务公开条例, openness.rules
BASIC_ORG_RULE). Only the meeting's date, kind and topic leave here, never its minutes."""

from datetime import date
from typing import Any

from .models.meetings import Meeting, MeetingKind

DISCLOSED_KINDS = (MeetingKind.ORG_LIFE, MeetingKind.EVALUATION)


def disclosure_facts(*, organization_path: str, since: date, until: date) -> list[dict[str, Any]]:
    """Meetings of those kinds held between ``since`` and ``until`` in the subtree of
    ``organization_path``; the caller has checked the organisation is its user's."""
    meetings = Meeting.objects.filter(
        kind__in=DISCLOSED_KINDS, held_on__gte=since, held_on__lte=until,
        organization__path__startswith=organization_path,
    ).select_related("organization").order_by("held_on", "id")
    return [{"source": f"orglife.meeting:{m.pk}", "organization": m.organization,
             "matter_on": m.held_on,
             "title": f"{m.organization.name}召开{m.kind}情况",
             "body": (f"{m.organization.name}于{m.held_on.year}年{m.held_on.month}月"
                      f"{m.held_on.day}日召开{m.kind}，主题：{m.topic}。\n"
                      "（请补充会议开展情况后提交审核。）")}
            for m in meetings]
