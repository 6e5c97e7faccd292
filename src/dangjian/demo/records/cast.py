"""Who and what the generated records refer to: the county's units, leaders and accounts."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from dangjian.access.models import User
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Charge, PartyStatus, Person

HISTORY_USERNAME = "demo_history"
# One small PDF serves as the evidence of every generated closure (the services refuse a
# closure without evidence); its SHA-256 is stored as an upload's would be.
EVIDENCE_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@dataclass(frozen=True)
class Evidence:
    name: str
    size: int
    sha256: str

    def fields(self, original_name: str) -> dict[str, Any]:
        return {"file": self.name, "original_name": original_name, "extension": "pdf",
                "size": self.size, "sha256": self.sha256}


@dataclass
class Unit:
    """A department (行政单位) and its party group or committee."""

    index: int
    unit: Organization
    party: Organization
    branches: list[Organization]
    leader: Person  # the vice head in charge (分管)
    members: list[Person] = field(default_factory=list)  # its full members


@dataclass
class Cast:
    today: date
    root: Organization
    group: Organization  # 县人民政府党组
    units: list[Unit]
    county_head: User
    vice_heads: list[Person]
    inspector: User
    history: User  # 演示数据: the recorder of what no demo account would have entered
    clerks: dict[int, User]  # unit pk → the demo clerk who records for it
    users_by_person: dict[int, User]
    evidence: Evidence

    @classmethod
    def of(cls, root: Organization, today: date) -> "Cast":
        accounts = {u.username: u for u in User.objects.filter(is_demo=True)}
        units = _units(root, today)
        clerks = {units[0].unit.pk: accounts["finance_clerk"],
                  units[1].unit.pk: accounts["edu_clerk"]}
        return cls(
            today=today, root=root, units=units,
            group=Organization.objects.get(parent=root, kind=OrgKind.PARTY_GROUP),
            county_head=accounts["county_head"],
            vice_heads=sorted({u.leader for u in units}, key=lambda p: p.pk),
            inspector=accounts["inspector"], history=_history_user(), clerks=clerks,
            users_by_person={u.person_id: u for u in accounts.values() if u.person_id},
            evidence=_evidence_file(),
        )

    def clerk(self, unit: Organization) -> User:
        return self.clerks.get(unit.pk, self.history)

    def user_of(self, person: Person) -> User:
        return self.users_by_person.get(person.pk, self.history)

    def at(self, day: date, hour: int = 10) -> datetime:
        """A working-hours moment of ``day`` in the county's time zone."""
        return datetime.combine(day, time(hour), tzinfo=ZoneInfo(settings.TIME_ZONE))

    @property
    def year_start(self) -> date:
        return date(self.today.year, 1, 1)

    @property
    def yesterday(self) -> date:
        return self.today - timedelta(days=1)


def _units(root: Organization, today: date) -> list[Unit]:
    """The departments under the government party group, in the generator's order (县财政局,
    县教育局 …), each with its party body, branches and the vice head in charge."""
    inside = Organization.objects.filter(path__startswith=root.path, depth__lte=root.depth + 4)
    children: dict[int | None, list[Organization]] = defaultdict(list)
    for org in inside.order_by("path"):
        children[org.parent_id].append(org)
    group = next(o for o in children[root.pk] if o.kind == OrgKind.PARTY_GROUP)
    departments = [o for o in children[group.pk] if o.kind == OrgKind.GOVERNMENT_UNIT]
    charges = dict(Charge.objects.current(today).filter(organization__in=departments)
                   .values_list("organization_id", "leader_id"))
    leaders = Person.objects.in_bulk(set(charges.values()))
    units = []
    for index, dept in enumerate(departments):
        party = children[dept.pk][0]
        units.append(Unit(index, dept, party, children[party.pk], leaders[charges[dept.pk]]))
    _add_members(units)
    return units


def _add_members(units: list[Unit]) -> None:
    by_branch: dict[int, list[Person]] = defaultdict(list)
    branch_ids = [b.pk for u in units for b in u.branches]
    for person in Person.objects.filter(organization_id__in=branch_ids,
                                        party_status=PartyStatus.FULL_MEMBER).only(
            "pk", "name", "organization_id", "joined_party_on").order_by("pk"):
        by_branch[person.organization_id].append(person)
    for unit in units:
        unit.members = [p for b in unit.branches for p in by_branch[b.pk]]


def _history_user() -> User:
    """An account nobody signs in with, named as what it is: the demo's back-filled history."""
    return User.objects.create(username=HISTORY_USERNAME, password=make_password(None),
                               is_active=False, display_name="演示数据（历史录入）")


def _evidence_file() -> Evidence:
    name = default_storage.save("demo/佐证材料.pdf", ContentFile(EVIDENCE_PDF))
    return Evidence(name, len(EVIDENCE_PDF), hashlib.sha256(EVIDENCE_PDF).hexdigest())
