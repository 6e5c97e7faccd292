"""The registry lives in ``dangjian.core.evidence`` (below every domain app); this is its
name inside duties."""

from dangjian.core.evidence import Evidence, Fact, Provider, Subject, find, provider, registered

__all__ = ["Evidence", "Fact", "Provider", "Subject", "find", "provider", "registered"]
