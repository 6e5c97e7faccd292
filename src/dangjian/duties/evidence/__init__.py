"""Evidence providers: how a duty's proof is found in what other apps already hold.

A provider is a function of a ``Subject`` (whose duty, which year, who is looking) returning
``Evidence``: the facts that count (a plan deployed, a notice answered, a meeting held) and
what is owed and late. Apps plug in by registering under a key the catalogue names:

    from dangjian.core.evidence import Evidence, Fact, Subject, provider

    @provider("orglife.meetings", "三会一课会议记录")
    def meetings(subject: Subject) -> Evidence: ...

and importing that module from their ``AppConfig.ready`` (``orglife.evidence``). The registry is
``dangjian.core.evidence``, below every domain app, so the providing app need not import duties
nor duties that app. A key nobody registered leaves its items to be recorded by hand (手工登记);
nothing else changes.
"""

from .registry import Evidence, Fact, Subject, find, provider, registered

__all__ = ["Evidence", "Fact", "Subject", "find", "provider", "registered"]
