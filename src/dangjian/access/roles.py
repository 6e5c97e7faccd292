"""Roles and what each one covers, as data: the table of the foundation issue in one place.

等保 2.0 访问控制 d (GB/T 22239-2019 8.1.4.2): least privilege and separation of the three
administrators (三员分立): system, security and audit administrators see no business data.
"""

from dataclasses import dataclass
from enum import Enum

from django.db import models


class Role(models.TextChoices):
    COUNTY_LEADER = "县领导", "县领导"
    VICE_HEAD = "分管领导", "分管领导"
    INSPECTOR = "纪检监察", "纪检监察"
    UNIT_SECRETARY = "单位书记", "单位书记"
    UNIT_CLERK = "党务干事", "党务干事"
    MEMBER = "党员", "党员"
    # 考核管理员: the county's 党建办/组织部, who keeps the assessment schemes and enters scores
    # (党建工作考核); it reads the records of its subtree to score them and writes none of them.
    ASSESSOR = "考核管理员", "考核管理员"
    SYSTEM_ADMIN = "系统管理员", "系统管理员"
    SECURITY_ADMIN = "安全管理员", "安全管理员"
    AUDIT_ADMIN = "审计管理员", "审计管理员"


class Reach(Enum):
    """Where a role's business-data scope comes from."""

    GRANTED_SUBTREE = "the subtree of the organisation named on the grant"
    CHARGED_SUBTREES = "the subtrees of the departments in the person's current 分管 set"
    OWN_RECORDS = "the person's own record and organisation"
    NONE = "no business data"


@dataclass(frozen=True)
class RoleRule:
    reach: Reach
    needs_organization: bool
    enters_data: bool = False  # may create and edit business records inside the scope
    administers: str = ""  # which 三员 duty, if any


ROLE_RULES: dict[str, RoleRule] = {
    Role.COUNTY_LEADER: RoleRule(Reach.GRANTED_SUBTREE, needs_organization=True),
    Role.VICE_HEAD: RoleRule(Reach.CHARGED_SUBTREES, needs_organization=False),
    Role.INSPECTOR: RoleRule(Reach.GRANTED_SUBTREE, needs_organization=True),
    Role.UNIT_SECRETARY: RoleRule(Reach.GRANTED_SUBTREE, needs_organization=True,
                                  enters_data=True),
    Role.UNIT_CLERK: RoleRule(Reach.GRANTED_SUBTREE, needs_organization=True, enters_data=True),
    Role.MEMBER: RoleRule(Reach.OWN_RECORDS, needs_organization=False),
    Role.ASSESSOR: RoleRule(Reach.GRANTED_SUBTREE, needs_organization=True),
    Role.SYSTEM_ADMIN: RoleRule(Reach.NONE, needs_organization=False, administers="users"),
    Role.SECURITY_ADMIN: RoleRule(Reach.NONE, needs_organization=False, administers="grants"),
    Role.AUDIT_ADMIN: RoleRule(Reach.NONE, needs_organization=False, administers="audit"),
}

ADMIN_ROLES = frozenset(r for r, rule in ROLE_RULES.items() if rule.administers)
