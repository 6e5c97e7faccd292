"""包联: a leader answers for townships and villages (read access, ``access.scoping``)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Link, Person

LINKABLE = (OrgKind.TOWNSHIP, OrgKind.VILLAGE)


def link_create(*, actor: User, leader: Person, organization: Organization, start_on: date,
                end_on: date | None = None) -> Link:
    if organization.kind not in LINKABLE:  # before the role: the county's own clerk asks
        raise ValidationError({"organization": "包联对象应为乡镇或村（社区）"})
    require(actor, "villages.configure", organization)
    if end_on is not None and end_on < start_on:
        raise ValidationError({"end_on": "结束日期不能早于开始日期"})
    with transaction.atomic():
        if Link.objects.current(start_on).filter(leader=leader,
                                                 organization=organization).exists():
            raise ValidationError({"organization": f"{leader.name}已包联{organization}"})
        link = Link.objects.create(leader=leader, organization=organization, start_on=start_on,
                                   end_on=end_on)
        record(actor=actor, action="link.create", target=link, after={
            "leader": leader.pk, "organization": organization.pk, "start_on": start_on,
            "end_on": end_on})
    return link


def link_end(*, actor: User, link: Link, end_on: date) -> Link:
    require(actor, "villages.configure", link.organization)
    if end_on < link.start_on:
        raise ValidationError({"end_on": "结束日期不能早于开始日期"})
    with transaction.atomic():
        before = {"end_on": link.end_on}
        link.end_on = end_on
        link.save(update_fields=["end_on"])
        record(actor=actor, action="link.end", target=link, before=before,
               after={"end_on": end_on})
    return link
