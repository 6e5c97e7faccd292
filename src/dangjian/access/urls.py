from django.urls import path

from . import pages

app_name = "access"
urlpatterns = [
    path("", pages.UserList.as_view(), name="user_list"),
    path("new/", pages.user_new, name="user-new"),
    path("<int:pk>/", pages.UserDetail.as_view(), name="user_detail"),
    path("<int:pk>/grants/new/", pages.grant_new, name="grant-new"),
    path("grants/<int:pk>/revoke/", pages.grant_revoke, name="grant-revoke"),
    path("pickers/persons/", pages.person_picker, name="person-picker"),
    path("pickers/organizations/", pages.organization_picker, name="organization-picker"),
]
