from django.urls import path

from . import pages
from .views import desk, files, forms, imports, plans

app_name = "tasks"
urlpatterns = [
    path("", desk.home, name="home"),
    path("tasks/", pages.TaskList.as_view(), name="task_list"),
    path("tasks/<int:pk>/", pages.TaskDetail.as_view(), name="task_detail"),
    path("plans/", pages.PlanList.as_view(), name="plan_list"),
    path("plans/<int:pk>/", pages.PlanDetail.as_view(), name="plan_detail"),
    path("bulletins/", pages.BulletinList.as_view(), name="bulletin_list"),
    path("plans/new/", forms.plan_new, name="plan-new"),
    # The plan page's former name, still reversed by links in notifications and imports.
    path("plans/<int:pk>/", pages.PlanDetail.as_view(), name="plan"),
    path("plans/<int:pk>/revise/", forms.plan_revise, name="plan-revise"),
    path("plans/<int:pk>/review/", plans.review, name="review"),
    path("plans/<int:pk>/milestones/", forms.milestone_new, name="milestone-new"),
    path("plans/<int:pk>/tasks.xlsx", files.plan_export, name="plan-export"),
    path("plans/<int:plan>/proposals/<int:pk>/", plans.proposal_save, name="proposal-save"),
    path("plans/<int:plan>/proposals/<int:pk>/<str:verb>/", plans.proposal_act,
         name="proposal-act"),
    path("plans/<int:plan>/assign/", plans.proposals_assign, name="proposals-assign"),
    path("plans/<int:plan>/confirm/", plans.confirm, name="confirm"),
    path("tasks/<int:pk>/report/", forms.report, name="report"),
    path("tasks/<int:pk>/review/", forms.review, name="task-review"),
    path("tasks/<int:pk>/edit/", forms.edit, name="task-edit"),
    path("evidence/<int:pk>/", files.evidence, name="evidence"),
    path("bulletins/new/", forms.bulletin_new, name="bulletin-new"),
    path("bulletins/<int:pk>/document.docx", files.bulletin_document, name="bulletin-document"),
    path("import/", imports.page, name="import"),
    path("import/start/", imports.start, name="import-start"),
    path("import/<int:pk>/", imports.job, name="import-job"),
    path("import/<int:pk>/advance/", imports.advance, name="import-advance"),
]
