from django.urls import path

from . import pages, views

app_name = "oversight"
urlpatterns = [
    path("", views.home, name="home"),
    path("findings/", pages.FindingList.as_view(), name="finding_list"),
    path("findings/<int:pk>/", pages.FindingDetail.as_view(), name="finding_detail"),
    path("notices/", pages.NoticeList.as_view(), name="notice_list"),
    path("notices/<int:pk>/", pages.NoticeDetail.as_view(), name="notice_detail"),
    path("measures/", pages.MeasureList.as_view(), name="measure_list"),
    path("measures/<int:pk>/", pages.MeasureDetail.as_view(), name="measure_detail"),
    path("risk-points/", pages.RiskPointList.as_view(), name="riskpoint_list"),
    path("risk-points/<int:pk>/", pages.RiskPointDetail.as_view(), name="riskpoint_detail"),
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
