from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("responsibility-lists", views.ResponsibilityListViewSet,
                basename="responsibility-list")
router.register("responsibility-items", views.ResponsibilityItemViewSet,
                basename="responsibility-item")
router.register("fulfilments", views.FulfilmentViewSet, basename="fulfilment")
urlpatterns = [
    # The file is named without a trailing slash, unlike the router's routes.
    path("responsibility-lists/<int:pk>/report.docx",
         views.ResponsibilityListViewSet.as_view({"get": "report"}),
         name="responsibility-list-report-file"),
    *router.urls,
]
