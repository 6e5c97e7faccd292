"""学习培训: hours per member and sessions per leading group against the yearly targets, and
the page recording a study."""

from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.scoping import restrict
from dangjian.core.actions import action, drafts, parse_date, picked
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
    if raw.isdigit() and YEARS[0] <= int(raw) <= YEARS[1]:
        return int(raw)
    return timezone.localdate().year


@action("study", back="members:study-new")
def _new(request: HttpRequest) -> tuple[str, str]:
    post = request.POST
    person = picked(Person, request, post["person"], "person") if post.get("person") else None
    group = picked(Organization, request, post["organization"], "organization") \
        if post.get("organization") and person is None else None
    record = study_record_create(
        actor=request.user, kind=post.get("kind", ""),
        date=parse_date(post.get("date"), "学习日期"),
        hours=optional_decimal(post.get("hours"), "学时") or Decimal(0),
        topic=post.get("topic", ""), person=person, organization=group,
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
        "draft": drafts(request).get("study", {}), "kinds": StudyKind.choices,
        "members": restrict(Person.objects.filter(party_status__in=MEMBER_STATUSES),
                            request.user).order_by("name")[:CHOICES_LIMIT],
        "groups": restrict(Organization.objects.filter(kind__in=LEADING_GROUP_KINDS),
                           request.user).order_by("path")[:CHOICES_LIMIT],
    })
