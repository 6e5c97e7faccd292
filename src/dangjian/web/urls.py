from django.contrib.auth import views as auth_views
from django.urls import path

from dangjian.audit.pages import AuditEventList
from dangjian.orgs.pages import OrganizationList
from dangjian.people.pages import PersonList

from . import help, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/otp/", views.login_otp, name="login_otp"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.password_change, name="password_change"),
    # The registers' older names, kept for the links that reverse them: the pages live in
    # their apps (orgs, people, audit), whose URLs come first and so answer these paths.
    path("organizations/", OrganizationList.as_view(), name="organizations"),
    path("persons/", PersonList.as_view(), name="persons"),
    path("audit/", AuditEventList.as_view(), name="audit"),
    path("security/lockouts/", views.lockouts, name="lockouts"),
    path("help/", help.index, name="help"),
    path("help/img/<str:name>", help.image, name="help-image"),
    path("help/<slug:slug>/", help.chapter, name="help-chapter"),
]
