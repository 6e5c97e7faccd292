from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("candidates", views.CandidateViewSet, basename="candidate")
router.register("study-records", views.StudyRecordViewSet, basename="study-record")
router.register("visits", views.VisitViewSet, basename="visit")
urlpatterns = [
    path("members/roster/", views.RosterImportView.as_view(), name="member-roster-import"),
    path("members/structure/", views.MemberStructureView.as_view(), name="member-structure"),
    path("members/visit-coverage/", views.VisitCoverageView.as_view(),
         name="member-visit-coverage"),
    *router.urls,
]
