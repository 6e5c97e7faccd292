"""What every provider shares: the reader that scopes the domain selectors to a target's
subtree, the day a period is judged on, and the two ways points are worked out."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Model
from django.utils import timezone

from dangjian.access.scoping import Scope
from dangjian.orgs.models import Organization, OrgKind

from . import Period

# A basis names at most this many records: a county-wide indicator keeps its figure exact and
# its list readable; raw_value keeps the full counts.
BASIS_LIMIT = 500
CENT = Decimal("0.01")
UNIT_PARENTS = (OrgKind.GOVERNMENT_UNIT, OrgKind.TOWNSHIP, OrgKind.VILLAGE)


@dataclass
class Reader:
    """A reader whose scope is one subtree: the domain apps' selectors take a user, and the
    daily job reads for a target, not for a person. It holds no grant and can do nothing else."""

    root: Organization
    is_authenticated: bool = True
    is_active: bool = True
    person_id: None = None
    pk: None = None
    _dangjian_grants: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._dangjian_scope = Scope(subtree_roots=(self.root,))


def unit_of(target: Organization) -> Organization:
    """Where a party body's work is recorded: 县财政局 for 县财政局党组 (its tasks, findings and
    meetings sit in the unit's subtree), the body itself otherwise."""
    parent = target.parent
    if parent is not None and parent.kind in UNIT_PARENTS:
        return parent
    return target


def as_of(period: Period, params: dict[str, Any]) -> date:
    """The day a period is judged on: the scoring day (``as_of`` in params, set by the scoring
    service; else today) while the period runs, its last day once it has ended."""
    given = params.get("as_of")
    today = date.fromisoformat(given) if given else timezone.localdate()
    return min(today, period.end)


def ref(obj: Model | None = None, *, model: str = "", pk: Any = None) -> dict[str, Any]:
    if obj is not None:
        return {"model": obj._meta.label, "id": obj.pk}
    return {"model": model, "id": pk}


def refs(label: str, ids: Any) -> list[dict[str, Any]]:
    return [{"model": label, "id": pk} for pk in list(ids)[:BASIS_LIMIT]]


def dec(value: Any, default: str) -> Decimal:
    try:
        return Decimal(str(value if value not in (None, "") else default))
    except ArithmeticError:
        return Decimal(default)


def max_points(params: dict[str, Any]) -> Decimal:
    """The indicator's maximum, passed in ``params`` by the scoring service."""
    return dec(params.get("max_points"), "0")


def rate_points(done: int, due: int, params: dict[str, Any]) -> tuple[Decimal | None, Decimal]:
    """A rate against its target (``target``, default 1 = 100 %): full points at or above the
    target, in proportion below it; nothing due yet counts as met."""
    top = max_points(params)
    if due == 0:
        return None, top
    rate = Decimal(done) / Decimal(due)
    target = dec(params.get("target"), "1")
    share = min(Decimal(1), rate / target) if target > 0 else Decimal(1)
    return rate.quantize(Decimal("0.0001")), (top * share).quantize(CENT, ROUND_HALF_UP)


def deduction_points(units: Decimal | int, params: dict[str, Any]) -> Decimal:
    """``points_per_unit`` (default 1) per unit counted, at most ``cap`` (default the maximum)."""
    top = max_points(params)
    cap = min(dec(params.get("cap"), str(top)), top)
    lost = min(cap, dec(params.get("points_per_unit"), "1") * Decimal(units))
    return (top - lost).quantize(CENT, ROUND_HALF_UP)


def in_period(period: Period, on: date) -> tuple[date, date]:
    """The part of the period that has come: [start, min(end, on)] (inclusive)."""
    return period.start, min(period.end, on)


def rate_text(rate: Decimal | None) -> str:
    return "" if rate is None else str(rate)


DAY = timedelta(days=1)
