"""The cockpit page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def cockpit(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard/cockpit.html", {})
