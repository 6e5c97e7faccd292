"""Drafts from data the platform already holds (减负), read from the sibling apps through
``core.crossings`` (openness may not import them):

- 发展党员公示 for each development step whose publicity starts (members);
- 组织生活会 and 民主评议党员 held (orglife; BASIC_ORG_RULE);
- 巡察整改 progress from findings closed (oversight; RECTIFICATION_PUBLIC_RULE);
- 问责决定 in a form the county makes public, by default 通报 (oversight;
  ACCOUNTABILITY_PUBLIC_RULE);
- a village's collective income once the county confirmed it (villages; VILLAGE_CADENCE_RULE).

Each record gives one draft at most (``Disclosure.source`` is unique): a second run makes no
twin. They are only drafts: the clerk reviews, edits and submits them, and nothing is published
without 审核 → 审批 → 实施."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.crossings import find
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization

from ..models import Audience, Cadence, Channel, Disclosure, Domain
from ..rules import LocalSettings, local_settings
from .deadlines import due_for


@dataclass(frozen=True)
class Source:
    """One kind of record a draft is made from: the crossing that reads it, and how it is
    disclosed by default (the clerk may change the scope before submitting)."""

    crossing: str
    domain: str
    audience: str
    arguments: Callable[[LocalSettings], dict[str, Any]] = lambda local: {}


def _members_fact(fact: dict[str, Any]) -> dict[str, Any]:
    return fact | {
        "matter_on": fact["publicity_from"],
        "title": f"发展党员公示：{fact['name']}（{fact['step']}）",
        "body": (f"经支部研究，拟对{fact['name']}进行“{fact['step']}”，现予公示。"
                 "公示期间如有意见，请向党支部反映。")}


SOURCES = (
    Source("orglife.disclosure_facts", Domain.PARTY, Audience.PARTY),
    Source("oversight.rectification_facts", Domain.PARTY, Audience.SOCIETY,
           lambda local: {"sources": local.rectification_sources}),
    Source("oversight.accountability_facts", Domain.PARTY, Audience.PARTY,
           lambda local: {"forms": local.accountability_public_forms}),
    Source("villages.finance_facts", Domain.FINANCE, Audience.SOCIETY),
)


def _facts(organization: Organization, since: date, until: date
           ) -> list[tuple[dict[str, Any], str, str]]:
    """Every fact of the subtree, with the domain and scope its draft takes."""
    local = local_settings()
    found: list[tuple[dict[str, Any], str, str]] = []
    members = find("members.publicity_facts")
    if members is not None:
        found += [(_members_fact(f), Domain.PARTY, Audience.UNIT)
                  for f in members(organization_path=organization.path, since=since)
                  if f["publicity_from"] <= until]
    for source in SOURCES:
        reader = find(source.crossing)
        if reader is None:  # the providing app is not installed
            continue
        facts = reader(organization_path=organization.path, since=since, until=until,
                       **source.arguments(local))
        found += [(fact, source.domain, source.audience) for fact in facts]
    return found


def _draft(actor: User, fact: dict[str, Any], domain: str, audience: str) -> Disclosure:
    deadline = due_for(Cadence.AT_ONCE, fact["matter_on"])
    return Disclosure.objects.create(
        organization=fact["organization"], domain=domain, title=fact["title"][:200],
        body=fact["body"], audience=audience, channel=Channel.BOARD,
        matter_on=fact["matter_on"], due_on=deadline.due, due_provisional=deadline.provisional,
        drafted_by=actor, source=fact["source"])


def drafts_prepare(*, actor: User, organization: Organization, today: date | None = None
                   ) -> list[Disclosure]:
    """Draft what is not yet drafted for ``organization``'s subtree, from records of the last
    ``prepare_look_back_days`` days; the new drafts (none on a second run)."""
    require(actor, "openness.draft", organization)
    until = today or timezone.localdate()
    since = until - timedelta(days=local_settings().prepare_look_back_days)
    facts = _facts(organization, since, until)
    taken = set(Disclosure.objects.filter(source__in=[f["source"] for f, _, _ in facts])
                .values_list("source", flat=True))
    made: list[Disclosure] = []
    with transaction.atomic():
        for fact, domain, audience in facts:
            if fact["source"] in taken:
                continue
            try:
                with transaction.atomic():  # a concurrent run drafted it first: skip it
                    made.append(_draft(actor, fact, domain, audience))
            except IntegrityError:
                continue
        if made:
            record(actor=actor, action="disclosure.prepare", target=organization,
                   after={"drafts": [d.pk for d in made]})
    return made
