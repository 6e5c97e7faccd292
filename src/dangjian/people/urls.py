from django.urls import path

from . import pages

app_name = "people"
urlpatterns = [
    path("", pages.PersonList.as_view(), name="person_list"),
    path("new/", pages.person_new, name="person-new"),
    path("<int:pk>/", pages.PersonDetail.as_view(), name="person_detail"),
    path("<int:pk>/facts/", pages.person_facts_page, name="person_facts"),
    path("<int:pk>/unmask/", pages.PersonUnmask.as_view(), name="person_unmask"),
]
