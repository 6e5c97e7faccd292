from django.urls import path

from . import pages, views

app_name = "orglife"
urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/", pages.MeetingList.as_view(), name="meeting_list"),
    path("meetings/<int:pk>/", pages.MeetingDetail.as_view(), name="meeting_detail"),
    path("meetings/<int:pk>/attachments/new/", pages.meeting_attach_page,
         name="meeting-attach"),
    path("meetings/<int:pk>/withdraw/", pages.meeting_withdraw_page, name="meeting-withdraw"),
    path("attachments/<int:pk>/", pages.attachment_file, name="attachment"),
    path("meetings/new/", views.meeting_new, name="meeting-new"),
    path("import/", views.ledger_import, name="import"),
    path("ledger-template.xlsx", views.template_download, name="ledger-template"),
    path("compliance/", views.compliance, name="compliance"),
]
