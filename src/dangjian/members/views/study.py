"""学习培训: hours per member and sessions per leading group against the yearly targets, and
the page recording a study."""

from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.actions import action
from dangjian.core.forms import Inputs
from dangjian.core.inputs import YEARS
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .. import selectors
from ..models import StudyKind
from ..services.study import LEADING_GROUP_KINDS, study_record_create
from ..services.visits import MEMBER_STATUSES
from .forms import CHOICES_LIMIT, PAGE_ROWS, enters_data, optional_decimal, require_entry


@login_required
def study(request: HttpRequest) -> HttpResponse:
    year = year_or_this(request.GET.get("year"))
    context: dict[str, Any] = {
        "summary": selectors.study_summary(request.user, year),
        "records": selectors.study_records_for(request.user).filter(date__year=year)[:PAGE_ROWS],
        "enters_data": enters_data(request),
    }
    return render(request, "members/study.html", context)


def year_or_this(value: str | None) -> int:
    """The year asked for in the address, or this year when it is missing or no sane year."""
    raw = value or ""
    if raw.isdecimal() and YEARS[0] <= int(raw) <= YEARS[1]:
        return int(raw)
    return timezone.localdate().year


STUDY_FIELDS = {"kind": "类型", "person": "党员", "organization": "领导班子", "date": "学习日期",
                "hours": "学时", "topic": "主题"}


@action("study", back="members:study-new", labels=STUDY_FIELDS)
def _new(request: HttpRequest) -> tuple[str, str]:
    post = request.POST
    inputs = Inputs(request, STUDY_FIELDS)
    person = inputs.picked(Person, "person", required=False)
    # a leading group's study names no member; with a member, the group is not asked
    group = None if post.get("person") else inputs.picked(Organization, "organization",
                                                         required=False)
    day = inputs.date("date")
    hours = inputs.read("hours", optional_decimal, post.get("hours"), "学时")
    topic = inputs.text("topic")
    inputs.check()
    assert day is not None  # check() refused an empty one
    record = study_record_create(
        actor=actor_of(request), kind=post.get("kind", ""), date=day, hours=hours or Decimal(0),
        topic=topic, person=person, organization=group,
    )
    return (f"已登记学习记录：{record.topic}",
            reverse("members:studyrecord_detail", args=[record.pk]))


@login_required
def study_new(request: HttpRequest) -> HttpResponse:
    """登记学习记录: GET the form (a member's own study, or a leading group's 中心组学习), POST
    records it and shows it."""
    if request.method == "POST":
        return _new(request)
    require_entry(request)
    return render(request, "members/study_new.html", {
        "kinds": StudyKind.choices,
        "members": restrict(Person.objects.filter(party_status__in=MEMBER_STATUSES),
                            request.user).order_by("name")[:CHOICES_LIMIT],
        "groups": restrict(Organization.objects.filter(kind__in=LEADING_GROUP_KINDS),
                           request.user).order_by("path")[:CHOICES_LIMIT],
    })
