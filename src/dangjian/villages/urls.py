from django.urls import path

from . import pages

app_name = "villages"
urlpatterns = [
    path("summary/", pages.summary, name="summary"),
]
