"""A deterministic generator of the fictional 示范县 (and, with ``scale``, many counties).

Same seed and same day, same county: tests and benchmarks can rely on names and shapes. Every
date is placed relative to ``today`` (the day it is built, or the day a test fixes), so that a
probation, a term or a year of meetings is as far along on any day. Rows are bulk
inserted with the tree paths computed here, because treebeard's one-node-at-a-time inserts
take minutes at province scale.
"""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import RoleGrant, User
from dangjian.access.roles import Role
from dangjian.assessment.demo import build_demo_scheme
from dangjian.audit.services import record
from dangjian.orglife.demo import generate_meetings
from dangjian.orglife.tags import ensure_default_tags
from dangjian.orgs.models import Organization, OrgKind
from dangjian.oversight.terms import ensure_default_terms
from dangjian.people import idnumber
from dangjian.people.models import Charge, Education, PartyStatus, Person, Post, PostTitle
from dangjian.people.services import personal_fields
from dangjian.villages.demo import generate_villages, villages_of

from .names import DEPARTMENTS, GIVEN, SURNAMES, TOWNSHIPS, VILLAGE_WORDS
from .records import generate_records

VICE_HEADS = 6
VILLAGES_PER_TOWNSHIP = 15
TERM_YEARS_AGO = 2  # the current term of posts and 分管 began on 1 January, two years back
# Party status mix of a branch; the rest of a 正式党员 branch's numbers come from here.
STATUS_WEIGHTS = [
    (PartyStatus.FULL_MEMBER, 86), (PartyStatus.PROBATIONARY, 4), (PartyStatus.CANDIDATE, 3),
    (PartyStatus.ACTIVIST, 4), (PartyStatus.APPLICANT, 3),
]


# Member facts (学历, care): plausible shares, not statistics. "" is 学历 not yet recorded.
VETERAN_SHARE, VETERAN_AGE = 0.12, (72, 88)
EDUCATION_OFFICE = [(Education.POSTGRADUATE, 15), (Education.UNIVERSITY, 58),
                    (Education.COLLEGE, 20), (Education.SECONDARY_VOCATIONAL, 4), ("", 3)]
EDUCATION_VILLAGE = [(Education.UNIVERSITY, 6), (Education.COLLEGE, 16),
                     (Education.SECONDARY_VOCATIONAL, 14), (Education.HIGH_SCHOOL, 28),
                     (Education.JUNIOR_OR_BELOW, 33), ("", 3)]
EDUCATION_VETERAN = [(Education.SECONDARY_VOCATIONAL, 8), (Education.HIGH_SCHOOL, 22),
                     (Education.JUNIOR_OR_BELOW, 66), ("", 4)]


@dataclass
class DemoAccount:
    username: str
    role: str
    description: str


DEMO_ACCOUNTS = [
    DemoAccount("admin", Role.SYSTEM_ADMIN, "系统管理员：用户与设置，不接触业务数据"),
    DemoAccount("secadmin", Role.SECURITY_ADMIN, "安全管理员：角色与授权"),
    DemoAccount("auditor", Role.AUDIT_ADMIN, "审计管理员：只看审计日志"),
    DemoAccount("county_head", Role.COUNTY_LEADER, "县长、县政府党组书记：全县"),
    DemoAccount("vice_head", Role.VICE_HEAD, "副县长：分管县财政局等，不含县教育局"),
    DemoAccount("inspector", Role.INSPECTOR, "派驻纪检监察组：全县"),
    DemoAccount("finance_secretary", Role.UNIT_SECRETARY, "县财政局党组书记：本单位"),
    DemoAccount("finance_clerk", Role.UNIT_CLERK, "县财政局党务干事：本单位"),
    DemoAccount("edu_clerk", Role.UNIT_CLERK, "县教育局党务干事：本单位"),
    DemoAccount("member", Role.MEMBER, "县财政局机关党支部的正式党员：本人"),
    DemoAccount("assessor", Role.ASSESSOR, "县委组织部（党建办）考核管理员：全县"),
    DemoAccount("village_clerk", Role.UNIT_CLERK, "城关镇一个村的党务干事：填报本村集体经济"),
    DemoAccount("town_clerk", Role.UNIT_CLERK, "城关镇党务干事：审核本镇各村集体经济"),
    DemoAccount("county_clerk", Role.UNIT_CLERK, "县委组织部党务干事：核定村集体经济、包联"),
]


@dataclass
class _Node:
    """An organisation before it is inserted: the path is computed from its place."""

    name: str
    kind: str
    parent: "_Node | None"
    children: list["_Node"] = field(default_factory=list)
    obj: Organization | None = None

    def child(self, name: str, kind: str) -> "_Node":
        node = _Node(name, kind, self)
        self.children.append(node)
        return node


