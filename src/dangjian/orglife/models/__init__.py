"""组织生活: meetings with their attendance and attachments, the yearly rollup, 谈心谈话 as
pairs and the 民主生活会 of leading groups."""

from .lifemeetings import LifeMeeting, LifeMeetingStage, RectificationItem
from .meetings import (
    AgendaItem,
    AgendaTag,
    Attachment,
    AttachmentKind,
    Attendance,
    LectureReach,
    Meeting,
    MeetingKind,
)
from .rollups import MeetingRollup
from .talks import HeartTalk, TalkKind

__all__ = ["AgendaItem", "AgendaTag", "Attachment", "AttachmentKind", "Attendance",
           "HeartTalk", "LectureReach", "LifeMeeting", "LifeMeetingStage", "Meeting",
           "MeetingKind", "MeetingRollup", "RectificationItem", "TalkKind"]
