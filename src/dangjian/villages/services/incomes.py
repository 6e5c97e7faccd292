"""村集体经济收入: the village reports, the township verifies (or returns with a reason), the
county confirms and the record is locked. Every write checks the version the writer read."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.errors import Conflict
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization, OrgKind

from ..models import CATEGORY_FIELDS, Income, IncomeStatus
from ..rules import accounting_system

AMOUNT_MAX = Decimal("100000")  # 10 亿元 in 万元: beyond any village's collective income
YEAR_MIN = 2005
EDITABLE = frozenset({IncomeStatus.DRAFT, IncomeStatus.RETURNED})
# The allowed moves; any other is refused by the service.
TRANSITIONS = {
    "submit": ({IncomeStatus.DRAFT, IncomeStatus.RETURNED}, IncomeStatus.REPORTED),
    "accept": ({IncomeStatus.REPORTED}, IncomeStatus.VERIFIED),
    "return": ({IncomeStatus.REPORTED}, IncomeStatus.RETURNED),
    "confirm": ({IncomeStatus.VERIFIED}, IncomeStatus.CONFIRMED),
}


def _amount(value: Any, label: str) -> Decimal:
    key = CATEGORY_FIELDS[label]
    try:
        amount = Decimal(str(value).strip()) if value not in (None, "") else Decimal("0")
    except InvalidOperation:
        raise ValidationError({key: f"{label}应为数字（万元，最多两位小数）"}) from None
    if not amount.is_finite():
        raise ValidationError({key: f"{label}应为数字（万元，最多两位小数）"})
    if amount < 0:
        raise ValidationError({key: f"{label}不能为负数"})
    if amount > AMOUNT_MAX:
        raise ValidationError({key: f"{label}超过{AMOUNT_MAX}万元，请核对单位（万元）"})
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({key: f"{label}最多两位小数（万元）"})
    return amount.quantize(Decimal("0.01"))


def _amounts(year: int, amounts: dict[str, Any]) -> dict[str, Decimal]:
    """Field name → amount, for the categories of the accounting system in force in ``year``."""
    system = accounting_system(year)
    if system is None:
        raise ValidationError({"year": f"{year}年没有适用的村集体经济会计制度"})
    unknown = [c for c in amounts if c not in system.categories]
    if unknown:
        raise ValidationError({"amounts": f"{year}年适用{system.rule.citation}，没有收入类别："
                                          f"{'、'.join(unknown)}"})
    return {CATEGORY_FIELDS[c]: _amount(amounts.get(c), c) for c in system.categories}


def _check_year(year: int) -> None:
    if not YEAR_MIN <= year <= timezone.localdate().year:
        raise ValidationError({"year": f"年度应在{YEAR_MIN}年至今年之间"})


def income_create(*, actor: User, organization: Organization, year: int,
                  amounts: dict[str, Any]) -> Income:
    """A village's draft report of ``year`` (one per village and year)."""
    require(actor, "villages.enter", organization)
    if organization.kind != OrgKind.VILLAGE:
        raise ValidationError({"organization": f"“{organization}”不是村或社区"})
    _check_year(year)
    values = _amounts(year, amounts)
    with transaction.atomic():
        if Income.objects.select_for_update().filter(organization=organization,
                                                     year=year).exists():
            raise ValidationError({"year": f"{organization}{year}年的集体经济收入已填报，"
                                           f"请修改原记录"})
        try:
            with transaction.atomic():  # a twin inserted meanwhile trips the unique constraint
                income = Income.objects.create(organization=organization, year=year,
                                               created_by=actor, **values)
        except IntegrityError:
            raise ValidationError({"year": f"{organization}{year}年的集体经济收入已填报，"
                                           f"请修改原记录"}) from None
        record(actor=actor, action="village_income.create", target=income,
               after={"organization": organization.pk, "year": year,
                      **{k: str(v) for k, v in values.items()}})
    return income


def locked(income: Income, version: int | None) -> Income:
    """The income row-locked; a write that read an older version is a conflict."""
    current = Income.objects.select_for_update().select_related("organization").get(
        pk=income.pk)
    if version is not None and version != current.version:
        raise Conflict()
    return current


def income_update(*, actor: User, income: Income, version: int,
                  amounts: dict[str, Any]) -> Income:
    require(actor, "villages.enter", income.organization)
    values = _amounts(income.year, amounts)
    with transaction.atomic():
        income = locked(income, version)
        if income.status not in EDITABLE:
            raise ValidationError(f"“{income.status}”的记录不能修改")
        before = {k: str(getattr(income, k)) for k in values}
        for name, value in values.items():
            setattr(income, name, value)
        income.version += 1
        income.save()
        record(actor=actor, action="village_income.update", target=income, before=before,
               after={k: str(v) for k, v in values.items()})
    return income


def _move(income: Income, move: str) -> None:
    sources, target = TRANSITIONS[move]
    if income.status not in sources:
        raise ValidationError(f"“{income.status}”的记录不能{MOVE_LABELS[move]}")
    income.status = target
    income.version += 1


MOVE_LABELS = {"submit": "上报", "accept": "审核通过", "return": "退回", "confirm": "核定"}


def income_submit(*, actor: User, income: Income, version: int | None = None) -> Income:
    require(actor, "villages.enter", income.organization)
    with transaction.atomic():
        income = locked(income, version)
        _move(income, "submit")
        income.submitted_by, income.submitted_at = actor, timezone.now()
        income.save()
        record(actor=actor, action="village_income.submit", target=income,
               after={"status": income.status})
    return income


def income_verify(*, actor: User, income: Income, decision: str, comment: str = "",
                  version: int | None = None) -> Income:
    """乡镇审核: accept, or return with a reason; never by the one who reported it."""
    require(actor, "villages.verify", income.organization)
    if decision not in ("accept", "return"):
        raise ValidationError({"decision": "请选择通过或退回"})
    comment = comment.strip()
    if decision == "return" and not comment:
        raise ValidationError({"comment": "退回须写明理由"})
    with transaction.atomic():
        income = locked(income, version)
        if income.submitted_by_id == actor.pk:
            raise PermissionDenied("上报人不能审核自己上报的记录")
        _move(income, decision)
        income.verified_by, income.verified_at = actor, timezone.now()
        income.comment = comment
        income.save()
        record(actor=actor, action=f"village_income.{decision}", target=income,
               after={"status": income.status, "comment": comment})
    return income


def income_confirm(*, actor: User, income: Income, version: int | None = None) -> Income:
    """县核定: the record is locked from now on."""
    require(actor, "villages.confirm", income.organization)
    with transaction.atomic():
        income = locked(income, version)
        if actor.pk in (income.submitted_by_id, income.verified_by_id):
            raise PermissionDenied("核定人不能是上报人或审核人")
        _move(income, "confirm")
        income.confirmed_by, income.confirmed_at = actor, timezone.now()
        income.save()
        record(actor=actor, action="village_income.confirm", target=income,
               after={"status": income.status})
    return income