@dataclass
class _County:
    root: _Node
    government_group: _Node
    departments: dict[str, _Node]
    branches: list[_Node]
    branch_unit: dict[int, _Node]  # id(branch node) → department or village node


@dataclass
class DemoSummary:
    organizations: int
    persons: int
    accounts: list[DemoAccount]


class _Builder:
    def __init__(self, seed: int, persons_factor: float, today: date) -> None:
        self.rng = random.Random(seed)
        # 学历, posts, hardship and 老党员 draw from their own stream: the names, dates and ids
        # the main stream gives every person stay as they were before these facts existed.
        self.facts_rng = random.Random(seed + 13)
        self.today = today
        self.persons_factor = persons_factor
        self.id_sequences: dict[tuple[str, date], int] = defaultdict(int)
        self.persons: list[Person] = []
        self.posts: list[tuple[int, str, _Node, str]] = []  # person index, title, org, duty
        self.charges: list[tuple[int, _Node]] = []  # vice head's person index, department

    # organisations ----------------------------------------------------------------------
    def county(self, index: int) -> _County:
        name = "示范县" if index == 0 else f"示范{index + 1}号县"
        prefix = name[:-1]
        root = _Node(f"中共{name}委员会", OrgKind.COUNTY_COMMITTEE, None)
        group = root.child(f"{name}人民政府党组", OrgKind.PARTY_GROUP)
        departments: dict[str, _Node] = {}
        branches: list[_Node] = []
        unit_of: dict[int, _Node] = {}
        for n, dept_name in enumerate(DEPARTMENTS):
            dept_name = dept_name.replace("县", prefix + "县", 1) if index else dept_name
            dept = group.child(dept_name, OrgKind.GOVERNMENT_UNIT)
            departments[DEPARTMENTS[n]] = dept
            if n % 3 == 2:
                party = dept.child(f"{dept_name}机关党委", OrgKind.PARTY_COMMITTEE)
            else:
                party = dept.child(f"{dept_name}党组", OrgKind.PARTY_GROUP)
            for b in range(2 + (n * 7 + index) % 5):
                branch = party.child(f"{dept_name}机关第{'一二三四五六'[b]}党支部", OrgKind.BRANCH)
                branches.append(branch)
                unit_of[id(branch)] = dept
        for t, township_name in enumerate(TOWNSHIPS):
            township = root.child(f"{prefix}县{township_name}", OrgKind.TOWNSHIP)
            committee = township.child(f"{township_name}党委", OrgKind.PARTY_COMMITTEE)
            for v in range(VILLAGES_PER_TOWNSHIP):
                word = VILLAGE_WORDS[(t * VILLAGES_PER_TOWNSHIP + v) % len(VILLAGE_WORDS)]
                kind_word = "社区" if v == 0 else "村"
                village = committee.child(f"{township_name}{word}{kind_word}", OrgKind.VILLAGE)
                branch = village.child(f"{village.name}党支部", OrgKind.BRANCH)
                branches.append(branch)
                unit_of[id(branch)] = village
        return _County(root, group, departments, branches, unit_of)

    def insert_tree(self, roots: list[_Node]) -> None:
        """Assign treebeard paths level by level and bulk-insert each level."""
        base = Organization.objects.filter(depth=1).count()
        level: list[tuple[_Node, Organization | None, int]] = [
            (root, None, base + i + 1) for i, root in enumerate(roots)
        ]
        depth = 1
        while level:
            rows = []
            for node, parent_obj, step in level:
                path = Organization._get_path(parent_obj.path if parent_obj else None, depth, step)
                node.obj = Organization(
                    name=node.name, kind=node.kind, parent=parent_obj, path=path,
                    depth=depth, numchild=len(node.children),
                )
                node.obj.spell_name()  # bulk_create skips save()
                rows.append(node.obj)
            Organization.objects.bulk_create(rows, batch_size=2000)
            if not rows[0].pk:  # backends without RETURNING: read the ids back by path
                ids = dict(Organization.objects.filter(depth=depth).values_list("path", "pk"))
                for row in rows:
                    row.pk = ids[row.path]
            level = [
                (child, node.obj, i + 1)
                for node, _, _ in level
                for i, child in enumerate(node.children)
            ]
            depth += 1

    # persons ------------------------------------------------------------------------------
    def person(self, org: _Node, status: str, area: str, age: tuple[int, int] = (23, 60)) -> int:
        rng = self.rng
        birth = date(self.today.year - rng.randint(*age), 1, 1) + timedelta(
            days=rng.randint(0, 364))
        self.id_sequences[(area, birth)] += 1
        number = idnumber.synthesise(area, birth, self.id_sequences[(area, birth)])
        phone = f"1{rng.choice('3578')}{rng.randint(0, 999_999_999):09d}"
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
        joined = None
        village = org.parent is not None and org.parent.kind == OrgKind.VILLAGE
        veteran = (village and status == PartyStatus.FULL_MEMBER
                   and self.facts_rng.random() < VETERAN_SHARE)
        if veteran:  # a retired villager who joined decades ago (some 党龄 over 50 years)
            birth = date(self.today.year - self.facts_rng.randint(*VETERAN_AGE), 1, 1) + \
                timedelta(days=birth.timetuple().tm_yday - 1)
            number = idnumber.synthesise(area, birth, self._next_sequence(area, birth))
        if status in (PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY):
            joined = max(birth.replace(year=birth.year + 20), date(1970, 1, 1))
            if veteran:
                joined = date(birth.year + self.facts_rng.randint(20, 26), birth.month,
                              min(birth.day, 28))
            if status == PartyStatus.PROBATIONARY:
                # admitted within the last year: the probation is still running
                joined = self.today - timedelta(days=rng.randint(35, 335))
        self.persons.append(Person(
            name=name, party_status=status, organization=org.obj, joined_party_on=joined,
            **personal_fields(id_number=number, phone=phone),
            **self.facts(village, veteran, status),
        ))
        return len(self.persons) - 1

    def _next_sequence(self, area: str, birth: date) -> int:
        self.id_sequences[(area, birth)] += 1
        return self.id_sequences[(area, birth)]

    def facts(self, village: bool, veteran: bool, status: str) -> dict[str, object]:
        """学历, 一线/关键岗位 and 生活困难 of a member (others: none recorded)."""
        if status not in (PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY):
            return {}
        rng = self.facts_rng
        mix = (EDUCATION_VETERAN if veteran else EDUCATION_VILLAGE if village
               else EDUCATION_OFFICE)
        levels, weights = zip(*mix, strict=True)
        return {
            "education": rng.choices(levels, weights)[0],
            "front_line": not veteran and rng.random() < (0.45 if village else 0.3),
            "in_hardship": rng.random() < (0.25 if veteran else 0.05 if village else 0.005),
        }

    def staff_county(self, county: _County, index: int) -> dict[str, int]:
        """Persons and posts of one county; returns the indexes of the demo accounts' persons."""
        area = f"99{index:04d}"  # "99" is no province in GB/T 2260: no real person's number
        statuses, weights = zip(*STATUS_WEIGHTS, strict=True)
        for branch in county.branches:
            village = county.branch_unit[id(branch)].kind == OrgKind.VILLAGE
            count = max(3, round((30 if village else 15) * self.persons_factor))
            for status in self.rng.choices(statuses, weights, k=count):
                self.person(branch, status, area)
            if village:  # villagers who are not members, on the village's own roll
                for _ in range(max(1, round(4 * self.persons_factor))):
                    self.person(county.branch_unit[id(branch)], PartyStatus.MASSES, area)
        group = county.government_group
        head = self.person(group, PartyStatus.FULL_MEMBER, area, (48, 56))
        self.posts += [(head, PostTitle.COUNTY_HEAD, group, ""),
                       (head, PostTitle.SECRETARY, group, "")]
        vice_heads = []
        for _ in range(VICE_HEADS):
            vice = self.person(group, PartyStatus.FULL_MEMBER, area, (42, 56))
            self.posts += [(vice, PostTitle.VICE_COUNTY_HEAD, group, ""),
                           (vice, PostTitle.COMMITTEE_MEMBER, group, "")]
            vice_heads.append(vice)
        # 分管: departments dealt round the vice heads; 县财政局 is first, 县教育局 second.
        for n, dept in enumerate(county.departments.values()):
            self.charges.append((vice_heads[n % VICE_HEADS], dept))
        finance = county.departments["县财政局"]
        finance_party = finance.children[0]
        finance_secretary = self.person(finance_party, PartyStatus.FULL_MEMBER, area, (45, 55))
        self.posts += [(finance_secretary, PostTitle.SECRETARY, finance_party, ""),
                       (finance_secretary, PostTitle.DIRECTOR, finance, "")]
        finance_branch = finance_party.children[0]
        finance_clerk = self.person(finance_branch, PartyStatus.FULL_MEMBER, area, (26, 40))
        self.posts.append((finance_clerk, PostTitle.CLERK, finance, ""))
        edu_branch = county.departments["县教育局"].children[0].children[0]
        edu_clerk = self.person(edu_branch, PartyStatus.FULL_MEMBER, area, (26, 40))
        self.posts.append((edu_clerk, PostTitle.CLERK, county.departments["县教育局"], ""))
        member = self.person(finance_branch, PartyStatus.FULL_MEMBER, area, (30, 50))
        return {"county_head": head, "vice_head": vice_heads[0],
                "finance_secretary": finance_secretary, "finance_clerk": finance_clerk,
                "edu_clerk": edu_clerk, "member": member}


