from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("meetings", views.MeetingViewSet, basename="meeting")
urlpatterns = [
    path("compliance/orglife/", views.OrglifeComplianceView.as_view(),
         name="orglife-compliance"),
    *router.urls,
]
