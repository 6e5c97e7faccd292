from django.urls import path

from . import pages

app_name = "assessment"
urlpatterns = [
    path("", pages.home, name="home"),
]
