from django.urls import path

from . import portal

app_name = "gongkai"
urlpatterns = [
    path("", portal.portal_list, name="list"),
    path("<int:pk>/", portal.portal_detail, name="detail"),
    path("<int:pk>/files/<int:file_pk>/", portal.portal_file, name="file"),
]
