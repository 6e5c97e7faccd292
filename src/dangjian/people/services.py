"""Writes about persons. Personal data is encrypted here and never leaves unmasked
except through ``person_unmask``, which checks the permission and audits the access."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from dangjian.audit.services import record
from dangjian.core.crypto import decrypt_field, encrypt_field, lookup_hash, lookup_hashes
from dangjian.orgs.models import Organization

from . import idnumber
from .models import Charge, Gender, PartyStatus, Person

UNMASK_PERMISSION = "people.unmask_personal_data"


def _snapshot(person: Person) -> dict[str, Any]:
    """What the audit log keeps of a person: masked personal data only."""
    return {
        "name": person.name,
        "party_status": person.party_status,
        "organization": person.organization_id,
        "id_number": person.id_number_masked,
        "phone": person.phone_masked,
    }


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
) -> Person:
    name = name.strip()
    if not name:
        raise ValidationError({"name": "姓名不能为空"})
    if party_status not in PartyStatus.values:
        raise ValidationError({"party_status": f"未知的政治面貌：{party_status}"})
    id_number = validated_id_number(id_number)
    person = Person(
        name=name, organization=organization, party_status=party_status,
        joined_party_on=joined_party_on, **personal_fields(id_number=id_number, phone=phone),
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
