"""发展党员 records, study records (学习培训) and visits (走访慰问)."""

from .candidates import Candidate, Step
from .study import StudyKind, StudyRecord
from .visits import Visit, VisitCampaign, VisitKind

__all__ = ["Candidate", "Step", "StudyKind", "StudyRecord", "Visit", "VisitCampaign", "VisitKind"]
