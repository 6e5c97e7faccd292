"""What the members pages add to dangjian.core.actions: numbers from forms, persons ticked in a
form, and whether to show the entry forms."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

from dangjian.access.roles import ROLE_RULES
from dangjian.access.scoping import roles_of
from dangjian.core.actions import picked
from dangjian.core.inputs import SMALL_MAX
from dangjian.people.models import Person

PAGE_ROWS = 200
CHOICES_LIMIT = 300


def optional_int(value: str | None, label: str) -> int | None:
    if not value:
        return None
    if not value.isdecimal() or int(value) > SMALL_MAX:
        raise ValidationError(f"{label}应为 0 至 {SMALL_MAX} 的整数")
    return int(value)


def optional_decimal(value: str | None, label: str) -> Decimal | None:
    if not value:
        return None
    try:
        return Decimal(value)
    except InvalidOperation as exc:
        raise ValidationError(f"{label}应为数字") from exc


def scoped_persons(request: HttpRequest, key: str) -> list[Person]:
    return [picked(Person, request, pk, key) for pk in request.POST.getlist(key) if pk]


def enters_data(request: HttpRequest) -> bool:
    """Whether to show the forms; the services decide what may actually be written."""
    return any(ROLE_RULES[role].enters_data for role in roles_of(request.user))


def require_entry(request: HttpRequest) -> None:
    """An entry page (登记 forms) answers 403 to who enters no data: no form they cannot use."""
    if not enters_data(request):
        raise PermissionDenied("仅党务干事或书记可以录入")
