from django.urls import re_path
from rest_framework.routers import SimpleRouter

from . import terms, views

router = SimpleRouter()
router.register("findings", views.FindingViewSet, basename="finding")
router.register("notices", views.NoticeViewSet, basename="notice")
router.register("measures", views.MeasureViewSet, basename="measure")
router.register("self-checks", views.SelfCheckViewSet, basename="self-check")
router.register("accountability", views.AccountabilityViewSet, basename="accountability")
router.register("risk-points", views.RiskPointViewSet, basename="risk-point")
router.register("inspections", views.InspectionViewSet, basename="inspection")
router.register("rectification-campaigns", views.CampaignViewSet, basename="campaign")
router.register("terms", terms.TermViewSet, basename="term")
urlpatterns = [
    # The API contract names the file without a trailing slash, unlike the router's routes.
    # The router's id pattern: a malformed id reaches the view (a JSON 404), not a redirect.
    re_path(r"^notices/(?P<pk>[^/.]+)/document\.docx$",
            views.NoticeViewSet.as_view({"get": "document"}), name="notice-document-file"),
    re_path(r"^measures/(?P<pk>[^/.]+)/evidence/(?P<evidence>[^/.]+)/file$",
            views.MeasureViewSet.as_view({"get": "evidence_file"}), name="measure-evidence-file"),
    re_path(r"^inspections/(?P<pk>[^/.]+)/files/(?P<file>[^/.]+)/file$",
            views.InspectionViewSet.as_view({"get": "file"}), name="inspection-file-file"),
    *router.urls,
]