def build_demo(
    *, scale: int = 1, persons_factor: float = 1.0, seed: int = 2026, password: str,
    today: date | None = None, records: bool = True,
) -> DemoSummary:
    """Insert ``scale`` counties; the first carries the fixed demo accounts and, with
    ``records``, a year of work (``records.generate_records``)."""
    if scale < 1 or persons_factor <= 0:
        raise ValueError("scale 必须为正整数，persons_factor 必须大于 0")
    ensure_default_terms()  # a flushed database (tests) has lost what the migration added
    ensure_default_tags()
    today = today or timezone.localdate()
    term_start = date(today.year - TERM_YEARS_AGO, 1, 1)
    builder = _Builder(seed, persons_factor, today)
    counties = [builder.county(i) for i in range(scale)]
    with transaction.atomic():
        builder.insert_tree([c.root for c in counties])
        account_persons = {}
        for i, county in enumerate(counties):
            indexes = builder.staff_county(county, i)
            if i == 0:
                account_persons = indexes
        for person in builder.persons:
            person.spell_name()  # bulk_create skips save()
        Person.objects.bulk_create(builder.persons, batch_size=2000)
        if builder.persons and not builder.persons[0].pk:
            hashes = dict(Person.objects.values_list("id_number_hash", "pk"))
            for p in builder.persons:
                p.pk = hashes[p.id_number_hash]
        Post.objects.bulk_create([
            Post(person=builder.persons[i], organization=node.obj, title=title, duty=duty,
                 start_on=term_start)
            for i, title, node, duty in builder.posts
        ], batch_size=2000)
        Charge.objects.bulk_create([
            Charge(leader=builder.persons[i], organization=node.obj, start_on=term_start)
            for i, node in builder.charges
        ], batch_size=2000)
        # 村集体经济: profiles, two years of income, targets and the vice heads' 包联 villages.
        if counties[0].root.obj is not None:
            group = counties[0].government_group
            vice_heads = [builder.persons[i] for i, title, node, _ in builder.posts
                          if title == PostTitle.VICE_COUNTY_HEAD and node is group]
            generate_villages(counties[0].root.obj, vice_heads, today=today, seed=seed,
                              start_on=term_start)
        # A realistic, imperfect year of 三会一课 (most branches compliant, some not).
        branches = [b.obj for c in counties for b in c.branches if b.obj is not None]
        generate_meetings(branches=branches, year=today.year, until=today,
                          rng=random.Random(seed), with_attendance=scale == 1)
        first = counties[0]
        _create_accounts(first, {k: builder.persons[v] for k, v in account_persons.items()},
                         password)
        if records and first.root.obj is not None:
            generate_records(first.root.obj, today=today, seed=seed)
        # 党建考核: a published scheme scored from the records above (issue 12).
        build_demo_scheme(first.root.obj, today.year, today)
        record(actor=None, action="demo.load", after={
            "scale": scale, "organizations": Organization.objects.count(),
            "persons": len(builder.persons),
        })
    return DemoSummary(Organization.objects.count(), len(builder.persons), DEMO_ACCOUNTS)


