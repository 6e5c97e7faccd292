"""Writes about persons. Personal data is encrypted here and never leaves unmasked
except through ``person_unmask``, which checks the permission and audits the access."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from dangjian.audit.services import record
from dangjian.core.crypto import decrypt_field, encrypt_field, lookup_hash, lookup_hashes
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization

from . import idnumber
from .models import Charge, Education, Gender, PartyStatus, Person

UNMASK_PERMISSION = "people.unmask_personal_data"


def _snapshot(person: Person) -> dict[str, Any]:
    """What the audit log keeps of a person: masked personal data only."""
    return {
        "name": person.name,
        "party_status": person.party_status,
        "organization": person.organization_id,
        "id_number": person.id_number_masked,
        "phone": person.phone_masked,
        **_facts(person),
    }


def _facts(person: Person) -> dict[str, Any]:
    return {"education": person.education, "front_line": person.front_line,
            "in_hardship": person.in_hardship}


def validated_facts(*, education: Any, front_line: Any, in_hardship: Any) -> dict[str, Any]:
    """学历, 一线或关键岗位 and 生活困难 as stored; every bad value named at once."""
    errors: dict[str, str] = {}
    education = education.strip() if isinstance(education, str) else education
    if not isinstance(education, str) or education not in ["", *Education.values]:
        errors["education"] = (f"未知的学历：“{education}”，应为{'、'.join(Education.values)}之一"
                               "，或不填")
    for field, label, value in (("front_line", "一线或关键岗位", front_line),
                                ("in_hardship", "生活困难", in_hardship)):
        if not isinstance(value, bool):
            errors[field] = f"{label}应为“是”或“否”"
    if errors:
        raise ValidationError(errors)
    return {"education": education, "front_line": front_line, "in_hardship": in_hardship}


def validated_id_number(raw: str) -> str:
    try:
        return idnumber.normalise(raw)
    except idnumber.IdNumberError as exc:
        raise ValidationError({"id_number": str(exc)}) from exc


def validated_phone(raw: str) -> str:
    try:
        return idnumber.normalise_phone(raw)
    except idnumber.IdNumberError as exc:
        raise ValidationError({"phone": str(exc)}) from exc


def personal_fields(*, id_number: str, phone: str = "") -> dict[str, Any]:
    """The stored columns for a validated ID number and phone: ciphertext, hash, masks."""
    id_number = validated_id_number(id_number)  # idempotent: canonical whatever the caller did
    phone = validated_phone(phone)
    return {
        "id_number_encrypted": encrypt_field(id_number),
        "id_number_hash": lookup_hash(id_number),
        "id_number_masked": idnumber.mask(id_number),
        "phone_encrypted": encrypt_field(phone) if phone else "",
        "phone_masked": idnumber.mask_phone(phone) if phone else "",
        "birth_date": idnumber.birth_date(id_number),
        "gender": Gender.MALE if idnumber.is_male(id_number) else Gender.FEMALE,
    }


def person_create(
    *,
    actor: Any,
    name: str,
    id_number: str,
    organization: Organization,
    party_status: str = PartyStatus.MASSES,
    phone: str = "",
    joined_party_on: date | None = None,
    education: str = "",
    front_line: bool = False,
    in_hardship: bool = False,
) -> Person:
    name = name.strip()
    if not name:
        raise ValidationError({"name": "姓名不能为空"})
    if party_status not in PartyStatus.values:
        raise ValidationError({"party_status": f"未知的政治面貌：{party_status}"})
    facts = validated_facts(education=education, front_line=front_line, in_hardship=in_hardship)
    id_number = validated_id_number(id_number)
    person = Person(
        name=name, organization=organization, party_status=party_status,
        joined_party_on=joined_party_on, **personal_fields(id_number=id_number, phone=phone),
        **facts,
    )
    # The unique index sees only one key's hash; mid-rotation a number may sit under an old one.
    if Person.objects.filter(id_number_hash__in=lookup_hashes(id_number)).exists():
        raise ValidationError({"id_number": "该身份证号已登记，请勿重复录入"})
    try:
        with transaction.atomic():
            person.save()
            record(actor=actor, action="person.create", target=person, after=_snapshot(person))
    except IntegrityError as exc:
        raise ValidationError({"id_number": "该身份证号已登记，请勿重复录入"}) from exc
    return person


def person_facts_update(
    *, actor: Any, person: Person, education: Any, front_line: Any, in_hardship: Any,
) -> Person:
    """Record a person's 学历, 一线或关键岗位 and 生活困难 (facts for 优化党员队伍结构 and
    走访慰问). Only who maintains the unit's roster may; nothing is written, nor audited, when
    the values are those already recorded."""
    require(actor, "people.edit_facts", person)
    facts = validated_facts(education=education, front_line=front_line, in_hardship=in_hardship)
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        before = _facts(locked)
        if before == facts:
            return locked
        for field, value in facts.items():
            setattr(locked, field, value)
        locked.save(update_fields=list(facts))
        record(actor=actor, action="person.facts", target=locked, before=before, after=facts)
    return locked


def person_find_by_id_number(raw: str) -> Person | None:
    # Every key of the keyring, so that look-ups keep working while a rotation runs.
    hashes = lookup_hashes(validated_id_number(raw))
    return Person.objects.filter(id_number_hash__in=hashes).first()


@dataclass(frozen=True)
class Unmasked:
    id_number: str
    phone: str


def person_unmask(*, actor: Any, person: Person) -> Unmasked:
    """The full ID number and phone, for a user holding the permission; always audited."""
    if not actor.has_perm(UNMASK_PERMISSION):
        record(actor=actor, action="person.unmask", target=person, success=False)
        raise PermissionDenied("您没有查看完整个人信息的权限")
    with transaction.atomic():
        record(actor=actor, action="person.unmask", target=person)
    return Unmasked(
        id_number=decrypt_field(person.id_number_encrypted),
        phone=decrypt_field(person.phone_encrypted) if person.phone_encrypted else "",
    )


def charge_assign(
    *, actor: Any, leader: Person, organization: Organization, start_on: date,
    end_on: date | None = None,
) -> Charge:
    """Put ``organization`` in ``leader``'s 分管 area from ``start_on``."""
    if end_on is not None and end_on < start_on:
        raise ValidationError({"end_on": "结束日期不能早于开始日期"})
    with transaction.atomic():
        charge = Charge.objects.create(
            leader=leader, organization=organization, start_on=start_on, end_on=end_on
        )
        record(actor=actor, action="charge.assign", target=charge,
               after={"leader": leader.pk, "organization": organization.pk,
                      "start_on": start_on, "end_on": end_on})
    return charge
