"""The project's URLs plus the notifications app's, until the lead wires them into dangjian.urls."""

from django.urls import include, path

from dangjian.urls import urlpatterns as base

urlpatterns = [
    path("api/v1/", include("dangjian.notifications.api.urls")),
    path("", include("dangjian.notifications.urls")),
    *base,
]
