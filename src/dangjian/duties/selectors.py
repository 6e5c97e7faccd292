"""Reads of responsibility lists, through access.scoping, and each item's progress: what the
platform already proves (evidence providers) plus what was recorded by hand."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from dangjian.access.scoping import restrict
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Person, Post

from .cadence import Progress, evaluate
from .evidence import Evidence, Fact, Subject, find, registered
from .kinds import State
from .models import Fulfilment, ResponsibilityItem, ResponsibilityList

UNIT_PARENTS = (OrgKind.GOVERNMENT_UNIT, OrgKind.TOWNSHIP)
PROOF_DERIVED, PROOF_TYPED = "自动取证", "手工登记"


def lists_for(user: Any) -> QuerySet[ResponsibilityList]:
    return restrict(ResponsibilityList.objects.all(), user).select_related("organization",
                                                                          "person")


def items_for(user: Any) -> QuerySet[ResponsibilityItem]:
    return restrict(ResponsibilityItem.objects.all(), user).select_related("list")


def fulfilments_for(user: Any) -> QuerySet[Fulfilment]:
    return restrict(Fulfilment.objects.all(), user).select_related(
        "item__list", "recorded_by").prefetch_related("evidence")


def own_post_body(user: Any, pk: Any) -> Organization | None:
    """A body where the user holds a current post: theirs to keep a list in, even when it
    lies outside their scope (a vice head's post is at the county party group)."""
    person_id = getattr(user, "person_id", None)
    if not person_id or not str(pk).isdecimal():
        return None
    posts = Post.objects.current().filter(person_id=person_id, organization_id=pk)
    return Organization.objects.filter(pk__in=posts.values("organization")).first()


def own_post_bodies(user: Any) -> QuerySet[Organization]:
    """The bodies where the user holds a current post (see ``own_post_body``)."""
    posts = Post.objects.current().filter(person_id=getattr(user, "person_id", None) or 0)
    return Organization.objects.filter(pk__in=posts.values("organization"))


def own_person(user: Any) -> QuerySet[Person]:
    """The user's own person, theirs to keep a list for even outside their scope."""
    return Person.objects.filter(pk=getattr(user, "person_id", None) or 0)


def unit_of(organization: Organization) -> Organization:
    """The unit a party body sits in (县财政局 for 县财政局党组): where its work is recorded."""
    parent = organization.parent
    if parent is not None and parent.kind in UNIT_PARENTS:
        return parent
    return organization


@dataclass
class ItemView:
    item: ResponsibilityItem
    progress: Progress
    facts: list[Fact]  # found in the platform
    late: list[Fact]  # owed and late, found in the platform
    fulfilments: list[Fulfilment]  # recorded by hand
    source: str  # where automatic proof comes from, "" when recorded by hand only

    @property
    def proof(self) -> str:
        """How the item is proven: derived from the platform's records (自动取证, its facts
        linked) or typed by a clerk (手工登记)."""
        return PROOF_DERIVED if self.source else PROOF_TYPED


@dataclass
class ListView:
    rlist: ResponsibilityList
    items: list[ItemView]
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def evidence_files(self) -> int:
        return sum(len(f.evidence.all()) for view in self.items for f in view.fulfilments)

    @property
    def done(self) -> int:
        return self.counts[State.DONE]

    @property
    def due(self) -> int:
        return self.counts[State.DUE]

    @property
    def overdue(self) -> int:
        return self.counts[State.OVERDUE]

    @property
    def records(self) -> int:
        return sum(len(view.fulfilments) + len(view.facts) for view in self.items)


def _subject(rlist: ResponsibilityList, viewer: Any, today: date) -> Subject:
    return Subject(organization=rlist.organization, unit=unit_of(rlist.organization),
                   person=rlist.person, start=date(rlist.year, 1, 1),
                   end=date(rlist.year, 12, 31), today=today, viewer=viewer)


def _fulfilments() -> Prefetch:
    return Prefetch("fulfilments", Fulfilment.objects.select_related("recorded_by")
                    .prefetch_related("evidence").order_by("done_on", "id"))


Found = dict[str, Evidence]  # a list's evidence by provider key, asked once per list


def _item_view(item: ResponsibilityItem, subject: Subject, labels: dict[str, str],
               today: date, found: Found | None = None) -> ItemView:
    evidence = _evidence(item, subject, {} if found is None else found)
    fulfilments = list(item.fulfilments.all())
    dates = [f.on for f in evidence.facts] + [f.done_on for f in fulfilments]
    progress = evaluate(year=item.list.year, period=item.period, times=item.times, dates=dates,
                        owed_late=len(evidence.owed_late), today=today)
    return ItemView(item, progress, evidence.facts, evidence.owed_late, fulfilments,
                    labels.get(item.provider, ""))


def list_view(rlist: ResponsibilityList, viewer: Any, today: date | None = None) -> ListView:
    """Each active item with its progress in the list's year, as ``viewer`` may see it."""
    today = today or timezone.localdate()
    subject = _subject(rlist, viewer, today)
    labels = registered()
    items = rlist.items.filter(active=True).prefetch_related(_fulfilments())
    found: Found = {}
    views = [_item_view(item, subject, labels, today, found) for item in items]
    return ListView(rlist, views, Counter(v.progress.state for v in views))


def item_view(item: ResponsibilityItem, viewer: Any, today: date | None = None) -> ItemView:
    """One item's progress in its list's year (its detail page), as ``list_view`` has it."""
    today = today or timezone.localdate()
    item = ResponsibilityItem.objects.select_related(
        "list__organization", "list__person").prefetch_related(_fulfilments()).get(pk=item.pk)
    return _item_view(item, _subject(item.list, viewer, today), registered(), today)


def _evidence(item: ResponsibilityItem, subject: Subject, found: Found) -> Evidence:
    """The item's proof; items of one list naming the same provider share its answer."""
    if item.provider not in found:
        provider = find(item.provider) if item.provider else None
        found[item.provider] = provider(subject) if provider else Evidence()
    return found[item.provider]


def item_states(items: QuerySet[ResponsibilityItem], viewer: Any,
                today: date | None = None) -> dict[int, tuple[int | None, str]]:
    """``{item id: (the list's person id, State)}`` for the active items of ``items``, each as
    ``list_view`` evaluates it (the same evidence and records): what the register's ``state``
    filter and the cockpit's 责任清单 figures count. One read of the items with their records'
    dates; each list's providers asked once."""
    today = today or timezone.localdate()
    rows = (items.filter(active=True).select_related(
        "list__organization__parent", "list__person").prefetch_related(Prefetch(
            "fulfilments", Fulfilment.objects.only("id", "item_id", "done_on")))
        .order_by("list_id", "id"))
    subjects: dict[int, tuple[Subject, Found]] = {}
    out: dict[int, tuple[int | None, str]] = {}
    for item in rows:
        rlist = item.list
        if rlist.pk not in subjects:
            subjects[rlist.pk] = (_subject(rlist, viewer, today), {})
        subject, found = subjects[rlist.pk]
        evidence = _evidence(item, subject, found)
        dates = [f.on for f in evidence.facts] + [f.done_on for f in item.fulfilments.all()]
        progress = evaluate(year=rlist.year, period=item.period, times=item.times, dates=dates,
                            owed_late=len(evidence.owed_late), today=today)
        out[item.pk] = (rlist.person_id, progress.state)
    return out


def leaders_overview(user: Any, year: int) -> list[dict[str, Any]]:
    """Each leader's list of the year with done / due / overdue, overdue first."""
    rows = []
    for rlist in lists_for(user).filter(year=year, person__isnull=False):
        view = list_view(rlist, user)
        rows.append({"list": rlist, "done": view.counts[State.DONE],
                     "due": view.counts[State.DUE], "overdue": view.counts[State.OVERDUE],
                     "records": view.records})
    return sorted(rows, key=lambda r: (-r["overdue"], r["list"].person.name))
