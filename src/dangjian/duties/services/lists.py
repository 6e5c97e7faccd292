"""A yearly list instantiated from the template, for a party body or one of its leaders: the
county's active imported template, or the built-in one (``duties.county_template``).

Which template applies follows the person's current post in the body: its 书记 gets the
第一责任人 items ("四个亲自"), any other leading member the 一岗双责 items.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Person, Post, PostTitle

from ..county_template import entries_for
from ..kinds import Holder
from ..models import ResponsibilityItem, ResponsibilityList

PARTY_BODIES = (OrgKind.COUNTY_COMMITTEE, OrgKind.PARTY_GROUP, OrgKind.PARTY_COMMITTEE,
                OrgKind.WORKING_COMMITTEE, OrgKind.GENERAL_BRANCH, OrgKind.BRANCH)
MEMBER_TITLES = {PostTitle.DEPUTY_SECRETARY, PostTitle.COMMITTEE_MEMBER, PostTitle.COUNTY_HEAD,
                 PostTitle.VICE_COUNTY_HEAD, PostTitle.DIRECTOR, PostTitle.DEPUTY_DIRECTOR,
                 PostTitle.TOWNSHIP_HEAD}


def holder_of(person: Person | None, organization: Organization, on: date) -> str:
    if person is None:
        return Holder.ORGANIZATION
    titles = set(Post.objects.current(on).filter(person=person, organization=organization)
                 .values_list("title", flat=True))
    if PostTitle.SECRETARY in titles:
        return Holder.SECRETARY
    if titles & MEMBER_TITLES:
        return Holder.MEMBER
    raise ValidationError(
        {"person": f"{person}在{organization}没有现任领导职务，不能建立个人责任清单"})


def title_of(organization: Organization, person: Person | None, holder: str, year: int) -> str:
    if person is None:
        return f"{organization.name}{year}年度全面从严治党主体责任清单"
    duty = "第一责任人" if holder == Holder.SECRETARY else "一岗双责"
    return f"{person.name}同志{year}年度全面从严治党责任清单（{duty}）"


def responsibility_list_create(
    *, actor: User, organization: Organization, year: int, person: Person | None = None,
) -> ResponsibilityList:
    require(actor, "duties.keep_list", ResponsibilityList(organization=organization, person=person))
    if organization.kind not in PARTY_BODIES:
        raise ValidationError(
            {"organization": "责任清单应建在党组织上（如县财政局党组），而不是行政单位"})
    if not 2000 <= year <= timezone.localdate().year + 1:
        raise ValidationError({"year": "年度不正确"})
    holder = holder_of(person, organization, min(timezone.localdate(), date(year, 12, 31)))
    try:
        with transaction.atomic():
            # Items are copied: a later template version never changes this list.
            template, entries = entries_for(organization, holder)
            rlist = ResponsibilityList.objects.create(
                organization=organization, person=person, holder=holder, year=year,
                title=title_of(organization, person, holder, year), created_by=actor,
                template=template)
            ResponsibilityItem.objects.bulk_create([
                ResponsibilityItem(
                    list=rlist, template_key=t.key, category=t.category, text=t.text,
                    citation=t.citation, citation_status=t.citation_status, period=t.period,
                    times=t.times, evidence_hint=t.evidence, provider=t.provider, order=n)
                for n, t in enumerate(entries, 1)
            ])
            record(actor=actor, action="duties.list_create", target=rlist,
                   after={"organization": organization.pk, "year": year,
                          "person": person.pk if person else None, "holder": holder,
                          "template": template.version if template else "内置"})
    except IntegrityError as error:
        raise ValidationError("该责任清单已经建立，请直接打开") from error
    return rlist
