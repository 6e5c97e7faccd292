"""``GET /api/v1/dashboard/``: the cockpit's figures as JSON for the signed-in user's scope."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from ..cockpit import cockpit_for, has_cockpit
from ..pages import REFUSED


@extend_schema(responses=OpenApiTypes.OBJECT)
@api_view(["GET"])
def dashboard(request: Request) -> Response:
    """{scope, as_of, red: [{module, kind, id, title, organization, light, due_on, url}],
    red_counts, tiles, deductions}."""
    if not has_cockpit(request.user):
        raise PermissionDenied(REFUSED)
    return Response(cockpit_for(request.user).as_dict())
