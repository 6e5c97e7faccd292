from django.urls import path

from . import pages
from .views import candidates, reports, roster, study, visits

app_name = "members"
urlpatterns = [
    path("", candidates.candidates, name="candidates"),
    path("candidates/", pages.CandidateList.as_view(), name="candidate_list"),
    path("candidates/<int:pk>/", pages.CandidateDetail.as_view(), name="candidate_detail"),
    path("candidates/new/", candidates.candidate_new, name="candidate-new"),
    path("candidates/<int:pk>/steps/", candidates.candidate_step, name="candidate-step"),
    path("candidates/<int:pk>/extend/", pages.candidate_extend, name="candidate-extend"),
    path("candidates/<int:pk>/close/", pages.candidate_close_page, name="candidate-close"),
    path("roster/", roster.roster_upload, name="roster"),
    path("roster-template.xlsx", roster.roster_template_download, name="roster-template"),
    path("study/", study.study, name="study"),
    path("study/records/", pages.StudyRecordList.as_view(), name="studyrecord_list"),
    path("study/records/<int:pk>/", pages.StudyRecordDetail.as_view(),
         name="studyrecord_detail"),
    path("study/new/", study.study_new, name="study-new"),
    path("visits/", visits.visits, name="visits"),
    path("visits/list/", pages.VisitList.as_view(), name="visit_list"),
    path("visits/<int:pk>/", pages.VisitDetail.as_view(), name="visit_detail"),
    path("visits/new/", visits.visit_new, name="visit-new"),
    path("visits/coverage/", reports.visit_coverage, name="visit-coverage"),
    path("structure/", reports.structure, name="structure"),
    path("structure.xlsx", reports.structure_export, name="structure-export"),
]
