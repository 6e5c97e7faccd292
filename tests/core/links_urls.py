"""A small URL map for the record-link tests: one app with a detail page, one without."""

from django.http import HttpResponse
from django.urls import include, path


def page(request, pk=None):  # type: ignore[no-untyped-def]
    return HttpResponse()


oversight = ([path("", page, name="home"),
              path("measures/<int:pk>/", page, name="measure_detail")], "oversight")
tasks = ([path("", page, name="home")], "tasks")
notifications = ([path("inbox/", page, name="inbox")], "notifications")

urlpatterns = [
    path("oversight/", include(oversight)),
    path("tasks/", include(tasks)),
    path("", include(notifications)),
]
