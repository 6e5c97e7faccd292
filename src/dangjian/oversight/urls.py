from django.urls import path

from . import pages, views
from .action_pages import view as action_page

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
    path("self-checks/", pages.SelfCheckList.as_view(), name="selfcheck_list"),
    path("self-checks/<int:pk>/", pages.SelfCheckDetail.as_view(), name="selfcheck_detail"),
    path("accountability/", pages.AccountabilityList.as_view(), name="accountability_list"),
    path("accountability/<int:pk>/", pages.AccountabilityDetail.as_view(),
         name="accountability_detail"),
    path("ledger.xlsx", views.ledger_export, name="ledger-export"),
    # One form a page: GET shows it, POST does the action.
    path("findings/new/", action_page("finding-new"), name="finding-new"),
    path("notices/new/", action_page("notice-new"), name="notice-new"),
    path("notices/<int:pk>/<str:verb>/", action_page("notice-act"), name="notice-act"),
    path("findings/<int:finding>/measures/new/", action_page("measure-new"), name="measure-new"),
    path("findings/<int:pk>/self-checks/new/", action_page("selfcheck-send"),
         name="selfcheck-send"),
    path("measures/<int:pk>/progress/", action_page("measure-progress"),
         name="measure-progress"),
    path("measures/<int:pk>/evidence/", action_page("measure-evidence"),
         name="measure-evidence"),
    path("evidence/<int:pk>/", views.evidence_file, name="evidence"),
    path("measures/<int:pk>/submit/", action_page("measure-submit"), name="measure-submit"),
    path("measures/<int:pk>/verify/", action_page("measure-verify"), name="measure-verify"),
    path("self-checks/<int:pk>/answer/", action_page("selfcheck-answer"),
         name="selfcheck-answer"),
    path("accountability/<int:pk>/decide/", action_page("accountability-decide"),
         name="accountability-decide"),
    path("accountability/<int:pk>/complete/", action_page("accountability-complete"),
         name="accountability-complete"),
    path("accountability/<int:pk>/correct/", action_page("accountability-correct"),
         name="accountability-correct"),
]
