from django.urls import path
from rest_framework.routers import SimpleRouter

from .pickers import OrganizationPicker
from .views import OrganizationViewSet

router = SimpleRouter()
router.register("organizations", OrganizationViewSet, basename="organization")
urlpatterns = [
    path("pickers/organizations/", OrganizationPicker.as_view(), name="picker-organizations"),
    *router.urls,
]
