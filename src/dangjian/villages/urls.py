from django.urls import path

from . import campaign_pages, pages

app_name = "villages"
urlpatterns = [
    path("summary/", pages.summary, name="summary"),
    path("incomes/", pages.IncomeList.as_view(), name="income_list"),
    path("incomes/new/", pages.income_new, name="income-new"),
    path("incomes/<int:pk>/", pages.IncomeDetail.as_view(), name="income_detail"),
    path("incomes/<int:pk>/edit/", pages.income_edit, name="income-edit"),
    path("incomes/<int:pk>/submit/", pages.income_submit, name="income-submit"),
    path("incomes/<int:pk>/verify/", pages.income_verify, name="income-verify"),
    path("incomes/<int:pk>/confirm/", pages.income_confirm, name="income-confirm"),
    path("<int:pk>/profile/", pages.village_profile, name="village-profile"),
    path("target/", pages.target_edit, name="target"),
    path("links/", pages.link_list, name="link_list"),
    path("links/new/", pages.link_new, name="link-new"),
    path("links/<int:pk>/end/", pages.link_end, name="link-end"),
    path("mine/", pages.my_links, name="my-links"),
    path("campaigns/", campaign_pages.campaign_list, name="campaign_list"),
    path("campaigns/new/", campaign_pages.campaign_new, name="campaign-new"),
    path("campaigns/<int:pk>/", campaign_pages.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/declare/", campaign_pages.entry_new, name="campaign-entry-new"),
    path("campaign-entries/<int:pk>/advance/", campaign_pages.entry_advance,
         name="campaign-entry-advance"),
]
