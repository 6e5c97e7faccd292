"""村情: a village's profile."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization, OrgKind

from ..models import Village, VillageKind
from ..rules import credit_code_error

POPULATION_MAX = 1_000_000
FIELDS = ("kind", "population", "households", "collective_name", "credit_code")


def _check(values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    if values.get("kind") not in VillageKind.values:
        errors["kind"] = "请选择村或社区"
    for name, label in (("population", "常住人口"), ("households", "户数")):
        value = values.get(name)
        if not isinstance(value, int) or value < 0 or value > POPULATION_MAX:
            errors[name] = f"{label}应为0至{POPULATION_MAX}之间的整数"
    name = str(values.get("collective_name") or "").strip()
    if not name or len(name) > 100:
        errors["collective_name"] = "请填写集体经济组织名称（不超过100字）"
    code = str(values.get("credit_code") or "").strip().upper()
    if code and (error := credit_code_error(code)):
        errors["credit_code"] = error
    if errors:
        raise ValidationError(errors)
    return {**values, "collective_name": name, "credit_code": code}


def village_save(*, actor: User, organization: Organization, **values: Any) -> Village:
    """Create or change the profile of a 村/社区 organisation."""
    require(actor, "villages.enter", organization)
    if organization.kind != OrgKind.VILLAGE:
        raise ValidationError({"organization": f"“{organization}”不是村或社区"})
    values = _check({name: values.get(name) for name in FIELDS})
    with transaction.atomic():
        village = Village.objects.select_for_update().filter(organization=organization).first()
        before = {n: getattr(village, n) for n in FIELDS} if village else None
        if village is None:
            village = Village.objects.create(organization=organization, created_by=actor,
                                             **values)
        else:
            for name, value in values.items():
                setattr(village, name, value)
            village.save()
        record(actor=actor, action="village.save", target=village, before=before, after=values)
    return village

