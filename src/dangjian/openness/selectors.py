"""Reads: what the public portal shows, and the openness figures of a scope."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from .models import Audience, CatalogueItem, Disclosure, DisclosureRequest, Feedback
from .models import DisclosureStatus as S


def public_disclosures() -> QuerySet[Disclosure]:
    """The only rows the portal ever reads: published, to society."""
    return Disclosure.objects.filter(status=S.PUBLISHED, audience=Audience.SOCIETY)


def portal_search(*, q: str = "", organization: str = "", domain: str = "") -> QuerySet[Disclosure]:
    rows = public_disclosures().select_related("organization").order_by("-published_on", "-id")
    if q:
        rows = rows.filter(Q(title__icontains=q) | Q(body__icontains=q))
    if organization.isdecimal():
        rows = rows.filter(organization_id=int(organization))
    if domain:
        rows = rows.filter(domain=domain)
    return rows


@dataclass(frozen=True)
class Figures:
    due: int  # disclosures due by today
    on_time: int  # of those, published on or before their due date
    overdue: int  # due and not published
    items: int  # catalogue items of the year
    covered: int  # items with at least one disclosure
    feedback_due: int  # messages whose answer was due by today
    feedback_on_time: int
    requests_overdue: int

    @staticmethod
    def _rate(part: int, whole: int) -> float | None:
        return round(100 * part / whole, 1) if whole else None

    @property
    def timeliness(self) -> float | None:
        """公开及时率 (%)."""
        return self._rate(self.on_time, self.due)

    @property
    def coverage(self) -> float | None:
        """目录覆盖率 (%)."""
        return self._rate(self.covered, self.items)

    @property
    def feedback_rate(self) -> float | None:
        """留言按时答复率 (%)."""
        return self._rate(self.feedback_on_time, self.feedback_due)


def figures(*, disclosures: QuerySet[Disclosure], items: QuerySet[CatalogueItem],
            feedback: QuerySet[Feedback], requests: QuerySet[DisclosureRequest],
            today: date, year: int) -> Figures:
    """The figures over rows already scoped by the caller."""
    due = disclosures.filter(due_on__lte=today, due_on__year=year)
    published = due.filter(published_on__isnull=False)
    on_time = sum(1 for d in published.only("published_on", "due_on") if d.on_time)
    year_items = items.filter(year=year, active=True)
    answered = feedback.filter(answer_due__lte=today)
    return Figures(
        due=due.count(), on_time=on_time, overdue=due.filter(published_on__isnull=True).count(),
        items=year_items.count(),
        covered=year_items.filter(disclosures__isnull=False).distinct().count(),
        feedback_due=answered.count(),
        feedback_on_time=answered.filter(answered_on__lte=F("answer_due")).count(),
        requests_overdue=requests.filter(decided_on__isnull=True, due_on__lt=today).count(),
    )


def overdue_by_unit(disclosures: QuerySet[Disclosure], today: date) -> list[dict[str, Any]]:
    """Unpublished disclosures past their due date, counted by organisation (most first)."""
    rows = (disclosures.filter(published_on__isnull=True, due_on__lt=today)
            .exclude(status=S.WITHDRAWN)
            .values("organization_id", "organization__name")
            .annotate(count=Count("id")).order_by("-count", "organization__name"))
    return [{"organization": r["organization_id"], "name": r["organization__name"],
             "count": r["count"]} for r in rows]
