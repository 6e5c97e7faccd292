from django.urls import path

from .views import desk, files, imports, plans, progress

app_name = "tasks"
urlpatterns = [
    path("", desk.home, name="home"),
    path("plans/new/", plans.plan_new, name="plan-new"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan"),
    path("plans/<int:pk>/revise/", plans.plan_revise, name="plan-revise"),
    path("plans/<int:pk>/review/", plans.review, name="review"),
    path("plans/<int:pk>/milestones/", plans.milestone_new, name="milestone-new"),
    path("plans/<int:pk>/tasks.xlsx", files.plan_export, name="plan-export"),
    path("plans/<int:plan>/proposals/<int:pk>/", plans.proposal_save, name="proposal-save"),
    path("plans/<int:plan>/proposals/<int:pk>/<str:verb>/", plans.proposal_act,
         name="proposal-act"),
    path("plans/<int:plan>/assign/", plans.proposals_assign, name="proposals-assign"),
    path("plans/<int:plan>/confirm/", plans.confirm, name="confirm"),
    path("tasks/<int:pk>/report/", progress.report, name="report"),
    path("tasks/<int:pk>/review/", progress.review, name="task-review"),
    path("evidence/<int:pk>/", files.evidence, name="evidence"),
    path("bulletins/new/", files.bulletin_new, name="bulletin-new"),
    path("bulletins/<int:pk>/document.docx", files.bulletin_document, name="bulletin-document"),
    path("import/", imports.page, name="import"),
    path("import/start/", imports.start, name="import-start"),
    path("import/<int:pk>/", imports.job, name="import-job"),
    path("import/<int:pk>/advance/", imports.advance, name="import-advance"),
]
