from django.urls import path

from . import pages

app_name = "dashboard"
urlpatterns = [
    path("", pages.cockpit, name="cockpit"),
    path("report/", pages.report, name="report"),
    path("cockpit.xlsx", pages.export, name="export"),
]
