"""监督整改: findings, notices, rectification measures, self-checks, accountability, risks."""

from .accountability import Accountability, AccountabilityCorrection
from .findings import Finding, Term, TermKind
from .measures import Escalation, Evidence, Measure, MeasureStatus, Progress, Verification
from .notices import Notice, NoticeCounter, NoticeStatus
from .rechecks import Recheck, RecheckResult
from .risks import RiskPoint
from .selfchecks import SelfCheck

__all__ = [
    "Accountability", "AccountabilityCorrection", "Escalation", "Evidence", "Finding", "Measure",
    "MeasureStatus", "Notice", "NoticeCounter", "NoticeStatus", "Progress", "Recheck",
    "RecheckResult", "RiskPoint",
    "SelfCheck", "Term",
    "TermKind", "Verification",
]
