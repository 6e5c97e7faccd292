"""督查督办: plans and their revisions, proposed and confirmed tasks, progress, reminders."""

from .imports import ImportJob, ImportStatus
from .plans import Plan, PlanKind, PlanRevision, Proposal, RevisionStatus
from .progress import ProgressEvidence, ProgressReport, Review
from .supervision import Bulletin, Reminder
from .tasks import OPEN_STATUSES, Milestone, ReportCycle, Task, TaskStatus

__all__ = [
    "OPEN_STATUSES", "Bulletin", "ImportJob", "ImportStatus", "Milestone", "Plan", "PlanKind",
    "PlanRevision", "ProgressEvidence", "ProgressReport", "Proposal", "Reminder", "ReportCycle",
    "Review", "RevisionStatus", "Task", "TaskStatus",
]
