"""Drafts from data the platform already holds (减负): a 发展党员公示 for each development step
whose publicity starts, read from ``members`` through ``core.crossings``. The clerk reviews and
submits them; nothing is published without the workflow."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.crossings import find
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization

from ..models import Audience, Channel, Disclosure, Domain
from .deadlines import due_for

LOOK_BACK = timedelta(days=90)  # publicity started within this window is drafted


def drafts_prepare(*, actor: User, organization: Organization, today: date | None = None
                   ) -> list[Disclosure]:
    """Draft the 公示 not yet drafted for ``organization``'s subtree; the new drafts."""
    require(actor, "openness.draft", organization)
    facts_of = find("members.publicity_facts")
    if facts_of is None:
        return []
    since = (today or timezone.localdate()) - LOOK_BACK
    facts = facts_of(organization_path=organization.path, since=since)
    taken = set(Disclosure.objects.filter(source__in=[f["source"] for f in facts])
                .values_list("source", flat=True))
    made: list[Disclosure] = []
    with transaction.atomic():
        for fact in facts:
            if fact["source"] in taken:
                continue
            deadline = due_for("随时", fact["publicity_from"])
            made.append(Disclosure.objects.create(
                organization=fact["organization"], domain=Domain.PARTY,
                title=f"发展党员公示：{fact['name']}（{fact['step']}）",
                body=(f"经支部研究，拟对{fact['name']}进行“{fact['step']}”，现予公示。"
                      "公示期间如有意见，请向党支部反映。"),
                audience=Audience.UNIT, channel=Channel.BOARD,
                matter_on=fact["publicity_from"], due_on=deadline.due,
                due_provisional=deadline.provisional, drafted_by=actor, source=fact["source"]))
        if made:
            record(actor=actor, action="disclosure.prepare", target=organization,
                   after={"drafts": [d.pk for d in made]})
    return made
