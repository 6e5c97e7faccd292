"""Owners, deadline and quantitative targets read from an item's own text."""

from .deadlines import extract_deadline
from .owners import extract_owners
from .targets import extract_targets

__all__ = ["extract_deadline", "extract_owners", "extract_targets"]
