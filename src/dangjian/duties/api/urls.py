from django.urls import re_path
from rest_framework.routers import SimpleRouter

from . import templates, views

router = SimpleRouter()
router.register("responsibility-lists", views.ResponsibilityListViewSet,
                basename="responsibility-list")
router.register("responsibility-items", views.ResponsibilityItemViewSet,
                basename="responsibility-item")
router.register("fulfilments", views.FulfilmentViewSet, basename="fulfilment")
router.register("responsibility-templates", templates.ResponsibilityTemplateViewSet,
                basename="responsibility-template")
urlpatterns = [
    # The file is named without a trailing slash, unlike the router's routes.
    # The router's id pattern: a malformed id reaches the view (a JSON 404), not a redirect.
    re_path(r"^responsibility-lists/(?P<pk>[^/.]+)/report\.docx$",
            views.ResponsibilityListViewSet.as_view({"get": "report"}),
            name="responsibility-list-report-file"),
    re_path(r"^fulfilments/(?P<pk>[^/.]+)/evidence/(?P<evidence>[^/.]+)/file$",
            views.FulfilmentViewSet.as_view({"get": "evidence_file"}),
            name="fulfilment-evidence-file"),
    *router.urls,
]
