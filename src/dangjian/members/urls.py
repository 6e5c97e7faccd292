from django.urls import path

from .views import candidates, roster, study, visits

app_name = "members"
urlpatterns = [
    path("", candidates.candidates, name="candidates"),
    path("candidates/new/", candidates.candidate_new, name="candidate-new"),
    path("candidates/<int:pk>/steps/", candidates.candidate_step, name="candidate-step"),
    path("roster/", roster.roster_upload, name="roster"),
    path("roster-template.xlsx", roster.roster_template_download, name="roster-template"),
    path("study/", study.study, name="study"),
    path("study/new/", study.study_new, name="study-new"),
    path("visits/", visits.visits, name="visits"),
    path("visits/new/", visits.visit_new, name="visit-new"),
]
