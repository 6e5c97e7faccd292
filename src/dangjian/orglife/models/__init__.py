"""组织生活: meetings with their attendance and attachments, and the yearly rollup."""

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

__all__ = ["AgendaItem", "AgendaTag", "Attachment", "AttachmentKind", "Attendance",
           "LectureReach", "Meeting", "MeetingKind", "MeetingRollup"]
