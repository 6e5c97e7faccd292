from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("villages", views.VillageViewSet, basename="village")
router.register("village-incomes", views.IncomeViewSet, basename="village-income")
router.register("village-targets", views.TargetViewSet, basename="village-target")
router.register("links", views.LinkViewSet, basename="link")
urlpatterns = [
    path("villages/summary/", views.SummaryView.as_view(), name="village-summary"),
    *router.urls,
]
