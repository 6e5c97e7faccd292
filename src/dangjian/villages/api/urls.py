from django.urls import path
from rest_framework.routers import SimpleRouter

from . import campaigns, views

router = SimpleRouter()
router.register("villages", views.VillageViewSet, basename="village")
router.register("village-incomes", views.IncomeViewSet, basename="village-income")
router.register("village-targets", views.TargetViewSet, basename="village-target")
router.register("links", views.LinkViewSet, basename="link")
router.register("campaigns", campaigns.CampaignViewSet, basename="campaign")
router.register("campaign-entries", campaigns.EntryViewSet, basename="campaign-entry")
urlpatterns = [
    path("villages/summary/", views.SummaryView.as_view(), name="village-summary"),
    *router.urls,
]
