from django.urls import path

from . import action_pages as actions
from . import pages

app_name = "openness"
urlpatterns = [
    path("", pages.overview, name="home"),
    path("catalogue/", pages.CatalogueList.as_view(), name="catalogue_list"),
    path("catalogue/new/", actions.item_new, name="item-new"),
    path("catalogue/<int:pk>/edit/", actions.item_edit, name="item-edit"),
    path("catalogue/<int:pk>/deactivate/", actions.item_deactivate, name="item-deactivate"),
    path("disclosures/", pages.DisclosureList.as_view(), name="disclosure_list"),
    path("disclosures/new/", actions.disclosure_new, name="disclosure-new"),
    path("disclosures/prepare/", actions.disclosure_prepare, name="disclosure-prepare"),
    path("disclosures/<int:pk>/", pages.DisclosureDetail.as_view(), name="disclosure_detail"),
    path("disclosures/<int:pk>/edit/", actions.disclosure_edit, name="disclosure-edit"),
    path("disclosures/<int:pk>/attach/", actions.disclosure_attach, name="disclosure-attach"),
    *[path(f"disclosures/<int:pk>/{verb}/", view, name=f"disclosure-{verb}")
      for verb, view in actions.disclosure_steps.items()],
    path("feedback/", pages.FeedbackList.as_view(), name="feedback_list"),
    path("feedback/<int:pk>/answer/", actions.feedback_answer, name="feedback-answer"),
    path("requests/", pages.RequestList.as_view(), name="request_list"),
    path("requests/new/", actions.request_new, name="request-new"),
    path("requests/<int:pk>/", pages.RequestDetail.as_view(), name="request_detail"),
    path("requests/<int:pk>/extend/", actions.request_extend, name="request-extend"),
    path("requests/<int:pk>/decide/", actions.request_decide, name="request-decide"),
]
