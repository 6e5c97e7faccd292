"""走访慰问: the ledger of visits and the page recording one."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.actions import action
from dangjian.core.forms import Inputs
from dangjian.people.models import Person

from .. import selectors
from ..filtersets import VisitFilterSet
from ..models import VisitCampaign, VisitKind
from ..services.visits import MEMBER_STATUSES, visit_create
from .forms import (
    CHOICES_LIMIT,
    PAGE_ROWS,
    enters_data,
    optional_decimal,
    require_entry,
    scoped_persons,
)


@login_required
def visits(request: HttpRequest) -> HttpResponse:
    rows = VisitFilterSet(request.GET, selectors.visits_for(request.user)).qs[:PAGE_ROWS]
    context: dict[str, Any] = {
        "visits": rows, "campaigns": VisitCampaign.choices,
        "enters_data": enters_data(request),
    }
    return render(request, "members/visits.html", context)


VISIT_FIELDS = {"person": "慰问对象", "kind": "对象类别", "campaign": "慰问活动",
                "date": "走访日期", "visitors": "走访人员",
                "other_visitors": "其他走访人员（如县领导）",
                "gifts": "慰问品、慰问金", "amount": "慰问金额（元）", "follow_up": "后续需求"}


@action("visit", back="members:visit-new", labels=VISIT_FIELDS)
def _new(request: HttpRequest) -> tuple[str, str]:
    post = request.POST
    inputs = Inputs(request, VISIT_FIELDS)
    person = inputs.picked(Person, "person")
    day = inputs.date("date")
    visitors = inputs.read("visitors", scoped_persons, request, "visitors")
    amount = inputs.read("amount", optional_decimal, post.get("amount"), "慰问金额")
    inputs.check()
    assert person is not None and day is not None  # check() refused them
    visit = visit_create(
        actor=actor_of(request), person=person, kind=post.get("kind", ""),
        campaign=post.get("campaign", ""), date=day, visitors=visitors or [],
        other_visitors=post.get("other_visitors", ""), gifts=post.get("gifts", ""),
        amount=amount, follow_up=post.get("follow_up", ""),
    )
    return f"已登记走访慰问：{visit.person.name}", reverse("members:visit_detail", args=[visit.pk])


@login_required
def visit_new(request: HttpRequest) -> HttpResponse:
    """登记走访慰问: GET the form, POST records the visit and shows it."""
    if request.method == "POST":
        return _new(request)
    require_entry(request)
    return render(request, "members/visit_new.html", {
        "kinds": VisitKind.choices,
        "campaigns": VisitCampaign.choices,
        "members": restrict(Person.objects.filter(party_status__in=MEMBER_STATUSES),
                            request.user).select_related("organization")
        .order_by("name")[:CHOICES_LIMIT],
    })
