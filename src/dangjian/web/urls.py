from django.contrib.auth import views as auth_views
from django.urls import path

from . import help, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/otp/", views.login_otp, name="login_otp"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.password_change, name="password_change"),
    path("organizations/", views.organizations, name="organizations"),
    path("persons/", views.persons, name="persons"),
    path("audit/", views.audit_log, name="audit"),
    path("security/lockouts/", views.lockouts, name="lockouts"),
    path("help/", help.index, name="help"),
    path("help/img/<str:name>", help.image, name="help-image"),
    path("help/<slug:slug>/", help.chapter, name="help-chapter"),
]
