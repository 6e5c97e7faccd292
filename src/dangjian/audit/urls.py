from django.urls import path

from . import pages

app_name = "audit"
urlpatterns = [
    path("", pages.AuditEventList.as_view(), name="auditevent_list"),
    path("<int:pk>/", pages.AuditEventDetail.as_view(), name="auditevent_detail"),
]
