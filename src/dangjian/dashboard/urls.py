from django.urls import path

from . import pages

app_name = "dashboard"
urlpatterns = [
    path("", pages.cockpit, name="cockpit"),
]
