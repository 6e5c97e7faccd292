"""The public portal (/gongkai/), without sign-in: disclosures published to society, by
organisation and domain, searchable; a message form under each. Nothing else is reachable
from here: every row comes from ``selectors.public_disclosures``, any other id is a 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from dangjian.audit.addresses import client_ip
from dangjian.orgs.models import Organization

from .models import Domain, Feedback
from .selectors import portal_search, public_disclosures
from .services.feedback import TooMany, feedback_leave

PER_PAGE = 20


def portal_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:50]
    organization, domain = request.GET.get("organization", ""), request.GET.get("domain", "")
    rows = portal_search(q=q, organization=organization, domain=domain)
    units = Organization.objects.filter(
        pk__in=public_disclosures().values("organization_id")).order_by("path")
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "openness/portal_list.html", {
        "page": page, "q": q, "organization": organization, "domain": domain,
        "units": units, "domains": Domain.choices})


@require_http_methods(["GET", "POST"])
def portal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    disclosure = get_object_or_404(public_disclosures().select_related("organization"), pk=pk)
    errors: dict[str, list[str]] = {}
    typed = {"text": "", "contact": ""}
    if request.method == "POST":
        typed = {"text": request.POST.get("text", ""), "contact": request.POST.get("contact", "")}
        try:
            made = feedback_leave(disclosure_id=disclosure.pk, ip=client_ip(request), **typed)
        except ValidationError as exc:
            errors = exc.message_dict
        except TooMany as exc:
            errors = {"text": [str(exc)]}
        except Feedback.DoesNotExist:
            return redirect("gongkai:list")
        else:
            due = f"{made.answer_due.year}年{made.answer_due.month}月{made.answer_due.day}日"
            messages.success(request, f"留言已收到，责任单位将于{due}前答复。")
            return redirect("gongkai:detail", pk=disclosure.pk)
    answered = disclosure.feedback.exclude(answer="").order_by("-answered_on", "-id")[:20]
    status = 429 if errors and "频繁" in " ".join(errors.get("text", [])) else (
        400 if errors else 200)
    return render(request, "openness/portal_detail.html", {
        "disclosure": disclosure, "errors": errors, "typed": typed, "answered": answered},
        status=status)
