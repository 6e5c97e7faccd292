"""组织生活: meetings with their attendance and attachments, and the yearly rollup."""

from .meetings import Attachment, AttachmentKind, Attendance, Meeting, MeetingKind
from .rollups import MeetingRollup

__all__ = ["Attachment", "AttachmentKind", "Attendance", "Meeting", "MeetingKind",
           "MeetingRollup"]
