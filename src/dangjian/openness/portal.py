"""The public portal (/gongkai/), without sign-in: disclosures published to society, by
organisation and domain, searchable; a message form under each. Nothing else is reachable
from here: every row comes from ``selectors.public_disclosures``, any other id is a 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from dangjian.audit.addresses import client_ip
from dangjian.core.files.views import download_page
from dangjian.orgs.models import Organization

from .models import DisclosureAttachment, Domain, Feedback
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
    files = disclosure.attachments.order_by("id")
    answered = disclosure.feedback.exclude(answer="").order_by("-answered_on", "-id")[:20]
    status = 429 if errors and "频繁" in " ".join(errors.get("text", [])) else (
        400 if errors else 200)
    return render(request, "openness/portal_detail.html", {
        "disclosure": disclosure, "errors": errors, "typed": typed, "answered": answered,
        "files": files},
        status=status)


# Headers of a public download: never rendered or sniffed by the browser as a page of this site,
# never kept by a shared cache, no referrer to wherever a link in the file points.
FILE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}


@require_http_methods(["GET", "HEAD"])
def portal_file(request: HttpRequest, pk: int, file_pk: int) -> HttpResponseBase:
    """An attachment of a disclosure the portal shows, as a download (SHA-256 checked, the
    download audited without an actor). Any other attachment, or another disclosure's id with
    it, is a 404 like one that never existed."""
    disclosure = get_object_or_404(public_disclosures(), pk=pk)
    found = get_object_or_404(DisclosureAttachment, pk=file_pk, disclosure=disclosure)
    response = download_page(evidence=found, actor=None)
    for name, value in FILE_HEADERS.items():
        response[name] = value
    return response
