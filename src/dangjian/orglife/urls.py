from django.urls import path

from . import pages, tag_pages, talk_pages, views

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
    path("agenda-tags/", tag_pages.tag_list, name="tag_list"),
    path("agenda-tags/new/", tag_pages.tag_new, name="tag-new"),
    path("agenda-tags/<int:pk>/edit/", tag_pages.tag_edit, name="tag-edit"),
    path("talks/", talk_pages.HeartTalkList.as_view(), name="hearttalk_list"),
    path("talks/<int:pk>/", talk_pages.HeartTalkDetail.as_view(), name="hearttalk_detail"),
    path("talks/new/", talk_pages.talk_new, name="talk-new"),
    path("talks/<int:pk>/edit/", talk_pages.talk_edit, name="talk-edit"),
    path("talks/coverage/", talk_pages.talk_coverage, name="talk-coverage"),
    path("life-meetings/", talk_pages.LifeMeetingList.as_view(), name="lifemeeting_list"),
    path("life-meetings/<int:pk>/", talk_pages.LifeMeetingDetail.as_view(),
         name="lifemeeting_detail"),
    path("life-meetings/new/", talk_pages.life_meeting_new, name="lifemeeting-new"),
    path("life-meetings/<int:pk>/report.docx", talk_pages.life_meeting_report,
         name="lifemeeting-report"),
    path("life-meetings/<int:pk>/<str:step>/", talk_pages.life_meeting_step,
         name="lifemeeting-step"),
]
