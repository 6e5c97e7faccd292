from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("plans", views.PlanViewSet, basename="plan")
router.register("tasks", views.TaskViewSet, basename="task")
router.register("bulletins", views.BulletinViewSet, basename="bulletin")
urlpatterns = [
    # Files are named without a trailing slash, unlike the router's routes.
    path("plans/<int:pk>/tasks.xlsx", views.PlanViewSet.as_view({"get": "export"}),
         name="plan-tasks-file"),
    path("bulletins/<int:pk>/document.docx",
         views.BulletinViewSet.as_view({"get": "document"}), name="bulletin-document-file"),
    *router.urls,
]
