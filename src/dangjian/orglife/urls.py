from django.urls import path

from . import views

app_name = "orglife"
urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/new/", views.meeting_new, name="meeting-new"),
    path("import/", views.ledger_import, name="import"),
    path("ledger-template.xlsx", views.template_download, name="ledger-template"),
    path("compliance/", views.compliance, name="compliance"),
]
