from django.urls import path
from rest_framework.routers import SimpleRouter

from .pickers import PersonPicker
from .views import PersonViewSet

router = SimpleRouter()
router.register("persons", PersonViewSet, basename="person")
urlpatterns = [
    path("pickers/persons/", PersonPicker.as_view(), name="picker-persons"),
    *router.urls,
]