def _create_accounts(county: _County, persons: dict[str, Person], password: str) -> None:
    hashed = make_password(password)  # one hash for all: same password, and hashing is slow
    finance = county.departments["县财政局"].obj
    township = next(c.obj for c in county.root.children
                    if c.kind == OrgKind.TOWNSHIP and c.obj is not None)
    village = villages_of(township)[1]  # a 村 of 城关镇 (the first is a 社区)
    persons = {**persons, "village_clerk": Person.objects.filter(
        organization__path__startswith=village.path).order_by("pk")[0]}
    scope_org = {
        "county_head": county.root.obj, "inspector": county.root.obj,
        "assessor": county.root.obj, "county_clerk": county.root.obj,
        "village_clerk": village, "town_clerk": township,
        "finance_secretary": finance, "finance_clerk": finance,
        "edu_clerk": county.departments["县教育局"].obj,
    }
    for account in DEMO_ACCOUNTS:
        person = persons.get(account.username)
        user = User.objects.create(
            username=account.username, password=hashed, is_demo=True,
            person=person, display_name=person.name if person else account.role,
        )
        RoleGrant.objects.create(user=user, role=account.role,
                                 organization=scope_org.get(account.username))
        if account.username == "finance_secretary":
            user.user_permissions.add(
                Permission.objects.get(codename="unmask_personal_data",
                                       content_type__app_label="people")
            )
