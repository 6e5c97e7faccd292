from django.urls import path

from . import views

app_name = "oversight"
urlpatterns = [
    path("", views.home, name="home"),
    path("ledger.xlsx", views.ledger_export, name="ledger-export"),
    path("findings/new/", views.finding_new, name="finding-new"),
    path("notices/new/", views.notice_new, name="notice-new"),
    path("notices/<int:pk>/<str:verb>/", views.notice_act, name="notice-act"),
    path("findings/<int:finding>/measures/new/", views.measure_new, name="measure-new"),
    path("measures/<int:pk>/progress/", views.measure_progress, name="measure-progress"),
    path("measures/<int:pk>/evidence/", views.measure_evidence, name="measure-evidence"),
    path("evidence/<int:pk>/", views.evidence_file, name="evidence"),
    path("measures/<int:pk>/submit/", views.measure_submit, name="measure-submit"),
    path("measures/<int:pk>/verify/", views.measure_verify, name="measure-verify"),
    path("self-checks/<int:pk>/answer/", views.self_check_answer, name="selfcheck-answer"),
]
