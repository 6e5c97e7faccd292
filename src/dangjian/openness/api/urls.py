from rest_framework.routers import SimpleRouter

from . import public, views

router = SimpleRouter()
router.register("disclosure-catalogue", views.CatalogueViewSet, basename="disclosure-catalogue")
router.register("disclosures", views.DisclosureViewSet, basename="disclosure")
router.register("disclosure-feedback", views.FeedbackViewSet, basename="disclosure-feedback")
router.register("disclosure-requests", views.DisclosureRequestViewSet,
                basename="disclosure-request")
router.register("public/disclosures", public.PublicDisclosureViewSet,
                basename="public-disclosure")
urlpatterns = router.urls
