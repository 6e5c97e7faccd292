"""Middleware of the pages and the API: answers never cached, and a signed-in user whose
password must change reaches only the password page (and logout)."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers

from dangjian.access.passwords import password_change_reason
from dangjian.core.api import is_api_request

ALLOWED_VIEWS = {"web:password_change", "web:logout", "web:login"}


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Any, args: Any,
                     kwargs: Any) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated:  # token requests authenticate later, in the API view
            return None
        match = request.resolver_match
        if match is not None and match.view_name in ALLOWED_VIEWS:
            return None
        reason = password_change_reason(user)
        if reason is None:
            return None
        if is_api_request(request):
            return JsonResponse({"detail": f"{reason}（请在网页上修改）"}, status=403)
        return redirect("web:password_change")


class NoStoreMiddleware:
    """``Cache-Control: no-store`` (Django's never-cache headers) on every answer of the pages
    and the API: persons, rosters, ID numbers and phones, exports and downloads must not stay
    in a browser's or a proxy's cache on a shared office computer (个人信息保护, 剩余信息
    保护). One place for all, so that no new page or export can forget it. Static files are
    answered by whitenoise before this runs and stay cacheable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        add_never_cache_headers(response)
        return response
