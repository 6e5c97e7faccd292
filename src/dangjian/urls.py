"""Project URLs: each app owns its pages and its api/; this module only includes them."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from dangjian.web.availability import healthz

# A database outage answers 503 with a Chinese message rather than a bare 500 page.
handler500 = "dangjian.web.availability.server_error"
# An API path no route matches (a malformed id) answers in JSON like the API's other 404s.
handler404 = "dangjian.core.api.not_found"
# A refusal outside DRF answers the API in JSON too; pages get the Chinese 403.html.
handler403 = "dangjian.core.api.permission_denied"

api_v1 = [
    path("", include("dangjian.access.api.urls")),
    path("", include("dangjian.audit.api.urls")),
    path("", include("dangjian.orgs.api.urls")),
    path("", include("dangjian.people.api.urls")),
    path("", include("dangjian.notifications.api.urls")),
    path("", include("dangjian.oversight.api.urls")),
    path("", include("dangjian.duties.api.urls")),
    path("", include("dangjian.tasks.api.urls")),
    path("", include("dangjian.orglife.api.urls")),
    path("", include("dangjian.members.api.urls")),
    path("", include("dangjian.openness.api.urls")),
    path("", include("dangjian.villages.api.urls")),
    path("assessment/", include("dangjian.assessment.api.urls")),
    path("", include("dangjian.dashboard.api.urls")),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include((api_v1, "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("", include("dangjian.notifications.urls")),
    path("oversight/", include("dangjian.oversight.urls")),
    path("duties/", include("dangjian.duties.urls")),
    path("tasks/", include("dangjian.tasks.urls")),
    path("orglife/", include("dangjian.orglife.urls")),
    path("members/", include("dangjian.members.urls")),
    path("openness/", include("dangjian.openness.urls")),
    path("gongkai/", include("dangjian.openness.portal_urls")),
    path("villages/", include("dangjian.villages.urls")),
    path("assessment/", include("dangjian.assessment.urls")),
    path("cockpit/", include("dangjian.dashboard.urls")),
    path("organizations/", include("dangjian.orgs.urls")),
    path("persons/", include("dangjian.people.urls")),
    path("audit/", include("dangjian.audit.urls")),
    path("accounts/", include("dangjian.access.urls")),
    path("", include("dangjian.web.urls")),
]
