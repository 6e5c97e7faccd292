from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .addresses import client_ip
from .context import current_ip

__all__ = ["RequestContextMiddleware", "client_ip"]


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)
