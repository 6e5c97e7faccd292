"""The inbox page. Like the API, it shows only the signed-in user's own notices."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import services
from .filtersets import InboxFilterSet
from .models import Notification

PAGE_SIZE = 50


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    own = Notification.objects.filter(recipient_id=request.user.pk)
    filtered = InboxFilterSet(request.GET, queryset=own)
    page = Paginator(filtered.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    unread_count = own.filter(read_at__isnull=True).count()
    return render(request, "notifications/inbox.html",
                  {"page": page, "unread_count": unread_count,
                   "unread_only": request.GET.get("unread") == "true"})


@login_required
@require_POST
def read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=pk, recipient_id=request.user.pk)
    services.mark_read(actor=request.user, notification=notification)
    messages.success(request, f"已将“{notification.title}”标为已读")
    return redirect(_back_to(request))


def _back_to(request: HttpRequest) -> str:
    # Return to the page and filter the button was on, but never to another site.
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("notifications:inbox")
