"""减负 measured: per clerk and month, the forms submitted and the fields typed by hand, and
the values the platform filled itself from data it already held (issue 12, "Burden").

Counted in one place per entry path, never in a view: page forms (``core.actions.action``, and
any form page that wraps its POST in ``page_submission``), API writes
(``core.viewsets.ScopedViewSet``) and imports (``core.imports``' cell readers, inside either).
A field counts as *typed* when its submitted value differs from the value the platform offered
(``offer_token``: the form's prefilled value, a draft, an evidence provider's suggestion), as
*filled* when equal to it, and not at all when empty. Only an accepted submission counts.

This module sits at the bottom layer: it knows no roles and no scope. ``access`` connects both
at start-up (``connect``): who is a clerk (a role that enters data) and for which organisation,
and the scoping of ``county_burden``. Unconnected, nothing is counted and nothing is shown.

Contract for the cockpit: ``county_burden(user, months)`` → one ``MonthBurden`` per month,
oldest first, over the clerks in the user's scope.
"""

import hmac
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, F, QuerySet, Sum
from django.utils import timezone
from django.utils.crypto import salted_hmac

from dangjian.core.models import FormBurden

OFFERED = "_offered"  # the POST key of the offered values' tokens (core/_field.html)
# Keys a form sends that nobody types: the CSRF token, the optimistic-lock version, buttons.
TECHNICAL = frozenset({"csrfmiddlewaretoken", "version", "switch"})
MAX_MONTHS = 120
_SALT = "dangjian.core.burden.offered"


@dataclass(frozen=True)
class MonthBurden:
    month: str  # "2026-11"
    clerks: int  # clerks who submitted anything that month
    forms: int
    typed: int  # fields typed by hand
    filled: int  # values the platform filled
    typed_per_clerk: float


@dataclass
class Tally:
    """What one submission holds: fields typed by hand and values the platform filled."""

    typed: int = 0
    filled: int = 0

    def add(self, other: "Tally") -> None:
        self.typed += other.typed
        self.filled += other.filled


# --- who counts and what a user sees: connected by ``access`` (apps.ready) -------------------

Restrict = Callable[[QuerySet[Any], Any], QuerySet[Any]]
_connected: dict[str, Callable[..., Any]] = {}


def connect(*, restrict: Restrict, clerk_organization: Callable[[Any], Any]) -> None:
    """``restrict(queryset, user)`` scopes ``county_burden``; ``clerk_organization(user)`` is
    the organisation a clerk enters data for, or None for a user whose role enters none."""
    _connected.update(restrict=restrict, clerk_organization=clerk_organization)


def _clerk_organization(user: Any) -> Any:
    find = _connected.get("clerk_organization")
    if find is None or not getattr(user, "is_authenticated", False):
        return None
    return find(user)


# --- offered values -------------------------------------------------------------------------

def _normal(values: Iterable[Any]) -> list[str]:
    return sorted(text for text in (str(v).strip() for v in values if v is not None) if text)


def _digest(name: str, values: list[str]) -> str:
    message = "\x1e".join([name, *values])
    return f"{name}:{salted_hmac(_SALT, message, algorithm='sha256').hexdigest()[:32]}"


def offer_token(name: str, value: Any) -> str:
    """The token a form carries (``OFFERED``) for the value the platform offered in field
    ``name`` (a list for a multiple choice). Signed: a client cannot claim a typed value was
    the platform's."""
    values = value if isinstance(value, list | tuple | set | frozenset) else [value]
    return _digest(name, _normal(values))


def _offered(tokens: Iterable[str]) -> dict[str, str]:
    return {token.partition(":")[0]: token for token in tokens}


def tally_fields(data: Mapping[str, list[Any]], files: Mapping[str, list[Any]],
                 names: Iterable[str] | None, offered: Iterable[str] = ()) -> Tally:
    """Typed and filled among the fields ``names`` (every key sent, if None; ``_matching``) and
    the fields the platform offered. ``data`` and ``files``: each field's list of values."""
    tokens = _offered(offered)
    sent_keys = set(data) | set(files)
    fields = set(sent_keys) if names is None else _matching(names, sent_keys)
    fields = {n for n in fields | set(tokens) if n not in TECHNICAL and not n.startswith("_")}
    tally = Tally()
    for name in fields:
        sent = _normal(data.get(name, []))
        if files.get(name):
            tally.typed += 1  # a file chosen by hand
        elif not sent:
            continue
        elif name in tokens and hmac.compare_digest(tokens[name], _digest(name, sent)):
            tally.filled += 1
        else:
            tally.typed += 1
    return tally


