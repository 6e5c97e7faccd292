from django.urls import path

from . import pages

app_name = "orgs"
urlpatterns = [
    path("", pages.OrganizationList.as_view(), name="organization_list"),
    path("<int:pk>/", pages.OrganizationDetail.as_view(), name="organization_detail"),
]
