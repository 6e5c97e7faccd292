"""监督整改: findings, notices, rectification measures, self-checks, accountability, risks."""

from .accountability import Accountability, AccountabilityCorrection
from .campaigns import Campaign, CampaignPlan
from .findings import Finding, Term, TermKind
from .inspections import (
    Inspection,
    InspectionFile,
    InspectionItem,
    InspectionTopic,
    ItemResult,
)
from .measures import Escalation, Evidence, Measure, MeasureStatus, Progress, Verification
from .notices import Notice, NoticeAction, NoticeCounter, NoticeStatus, ReplyActionKind
from .rechecks import Recheck, RecheckResult
from .risks import RiskPoint
from .selfchecks import SelfCheck

__all__ = [
    "Accountability",
    "AccountabilityCorrection",
    "Campaign",
    "CampaignPlan",
    "Escalation",
    "Evidence",
    "Finding",
    "Inspection",
    "InspectionFile",
    "InspectionItem",
    "InspectionTopic",
    "ItemResult",
    "Measure",
    "MeasureStatus",
    "Notice",
    "NoticeAction",
    "NoticeCounter",
    "NoticeStatus",
    "Progress",
    "Recheck",
    "RecheckResult",
    "ReplyActionKind",
    "RiskPoint",
    "SelfCheck",
    "Term",
    "TermKind",
    "Verification",
]
