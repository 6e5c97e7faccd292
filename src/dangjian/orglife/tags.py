"""议题标签: the county's tags for a 党组（党委）会议's agenda items (``AgendaTag`` rows, with
defaults from ``rules.DEFAULT_AGENDA_TAGS``, added by the migration)."""

from django.db.models import QuerySet

from .models import AgendaTag
from .rules import DEFAULT_AGENDA_TAGS


def ensure_default_tags() -> None:
    """Add the default tags a flushed database (tests, the demo) has lost; keep the rest."""
    for order, (key, name) in enumerate(DEFAULT_AGENDA_TAGS, 1):
        AgendaTag.objects.get_or_create(key=key, defaults={"name": name, "order": order})


def active_tags() -> QuerySet[AgendaTag]:
    return AgendaTag.objects.filter(active=True).order_by("order", "id")
