from django.urls import path

from . import views

app_name = "duties"
urlpatterns = [
    path("", views.home, name="home"),
    path("lists/new/", views.list_new, name="list-new"),
    path("lists/<int:pk>/", views.list_detail, name="list"),
    path("lists/<int:pk>/report.docx", views.report, name="report"),
    path("lists/<int:pk>/items/new/", views.item_new, name="item-new"),
    path("lists/<int:pk>/items/<int:item>/", views.item_edit, name="item-edit"),
    path("lists/<int:pk>/items/<int:item>/fulfil/", views.fulfil, name="fulfil"),
    path("evidence/<int:pk>/", views.evidence, name="evidence"),
]
