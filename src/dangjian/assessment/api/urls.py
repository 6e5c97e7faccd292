from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("schemes", views.SchemeViewSet, basename="assessment-scheme")
router.register("indicators", views.IndicatorViewSet, basename="assessment-indicator")
router.register("scores", views.ScoreViewSet, basename="assessment-score")
router.register("appeals", views.AppealViewSet, basename="assessment-appeal")
router.register("results", views.ResultViewSet, basename="assessment-result")
urlpatterns = [*router.urls]
