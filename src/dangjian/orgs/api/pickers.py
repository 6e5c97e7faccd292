"""The organisation picker's type-ahead: scoped, by name or pinyin, at most 20 rows."""

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dangjian.access.scoping import restrict
from dangjian.core.pickers import PICKER_LIMIT, PickerQuery, PickerResult, matching
from dangjian.orgs.models import Organization


class OrganizationPicker(APIView):
    """选择组织：名称片段、拼音首字母或全拼前缀查找，最多返回20个。"""

    @extend_schema(parameters=[PickerQuery], responses=PickerResult(many=True))
    def get(self, request: Request) -> Response:
        query = PickerQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        rows = matching(restrict(Organization.objects.all(), request.user),
                        query.validated_data["q"])
        if query.validated_data.get("kind"):
            rows = rows.filter(kind__in=query.validated_data["kind"])
        rows = rows.select_related("parent").order_by("path")[:PICKER_LIMIT]
        return Response([{"id": o.pk, "label": o.name, "depth": o.depth,
                          "detail": o.parent.name if o.parent else ""} for o in rows])
