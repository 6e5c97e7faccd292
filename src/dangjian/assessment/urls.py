from django.urls import path

from . import pages, views
from .action_pages import view as form_page

app_name = "assessment"
urlpatterns = [
    path("", pages.home, name="home"),
    path("schemes/", pages.SchemeList.as_view(), name="scheme_list"),
    path("schemes/new/", form_page("scheme-new"), name="scheme-new"),
    path("schemes/<int:pk>/", pages.SchemeDetail.as_view(), name="scheme_detail"),
    path("schemes/<int:pk>/edit/", form_page("scheme-edit"), name="scheme-edit"),
    path("schemes/<int:pk>/step/<str:verb>/", views.scheme_step, name="scheme-step"),
    path("schemes/<int:pk>/indicators/new/", form_page("indicator-new"),
         name="indicator-new"),
    path("schemes/<int:pk>/results/", pages.results, name="results"),
    path("schemes/<int:pk>/result.<str:kind>", views.result_file, name="result-file"),
    path("indicators/<int:pk>/edit/", form_page("indicator-edit"), name="indicator-edit"),
    path("indicators/<int:pk>/remove/", views.indicator_remove, name="indicator-remove"),
    path("indicators/<int:pk>/score/", form_page("score-entry"), name="score-entry"),
    path("scores/", pages.ScoreList.as_view(), name="score_list"),
    path("scores/<int:pk>/", pages.ScoreDetail.as_view(), name="score_detail"),
    path("scores/<int:pk>/appeal/", form_page("appeal-raise"), name="appeal-raise"),
    path("appeals/", pages.AppealList.as_view(), name="appeal_list"),
    path("appeals/<int:pk>/", pages.AppealDetail.as_view(), name="appeal_detail"),
    path("appeals/<int:pk>/accept/", views.appeal_accept, name="appeal-accept"),
    path("appeals/<int:pk>/decide/", form_page("appeal-decide"), name="appeal-decide"),
]
