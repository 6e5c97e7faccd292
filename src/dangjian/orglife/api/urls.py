from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from . import tags, talks, views

router = SimpleRouter()
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("heart-talks", talks.HeartTalkViewSet, basename="heart-talk")
router.register("life-meetings", talks.LifeMeetingViewSet, basename="life-meeting")
router.register("agenda-tags", tags.AgendaTagViewSet, basename="agenda-tag")
urlpatterns = [
    # The file is named without a trailing slash, unlike the router's routes; the router's id
    # pattern, so that a malformed id reaches the view (a JSON 404).
    re_path(r"^meetings/(?P<pk>[^/.]+)/attachments/(?P<attachment>[^/.]+)/file$",
            views.MeetingViewSet.as_view({"get": "attachment_file"}),
            name="meeting-attachment-file"),
    path("compliance/orglife/", views.OrglifeComplianceView.as_view(),
         name="orglife-compliance"),
    *router.urls,
]
