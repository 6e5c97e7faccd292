from django.urls import re_path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("plans", views.PlanViewSet, basename="plan")
router.register("tasks", views.TaskViewSet, basename="task")
router.register("bulletins", views.BulletinViewSet, basename="bulletin")
urlpatterns = [
    # Files are named without a trailing slash, unlike the router's routes.
    # The router's id pattern: a malformed id reaches the view (a JSON 404), not a redirect.
    re_path(r"^plans/(?P<pk>[^/.]+)/tasks\.xlsx$",
            views.PlanViewSet.as_view({"get": "export"}), name="plan-tasks-file"),
    re_path(r"^bulletins/(?P<pk>[^/.]+)/document\.docx$",
            views.BulletinViewSet.as_view({"get": "document"}), name="bulletin-document-file"),
    re_path(r"^tasks/(?P<pk>[^/.]+)/evidence/(?P<evidence>[^/.]+)/file$",
            views.TaskViewSet.as_view({"get": "evidence_file"}), name="task-evidence-file"),
    *router.urls,
]
