from .schemes import GradeBand, Indicator, Method, Scheme, ScoringPeriod, TargetKind
from .scores import Appeal, Result, Score

__all__ = ["Appeal", "GradeBand", "Indicator", "Method", "Result", "Scheme", "Score",
           "ScoringPeriod", "TargetKind"]
