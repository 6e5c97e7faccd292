"""The project's URLs plus views that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from dangjian.urls import handler403, handler404, handler500
from dangjian.urls import urlpatterns as project

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


def refuse(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied("not for you")


def missing(request: HttpRequest) -> HttpResponse:
    raise Http404("gone")


def crash(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


VIEWS = {"refuse/": refuse, "missing/": missing, "crash/": crash}
urlpatterns = [
    *[path(f"{prefix}{route}", view) for prefix in ("failing/", "api/v1/failing/")
      for route, view in VIEWS.items()],
    *project,
]