def _matching(names: Iterable[str], sent: set[str]) -> set[str]:
    """``names``, where one ending in ``*`` stands for every key sent that starts with it
    (``reason-*``: each absentee's reason)."""
    found: set[str] = set()
    for name in names:
        found |= ({key for key in sent if key.startswith(name[:-1])} if name.endswith("*")
                  else {name})
    return found


def _lists(data: Any) -> dict[str, list[Any]]:
    if hasattr(data, "getlist"):
        return {key: data.getlist(key) for key in data}
    if isinstance(data, Mapping):
        return {key: value if isinstance(value, list) else [value]
                for key, value in data.items()}
    return {}


# --- the submission in progress -------------------------------------------------------------

_current: ContextVar[Tally | None] = ContextVar("dangjian_burden", default=None)


def platform_filled(count: int = 1) -> None:
    """Values the platform filled inside the submission in progress (an imported cell); outside
    one (a job, a command) nothing is counted."""
    tally = _current.get()
    if tally is not None and count > 0:
        tally.filled += count


@contextmanager
def collecting() -> Iterator[Tally]:
    """What ``platform_filled`` adds while the block runs."""
    tally = Tally()
    token = _current.set(tally)
    try:
        yield tally
    finally:
        _current.reset(token)


@contextmanager
def page_submission(request: Any, form: str, names: Iterable[str] | None) -> Iterator[Tally]:
    """Wrap a page form's POST: if the block ends without an exception (accepted), the form
    counts for its user, with its fields ``names`` (every key sent, if None) tallied against
    the values offered. A refusal (any exception) counts nothing."""
    with collecting() as tally:
        yield tally
    tally.add(tally_fields(_lists(request.POST), _lists(request.FILES), names,
                           request.POST.getlist(OFFERED)))
    count_submission(request.user, typed=tally.typed, filled=tally.filled, form=form)


def api_submission(user: Any, form: str, data: Any, tally: Tally) -> None:
    """Count an accepted API write: the API offers no values, so every field sent is typed."""
    tally.add(tally_fields(_lists(data), {}, None))
    count_submission(user, typed=tally.typed, filled=tally.filled, form=form)


# --- the counter ----------------------------------------------------------------------------

def month_of(day: date) -> date:
    return day.replace(day=1)


def count_submission(user: Any, *, typed: int, filled: int, form: str) -> bool:
    """Add one accepted form to ``user``'s row of this month (with F(): concurrent submits
    never lose a count). Only clerks count (a role that enters data); returns whether it did."""
    organization = _clerk_organization(user)
    if organization is None:
        return False
    key = {"user_id": user.pk, "organization_id": organization.pk,
           "month": month_of(timezone.localdate()), "form": form[:100]}
    with transaction.atomic():
        rows = FormBurden.objects.filter(**key)
        if not rows.exists():
            try:
                with transaction.atomic():
                    FormBurden.objects.create(**key)
            except IntegrityError:  # another submit created it first: add to that one
                pass
        rows.update(forms=F("forms") + 1, typed=F("typed") + max(typed, 0),
                    filled=F("filled") + max(filled, 0))
    return True


# --- the cockpit's figures ------------------------------------------------------------------

def _months(last: date, months: int) -> list[date]:
    index = last.year * 12 + last.month - 1
    return [date(i // 12, i % 12 + 1, 1) for i in range(index - months + 1, index + 1)]


def county_burden(user: Any, months: int = 6) -> list[MonthBurden]:
    """The last ``months`` months up to this one, oldest first: clerks who submitted, forms,
    fields typed and values filled, over the counts of organisations in ``user``'s scope."""
    span = _months(month_of(timezone.localdate()), max(1, min(months, MAX_MONTHS)))
    restrict = _connected.get("restrict")
    rows = FormBurden.objects.filter(month__gte=span[0], month__lte=span[-1])
    rows = restrict(rows, user) if restrict is not None else rows.none()
    totals = {row["month"]: row for row in rows.order_by().values("month").annotate(
        clerks=Count("user", distinct=True), n_forms=Sum("forms"), n_typed=Sum("typed"),
        n_filled=Sum("filled"))}
    return [_month_burden(month, totals.get(month)) for month in span]


def _month_burden(month: date, row: Mapping[str, Any] | None) -> MonthBurden:
    clerks, forms, typed, filled = ((row["clerks"], row["n_forms"], row["n_typed"],
                                     row["n_filled"]) if row else (0, 0, 0, 0))
    return MonthBurden(month=f"{month:%Y-%m}", clerks=clerks, forms=forms, typed=typed,
                       filled=filled, typed_per_clerk=round(typed / clerks, 1) if clerks else 0.0)
