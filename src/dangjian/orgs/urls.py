from django.urls import path

from . import pages

app_name = "orgs"
urlpatterns = [
    path("", pages.OrganizationList.as_view(), name="organization_list"),
    path("<int:pk>/", pages.OrganizationDetail.as_view(), name="organization_detail"),
    path("new/", pages.organization_new, name="organization-new"),
    path("<int:pk>/edit/", pages.organization_edit, name="organization-edit"),
    path("<int:pk>/delete/", pages.organization_delete, name="organization-delete"),
]
