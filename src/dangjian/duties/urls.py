from django.urls import path

from . import pages, template_pages, views

app_name = "duties"
urlpatterns = [
    path("", views.home, name="home"),
    path("lists/", pages.ResponsibilityListList.as_view(), name="responsibilitylist_list"),
    path("lists/new/", views.list_new, name="list-new"),
    path("lists/<int:pk>/", views.list_detail, name="list"),
    # The same page under the name record links reverse (<app>:<model>_detail).
    path("lists/<int:pk>/detail/", pages.ResponsibilityListDetail.as_view(),
         name="responsibilitylist_detail"),
    path("lists/<int:pk>/report.docx", views.report, name="report"),
    path("lists/<int:pk>/items/new/", views.item_new, name="item-new"),
    path("lists/<int:pk>/items/<int:item>/", views.item_edit, name="item-edit"),
    path("lists/<int:pk>/items/<int:item>/fulfil/", views.fulfil, name="fulfil"),
    path("items/", pages.ResponsibilityItemList.as_view(), name="responsibilityitem_list"),
    path("items/<int:pk>/", pages.ResponsibilityItemDetail.as_view(),
         name="responsibilityitem_detail"),
    path("items/<int:pk>/fulfil/", pages.item_fulfil, name="item_fulfil"),
    path("items/<int:pk>/edit/", pages.item_change, name="item_change"),
    path("evidence/<int:pk>/", views.evidence, name="evidence"),
    path("templates/", template_pages.templates, name="templates"),
    path("templates/built-in.xlsx", template_pages.built_in_download,
         name="template-built-in"),
    path("templates/<int:pk>.xlsx", template_pages.version_download, name="template-download"),
]
