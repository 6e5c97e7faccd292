"""Opening, extending and closing development records; the steps are in ``steps``."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people import idnumber
from dangjian.people.models import PartyStatus, Person
from dangjian.people.services import person_create, validated_id_number

from .. import rules
from ..models import Candidate, Step
from ..periods import period_end
from .common import person_set_party_status, require_past

PARTY_KINDS = frozenset({
    OrgKind.COUNTY_COMMITTEE, OrgKind.PARTY_GROUP, OrgKind.PARTY_COMMITTEE,
    OrgKind.WORKING_COMMITTEE, OrgKind.GENERAL_BRANCH, OrgKind.BRANCH, OrgKind.PARTY_CELL,
})
# Who may still apply: a 入党申请人 without an open record was entered before this system.
MAY_APPLY = frozenset({PartyStatus.MASSES, PartyStatus.APPLICANT})


def snapshot(candidate: Candidate) -> dict[str, Any]:
    return {
        "person": candidate.person_id, "organization": candidate.organization_id,
        "applied_on": candidate.applied_on, "current_step": candidate.current_step,
        "probation_ends_on": candidate.probation_ends_on,
        "extension_months": candidate.extension_months, "closed_on": candidate.closed_on,
    }


def unit_of(branch: Organization) -> Organization:
    """The work unit, village or township a branch belongs to: where its applicants work."""
    unit = Organization.objects.filter(path__in=branch.ancestor_paths()).exclude(
        kind__in=PARTY_KINDS).order_by("-depth").first()
    return unit or branch


def _check_age(birth_date: date, applied_on: date) -> None:
    if applied_on < period_end(birth_date, rules.MIN_AGE_YEARS * 12):
        raise rules.refusal(rules.MIN_AGE, f"申请人{birth_date:%Y-%m-%d}出生，"
                            f"{applied_on:%Y-%m-%d}递交申请时未满{rules.MIN_AGE_YEARS}岁",
                            field="applied_on")


def _new_applicant(
    *, actor: User, branch: Organization, applied_on: date, name: str, gender: str,
    birth_date: date | None, id_number: str, phone: str,
) -> Person:
    """A person not yet on file, entered with their application; the ID number decides
    birth date and gender, so what the form says must agree with it."""
    id_number = validated_id_number(id_number)
    if birth_date is not None and birth_date != idnumber.birth_date(id_number):
        raise ValidationError({"birth_date": "出生日期与身份证号不符"})
    if gender and (gender == "男") != idnumber.is_male(id_number):
        raise ValidationError({"gender": "性别与身份证号不符"})
    _check_age(idnumber.birth_date(id_number), applied_on)
    return person_create(actor=actor, name=name, id_number=id_number, organization=branch,
                         party_status=PartyStatus.APPLICANT, phone=phone)


def _check_existing(person: Person, branch: Organization, applied_on: date) -> None:
    if person.party_status not in MAY_APPLY:
        raise ValidationError(
            {"person": f"{person.name}的政治面貌是{person.party_status}，不能再递交入党申请"})
    if Candidate.objects.filter(person=person, closed_on__isnull=True).exists():
        raise ValidationError({"person": f"{person.name}已有未结束的发展党员档案"})
    unit = unit_of(branch)
    if not person.organization.path.startswith(unit.path):
        raise rules.refusal(rules.WHERE_TO_APPLY, f"{person.name}所在的{person.organization}"
                            f"不属于{unit}", field="person")
    _check_age(person.birth_date, applied_on)


def candidate_open(
    *, actor: User, organization: Organization, applied_on: date, person: Person | None = None,
    name: str = "", gender: str = "", birth_date: date | None = None, id_number: str = "",
    phone: str = "",
) -> Candidate:
    """Open a record at step 1 (递交入党申请书) for an existing non-member, or for a new
    applicant given by name, gender, birth date and ID number."""
    require(actor, "members.enter", organization)
    if organization.kind != OrgKind.BRANCH:
        raise ValidationError({"organization": "入党申请应由党支部受理，请选择党支部"})
    require_past(applied_on, "applied_on", "递交入党申请书日期")
    with transaction.atomic():
        if person is None:
            person = _new_applicant(actor=actor, branch=organization, applied_on=applied_on,
                                    name=name, gender=gender, birth_date=birth_date,
                                    id_number=id_number, phone=phone)
        else:
            _check_existing(person, organization, applied_on)
            if person.party_status != PartyStatus.APPLICANT:
                person_set_party_status(actor=actor, person=person, status=PartyStatus.APPLICANT,
                                        joined_party_on=None)
        candidate = Candidate.objects.create(person=person, organization=organization,
                                             applied_on=applied_on, created_by=actor)
        Step.objects.create(candidate=candidate, number=rules.APPLICATION, date=applied_on,
                            document="入党申请书", recorded_by=actor)
        record(actor=actor, action="candidate.open", target=candidate, after=snapshot(candidate))
    return candidate


def probation_extend(
    *, actor: User, candidate: Candidate, decided_on: date, months: int, reason: str,
) -> Candidate:
    """延长预备期: 6 to 12 months, once, counted from the end of the first year."""
    require(actor, "members.enter", candidate.organization)
    require_past(decided_on, "decided_on", "决定日期")
    if not reason.strip():
        raise ValidationError({"reason": "请填写延长预备期的原因"})
    with transaction.atomic():
        candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
        if candidate.closed_on or not (
                rules.ADMISSION_APPROVAL <= candidate.current_step < rules.FULL_MEMBERSHIP_MEETING):
            raise ValidationError("只有在预备期内、尚未讨论转正的预备党员可以延长预备期")
        latest = candidate.steps.aggregate(latest=Max("date"))["latest"]
        if latest is not None and decided_on < latest:  # before the probation it extends
            raise ValidationError(
                {"decided_on": f"决定日期不能早于已记录的上一步（{latest:%Y-%m-%d}）"})
        if candidate.extension_months:
            raise rules.refusal(rules.PROBATION_EXTENSION, "该预备党员已延长过一次预备期",
                                field="months")
        if not rules.EXTENSION_MIN_MONTHS <= months <= rules.EXTENSION_MAX_MONTHS:
            raise rules.refusal(rules.PROBATION_EXTENSION, f"申请延长{months}个月",
                                field="months")
        before = snapshot(candidate)
        assert candidate.probation_ends_on is not None  # set by step 17, which came first
        candidate.probation_ends_on = period_end(candidate.probation_ends_on, months)
        candidate.extension_months, candidate.extension_decided_on = months, decided_on
        candidate.extension_reason = reason.strip()
        candidate.save()
        record(actor=actor, action="candidate.extend", target=candidate, before=before,
               after=snapshot(candidate))
    return candidate


def candidate_close(*, actor: User, candidate: Candidate, closed_on: date, reason: str
                    ) -> Candidate:
    """End a record before full membership (撤回申请、政审不合格、支部大会未通过、取消预备党员
    资格 …): the person goes back to 群众."""
    require(actor, "members.enter", candidate.organization)
    require_past(closed_on, "closed_on", "终止日期")
    if not reason.strip():
        raise ValidationError({"reason": "请填写终止原因"})
    with transaction.atomic():
        candidate = Candidate.objects.select_for_update().select_related("person").get(
            pk=candidate.pk)
        if candidate.closed_on or candidate.current_step >= rules.FULL_MEMBERSHIP_APPROVAL:
            raise ValidationError("该档案已终止或已转正，不能终止")
        if closed_on < candidate.applied_on:
            raise ValidationError({"closed_on": "终止日期不能早于递交入党申请书日期"})
        before = snapshot(candidate)
        candidate.closed_on, candidate.close_reason = closed_on, reason.strip()
        candidate.save(update_fields=["closed_on", "close_reason"])
        person_set_party_status(actor=actor, person=candidate.person, status=PartyStatus.MASSES,
                                joined_party_on=None)
        record(actor=actor, action="candidate.close", target=candidate, before=before,
               after=snapshot(candidate))
    return candidate
