from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from . import refusals
from .addresses import client_ip
from .context import current_ip

__all__ = ["RequestContextMiddleware", "client_ip"]


class RequestContextMiddleware:
    """Where the request comes from, for events written deep inside services; and an audit
    event (rate-limited) for each refused request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(client_ip(request))
        try:
            response = self.get_response(request)
            if refusals.is_refusal(request, response):
                refusals.note(request, response)
            return response
        finally:
            current_ip.reset(token)
