from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("candidates", views.CandidateViewSet, basename="candidate")
router.register("study-records", views.StudyRecordViewSet, basename="study-record")
router.register("visits", views.VisitViewSet, basename="visit")
urlpatterns = router.urls
